import Foundation
import Testing
import ArgmarkCore

/// What must hold for any input at all: the reader and validator return (no crash, no hang),
/// every finding is one line, and a file the validator accepts survives a canonical write and
/// read unchanged. The renderers `argmark show` uses run on whatever was decoded, valid or not.
enum FuzzOracle {
    static func violations(of bytes: [UInt8], corpus: Corpus?, validator: Validator, mutator: inout Mutator) -> [String] {
        var problems: [String] = []
        let (document, diagnostics) = validator.validate(bytes: bytes, path: "fuzz.xml", corpus: corpus)
        for diagnostic in diagnostics where diagnostic.description.contains(where: \.isNewline) {
            problems.append("finding spans several lines: \(diagnostic.description)")
        }
        if document == nil && !diagnostics.contains(where: { $0.severity == .error }) {
            problems.append("no document and no error")
        }
        guard case .article(let decoded)? = document else { return problems }
        let article = decoded.article
        _ = MarkedText.segments(of: article)
        _ = ArgumentOutline.outline(of: article)
        _ = article.listingJSON()
        _ = Reanchor.planInPlace(article)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return problems }
        // A valid article: its canonical form must validate and read back as the same article.
        guard let encoded = try? ArticleWriter.encode(article) else {
            problems.append("a valid article cannot be written")
            return problems
        }
        let (again, againDiagnostics) = validator.validate(bytes: encoded, path: "fuzz.xml", corpus: corpus)
        if againDiagnostics.contains(where: { $0.severity == .error }) {
            problems.append("canonical form of a valid article is invalid: \(againDiagnostics.map(\.description))")
        }
        guard case .article(let reread)? = again else {
            problems.append("canonical form is not an article")
            return problems
        }
        // The writer puts units, relations and speakers in canonical order; nothing else may change.
        if normalized(reread.article) != normalized(article) { problems.append("canonical write and read changed the article") }
        if (try? ArticleWriter.encode(reread.article)) != encoded { problems.append("canonical form is not a fixed point") }
        problems += reanchorViolations(article, newText: mutator.mutateText(article.text), corpus: corpus, validator: validator)
        return problems
    }

    /// `article` with its units, relations and speakers sorted by id (the file's order is not content).
    static func normalized(_ article: Article) -> Article {
        var copy = article
        copy.units.sort { $0.id.rawValue < $1.id.rawValue }
        copy.relations.sort { $0.id.rawValue < $1.id.rawValue }
        copy.speakers.sort { $0.id.rawValue < $1.id.rawValue }
        return copy
    }

    /// Reanchoring a valid article onto an edited text keeps it valid, places every unit or
    /// reports it, and never claims an exact match whose text differs.
    static func reanchorViolations(_ article: Article, newText: String, corpus: Corpus?, validator: Validator) -> [String] {
        var problems: [String] = []
        let plan = Reanchor.plan(article, newText: newText, options: Reanchor.Options(orphans: .keep))
        let placed = article.units.filter { $0.span != nil }
        if plan.placements.count + plan.orphans.count != placed.count { problems.append("reanchor lost track of a unit") }
        let text = CodePointText(newText)
        for placement in plan.placements {
            guard text.contains(placement.new), text.matches(placement.quote, at: placement.new) else {
                problems.append("reanchor placed \(placement.unit) outside the text or with a wrong quote")
                continue
            }
            if placement.method == .exact, article.unit(placement.unit)?.quote != placement.quote {
                problems.append("reanchor called a changed quote exact: \(placement.unit)")
            }
            if placement.similarity < Reanchor.Options.defaultMinimumSimilarity { problems.append("reanchor accepted \(placement.unit) below the threshold") }
        }
        var moved = article
        do {
            _ = try Reanchor.apply(plan, newText: newText, to: &moved, options: Reanchor.Options(orphans: .keep), path: "fuzz.xml")
            let bytes = try ArticleWriter.encode(moved)
            let (_, diagnostics) = validator.validate(bytes: bytes, path: "fuzz.xml", corpus: corpus)
            let errors = diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { problems.append("reanchored article is invalid: \(errors.map(\.description))") }
        } catch {
            problems.append("reanchor threw \(error)")
        }
        return problems
    }
}

/// Seeded random-mutation fuzzing of the reader and validator. The suite runs a short, fixed
/// run; `bench/fuzz.sh` runs the same test for as long as asked, with other seeds
/// (`ARGMARK_FUZZ_SEED`, `ARGMARK_FUZZ_ITERATIONS`, `ARGMARK_FUZZ_INPUT_LOG`).
@Suite struct FuzzTests {
    static let hostile = Fixtures.folder.appendingPathComponent("hostile")

