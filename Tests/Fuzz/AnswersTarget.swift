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
        let file = AnswerFile(
            text: text, file: "fuzz", graph: fuzzContent.graph, parser: fuzzContent.parser(for: language),
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
    // The same bytes as a spreadsheet, read whole and as a stream cut at every 7th
    // byte: the stream gives the same records, whatever the chunks.
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var whole: [CSV.Record] = []
    var wholeStream = CSV.Stream()
    let wholeFailure = wholeStream.feed(bytes, { whole.append($0) }) ?? wholeStream.finish { whole.append($0) }
    var pieces: [CSV.Record] = []
    var stream = CSV.Stream()
    var failure: CSV.Failure?
    for start in stride(from: 0, to: bytes.count, by: 7) where failure == nil {
        failure = stream.feed(bytes[start..<min(start + 7, bytes.count)]) { pieces.append($0) }
    }
    if failure == nil { failure = stream.finish { pieces.append($0) } }
    precondition(pieces == whole && failure == wholeFailure, "the stream depends on its chunks")
    _ = BatchFile(
        bytes: bytes, file: "fuzz", graph: fuzzContent.graph, parser: fuzzContent.parser(for: "fr"),
        texts: fuzzContent.texts["fr"]!)
    return 0
}
