import Foundation
import XCTest

/// What the test targets share: the repository's paths, launched processes with their
/// watchdog, temporary folders, and the French checks.

/// Paths of the repository, its French checker, the check fixtures and the built binary.
public enum Paths {
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let content = repository.appendingPathComponent("Localization")
    public static let checkFrench = repository.appendingPathComponent("Scripts/check-french")
    public static let checkFixtures = repository.appendingPathComponent("Tests/ContentLoadingTests/Fixtures")

    /// The `goodbye` executable built beside the test bundle.
    public static var binary: URL {
        let folder = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("goodbye"), folder.appendingPathComponent("goodbye"),
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("goodbye"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }
}

/// Ends a launched process that outlives its limit, so that a stuck test fails in
/// seconds instead of hanging the suite: SIGTERM, then SIGKILL two seconds later. Not a
/// timing assertion: the limits are far above any normal run (well under a second for
/// the program, a few seconds for LibreOffice), and `GOODBYE_TEST_WATCHDOG` sets them.
public final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    public let seconds: Double
    public let what: String

    public init(_ process: Process, seconds: Double = 60, what: String) {
        let scale = Double(ProcessInfo.processInfo.environment["GOODBYE_TEST_WATCHDOG"] ?? "") ?? 1
        self.seconds = seconds * scale
        self.what = what
        DispatchQueue.global().asyncAfter(deadline: .now() + self.seconds) { [weak self, process] in
            guard process.isRunning else { return }
            self?.lock.withLock { self?.fired = true }
            process.terminate()
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
    }

    /// Whether the process had to be ended.
    public var stuck: Bool { lock.withLock { fired } }

    /// Whether the process had to be ended; the test fails, naming it.
    @discardableResult
    public func check(file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let stuck = self.stuck
        if stuck {
            XCTFail(
                "\(what) was still running after \(Int(seconds)) s: ended by the watchdog (a stuck test)", file: file,
                line: line)
        }
        return stuck
    }
}

/// What a run of the binary did.
public struct Outcome {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// A started process with its three pipes.
public struct Launched {
    public let process = Process()
    public let input = Pipe()
    public let output = Pipe()
    public let error = Pipe()
    public let watchdog: Watchdog

    /// Starts `binary` (the built goodbye by default) without the caller's GOODBYE_* variables.
    public init(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil, binary: URL = Paths.binary
    ) throws {
        process.executableURL = binary
        process.arguments = arguments
        process.environment = Self.environment(adding: environment)
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        watchdog = Watchdog(process, what: "goodbye " + arguments.joined(separator: " "))
    }

    /// The test run's environment without its GOODBYE_* and locale variables (the tests
    /// choose the language themselves), with `environment` added.
    public static func environment(adding environment: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["GOODBYE_LANG", "GOODBYE_CONTENT", "LC_ALL", "LC_MESSAGES", "LANG"] { env.removeValue(forKey: key) }
        for (key, value) in environment { env[key] = value }
        return env
    }

