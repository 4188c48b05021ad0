import ArgmarkCore
import ArgmarkTestSupport
import Foundation
import Testing

/// The committed seed-corpus annotations (`Annotations/`, built from `Annotations/edits/`, which
/// ApplyCommandTests rebuilds byte for byte) follow the annotation guidelines
/// (`docs/GUIDELINES.md`). These tests check what the guidelines require and a program can decide —
/// declared speakers, answered counterclaims, concessions, reasons for relations across voices,
/// implicit units, frames and feelings left out of spans, the Argento rule, restatements, shared
/// propositions — and deliberately no minimum counts or shapes of argument trees: an article has
/// the structure its text argues, not the one a test asks for.
@Suite struct SeedCorpusTests {
    static let annotations = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations")
    static let seeds = Shared.seeds

    /// Annotation file name → seed text file name.
    static let seedFiles: [(annotation: String, seed: String)] = [
        ("seed-000.xml", "000_4df17bf2c55a06b5.txt"),
        ("seed-001.xml", "001_ff871f241174ef25.txt"),
        ("seed-002.xml", "002_ff8583a44754fd84.txt"),
        ("seed-003.xml", "003_390148bdc4a9d2c1.txt"),
        ("seed-004.xml", "004_4121eeeb1cc65138.txt"),
    ]
    static let annotationFiles = seedFiles.map(\.annotation)

    static func loaded(_ name: String) throws -> LoadedArticle {
        let loaded = try ArticleLoader.load(annotations.appendingPathComponent(name).path)
        #expect(loaded.isValid, "\(loaded.diagnostics.map(\.description))")
        return loaded
    }

    static func load(_ name: String) throws -> Article { try loaded(name).article }

    @Test(.enabled(if: Shared.isPresent, Shared.skipReason), arguments: zip(seedFiles.map(\.annotation), seedFiles.map(\.seed)))
    func textIsTheSeedByteForByte(annotation: String, seed: String) throws {
        let article = try Self.load(annotation)
        let seedBytes = try Data(contentsOf: Self.seeds.appendingPathComponent(seed))
        let identical = article.text.utf8.elementsEqual(seedBytes)
        #expect(identical, "\(annotation) no longer holds the text of \(seed) byte for byte")
    }

    /// §3: every unit names a declared speaker, every declared speaker holds a unit, and roles come
    /// from the guidelines' list.
    @Test(arguments: annotationFiles)
    func everyUnitHasADeclaredSpeaker(annotation: String) throws {
        let article = try Self.load(annotation)
        let declared = Set(article.speakers.map(\.id))
        for unit in article.units {
            #expect(unit.speaker.map(declared.contains) == true, "\(annotation): \(unit.id) has no declared speaker")
        }
        let used = Set(article.units.compactMap(\.speaker))
        #expect(declared.subtracting(used).isEmpty, "\(annotation): speakers without units: \(declared.subtracting(used).map(\.rawValue).sorted())")
        let roles: Set<String> = ["author", "interviewer", "interviewee", "quoted", "reported"]
        for speaker in article.speakers {
            #expect(speaker.role.map(roles.contains) == true, "\(annotation): speaker \(speaker.id) has role \(speaker.role ?? "none")")
        }
    }

    /// The units that answer `unit`: a rebuts, undercuts or attacks relation to it, or an undercut of
    /// one of its attacks — or an answer to a later counterclaim that restates it (§4.1: a concession
    /// spelled out over several sentences is answered once, after the last).
    static func answers(to unit: UnitID, in article: Article) -> [Relation] {
        var answers: [Relation] = []
        var pending = [unit], seen: Set<UnitID> = [unit]
        let counterclaims = Set(article.units.filter { $0.type == .counterclaim }.map(\.id))
        while let current = pending.popLast() {
            let attacksByIt = Set(article.relations.filter { $0.from == current && $0.type.isAttack }.map(\.id))
            answers += article.relations.filter { relation in
                switch relation.to {
                case .unit(let target): target == current && relation.type.isAttack
                case .relation(let target): attacksByIt.contains(target) && relation.type == .undercuts
                }
            }
            for relation in article.relations where relation.type == .restates && relation.to == .unit(current)
                && counterclaims.contains(relation.from) && seen.insert(relation.from).inserted {
                pending.append(relation.from)
            }
        }
        return answers
    }

