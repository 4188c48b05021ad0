import ArgmarkCore
@testable import ArgmarkFormats
import Testing

@Suite("brat standoff")
struct BratTests {
    static let good = Corpora.fixtures + "/brat/good/schulpflicht.ann"

    @Test("spans, discontinuous spans, relations, attributes and notes import into a valid article")
    func importFixture() throws {
        let article = try BratImporter.importFile(Self.good)
        #expect(try Corpora.validationErrors(of: article) == [])
        #expect(article.id == "schulpflicht")
        #expect(article.units.map(\.type) == [.position, .evidence, .counterclaim, .rebuttal, .evidence])
        #expect(article.units.map(\.sourceLabel) == ["MajorClaim", "Premise", "Counterclaim", "Rebuttal", "Evidence"])
        let premise = try #require(article.unit("T2"))
        // Offsets are code points: the emoji before it counts one.
        #expect(premise.fragments == [Span(start: 32, end: 50), Span(start: 65, end: 85)])
        #expect(premise.quote == "Kinder lernen dort, so heißt es, soziale Fähigkeiten.")
        #expect(premise.note == "two pieces around the hedge")
        #expect(article.unit("T5")?.quote == "日本の研究もそうだ。")
        #expect(article.relations.map(\.type) == [.supports, .attacks, .rebuts, .supports])
        // Stance attributes become argmark stances (toward the article's position); others are kept.
        #expect(article.unit("T1")?.stance == .favor)
        #expect(article.unit("T3")?.stance == .against)
        #expect(article.unit("T3")?.target == BratImporter.defaultTarget(of: "schulpflicht").id)
        #expect(!article.metadata.properties.contains { $0.name == "brat:A1" })
        #expect(article.metadata.properties.contains(MetadataProperty(name: "brat:A3", value: "Confident T2")))
    }

    /// An .ann file as a set of normalised lines: note ids are free, everything else must match.
    static func structure(_ annotations: String) -> [String] {
        annotations.split(separator: "\n").map { line in
            line.hasPrefix("#") ? String(line.drop { $0 != "\t" }) : String(line)
        }.sorted()
    }

    @Test("brat → argmark → brat gives back the same text and the same annotations")
    func roundTrip() throws {
        let article = try BratImporter.importFile(Self.good)
        let files = try BratExporter.export(article, path: "schulpflicht.xml")
        #expect(files.map(\.name) == ["schulpflicht.txt", "schulpflicht.ann"])
        #expect(files[0].bytes == (try FileSystem.read(Corpora.fixtures + "/brat/good/schulpflicht.txt")))
        let original = String(decoding: try FileSystem.read(Self.good), as: UTF8.self)
        #expect(Self.structure(String(decoding: files[1].bytes, as: UTF8.self)) == Self.structure(original))
        // And the argmark side survives a second trip unchanged.
        let again = try BratImporter.article(text: article.text, annotations: String(decoding: files[1].bytes, as: UTF8.self), path: "x.ann", id: article.id)
        #expect(again.units == article.units)
        #expect(again.relations == article.relations)
    }

    /// Persuasive-essay corpora (Stab & Gurevych's, in brat) mark major claims, claims and premises,
    /// which read as position, claim and evidence; their premises may also attack, which argmark's
    /// evidence cannot, so those become claims, and both kinds go back to brat as `Premise`.
    @Test("essay labels: MajorClaim, Claim and Premise read as position, claim and evidence; a premise that attacks is a claim")
    func essayLabels() throws {
        let text = "Cities should ban cars. Cars pollute. Studies show smog kills. Some say buses are slow. Yet lanes fix that.\n"
        let annotations = """
            T1\tMajorClaim 0 23\tCities should ban cars.
            T2\tClaim 24 37\tCars pollute.
            T3\tPremise 38 62\tStudies show smog kills.
            T4\tPremise 63 87\tSome say buses are slow.
            T5\tPremise 88 107\tYet lanes fix that.
            A1\tStance T2 For
            R1\tsupports Arg1:T3 Arg2:T2
            R2\tattacks Arg1:T4 Arg2:T2
            R3\tattacks Arg1:T5 Arg2:T4

            """
        let article = try BratImporter.article(text: text, annotations: annotations, path: "essay.ann", id: "essay")
        #expect(try Corpora.validationErrors(of: article) == [])
        #expect(article.units.map(\.type) == [.position, .claim, .evidence, .claim, .claim])
        #expect(article.units.map(\.sourceLabel) == ["MajorClaim", "Claim", "Premise", "Premise", "Premise"])
        let files = try BratExporter.export(article, path: "essay.xml")
        #expect(Self.structure(String(decoding: files[1].bytes, as: UTF8.self)) == Self.structure(annotations))
        let again = try BratImporter.article(text: text, annotations: String(decoding: files[1].bytes, as: UTF8.self), path: "essay.ann", id: "essay")
        #expect(again.units == article.units)
        // Once it no longer attacks, a claim labelled Premise would read back as evidence, so it goes out as a Claim.
        var edited = article
        edited.relations.removeAll { $0.id == "R3" }
        let written = String(decoding: try BratExporter.export(edited, path: "essay.xml")[1].bytes, as: UTF8.self)
        #expect(written.contains("T5\tClaim 88 107\tYet lanes fix that."), "\(written)")
        #expect(written.contains("T4\tPremise 63 87\t"))
    }

