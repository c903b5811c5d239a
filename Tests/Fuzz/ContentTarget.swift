// libFuzzer target: the content compiler, with the fuzzed text as one of its files.
import ContentLoading
import Foundation

let shipped: [String: String] = {
    let folder = ProcessInfo.processInfo.environment["GOODBYE_CONTENT"] ?? "Localization"
    return try! ContentLoader.read(URL(fileURLWithPath: folder))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContent(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let names = ["dialogue.ini", "fr/texts.ini", "fr/letters/letter.mustache", "data/rates.ini"]
    let target = names[Int(data[0]) % names.count]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    var files = shipped
    files[target] = text
    _ = ContentCompiler.compile(files: files)
    return 0
}