    /// §6: every counterclaim is answered, or its note says on purpose that the text leaves it
    /// unanswered.
    @Test(arguments: annotationFiles)
    func everyCounterclaimIsAnsweredOrFlagged(annotation: String) throws {
        let article = try Self.load(annotation)
        for unit in article.units where unit.type == .counterclaim {
            let flagged = unit.note?.hasPrefix("unanswered") == true
            let answered = !Self.answers(to: unit.id, in: article).isEmpty
            #expect(answered != flagged, "\(annotation): counterclaim \(unit.id) is \(answered ? "answered and flagged unanswered" : "neither answered nor flagged unanswered"): \"\(unit.quote)\"")
        }
    }

    /// §1: a rebuttal is an answer, so it rebuts (or undercuts) something; a unit that answers
    /// nothing is a claim.
    @Test(arguments: annotationFiles)
    func everyRebuttalAnswersSomething(annotation: String) throws {
        let article = try Self.load(annotation)
        for unit in article.units where unit.type == .rebuttal {
            let answers = article.relations.contains { $0.from == unit.id && ($0.type == .rebuts || $0.type == .undercuts) }
            #expect(answers, "\(annotation): rebuttal \(unit.id) rebuts and undercuts nothing: \"\(unit.quote)\"")
        }
    }

    /// §4.1 and §6: when the answer rebuts a counterclaim, the counterclaim's attack on that same
    /// answer is not drawn as well (one relation between one pair of units).
    @Test(arguments: annotationFiles)
    func anAnswerIsNotAlsoAttackedByWhatItRebuts(annotation: String) throws {
        let article = try Self.load(annotation)
        let rebuttals = Set(article.relations.filter { $0.type == .rebuts }.map { "\($0.from) \($0.to.rawID)" })
        for relation in article.relations where relation.type == .attacks && rebuttals.contains("\(relation.to.rawID) \(relation.from)") {
            Issue.record("\(annotation): \(relation.from) attacks \(relation.to.rawID), which rebuts it: draw only the rebuts")
        }
    }

    /// §2: a unit that is a whole sentence ends with the sentence's final punctuation, so that two
    /// annotators' spans of the same sentence are the same span.
    @Test(arguments: annotationFiles)
    func wholeSentencesKeepTheirFinalPunctuation(annotation: String) throws {
        let article = try Self.load(annotation)
        let scalars = Array(article.text.unicodeScalars)
        for unit in article.units {
            guard let span = unit.span, unit.fragments.isEmpty, span.end < scalars.count else { continue }
            let before = scalars[..<span.start].last { $0 != " " && $0 != "\u{00A0}" }
            let startsSentence = before.map { ".!?\n".unicodeScalars.contains($0) } ?? true
            if startsSentence && ".!?".unicodeScalars.contains(scalars[span.end]) {
                Issue.record("\(annotation): \(unit.id) is a whole sentence without its final \"\(scalars[span.end])\": \"\(unit.quote)\"")
            }
        }
    }

    /// §4.1: a concession is a counterclaim of the speaker who concedes it, and that speaker's answer
    /// is drawn.
    @Test(arguments: annotationFiles)
    func concessionsAreCounterclaimsTheSpeakerAnswers(annotation: String) throws {
        let article = try Self.load(annotation)
        let speakerOf = Dictionary(article.units.map { ($0.id, $0.speaker) }, uniquingKeysWith: { first, _ in first })
        for unit in article.units where unit.note?.hasPrefix("conceded") == true {
            #expect(unit.type == .counterclaim, "\(annotation): concession \(unit.id) is a \(unit.type.rawValue)")
            let answerers = Self.answers(to: unit.id, in: article).map { speakerOf[$0.from] ?? nil }
            #expect(answerers.contains(unit.speaker), "\(annotation): concession \(unit.id) is not answered by its own speaker")
        }
    }

