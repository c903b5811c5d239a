import Foundation
import XCTest

/// `Scripts/install.sh --prefix DIR`, then a full session from another directory,
/// with no source tree in sight.
final class InstallTests: XCTestCase {
    func testAnInstalledGoodbyeRunsAFullSessionFromAnyDirectory() throws {
        let prefix = try temporaryFolder(self).appendingPathComponent("préfixe")
        let install = Process()
        install.executableURL = URL(fileURLWithPath: "/bin/bash")
        install.arguments = [Paths.repository.appendingPathComponent("Scripts/install.sh").path, "--prefix", prefix.path]
        // `swift test` holds the lock on .build: build the release in a folder of its own.
        var installEnvironment = ProcessInfo.processInfo.environment
        installEnvironment["GOODBYE_BUILD_DIR"] = Paths.repository.appendingPathComponent(".build-install").path
        install.environment = installEnvironment
        let log = Pipe()
        install.standardOutput = log
        install.standardError = log
        try install.run()
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        install.waitUntilExit()
        XCTAssertEqual(install.terminationStatus, 0, output)
        let binary = prefix.appendingPathComponent("bin/goodbye")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/goodbye/Localization/dialogue.ini").path))

        let elsewhere = try temporaryFolder(self)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--date", "2026-11-29"]
        process.currentDirectoryURL = elsewhere
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "GOODBYE_CONTENT")
        process.environment = environment
        let input = Pipe()
        let stdout = Pipe()
        process.standardInput = input
        process.standardOutput = stdout
        process.standardError = Pipe()
        try process.run()
        let answers = Array(repeating: "non", count: 15) + ["oui", "", "non", ""]
        input.fileHandleForWriting.write(Data((answers.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("Vous pouvez partir"), text)

        let bad = Process()
        bad.executableURL = URL(fileURLWithPath: "/bin/bash")
        bad.arguments = [Paths.repository.appendingPathComponent("Scripts/install.sh").path, "--préfixe"]
        bad.standardError = Pipe()
        try bad.run()
        bad.waitUntilExit()
        XCTAssertEqual(bad.terminationStatus, 64)
    }
}
