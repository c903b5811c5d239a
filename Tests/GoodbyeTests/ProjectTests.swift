import Foundation
import XCTest

/// The project's own checks that are not about one library: the pure cores stay pure.
final class ProjectTests: XCTestCase {
    /// DialogueCore, LetterTemplating and LetterComposition import no I/O (Scripts/check-purity.sh).
    func testThePureCoresImportNoInputOrOutput() throws {
        let (status, output) = try runTool("/bin/bash", [Paths.repository.appendingPathComponent("Scripts/check-purity.sh").path])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("3 passed, 0 failed"), output)
    }

    /// What a test needs is in the clone: the Mustache specification with its licence,
    /// the French checker; nothing is read from a folder beside the repository.
    func testNothingATestNeedsLivesOutsideTheRepository() throws {
        let spec = Paths.repository.appendingPathComponent("Tests/LetterTemplatingTests/mustache-spec")
        for file in ["LICENSE", "sections.json", "interpolation.json", "partials.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: spec.appendingPathComponent(file).path), file)
        }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Paths.checkFrench.path))
        let tests = Paths.repository.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        XCTAssertFalse(files.isEmpty)
        for url in files where url.pathExtension == "swift" && url.lastPathComponent != "ProjectTests.swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertFalse(text.contains("../shared") || text.contains("\"shared/"), "\(url.lastPathComponent) reads ../shared")
        }
    }
}
