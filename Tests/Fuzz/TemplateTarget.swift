// libFuzzer target: the template parser and renderer (strict and not).
import LetterTemplating

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let template = try? Template(text, name: "fuzz") else { return 0 }
    let context: Value = [
        "a": "x", "b": true, "list": [["n": 1], ["n": 2]], "map": ["k": "{{a}}"], "empty": .list([]),
    ]
    let library = TemplateLibrary(templates: ["fuzz": template, "self": template])
    _ = try? template.render(context, escaping: .html, strict: false)
    _ = try? library.render("fuzz", context: context, escaping: .markdown, strict: true)
    return 0
}
