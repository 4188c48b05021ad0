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

    /// A document written piece by piece, in chunks of any size, is byte for byte the value's
    /// rendering: a corpus-wide report is streamed without changing a byte of it.
    @Test func aStreamedDocumentIsTheRenderedValueInChunks() {
        let value: JSONValue = .object([
            "z": .array([.object(["b": .int(1), "a": .array([])]), .string("x\n\"y\""), .object([:])]),
            "a": .array([.array([.null, .bool(false)]), .double(0.25)]),
            "m": .object(["k": .array([.int(2)])]),
            "e": .array([]),
        ])
        func piece(_ value: JSONValue, depth: Int) -> JSONPiece {
            switch value {
            case .array(let items) where depth.isMultiple(of: 2): .array(count: items.count) { piece(items[$0], depth: depth + 1) }
            case .object(let members) where !members.isEmpty: .object(members.mapValues { piece($0, depth: depth + 1) })
            default: .value(value)
            }
        }
        for chunk in [1, 7, 1 << 20] {
            var chunks: [[UInt8]] = []
            JSONStreamWriter<Never>.write(piece(value, depth: 0), chunkBytes: chunk) { chunks.append($0) }
            #expect(chunks.joined().elementsEqual(value.renderedBytes()), "chunks of \(chunk)")
            #expect(chunk > 1 || chunks.count > 3, "chunks of one byte are handed out as the pieces end")
        }
    }

    /// The reader decodes escapes inside long runs of plain text (a part's record holds an
    /// article's XML as one string) and still refuses what JSON forbids.
    @Test func stringsWithEscapesBetweenLongRunsReadBack() throws {
        let text = String(repeating: "plain é text ", count: 200) + "\"q\" \\ \n\t 🙂 \u{7}" + String(repeating: "tail ", count: 100)
        let node = try JSONReader.parse(JSONValue.array([.string(text)]).renderedBytes())
        #expect(node.array?.first?.text == text)
        #expect(try JSONReader.parse(Array(#""\ud83d\ude42 \u00e9""#.utf8)).text == "🙂 é")
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(Array("\"a\nb\"".utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse([0x22, 0x61, 0xFF, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(Array(#""\ud83d x""#.utf8)) }
    }
}
