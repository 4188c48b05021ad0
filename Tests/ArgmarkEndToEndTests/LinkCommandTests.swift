import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

@Suite struct LinkCommandTests {
    /// Two sources that say the same thing in other words, a third that says something else.
    static func folder() throws -> URL {
        let folder = try ArgmarkProcess.temporaryFolder()
        let texts = [
            ("gazette", "Protected bike lanes save lives on busy streets. The council meets on Tuesday."),
            ("radio", "Separated bike lanes saved many lives on our streets, the mayor said."),
            ("merchants", "Removing parking drives customers away from the shops."),
        ]
        for (id, text) in texts {
            let sentence = String(text.prefix { $0 != "." && $0 != "," })
            let article = Article(id: id, text: text, units: [
                ArgumentUnit(id: "u1", type: .claim, span: Span(start: 0, end: sentence.unicodeScalars.count), quote: sentence),
            ])
            try Data(ArticleWriter.encode(article)).write(to: folder.appendingPathComponent("\(id).xml"))
        }
        try Data(ArticleWriter.encode(Corpus())).write(to: folder.appendingPathComponent("corpus.xml"))
        return folder
    }

    @Test func suggestAcceptAndRejectLinksAcrossSources() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Three one-sentence articles make a tiny vocabulary; a lower threshold than the default.
        let suggested = try ArgmarkProcess.run(["link", "--suggest", "--threshold", "0.2", folder.path])
        #expect(suggested.status == 0, "\(suggested.standardError)")
        let lines = suggested.standardOutput.split(separator: "\n")
        #expect(lines.count == 1, "only the paraphrase pair: \(lines)")
        #expect(lines.first?.hasPrefix("L1\tsuggested\t") == true)
        #expect(lines.first?.contains("gazette.xml:u1") == true && lines.first?.contains("radio.xml:u1") == true)
        let tsv = folder.appendingPathComponent("link-suggestions.tsv")
        #expect(try String(contentsOf: tsv, encoding: .utf8).hasPrefix("id\tstatus\tscore\ta_file\ta_unit\tb_file\tb_unit\twords\ta_quote\tb_quote\n"))

        let accepted = try ArgmarkProcess.run(["link", "--accept", "L1", folder.path, "--proposition", "lanes-save-lives", "--statement", "Bike lanes save lives."])
        #expect(accepted.status == 0, "\(accepted.standardError)")
        #expect(accepted.standardOutput.contains("L1 accepted: u1 and u1 carry lanes-save-lives"))
        for name in ["gazette", "radio"] {
            let xml = try String(contentsOf: folder.appendingPathComponent("\(name).xml"), encoding: .utf8)
            #expect(xml.contains("proposition=\"lanes-save-lives\""), "\(name) carries the proposition")
        }
        let corpus = try String(contentsOf: folder.appendingPathComponent("corpus.xml"), encoding: .utf8)
        #expect(corpus.contains("<proposition id=\"lanes-save-lives\">Bike lanes save lives.</proposition>"))
        let valid = try ArgmarkProcess.run(["validate", folder.path])
        #expect(valid.status == 0, "\(valid.standardOutput)\(valid.standardError)")

        // Linked now, the pair is not suggested again; the decision is kept.
        let again = try ArgmarkProcess.run(["link", "--suggest", "--threshold", "0.2", folder.path])
        #expect(again.status == 0)
        #expect(again.standardOutput.isEmpty)
        let listed = try ArgmarkProcess.run(["link", folder.path])
        #expect(listed.standardOutput.hasPrefix("L1\taccepted\t"))
    }

    @Test func aRejectedLinkIsNotSuggestedAgain() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ArgmarkProcess.run(["link", "--suggest", "--threshold", "0.2", folder.path])
        let rejected = try ArgmarkProcess.run(["link", "--reject", "L1", folder.path])
        #expect(rejected.status == 0, "\(rejected.standardError)")
        let again = try ArgmarkProcess.run(["link", "--suggest", "--threshold", "0.2", folder.path])
        #expect(again.status == 0)
        #expect(again.standardOutput.isEmpty, "rejected links stay rejected")
        #expect(try String(contentsOf: folder.appendingPathComponent("link-suggestions.tsv"), encoding: .utf8).contains("L1\trejected\t"))
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ArgmarkProcess.run(["link", "--suggest", "--threshold", "0.2", folder.path])
        let tsv = folder.appendingPathComponent("link-suggestions.tsv")
        let before = try Data(contentsOf: tsv)
        let gazette = try Data(contentsOf: folder.appendingPathComponent("gazette.xml"))
        let unknown = try ArgmarkProcess.run(["link", "--accept", "L9", folder.path])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("error: no link L9"))
        #expect(try Data(contentsOf: tsv) == before)
        #expect(try Data(contentsOf: folder.appendingPathComponent("gazette.xml")) == gazette)

        try Data("id\tstatus\nL1\tmaybe\n".utf8).write(to: tsv)
        let broken = try ArgmarkProcess.run(["link", "--reject", "L1", folder.path])
        #expect(broken.status == 1)
        #expect(broken.standardError.contains("link-suggestions.tsv:2: error: expected 10 tab-separated fields"))

        let usage = try ArgmarkProcess.run(["link", "--suggest", "--accept", "L1", folder.path])
        #expect(usage.status == 2)
    }

    /// The seed corpus: the verbatim quotations that the declared propositions link are found.
    @Test func evaluationOnTheSeedsNamesRecallAndPrecision() throws {
        let annotations = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations").path
        let result = try ArgmarkProcess.run(["link", "--suggest", "--evaluate", annotations])
        #expect(result.status == 0, "\(result.standardError)")
        let summary = try #require(result.standardOutput.split(separator: "\n").last)
        #expect(summary.contains("cross-source unit pairs that declared propositions link; recall"))
        let missed = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("missed\t") }
        for verbatim in ["no-model-survivor", "imperfectly-human", "no-one-way-perpetrator", "created-by-millions"] {
            #expect(!missed.contains { $0.contains("\t\(verbatim)\t") }, "\(verbatim) is quoted word for word in two sources")
        }
        #expect(!FileManager.default.fileExists(atPath: annotations + "/link-suggestions.tsv"), "--evaluate writes nothing")
    }
}
