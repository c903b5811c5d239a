// libFuzzer target: the answer-file parser against the shipped content.
import ContentLoading
import DialogueCore
import Foundation

let fuzzContent: Content = {
    let folder = ProcessInfo.processInfo.environment["GOODBYE_CONTENT"] ?? "Localization"
    return try! ContentLoader.load(from: URL(fileURLWithPath: folder))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for language in ["fr", "en"] {
        let file = AnswerFile(text: text, file: "fuzz", graph: fuzzContent.graph, parser: fuzzContent.parser(for: language),
            texts: fuzzContent.texts[language]!)
        let engine = Engine(graph: fuzzContent.graph, parser: fuzzContent.parser(for: language))
        var step = engine.begin(answers: file.answers)
        var guardrail = 0
        while !step.state.finished, step.state.current != nil, guardrail < 200 {
            step = engine.send(.answer(""), to: step.state)
            if step.outputs.contains(where: { if case .rejected = $0 { return true } else { return false } }) {
                step = engine.send(.pass, to: step.state)
            }
            guardrail += 1
        }
        precondition(guardrail < 200, "the dialogue did not end")
    }
    return 0
}
