import XCTest

@testable import LetterTemplating

final class StrictModeTests: XCTestCase {
    func testAMissingVariableNamesTemplateLineAndColumn() throws {
        let template = try Template("Bonjour,\n  {{client.nom}} !", name: "lettre")
        XCTAssertThrowsError(try template.render(["client": ["name": "Dubois"]], escaping: .none, strict: true)) {
            error in
            let error = error as! TemplateError
            XCTAssertEqual(error.kind, .missingVariable("client.nom"))
            XCTAssertEqual(error.location, SourceLocation(template: "lettre", line: 2, column: 3))
            XCTAssertTrue(error.description.hasPrefix("lettre:2:3: "))
        }
    }

    func testAMissingSectionOrPartialIsAnErrorToo() throws {
        XCTAssertThrowsError(try Template("{{#factures}}x{{/factures}}").render([:], strict: true))
        XCTAssertThrowsError(try Template("{{> pied}}").render([:], strict: true))
        XCTAssertEqual(try Template("{{#factures}}x{{/factures}}").render([:], strict: false), "")
    }

    func testPresentFalsyValuesAreNotMissing() throws {
        let template = try Template("{{#a}}A{{/a}}{{^b}}B{{/b}}{{c}}", name: "t")
        XCTAssertEqual(try template.render(["a": false, "b": .list([]), "c": ""], strict: true), "B")
    }

    /// Issue 14: 12 000 nested sections overflowed the stack (SIGSEGV). Deeper than the
    /// limit is a parse error at the section that goes too deep; the limit itself renders.
    func testSectionsNestedTooDeepAreAnErrorNotACrash() throws {
        let limit = Parser.maximumDepth
        func nested(_ depth: Int) -> String {
            String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        }
        XCTAssertEqual(try Template(nested(limit), name: "t").render(["a": true], escaping: .none, strict: true), "x")
        for depth in [limit + 1, 12_000] {
            XCTAssertThrowsError(try Template(nested(depth), name: "t")) { error in
                XCTAssertEqual((error as? TemplateError)?.kind, .sectionsTooDeep(limit))
                XCTAssertEqual((error as? TemplateError)?.location.column, 6 * limit + 1)
            }
        }
    }

    /// Issue 14: 20 000 tags on one line took 7 s and 100 000 did not finish: each tag's
    /// column was counted again from the start of the line. Counted once, in order, the
    /// columns stay right (checked at the end of a long line, after accents).
    func testManyTagsOnOneLineParseInOnePass() throws {
        let count = 200_000
        let source = "é" + String(repeating: "{{a}}", count: count) + "{{b}}\n{{c}}"
        let template = try Template(source, name: "t")
        XCTAssertThrowsError(try template.render(["a": "x", "c": "y"], escaping: .none, strict: true)) { error in
            XCTAssertEqual((error as? TemplateError)?.kind, .missingVariable("b"))
            XCTAssertEqual(
                (error as? TemplateError)?.location, SourceLocation(template: "t", line: 1, column: 2 + 5 * count))
        }
        XCTAssertEqual(
            try template.render(["a": "x", "b": "", "c": "y"], escaping: .none, strict: true),
            "é" + String(repeating: "x", count: count) + "\ny")
        // 100 000 sections opened on one line stop at the depth limit, at once.
        XCTAssertThrowsError(try Template(String(repeating: "{{#a}}", count: 100_000), name: "t")) { error in
            XCTAssertEqual((error as? TemplateError)?.kind, .sectionsTooDeep(Parser.maximumDepth))
        }
    }

    func testParseErrorsCarryLineAndColumn() {
        let cases: [(String, TemplateError.Kind, Int, Int)] = [
            ("ligne\n{{#a}}\n", .unclosedSection("a"), 2, 1),
            ("{{#a}}{{/b}}", .mismatchedClose(expected: "a", found: "b"), 1, 7),
            ("x {{/a}}", .unexpectedClose("a"), 1, 3),
            ("ab\ncd {{nom", .unclosedTag, 2, 4),
            ("{{= a =}}", .badDelimiters, 1, 1),
            ("é{{}}", .emptyTag, 1, 2),
        ]
        for (source, kind, line, column) in cases {
            XCTAssertThrowsError(try Template(source, name: "t"), source) { error in
                let error = error as! TemplateError
                XCTAssertEqual(error.kind, kind, source)
                XCTAssertEqual(error.location.line, line, source)
                XCTAssertEqual(error.location.column, column, source)
            }
        }
    }

    func testValuesAreNeverEvaluatedAsTemplates() throws {
        let template = try Template("{{nom}}", name: "t")
        XCTAssertEqual(try template.render(["nom": "{{secret}} <b>"], escaping: .none, strict: true), "{{secret}} <b>")
        XCTAssertEqual(try template.render(["nom": "a*b_c"], escaping: .markdown, strict: true), "a\\*b\\_c")
    }

    func testAPartialIncludingItselfStops() throws {
        let library = TemplateLibrary(templates: ["boucle": try Template("{{> boucle}}", name: "boucle")])
        XCTAssertThrowsError(try library.render("boucle", context: [:])) { error in
            XCTAssertEqual((error as! TemplateError).kind, .partialTooDeep("boucle"))
        }
    }
}
