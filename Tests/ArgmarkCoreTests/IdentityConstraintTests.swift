import ArgmarkTestSupport
import Foundation
import Testing
@testable import ArgmarkCore

/// The stream is validated against the schema without its identity constraints, which
/// ``IdentityConstraints`` checks instead; whenever that check is not certain, the whole schema
/// validates the stream again. Either way the findings must be the tree validator's.
@Suite struct IdentityConstraintTests {
    static func fixture() throws -> String {
        try String(contentsOf: Fixtures.validation.appendingPathComponent("valid/fixture.xml"), encoding: .utf8)
    }

    static var corpus: Corpus? {
        ArticleLoader.loadCorpus(besides: Fixtures.validation.appendingPathComponent("valid/fixture.xml").path)
    }

    /// The table is the XSD's: every `xs:unique`, `xs:key` and `xs:keyref` of each root element,
    /// with its selector, field and referred key, and nothing else.
    @Test func tableMirrorsTheSchema() throws {
        let schema = String(decoding: PackageResources.argmark_xsd, as: UTF8.self)
        let definition = try Regex(#"<xs:(unique|key|keyref) name="(\w+)"(?: refer="am:(\w+)")?>\s*<xs:selector xpath="([^"]+)"/>\s*<xs:field xpath="@(\w+)"/>\s*</xs:\1>"#)
        let rootElement = try Regex(#"\n  <xs:element name="(\w+)">"#)
        var fromSchema: [String] = []
        for match in schema.matches(of: definition) {
            let before = schema[..<match.range.lowerBound]
            let root = try #require(before.matches(of: rootElement).last?.output[1].substring)
            let output = match.output
            fromSchema.append([String(root), String(output[1].substring!), String(output[2].substring!), output[3].substring.map(String.init) ?? "-",
                               String(output[4].substring!), String(output[5].substring!)].joined(separator: " "))
        }
        #expect(schema.matches(of: try Regex(#"<xs:(unique|key|keyref)\b"#)).count == fromSchema.count, "a definition the pattern does not read")
        var fromTable: [String] = []
        for (root, constraints) in IdentityConstraints.definitions {
            for constraint in constraints {
                let selector = constraint.selector.map { "am:\($0.section)/am:\($0.item)" }.joined(separator: "|")
                fromTable.append(["\(root)", constraint.kind.rawValue, constraint.name, constraint.refer ?? "-", selector, "\(constraint.field)"].joined(separator: " "))
            }
        }
        #expect(fromSchema.count == 10)
        #expect(fromTable.sorted() == fromSchema.sorted())
    }

    @Test func validFilesAreSettledWithoutTheWholeSchema() throws {
        let outcome = StreamingReader.read(Array(try Self.fixture().utf8), path: "f.xml", schema: .shared)
        #expect(outcome.parseFailure.isEmpty && outcome.schemaDiagnostics.isEmpty)
        #expect(!outcome.identityConstraintsByLibXML)
        let corpusFile = Fixtures.validation.appendingPathComponent("valid/corpus.xml").path
        let corpusOutcome = StreamingReader.read(try FileSystem.read(corpusFile), path: corpusFile, schema: .shared)
        #expect(corpusOutcome.schemaDiagnostics.isEmpty && !corpusOutcome.identityConstraintsByLibXML)
    }

    /// Each broken or uncertain constraint sends the file to the whole schema, and the findings
    /// are then the tree's, worded by libxml2 and placed at the referencing element.
    @Test(arguments: [
        ("duplicate unit id", #"<unit id="u3""#, #"<unit id="u2""#, RuleID.duplicateID),
        ("speaker id used by a unit", #"<unit id="u3""#, #"<unit id="burke""#, .duplicateID),
        ("relation id used by a unit", #"<relation id="r2""#, #"<relation id="u4""#, .duplicateID),
        ("id padded with white space", #"<unit id="u3""#, #"<unit id=" u2 ""#, .duplicateID),
        ("unknown speaker", #"speaker="burke">"#, #"speaker="nobody">"#, .unknownSpeaker),
        ("from names a relation", #"from="u3""#, #"from="r1""#, .unknownUnit),
        ("to names nothing", #"to="u2""#, #"to="u9""#, .unknownUnit),
    ])
    func brokenConstraintsAreLibXMLsFindings(_ name: String, _ original: String, _ replacement: String, _ rule: RuleID) throws {
        let fixture = try Self.fixture()
        let changed = fixture.replacingOccurrences(of: original, with: replacement)
        #expect(changed != fixture, "\(name): the fixture no longer holds \(original)")
        let bytes = Array(changed.utf8)
        let outcome = StreamingReader.read(bytes, path: "m.xml", schema: .shared)
        #expect(outcome.identityConstraintsByLibXML, "\(name)")
        let diagnostics = Validator().validate(bytes: bytes, path: "m.xml", corpus: Self.corpus).diagnostics
        #expect(diagnostics.contains { $0.rule == rule }, "\(name): \(diagnostics.map(\.description))")
        #expect(StreamingValidationTests.differences(bytes, path: "m.xml", corpus: Self.corpus).isEmpty, "\(name)")
    }

    /// A valid file whose values the check cannot compare byte for byte is left to libxml2,
    /// which finds it valid too.
    @Test func uncertainValuesGoToTheWholeSchema() throws {
        let fixture = try Self.fixture()
        let padded = Array(fixture.replacingOccurrences(of: #"<unit id="u3""#, with: #"<unit id=" u3""#).utf8)
        let outcome = StreamingReader.read(padded, path: "p.xml", schema: .shared)
        #expect(outcome.identityConstraintsByLibXML)
        #expect(outcome.schemaDiagnostics.isEmpty)
        #expect(StreamingValidationTests.differences(padded, path: "p.xml", corpus: Self.corpus).isEmpty)
        // A relation that points at a relation is allowed (`to` refers to units or relations).
        let toRelation = Array(fixture.replacingOccurrences(of: #"from="u4" to="u1""#, with: #"from="u4" to="r1""#).utf8)
        let settled = StreamingReader.read(toRelation, path: "t.xml", schema: .shared)
        #expect(settled.schemaDiagnostics.isEmpty && !settled.identityConstraintsByLibXML)
    }

    /// The corpus file's constraints: unique ids over targets and propositions, and each
    /// proposition's target defined.
    @Test func corpusConstraints() throws {
        let path = Fixtures.validation.appendingPathComponent("valid/corpus.xml").path
        let text = String(decoding: try FileSystem.read(path), as: UTF8.self)
        let target = try #require(text.firstMatch(of: try Regex(#"<target id="([^"]+)""#))?.output[1].substring)
        let proposition = try #require(text.firstMatch(of: try Regex(#"<proposition id="([^"]+)""#))?.output[1].substring)
        let duplicate = text.replacingOccurrences(of: #"<proposition id="\#(proposition)""#, with: #"<proposition id="\#(target)""#)
        #expect(duplicate != text)
        let outcome = StreamingReader.read(Array(duplicate.utf8), path: "corpus.xml", schema: .shared)
        #expect(outcome.identityConstraintsByLibXML)
        #expect(outcome.schemaDiagnostics.contains { $0.rule == .duplicateID }, "\(outcome.schemaDiagnostics.map(\.description))")
        #expect(StreamingValidationTests.differences(Array(duplicate.utf8), path: "corpus.xml", corpus: nil).isEmpty)
    }
}
