import Foundation
import XCTest

/// Copies of the shipped content for a test to break, removed after it.
public enum ContentCopies {
    /// A copy of `Localization/`.
    public static func copy(_ test: XCTestCase) throws -> URL {
        let folder = try temporaryFolder(test).appendingPathComponent("Localization")
        try FileManager.default.copyItem(at: Paths.content, to: folder)
        return folder
    }

    /// A copy with the edits of the check fixture `code` applied
    /// (`Tests/ContentLoadingTests/Fixtures/CODE/edit.txt`: `FILE | FROM | TO` per line,
    /// or `COPY | FROM | TO`; `\n` is a line break).
    public static func broken(_ code: String, _ test: XCTestCase, file: StaticString = #filePath, line: UInt = #line)
        throws -> URL
    {
        let folder = try copy(test)
        let edits = try String(
            contentsOf: Paths.checkFixtures.appendingPathComponent("\(code)/edit.txt"), encoding: .utf8)
        for entry in edits.split(separator: "\n") where !entry.hasPrefix("#") {
            let parts = entry.components(separatedBy: " | ").map { $0.replacingOccurrences(of: "\\n", with: "\n") }
            XCTAssertEqual(parts.count, 3, "\(code): \(entry)", file: file, line: line)
            guard parts.count == 3 else { continue }
            if parts[0] == "COPY" {
                try FileManager.default.copyItem(
                    at: folder.appendingPathComponent(parts[1]), to: folder.appendingPathComponent(parts[2]))
                continue
            }
            let target = folder.appendingPathComponent(parts[0])
            let text = try String(contentsOf: target, encoding: .utf8)
            XCTAssertTrue(
                text.contains(parts[1]), "\(code): the fixture's text to replace is no longer in \(parts[0])",
                file: file, line: line)
            try text.replacingOccurrences(of: parts[1], with: parts[2]).write(
                to: target, atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Replaces `from` with `to` in each of `files` of `folder`.
    public static func edit(_ folder: URL, _ files: [String], _ from: String, _ to: String) throws {
        for name in files {
            let target = folder.appendingPathComponent(name)
            let text = try String(contentsOf: target, encoding: .utf8)
            try text.replacingOccurrences(of: from, with: to).write(to: target, atomically: true, encoding: .utf8)
        }
    }

    /// A copy whose review node is `recap`, its texts renamed with it.
    public static func renamedReview(_ test: XCTestCase) throws -> URL {
        let recap = try copy(test)
        try edit(recap, ["dialogue.ini", "fr/texts.ini", "en/texts.ini"], "[review]\n", "[recap]\n")
        try edit(recap, ["dialogue.ini"], "next = review\n", "next = recap\n")
        try edit(recap, ["dialogue.ini"], "next.oui = review\n", "next.oui = recap\n")
        return recap
    }
}