    /// Writes `stdin`, closes it, and waits for the end (stderr read beside stdout, so
    /// that neither pipe fills while the other is read).
    public func finish(stdin: String, file: StaticString = #filePath, line: UInt = #line) throws -> Outcome {
        let errors = DispatchQueue(label: "stderr")
        var err = Data()
        let reading = DispatchWorkItem { [error] in err = error.fileHandleForReading.readDataToEndOfFile() }
        errors.async(execute: reading)
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        process.waitUntilExit()
        watchdog.check(file: file, line: line)
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}

/// Runs the built binary, for what only a process shows: signals, a terminal, the
/// streams' own errors, the current directory, the exit status of `exit(3)`.
public func goodbyeBinary(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:], directory: URL? = nil
)
    throws -> Outcome
{
    try Launched(arguments, environment: environment, directory: directory).finish(stdin: stdin)
}

/// A temporary folder removed after the test.
public func temporaryFolder(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("goodbye-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// What the French checks need and is missing here, each with how to get it.
public let missingFrenchCheckers: [String] = {
    var missing: [String] = []
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    probe.arguments = ["-c", "import grammalecte"]
    probe.standardOutput = FileHandle.nullDevice
    probe.standardError = FileHandle.nullDevice
    if (try? probe.run()) == nil
        || {
            probe.waitUntilExit()
            return probe.terminationStatus != 0
        }()
    {
        missing.append("Grammalecte")
    }
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    if !paths.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/hunspell") }) {
        missing.append("Hunspell")
    }
    if !FileManager.default.fileExists(atPath: "/usr/share/hunspell/fr_FR.dic") {
        missing.append("the French Hunspell dictionary")
    }
    return missing.isEmpty
        ? []
        : [missing.joined(separator: ", ") + " (" + Install.line(["grammalecte-cli", "hunspell", "hunspell-fr"]) + ")"]
}()

/// The install line a skipped check prints: the Debian packages it needs.
public enum Install {
    public static func line(_ packages: [String]) -> String { "apt-get install -y " + packages.joined(separator: " ") }
}

/// Skips a check whose tools are missing, saying which and how to get them; with
/// GOODBYE_REQUIRE_ALL=1 (set by .ci/run) a missing tool is a failure instead.
public func requireTools(_ missing: [String], for what: String, file: StaticString = #filePath, line: UInt = #line)
    throws
{
    guard !missing.isEmpty else { return }
    let message = "\(what) skipped, missing: " + missing.joined(separator: "; ")
    if ProcessInfo.processInfo.environment["GOODBYE_REQUIRE_ALL"] == "1" {
        XCTFail(message + " (GOODBYE_REQUIRE_ALL=1 forbids skipping)", file: file, line: line)
    }
    throw XCTSkip(message)
}

/// Runs Scripts/check-french over texts; fails the test on any finding, and is
/// skipped, saying why, when the checkers are missing (never a silent pass).
/// `acronyms`: right but unknown to Grammalecte's dictionary, which takes no word list
/// (`RCS`, the registry mention a company types): checked as the acronym `SIRET`.
public func assertFrench(
    _ texts: [String: String], words: [String] = [], acronyms: [String] = [], file: StaticString = #filePath,
    line: UInt = #line
) throws {
    try requireTools(missingFrenchCheckers, for: "French checks (check-french)", file: file, line: line)
    var texts = texts
    var words = words
    if !acronyms.isEmpty {
        let pattern = try NSRegularExpression(
            pattern: "\\b(" + acronyms.map(NSRegularExpression.escapedPattern).joined(separator: "|") + ")\\b")
        texts = texts.mapValues {
            pattern.stringByReplacingMatches(in: $0, range: NSRange($0.startIndex..., in: $0), withTemplate: "SIRET")
        }
        words.append("SIRET")
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goodbye-french-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
        let url = folder.appendingPathComponent(name.replacingOccurrences(of: "/", with: "_") + ".txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        paths.append(url.path)
    }
    var arguments = [Paths.checkFrench.path]
    if !words.isEmpty {
        let list = folder.appendingPathComponent("words.dic")
        try words.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        arguments += ["--words", list.path]
    }
    // The checker's own interpreter (its shebang): Debian's python3, where grammalecte is installed.
    let (status, report) = try runTool("/usr/bin/python3", arguments + paths)
    XCTAssertEqual(status, 0, "check-french found problems:\n\(report)", file: file, line: line)
}

/// Runs a tool to its end: its status, and its standard output and error together.
public func runTool(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let watchdog = Watchdog(process, seconds: 300, what: tool + " " + arguments.joined(separator: " "))
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.check()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The distinct lines of many texts, once each: letters share most of their sentences,
/// and the checkers' time grows with the text.
public func distinctLines(_ texts: [String: String]) -> [String: String] {
    var seen: Set<Substring> = []
    var lines: [Substring] = []
    for (_, text) in texts.sorted(by: { $0.key < $1.key }) {
        for line in text.split(separator: "\n") where seen.insert(line).inserted { lines.append(line) }
    }
    return ["distinct-lines": lines.joined(separator: "\n")]
}

/// Expected French text written with plain spaces in tests, given the no-break spaces
/// French typography requires: before : and », after «, narrow before ; ! ?.
public func fr(_ text: String) -> String {
    text.replacingOccurrences(of: " :", with: "\u{A0}:").replacingOccurrences(of: " ;", with: "\u{202F};")
        .replacingOccurrences(of: " ?", with: "\u{202F}?").replacingOccurrences(of: " !", with: "\u{202F}!")
        .replacingOccurrences(of: "« ", with: "«\u{A0}").replacingOccurrences(of: " »", with: "\u{A0}»")
}