    @Test("a native argmark article exports with its types as labels; an implicit unit is left out and reported")
    func exportNative() throws {
        var article = Article(id: "n", text: "Yes. No.", units: [
            ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: 4), quote: "Yes."),
            ArgumentUnit(id: "u2", type: .counterclaim, span: Span(start: 5, end: 8), quote: "No."),
        ], relations: [Relation(id: "r1", type: .attacks, from: "u2", to: .unit("u1"))])
        let files = try BratExporter.export(article, path: "n.xml")
        #expect(String(decoding: files[1].bytes, as: UTF8.self) == "T1\tPosition 0 4\tYes.\nT2\tCounterclaim 5 8\tNo.\nR1\tattacks Arg1:T2 Arg2:T1\n")
        article.units.append(ArgumentUnit(id: "u3", type: .claim, span: nil, quote: "maybe"))
        let (implicitFiles, losses) = BratExporter.export(ExportInput(article: article, path: "n.xml"))
        #expect(implicitFiles == files)
        #expect(losses == [ExportLoss("implicit units (no span in the text)", count: 1, ids: ["u3"])])
    }

    @Test("bad .ann files name the line and the fix", arguments: [
        ("offset-past-text.ann", 5, "past the end of the text"),
        ("missing-span.ann", 9, "T9, which is not a span"),
    ])
    func badInput(file: String, line: Int, message: String) throws {
        let path = Corpora.fixtures + "/brat/bad/" + file
        do {
            _ = try BratImporter.importFile(path)
            Issue.record("\(file) imported")
        } catch {
            #expect(error.diagnostic.location == SourceLocation(path: path, line: line))
            #expect(error.description.contains(message))
            #expect(error.description.hasPrefix("\(path):\(line): error: "))
        }
    }

    static let tolerant = Corpora.fixtures + "/brat/tolerant/"

    @Test("trailing tabs and spaces after the text field, notes with trailing tabs, N and E lines reported")
    func trailingBlanks() throws {
        let document = try BratImporter.importDocument(Self.tolerant + "essay01.ann")
        let article = document.article
        #expect(article.units.map(\.quote) == ["School uniforms should be mandatory.", "They reduce bullying.", "Some say they limit expression."])
        #expect(article.unit("T2")?.note == "from the first paragraph")
        #expect(article.unit("T2")?.stance == .favor)
        #expect(article.unit("T3")?.stance == .against)
        #expect(document.targets == [BratImporter.defaultTarget(of: "essay01")])
        #expect(document.warnings.map(\.location.line) == [8, 9])
        #expect(document.warnings[0].message.contains("normalisation N1"))
        #expect(document.warnings[1].message.contains("event E1"))
        #expect(article.metadata.properties.contains(MetadataProperty(name: "brat:E1", value: "Argue:T2 Target:T1")))
    }

    @Test("CRLF line ends: each line is its own annotation, offsets count the CR")
    func crlf() throws {
        let article = try BratImporter.importFile(Self.tolerant + "crlf.ann")
        #expect(article.units.map(\.quote) == ["Line one here.", "Line two there."])
        #expect(article.units.map(\.span) == [Span(start: 0, end: 14), Span(start: 16, end: 31)])
        #expect(article.relations.count == 1)
        #expect(BratImporter.lines(of: "a\r\nb\nc\rd") == ["a", "b", "c", "d"])
    }

    @Test("a byte order mark: on the .ann it is skipped; on the .txt it is kept when the offsets count it, dropped when they do not")
    func byteOrderMark() throws {
        let document = try BratImporter.importDocument(Self.tolerant + "bom.ann")
        #expect(document.article.text == "A claim with a mark.\n")
        #expect(document.warnings.count == 1)
        #expect(document.warnings[0].message.contains("byte order mark"))
        // Offsets that count the mark keep it, as brat does.
        let kept = try BratImporter.article(text: "\u{FEFF}Yes.", annotations: "T1\tClaim 1 5\tYes.\n", path: "x.ann", id: "x")
        #expect(kept.text == "\u{FEFF}Yes.")
    }

    @Test("bad offsets are an error naming the line, never a crash", arguments: [
        ("T1\tClaim -1 5\tHello\n", "negative offset (-1)"),
        ("T1\tClaim 3 -2\tHello\n", "negative offset (-2)"),
        ("T1\tClaim 5 2\tHello\n", "inverted: start 5 is after end 2"),
        ("T1\tClaim 3 3\tHello\n", "is empty"),
        ("T1\tClaim 0 99\tHello\n", "past the end of the text (12 characters)"),
        ("T1\tClaim 0 5\tHallo\n", "says \"Hallo\" but the text at its offsets is \"Hello\""),
        ("\nT1\tClaim x 5\tHello\n", "malformed offsets"),
        ("T1\tClaim 0 5;3 4\tHello\n", "overlap or are out of order"),
    ])
    func badOffsets(annotations: String, message: String) throws {
        do {
            _ = try BratImporter.article(text: "Hello world.", annotations: annotations, path: "x.ann", id: "x")
            Issue.record("imported")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.diagnostic.location.line == (annotations.hasPrefix("\n") ? 2 : 1))
        }
    }
}
