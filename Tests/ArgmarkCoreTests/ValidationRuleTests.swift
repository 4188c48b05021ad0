import Foundation
import Testing
@testable import ArgmarkCore

/// One broken fixture per rule: each must produce its rule at its line, and only the expected findings.
@Suite struct ValidationRuleTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var file: String
        var rule: RuleID
        var line: Int
        var severity: Diagnostic.Severity = .error
        var testDescription: String { file }
    }

    static let expectations: [Expectation] = [
        Expectation(file: "span-range.xml", rule: .spanRange, line: 20),
        Expectation(file: "span-order.xml", rule: .spanOrder, line: 20),
        Expectation(file: "quote-mismatch.xml", rule: .quoteMismatch, line: 20),
        Expectation(file: "digest-mismatch.xml", rule: .digestMismatch, line: 8),
        Expectation(file: "unknown-unit-type.xml", rule: .schema, line: 22),
        Expectation(file: "unknown-unit.xml", rule: .unknownUnit, line: 27),
        Expectation(file: "unknown-speaker.xml", rule: .unknownSpeaker, line: 22),
        Expectation(file: "unknown-target.xml", rule: .unknownTarget, line: 22),
        Expectation(file: "unknown-proposition.xml", rule: .unknownProposition, line: 22),
        Expectation(file: "stance-target.xml", rule: .stanceTarget, line: 22),
        Expectation(file: "duplicate-id.xml", rule: .duplicateID, line: 27),
        Expectation(file: "self-relation.xml", rule: .selfRelation, line: 28),
        Expectation(file: "evidence-relation.xml", rule: .evidenceRelation, line: 28),
        Expectation(file: "counterclaim-relation.xml", rule: .counterclaimRelation, line: 28),
        Expectation(file: "rebuttal-relation.xml", rule: .rebuttalRelation, line: 28),
        Expectation(file: "undercut-target.xml", rule: .undercutTarget, line: 28),
        Expectation(file: "relation-to-relation.xml", rule: .relationToRelation, line: 28),
        Expectation(file: "support-cycle.xml", rule: .supportCycle, line: 27),
        Expectation(file: "span-missing.xml", rule: .spanMissing, line: 22),
        Expectation(file: "duplicate-span.xml", rule: .duplicateSpan, line: 23, severity: .warning),
        Expectation(file: "schema.xml", rule: .schema, line: 5),
        Expectation(file: "doctype-forbidden.xml", rule: .doctypeForbidden, line: 2),
        Expectation(file: "well-formed.xml", rule: .wellFormed, line: 28),
    ]

    @Test(arguments: expectations)
    func fixtureReportsItsRuleAtItsLine(_ expectation: Expectation) throws {
        let corpus = ArticleLoader.loadCorpus(besides: Fixtures.validation.appendingPathComponent("invalid/x.xml").path)
        #expect(corpus != nil)
        let path = "invalid/\(expectation.file)"
        let diagnostics = Validator().validate(bytes: try Fixtures.bytes(path), path: path, corpus: corpus).diagnostics
        let first = try #require(diagnostics.first, "no finding for \(path)")
        #expect(first.rule == expectation.rule, "\(diagnostics)")
        #expect(first.location.line == expectation.line, "\(diagnostics)")
        #expect(first.severity == expectation.severity)
        // Each fixture breaks one rule: nothing else may be reported about it.
        #expect(Set(diagnostics.map(\.rule)) == [expectation.rule], "\(diagnostics)")
    }

    @Test func everyFixtureIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.validation.appendingPathComponent("invalid").path)
            .filter { $0.hasSuffix(".xml") && $0 != "corpus.xml" }
        #expect(Set(files) == Set(Self.expectations.map(\.file)))
    }

    @Test func validFixtureHasNoFindings() throws {
        let run = Validator().validate(paths: [Fixtures.validation.appendingPathComponent("valid").path])
        #expect(run.files.count == 2)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
    }

    @Test func missingCorpusMakesTargetReferencesFail() throws {
        let run = Validator().validate(paths: [Fixtures.validation.appendingPathComponent("no-corpus").path])
        #expect(run.diagnostics.contains { $0.rule == .unknownTarget && $0.message.contains("no corpus.xml") })
        #expect(run.diagnostics.contains { $0.rule == .unknownProposition })
    }

    @Test func doctypeWithExternalEntityLeaksNothing() throws {
        let path = "invalid/doctype-forbidden.xml"
        let diagnostics = Validator().validate(bytes: try Fixtures.bytes(path), path: path, corpus: nil).diagnostics
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        #expect(diagnostics.count == 1)
        if !hostname.isEmpty {
            #expect(!diagnostics.contains { $0.description.contains(hostname) })
        }
    }

    @Test func encodingsOtherThanUTF8AreRefused() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<a/>".utf8).flatMap { [$0, 0] }
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a/>".utf8)
        for bytes in [utf16, latin1] {
            let diagnostics = Validator().validate(bytes: bytes, path: "x.xml", corpus: nil).diagnostics
            #expect(diagnostics.map(\.rule) == [.encoding])
        }
        let empty = Validator().validate(bytes: [], path: "x.xml", corpus: nil).diagnostics
        #expect(empty.map(\.rule) == [.wellFormed])
    }

    @Test func wrongNamespaceIsASchemaError() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article xmlns=\"urn:other\" version=\"1\" id=\"a\"/>\n".utf8)
        let diagnostics = Validator().validate(bytes: bytes, path: "x.xml", corpus: nil).diagnostics
        #expect(diagnostics.map(\.rule) == [.schema])
        #expect(diagnostics.first?.location.line == 2)
    }
}
