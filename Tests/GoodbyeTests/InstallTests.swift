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
        let answers = Array(repeating: "non", count: 15) + ["oui", "", "non", ""]
        let session = try Launched(["--date", "2026-11-29"], directory: elsewhere, binary: binary)
            .finish(stdin: answers.joined(separator: "\n") + "\n")
        let (process, text) = (session, session.stdout)
        XCTAssertEqual(process.status, 0, text)
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