    /// Valid and hostile files to start mutating from.
    static func seedInputs() throws -> [[UInt8]] {
        var paths = [Fixtures.validation.appendingPathComponent("valid/fixture.xml").path] + annotatedArticles
        for folder in [hostile, hostile.appendingPathComponent("fuzz-crashes")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            paths += names.filter { $0.hasSuffix(".xml") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        return try paths.map { try FileSystem.read($0) }
    }

    /// The annotated articles shipped in `Annotations/` (whatever they are called now).
    static var annotatedArticles: [String] {
        let folder = Fixtures.packageRoot.appendingPathComponent("Annotations")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") && $0 != "corpus.xml" }.sorted().map { folder.appendingPathComponent($0).path }
    }

    static var corpus: Corpus? {
        ArticleLoader.loadCorpus(besides: Fixtures.validation.appendingPathComponent("valid/fixture.xml").path)
    }

    @Test func mutatedFilesNeverCrashOrBreakInvariants() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["ARGMARK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 500
        let seed = environment["ARGMARK_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED
        // The long harness writes each input here before trying it, so a crash leaves it behind.
        let inputLog = environment["ARGMARK_FUZZ_INPUT_LOG"]
        let corpus = Self.corpus
        #expect(corpus != nil)
        let validator = Validator()
        var pool = try Self.seedInputs()
        var signatures: Set<String> = []
        var mutator = Mutator(seed: seed)
        var slowest = Duration.zero
        var failures: [String] = []
        let clock = ContinuousClock()
        for iteration in 0..<iterations {
            let input = mutator.mutate(pool[mutator.int(pool.count)])
            if let inputLog { _ = FileManager.default.createFile(atPath: inputLog, contents: Data(input)) }
            var problems: [String] = []
            let elapsed = clock.measure {
                problems = FuzzOracle.violations(of: input, corpus: corpus, validator: validator, mutator: &mutator)
            }
            slowest = max(slowest, elapsed)
            if !problems.isEmpty {
                failures.append("seed \(seed) iteration \(iteration): \(problems.joined(separator: "; "))\n  input: \(String(decoding: input.prefix(2000), as: UTF8.self))")
                // The long harness keeps every failing input as a fixture.
                if let folder = environment["ARGMARK_FUZZ_FAILURES"] {
                    _ = FileManager.default.createFile(atPath: "\(folder)/seed-\(seed)-\(iteration).xml", contents: Data(input))
                }
                if failures.count >= 5 { break }
            }
            // Keep inputs that reach a new combination of findings: a cheap stand-in for coverage.
            let (_, diagnostics) = validator.validate(bytes: input, path: "fuzz.xml", corpus: corpus)
            let signature = Set(diagnostics.map { $0.rule.rawValue + ($0.severity == .error ? "!" : "?") }).sorted().joined(separator: ",")
            if signatures.insert(signature).inserted, pool.count < 400, input.count < 1 << 20 { pool.append(input) }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // The slowest input is reported, not asserted (no test asserts a time): bench/fuzz.sh reads it.
        print("fuzz: seed \(seed) (replay with ARGMARK_FUZZ_SEED=\(seed)), \(iterations) inputs, \(signatures.count) distinct finding sets, pool \(pool.count), slowest \(slowest)")
    }

    /// Reanchoring valid articles onto randomly edited texts (the edits a correction makes,
    /// many at a time), checked by ``FuzzOracle/reanchorViolations``.
    @Test func reanchorOnRandomEdits() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = (environment["ARGMARK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 500) / 10
        let seed = environment["ARGMARK_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED
        print("reanchor fuzz: seed \(seed) (replay with ARGMARK_FUZZ_SEED=\(seed))")
        let validator = Validator()
        // Valid annotated articles, each with the corpus beside it.
        let articles = try ([Fixtures.validation.appendingPathComponent("valid/fixture.xml").path] + Self.annotatedArticles).map { path in
            let loaded = try ArticleLoader.load(path)
            #expect(loaded.isValid && !loaded.article.units.isEmpty, "\(path)")
            return (loaded.article, loaded.corpus)
        }
        #expect(articles.count >= 2, "Annotations/ holds no annotated article")
        var mutator = Mutator(seed: seed)
        var failures: [String] = []
        for iteration in 0..<iterations {
            let (article, corpus) = articles[mutator.int(articles.count)]
            var text = article.text
            for _ in 0..<(1 + mutator.int(4)) { text = mutator.mutateText(text) }
            let problems = FuzzOracle.reanchorViolations(article, newText: text, corpus: corpus, validator: validator)
            if !problems.isEmpty {
                failures.append("seed \(seed) iteration \(iteration) (article \(article.id)): \(problems)")
                if failures.count >= 5 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Every input the long fuzz runs ever crashed on stays here as a fixture.
    @Test func recordedCrashesStayFixed() throws {
        let folder = Self.hostile.appendingPathComponent("fuzz-crashes")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
        let validator = Validator()
        var mutator = Mutator(seed: 1)
        for name in names {
            let bytes = try FileSystem.read(folder.appendingPathComponent(name).path)
            let problems = FuzzOracle.violations(of: bytes, corpus: Self.corpus, validator: validator, mutator: &mutator)
            #expect(problems.isEmpty, "\(name): \(problems)")
        }
    }
}