    /// §6: a supports or restates between different speakers says in its note why.
    @Test(arguments: annotationFiles)
    func relationsAcrossVoicesGiveAReason(annotation: String) throws {
        let article = try Self.load(annotation)
        let speakerOf = Dictionary(article.units.map { ($0.id, $0.speaker) }, uniquingKeysWith: { first, _ in first })
        for relation in article.relations where !relation.type.isAttack {
            guard case .unit(let target) = relation.to, speakerOf[relation.from] != speakerOf[target] else { continue }
            #expect(relation.note?.isEmpty == false, "\(annotation): \(relation.id) (\(relation.from) \(relation.type.rawValue) \(target)) links two voices without a note saying why")
        }
    }

    /// §7: an implicit unit says which words imply it; §1: a position is a proposition, not an
    /// infinitive fragment.
    @Test(arguments: annotationFiles)
    func implicitUnitsAndPositionsAreStatements(annotation: String) throws {
        let article = try Self.load(annotation)
        for unit in article.units where unit.isImplicit {
            #expect(unit.note?.hasPrefix("implied by") == true, "\(annotation): implicit unit \(unit.id) does not say what implies it")
            #expect(unit.quote.hasSuffix("."), "\(annotation): implicit unit \(unit.id)'s paraphrase is not one declarative sentence")
        }
        for unit in article.units where unit.type == .position {
            #expect(!unit.quote.lowercased().hasPrefix("to "), "\(annotation): position \(unit.id) is an infinitive: \"\(unit.quote)\"")
        }
    }

    /// §4.2 and §4.3: no span starts with an epistemic frame, and no unit reports a feeling.
    @Test(arguments: annotationFiles)
    func framesAndFeelingsAreLeftOut(annotation: String) throws {
        let article = try Self.load(annotation)
        let frames = ["i think ", "i believe ", "i would argue", "i know ", "honestly", "let me be clear", "the fact is", "i mean", "listen,"]
        let feelings = ["i feel ", "i felt ", "heartbroken", "heart is broken", "heartsick", "reeling", "terrified", "disturbing", "terrible to hear", "humbling"]
        for unit in article.units where !unit.isImplicit {
            let quote = unit.quote.lowercased()
            // A frame that is the content (a quoted line contrasting two beliefs) is kept, and the
            // unit's note says so.
            if unit.note?.hasPrefix("frame kept") != true, let frame = frames.first(where: quote.hasPrefix) {
                Issue.record("\(annotation): \(unit.id) starts with the frame \"\(frame)\": \"\(unit.quote)\"")
            }
            if let feeling = feelings.first(where: quote.contains) {
                Issue.record("\(annotation): \(unit.id) reports a feeling (\"\(feeling)\"): \"\(unit.quote)\"")
            }
        }
    }

    /// §4.5: a restatement carries the stance and target of what it restates.
    @Test(arguments: annotationFiles)
    func restatementsKeepTheirStance(annotation: String) throws {
        let article = try Self.load(annotation)
        let units = Dictionary(article.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for relation in article.relations where relation.type == .restates {
            guard case .unit(let target) = relation.to, let from = units[relation.from], let to = units[target] else { continue }
            #expect(from.stance == to.stance && from.target == to.target,
                    "\(annotation): \(from.id) restates \(to.id) but takes \(from.stance?.rawValue ?? "no stance") \(from.target?.rawValue ?? "") against \(to.stance?.rawValue ?? "no stance") \(to.target?.rawValue ?? "")")
        }
    }

