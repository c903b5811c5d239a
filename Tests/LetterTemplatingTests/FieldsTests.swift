import XCTest

@testable import LetterTemplating

/// Issue 15: a map's fields are kept by interned name, so that rendering compares
/// numbers; used from outside like a dictionary with string keys.
final class FieldsTests: XCTestCase {
    func testFieldsBehaveLikeADictionary() {
        var fields: Fields = ["b": "2", "a": "1", "b": "3"]
        XCTAssertEqual(fields.count, 2, "a repeated key keeps one entry")
        XCTAssertEqual(fields["b"], "3", "the last value of a repeated key wins")
        fields["c"] = .bool(true)
        fields["a"] = nil
        XCTAssertNil(fields["a"])
        XCTAssertEqual(fields.dictionary, ["b": "3", "c": .bool(true)])
        XCTAssertEqual(Set(fields.map(\.key)), ["b", "c"])
        XCTAssertNil(fields["une-clé-jamais-vue-\(UUID().uuidString)"])
    }

    func testEqualityDoesNotDependOnTheOrderOfInsertion() {
        var first = Fields()
        first["zèbre"] = "z"
        first["âne"] = "a"
        let second: Fields = ["âne": "a", "zèbre": "z"]
        XCTAssertEqual(first, second)
        XCTAssertEqual(Value.map(first), ["âne": "a", "zèbre": "z"])
        XCTAssertNotEqual(first, ["âne": "a"])
    }

    func testANameIsTheSameNumberEverywhere() {
        XCTAssertEqual(Name("client"), Name("client"))
        XCTAssertNotEqual(Name("client"), Name("Client"))
        XCTAssertEqual(Name("société").text, "société")
    }

    /// Names resolved at parse time still find data built afterwards, in nested contexts,
    /// and a name the data never had is missing in strict mode.
    func testRenderingByInternedNames() throws {
        let template = try Template("{{#client}}{{nom}} – {{ville.code}}{{/client}} {{absent}}", name: "t")
        let context: Value = ["client": ["nom": "Dupont", "ville": ["code": "75001"]], "absent": ""]
        XCTAssertEqual(try template.render(context, escaping: .none, strict: true), "Dupont – 75001 ")
        XCTAssertThrowsError(try template.render(["client": ["nom": "Dupont"]], escaping: .none, strict: true))
    }
}
