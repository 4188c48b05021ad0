import Foundation
import Testing
@testable import ArgmarkCore

@Suite struct JSONValueTests {
    @Test func stringsRoundTripThroughAJSONParser() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t cr \r bell \u{7} nul \u{0} unit \u{1F} emoji 🙂 curly “x” é"
        let value: JSONValue = .object(["text": .string(tricky), "b": .array([.int(-3), .double(0.1 + 0.2), .bool(true), .null]), "a": .object([:])])
        let rendered = value.rendered()
        #expect(rendered.hasSuffix("}\n"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == tricky)
        let numbers = try #require(parsed["b"] as? [Any])
        #expect(numbers[0] as? Int == -3)
        #expect((numbers[1] as? Double).map { abs($0 - 0.3) < 1e-12 } == true)
        // Keys are sorted, so the text is the same whatever order the dictionary iterates in.
        #expect(rendered.firstRange(of: "\"a\"")!.lowerBound < rendered.firstRange(of: "\"b\"")!.lowerBound)
        #expect(rendered.contains("\\u0007") && rendered.contains("\\u0000") && rendered.contains("\\u001f"))
        #expect(Array(rendered.utf8) == value.renderedBytes())
    }

    @Test func numbersHaveAFixedForm() {
        #expect(JSONValue.double(1e-7).rendered() == "0\n")
        #expect(JSONValue.double(-0.5).rendered() == "-0.5\n")
        #expect(JSONValue.double(2).rendered() == "2\n")
        #expect(JSONValue.double(.nan).rendered() == "null\n")
    }
}