    /// §4.6, the Argento rule: whatever answers a counterclaim that favors
    /// `argento-undermines-metoo` is against that target.
    @Test(arguments: annotationFiles)
    func answersToTheArgentoCriticsAreAgainstTheTarget(annotation: String) throws {
        let article = try Self.load(annotation)
        let units = Dictionary(article.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let argento = TargetID("argento-undermines-metoo")
        for critics in article.units where critics.type == .counterclaim && critics.target == argento && critics.stance == .favor {
            for answer in Self.answers(to: critics.id, in: article) {
                let unit = try #require(units[answer.from])
                #expect(unit.target == argento && unit.stance == .against,
                        "\(annotation): \(unit.id) answers the Argento critics (\(critics.id)) but takes \(unit.stance?.rawValue ?? "no stance") \(unit.target?.rawValue ?? "")")
            }
        }
    }

    /// §8: a unit agrees with the stance of the proposition it states; every proposition in
    /// `corpus.xml` is stated in at least two sources.
    @Test func sharedPropositionsLinkSources() throws {
        var sourcesOf: [PropositionID: Set<String>] = [:]
        var corpus: Corpus?
        for name in Self.annotationFiles {
            let loaded = try Self.loaded(name)
            corpus = corpus ?? loaded.corpus
            for unit in loaded.article.units {
                guard let id = unit.proposition else { continue }
                sourcesOf[id, default: []].insert(name)
                if let proposition = loaded.corpus?.proposition(id), let stance = proposition.stance, let target = proposition.target, unit.stance != nil {
                    #expect(unit.stance == stance && unit.target == target,
                            "\(name): \(unit.id) states \(id) (\(stance.rawValue) \(target)) but takes \(unit.stance?.rawValue ?? "") \(unit.target?.rawValue ?? "")")
                }
            }
        }
        let propositions = try #require(corpus).propositions
        for proposition in propositions {
            #expect((sourcesOf[proposition.id]?.count ?? 0) >= 2, "\(proposition.id) is stated in \(sourcesOf[proposition.id]?.sorted() ?? [])")
        }
    }

    /// The radio re-report (001) quotes the guest blog (000) at length; both blog posts (000, 002)
    /// quote Tarana Burke's "there is no model survivor"; three sources report the accusation; the
    /// two interviews report the replies to the tweet, with different figures.
    @Test func sourcesShareTheirPropositions() throws {
        func propositions(_ name: String) throws -> Set<String> {
            Set(try Self.load(name).units.compactMap { $0.proposition?.rawValue })
        }
        let blog = try propositions("seed-000.xml")
        let radio = try propositions("seed-001.xml")
        let catharsis = try propositions("seed-002.xml")
        let weltwoche = try propositions("seed-003.xml")
        let forbes = try propositions("seed-004.xml")
        #expect(blog.intersection(radio).count >= 5, "000 and 001 share only \(blog.intersection(radio).sorted())")
        #expect(blog.isSuperset(of: ["no-model-survivor", "one-case-does-not-nullify", "argento-accused"]))
        #expect(catharsis.isSuperset(of: ["no-model-survivor", "one-case-does-not-nullify", "argento-accused"]))
        #expect(radio.contains("argento-accused"))
        #expect(weltwoche.intersection(forbes).isSuperset(of: ["replies-within-hours", "show-magnitude"]))
    }

    /// A shared proposition keeps its original speaker: Milano's sentences quoted on the radio are
    /// Milano's, not the news agency's.
    @Test func requotedUnitsKeepTheOriginalSpeaker() throws {
        let radio = try Self.load("seed-001.xml")
        let nullify = try #require(radio.units.first { $0.proposition?.rawValue == "one-case-does-not-nullify" })
        #expect(nullify.speaker?.rawValue == "milano")
        #expect(radio.speaker(SpeakerID("milano"))?.name == "Alyssa Milano")
    }

    /// The German reader comment after the interview (003) is page furniture: no unit reaches into it.
    @Test func readerCommentIsNotAnnotated() throws {
        let interview = try Self.load("seed-003.xml")
        let text = CodePointText(interview.text)
        let commentStart = try #require(text.occurrences(of: "Hans Baiker").first?.start)
        let lastEnd = interview.units.compactMap { $0.span?.end }.max() ?? 0
        #expect(lastEnd <= commentStart)
    }

    /// Annotations/README.md publishes the agreement before adjudication (A and B) and after it (A
    /// and the gold, B and the gold); the figures are what `argmark agree` computes on the committed
    /// files, so a change to the gold or to a measure must update them.
    @Test func publishedAgreementFiguresAreWhatAgreeComputes() throws {
        let pairs = [("docs/agreement/annotator-a", "docs/agreement/annotator-b"),
                     ("docs/agreement/annotator-a", "Annotations"),
                     ("docs/agreement/annotator-b", "Annotations")]
        let readme = try String(contentsOf: Self.annotations.appendingPathComponent("README.md"), encoding: .utf8)
        /// The figures of a row of the before-and-after table, one per column (the measure left out).
        func cells(_ measure: String) throws -> [String] {
            let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| \(measure) |") }, "no row \(measure)")
            return line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst().map { String($0) }
        }
        func number(_ value: Any?) -> String { String(format: "%.3f", (value as? NSNumber)?.doubleValue ?? .nan) }
        for (column, (first, second)) in pairs.enumerated() {
            let result = try ArgmarkProcess.run(["agree", first, second, "--format", "json"], in: ArgmarkProcess.packageRoot)
            #expect(result.status == 0, "\(result.standardError)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
            let pair = try #require((json["pairs"] as? [[String: Any]])?.first)
            func at(_ object: Any?, _ path: String...) -> Any? {
                path.reduce(object) { ($0 as? [String: Any])?[$1] }
            }
            let expected: [(String, String)] = [
                ("Krippendorff's unitized alpha (αU), all types", number(at(json, "unitizedAlpha", "overall"))),
                ("Krippendorff's alpha, token labels", number(at(json, "labels", "krippendorffAlpha"))),
                ("Cohen's kappa, token labels", number(at(pair, "labels", "cohenKappa"))),
                ("units, macro overlap-F1 (exact span)",
                 "\(number(at(pair, "units", "overlap", "macro", "f1"))) (\(number(at(pair, "units", "exact", "macro", "f1"))))"),
                ("relations on matched units, same type, F1 (any type)",
                 "\(number(at(pair, "relations", "typed", "f1"))) (\(number(at(pair, "relations", "untyped", "f1"))))"),
                ("stance on matched units: agreement / Cohen's kappa",
                 "\(number(at(pair, "stance", "observed"))) / \(number(at(pair, "stance", "cohenKappa")))"),
            ]
            for (measure, value) in expected {
                let row = try cells(measure)
                #expect(row.count > column && row[column] == value,
                        "Annotations/README.md, \(measure), \(first) and \(second): published \(row.count > column ? row[column] : "nothing"), agree computes \(value)")
            }
        }
    }

    /// §5: the report compares the sources on at least four targets, each spoken to in their own
    /// voice (not only quoted or reported) by two or more sources.
    @Test func reportComparesSourcesOnFourTargets() throws {
        let result = try ArgmarkProcess.run(["report", "Annotations", "--format", "json"], in: ArgmarkProcess.packageRoot)
        #expect(result.status == 0, "\(result.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let cells = try #require((document["stanceBySource"] as? [String: Any])?["cells"] as? [[String: Any]])
        var sourcesByTarget: [String: Set<String>] = [:]
        // A verdict comes from the source's own voice ("none": only quoted or reported voices speak).
        for cell in cells where !["none", "reported"].contains(cell["verdict"] as? String ?? "none") {
            sourcesByTarget[cell["target"] as! String, default: []].insert(cell["column"] as! String)
        }
        let shared = sourcesByTarget.filter { $0.value.count >= 2 }.keys.sorted()
        #expect(shared.count >= 4, "the sources meet on only \(shared)")
    }
}
