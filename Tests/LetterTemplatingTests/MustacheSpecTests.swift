import Foundation
import XCTest

@testable import LetterTemplating

/// Runs the official Mustache specification, vendored in `mustache-spec/` with its licence.
final class MustacheSpecTests: XCTestCase {
    static let coreModules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    func testEveryCoreSpecificationTestPasses() throws {
        var passed = 0
        var failures: [String] = []
        for module in Self.coreModules {
            for test in try SpecFile.load(module).tests {
                let partials = try test.partials.mapValues { try Template($0, name: "partial") }
                do {
                    let rendered = try Template(test.template, name: test.name).render(test.data, partials: partials)
                    if rendered == test.expected {
                        passed += 1
                    } else {
                        failures.append(
                            "\(module) « \(test.name) »: \(rendered.debugDescription) ≠ \(test.expected.debugDescription)"
                        )
                    }
                } catch {
                    failures.append("\(module) « \(test.name) »: \(error)")
                }
            }
        }
        XCTAssertEqual(failures, [])
        XCTAssertEqual(passed, 136, "the core specification has 136 tests")
    }
}

/// One file of the specification: JSON with a list of tests.
struct SpecFile: Decodable {
    struct Test: Decodable {
        var name: String
        var data: Value
        var template: String
        var expected: String
        var partials: [String: String] = [:]

        enum CodingKeys: String, CodingKey { case name, data, template, expected, partials }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            data = try container.decode(Value.self, forKey: .data)
            template = try container.decode(String.self, forKey: .template)
            expected = try container.decode(String.self, forKey: .expected)
            partials = try container.decodeIfPresent([String: String].self, forKey: .partials) ?? [:]
        }
    }
    var tests: [Test]

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("mustache-spec")
    }

    static func load(_ module: String) throws -> SpecFile {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(module).json"))
        return try JSONDecoder().decode(SpecFile.self, from: data)
    }
}

extension Value: Decodable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([Value].self) {
            self = .list(items)
        } else {
            self = .map(Fields(try container.decode([String: Value].self)))
        }
    }
}
