import Foundation
import GoodbyeCLI
import TestSupport
import XCTest

/// Runs goodbye with arguments, standard input and extra environment: in this process
/// (the `App` the binary runs, on a `PipedTerminal`), or, given a `directory` to run
/// in, as the built binary. The environment is the one the binary would get.
func goodbye(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:], directory: URL? = nil,
    file: StaticString = #filePath, line: UInt = #line
) throws -> Outcome {
    if directory != nil {
        return try goodbyeBinary(arguments, stdin: stdin, environment: environment, directory: directory)
    }
    let terminal = PipedTerminal(stdin: Array(stdin.utf8))
    let app = App(terminal: terminal, environment: Launched.environment(adding: environment))
    let status = InProcess.run("goodbye " + arguments.joined(separator: " "), file: file, line: line) {
        app.run(arguments)
    }
    return Outcome(status: status, stdout: String(decoding: terminal.output, as: UTF8.self), stderr: terminal.errors)
}

/// A run in this process with the binary's watchdog: one that has not ended after its
/// limit (60 s, times `GOODBYE_TEST_WATCHDOG`) cannot be stopped from outside, so the
/// test run ends there, naming it, instead of hanging.
enum InProcess {
    private final class Result: @unchecked Sendable {
        var status: Int32 = 0
    }

    private struct Work: @unchecked Sendable {
        let body: () -> Int32
    }

    static func run(_ what: String, seconds: Double = 60, file: StaticString, line: UInt, _ body: @escaping () -> Int32)
        -> Int32
    {
        let result = Result()
        let done = DispatchSemaphore(value: 0)
        let work = Work(body: body)
        // A thread of its own with the main thread's stack: deep templates recurse.
        let thread = Thread {
            result.status = work.body()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        let scale = Double(ProcessInfo.processInfo.environment["GOODBYE_TEST_WATCHDOG"] ?? "") ?? 1
        if done.wait(timeout: .now() + seconds * scale) == .timedOut {
            let message =
                "\(file):\(line): \(what) was still running after \(Int(seconds * scale)) s in process: a stuck test\n"
            FileHandle.standardError.write(Data(message.utf8))
            exit(1)
        }
        return result.status
    }
}

/// A terminal on pipes, in process: standard input given whole and read line by line
/// as `StandardTerminal` reads it; the bytes written to standard output, and standard
/// error, kept. `--answers -` reads standard input as a file, as the binary reads
/// `/dev/stdin`: a file holding the same bytes, removed with the terminal.
final class PipedTerminal: Terminal {
    private let stdin: [UInt8]
    private var input: ArraySlice<UInt8>
    private var file: URL?
    private(set) var output: [UInt8] = []
    private(set) var errors = ""
    let isInteractive = false
    let outputIsTerminal = false
    let errorIsTerminal = false
    let width = 80

    init(stdin: [UInt8]) {
        self.stdin = stdin
        input = stdin[...]
    }

    deinit {
        if let file { try? FileManager.default.removeItem(at: file) }
    }

    /// Read as a file, standard input is used up, as a pipe is: no line is left to read.
    var standardInputPath: String? {
        input = []
        if let file { return file.path }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("goodbye-stdin-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(stdin)) else { return nil }
        file = url
        return url.path
    }

    func write(_ text: String) { output += Array(text.utf8) }
    func writeBytes(_ bytes: [UInt8]) { output += bytes }
    func writeError(_ text: String) { errors += text }

    func readLine() -> String? {
        guard !input.isEmpty else { return nil }
        let end = input.firstIndex(of: UInt8(ascii: "\n")) ?? input.endIndex
        var line = input[..<end]
        input = end == input.endIndex ? [] : input[(end + 1)...]
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    func readAll() -> String? {
        defer { input = [] }
        return String(decoding: input, as: UTF8.self)
    }
}
