import ArgmarkCore
@testable import ArgmarkFormats
import ArgmarkTestSupport
import Foundation
import Testing

/// Seeded random-mutation fuzzing of the importers (brat, AIF JSON, UIMA XMI, arg-microtexts):
/// every mutated input must give a clear error (one line, naming the file) or an article that
/// `import` can write; what `import` would write must validate, or be refused before anything is
/// written (``BatchWriter/prepare``). The suite runs a short fixed run per format;
/// `bench/fuzz.sh importers` runs it for as long as asked, with other seeds
/// (`ARGMARK_FUZZ_FORMAT`, `ARGMARK_FUZZ_SEED`, `ARGMARK_FUZZ_ITERATIONS`, `ARGMARK_FUZZ_INPUT_LOG`, `ARGMARK_FUZZ_FAILURES`).
@Suite struct ImporterFuzzTests {
    enum Format: String, CaseIterable, CustomStringConvertible {
        case brat, aif, xmi, microtexts
        var description: String { rawValue }

        /// The file name the importer reads (brat: the `.ann`, with its `.txt` beside it).
        var fileName: String {
            switch self {
            case .brat: "fuzz.ann"
            case .aif: "fuzz.json"
            case .xmi: "fuzz.xmi"
            case .microtexts: "fuzz.xml"
            }
        }

        /// Valid and broken files of the format to start mutating from.
        var seeds: [String] {
            let fixtures = Corpora.fixtures
            let crashes = FuzzFixtures.crashes(self)
            let paths: [String] = switch self {
            case .brat: Corpora.files(in: fixtures + "/brat", ending: ".ann")
            case .aif: Corpora.files(in: fixtures + "/aif", ending: ".json") + Corpora.files(in: fixtures + "/aif-broken", ending: ".json")
            case .xmi: Corpora.files(in: fixtures + "/xmi", ending: ".xmi") + Corpora.files(in: fixtures + "/xmi-custom", ending: ".xmi") + Corpora.files(in: Corpora.sampleXMI, ending: ".xmi")
            case .microtexts: Corpora.files(in: fixtures + "/microtexts", ending: ".xml") + Corpora.files(in: fixtures + "/microtexts-bad", ending: ".xml")
                + Corpora.files(in: Corpora.sampleMicrotextsEnglish, ending: ".xml") + Corpora.files(in: Corpora.sampleMicrotextsPart2, ending: ".xml")
            }
            return paths.sorted() + crashes
        }

        /// Tokens of the format's syntax, spliced in and repeated by the mutator.
        var dictionary: [[UInt8]] {
            let tokens: [String] = switch self {
            case .brat:
                ["\n", "\t", " ", ";", "\r\n", "T1", "T9", "R1", "A1", "#1", "*", "E1", "N1", "-1", "0", "2147483648", "99999999999999999999",
                 "T1\tClaim 0 5\tabc\n", "T2\tPremise 3 1\tx\n", "T3\tMajorClaim 0 2;4 6\tab cd\n", "T4\tClaim 0 0\t\n",
                 "R1\tsupports Arg1:T1 Arg2:T2\n", "R2\tattacks Arg1:T2 Arg2:T2\n", "R3\tsupports Arg1:T9 Arg2:R1\n",
                 "A1\tStance T1 For\n", "A2\tStance T1 Against\n", "A3\tStance R1 For\n", "#1\tAnnotatorNotes T1\tnote\n",
                 "*\tRestates T1 T2\n", "E1\tClaim:T1 Arg:T2\n", "N1\tReference T1 Wikipedia:1\tx\n", "Arg1:", "Arg2:", "\u{FEFF}", "\u{0}", "\u{85}", "😀"]
            case .aif:
                ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud83d", "\\ude00", "\\u+041", "+1", "-0", "1e999", "1.5", "null", "true",
                 "\"nodeID\": \"1\"", "\"nodeID\": 1", "\"type\": \"I\"", "\"type\": \"RA\"", "\"type\": \"CA\"", "\"type\": \"MA\"", "\"type\": \"L\"",
                 "\"type\": \"YA\"", "\"text\": \"\"", "\"fromID\": \"1\"", "\"toID\": \"1\"", "\"edgeID\": \"9\"", "\"personID\": \"p\"",
                 "{\"nodeID\": \"9\", \"text\": \"x\", \"type\": \"RA\"}", "{\"edgeID\": \"e\", \"fromID\": \"9\", \"toID\": \"9\"}",
                 "\"nodes\": [", "\"edges\": [", "\"locutions\": [", "\"participants\": [", "\"AIF\": {", "\"text\": {\"txt\": \"x\"}"]
            case .xmi:
                ["<", ">", "\"", "&", "&#0;", "&#x1F600;", "&#xD83D;", " begin=\"", " end=\"", " begin=\"-1\"", " end=\"99999999\"", " sofa=\"1\"", " xmi:id=\"1\"",
                 " sofaString=\"", " sofaString=\"abc\"", "<cas:Sofa xmi:id=\"99\" sofaNum=\"2\" sofaID=\"v\" sofaString=\"x\"/>",
                 "<argumentation:Claim xmi:id=\"77\" sofa=\"1\" begin=\"0\" end=\"3\"/>", "<argumentation:Premise xmi:id=\"78\" sofa=\"1\" begin=\"2\" end=\"1\"/>",
                 " source=\"77\"", " target=\"78\"", " stance=\"For\"", " properties=\"", "\\u", "\\uD83D\\uDE00", "\\uD83D", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;"]
            case .microtexts:
                ["<", ">", "\"", "&", " id=\"", "<edu id=\"e9\">text</edu>", "<edu id=\"e1\">dup</edu>", "<edu id=\"e9\" implicit=\"true\">x</edu>",
                 "<adu id=\"a9\" type=\"pro\"/>", "<adu id=\"a9\" type=\"opp\"/>", "<joint id=\"j1\"/>", "<edge id=\"c9\" src=\"a9\" trg=\"a1\" type=\"sup\"/>",
                 "<edge id=\"c8\" src=\"e9\" trg=\"a9\" type=\"seg\"/>", "<edge id=\"c7\" src=\"a1\" trg=\"c1\" type=\"und\"/>", "<edge id=\"c6\" src=\"a1\" trg=\"a1\" type=\"reb\"/>",
                 "<edge id=\"c5\" src=\"a2\" trg=\"c4\" type=\"add\"/>", " type=\"seg\"", " type=\"exa\"", " src=\"", " trg=\"", " topic_id=\"x\"", " stance=\"pro\"",
                 "<!DOCTYPE arggraph SYSTEM \"arggraph.dtd\">", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;"]
            }
            return tokens.map { Array($0.utf8) } + Mutator.argmarkDictionary
        }

        /// Imports `path` (a brat `.ann` reads the `.txt` beside it).
        func importDocument(_ path: String) throws(FormatError) -> ImportedDocument {
            switch self {
            case .brat: try BratImporter.importDocument(path)
            case .aif: try AIFImporter.importDocument(path)
            case .xmi: try XMIImporter.importDocument(path)
            case .microtexts: ImportedDocument(article: try MicrotextsImporter.importFile(path))
            }
        }
    }

    /// What must hold for any input: the importer returns; an error is one line naming the input;
    /// an article is either refused as a whole by the writer's validation, or valid as written.
    static func violations(importing path: String, as format: Format, validator: Validator) -> [String] {
        let document: ImportedDocument
        do {
            document = try format.importDocument(path)
        } catch {
            var problems: [String] = []
            let line = error.diagnostic.description
            if line.contains(where: \.isNewline) { problems.append("error spans several lines: \(line)") }
            if error.diagnostic.message.isEmpty { problems.append("error without a message") }
            if !error.diagnostic.location.path.hasPrefix(FileSystem.directoryName(of: path)) { problems.append("error names no input: \(line)") }
            return problems
        }
        var problems: [String] = []
        for warning in document.warnings + document.dropped where warning.description.contains(where: \.isNewline) {
            problems.append("warning spans several lines: \(warning.description)")
        }
        let imported = ImportedArticle(sourcePath: path, document: document)
        let corpus = Corpus(targets: document.targets, propositions: document.propositions)
        let prepared = BatchWriter.prepare(imported, directory: FileSystem.directoryName(of: path), corpus: corpus, keepGoing: false, validator: validator)
        guard let file = prepared.file else {
            // Refused before writing: it must say why, one line each.
            if prepared.errors.isEmpty { problems.append("refused without an error") }
            for error in prepared.errors where error.description.contains(where: \.isNewline) { problems.append("refusal spans several lines: \(error.description)") }
            return problems
        }
        // What import writes validates, reads back as the same article, and is a fixed point.
        let (again, findings) = validator.validate(bytes: file.bytes, path: path, corpus: corpus)
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty { problems.append("the file import would write is invalid: \(errors.map(\.description))") }
        guard case .article(let reread)? = again else { return problems + ["the file import would write is not an article"] }
        if (try? ArticleWriter.encode(reread.article)) != file.bytes { problems.append("the file import would write is not a canonical fixed point") }
        return problems
    }

    @Test(arguments: Format.allCases) func mutatedInputsGiveAnErrorOrAValidArticle(_ format: Format) throws {
        let environment = ProcessInfo.processInfo.environment
        // The long harness runs one format at a time.
        if let only = environment["ARGMARK_FUZZ_FORMAT"], only != format.rawValue { return }
        let iterations = environment["ARGMARK_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 250
        let seed = environment["ARGMARK_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x1A9C
        let inputLog = environment["ARGMARK_FUZZ_INPUT_LOG"]
        let folder = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(format.fileName).path
        let textPath = folder.appendingPathComponent("fuzz.txt").path
        // Pairs of (input, brat text): the brat importer reads two files, both are mutated.
        var pool: [([UInt8], [UInt8])] = try format.seeds.map { seedPath in
            let text = format == .brat ? try FileSystem.read(Names.sibling(of: seedPath, replacing: ".ann", with: ".txt")) : []
            return (try FileSystem.read(seedPath), text)
        }
        #expect(pool.count >= 2, "no seed files for \(format)")
        let validator = Validator()
        var mutator = Mutator(seed: seed, dictionary: format.dictionary)
        var failures: [String] = []
        var outcomes: Set<String> = []
        var slowest = Duration.zero
        let clock = ContinuousClock()
        for iteration in 0..<iterations {
            let (original, originalText) = pool[mutator.int(pool.count)]
            let input = mutator.mutate(original)
            let text = format == .brat && mutator.int(4) == 0 ? mutator.mutate(originalText) : originalText
            try Data(input).write(to: URL(fileURLWithPath: path))
            if format == .brat { try Data(text).write(to: URL(fileURLWithPath: textPath)) }
            if let inputLog { _ = FileManager.default.createFile(atPath: inputLog, contents: Data(input)) }
            var problems: [String] = []
            let elapsed = clock.measure { problems = Self.violations(importing: path, as: format, validator: validator) }
            slowest = max(slowest, elapsed)
            if !problems.isEmpty {
                failures.append("\(format) seed \(seed) iteration \(iteration): \(problems.joined(separator: "; "))\n  input: \(String(decoding: input.prefix(1500), as: UTF8.self))")
                if let keep = environment["ARGMARK_FUZZ_FAILURES"] {
                    FuzzFixtures.keep(input, text: format == .brat ? text : nil, format: format, name: "seed-\(seed)-\(iteration)", in: keep)
                }
                if failures.count >= 5 { break }
            }
            // Inputs that end differently (an error's first words, or success) join the pool.
            let outcome: String
            do { _ = try format.importDocument(path); outcome = "ok" } catch { outcome = String(error.diagnostic.message.prefix(24)) }
            if outcomes.insert(outcome).inserted, pool.count < 200, input.count < 1 << 20 { pool.append((input, text)) }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // Reported, not asserted (no test asserts a time): bench/fuzz.sh importers reads it.
        print("importer fuzz: \(format) seed \(seed) (replay with ARGMARK_FUZZ_SEED=\(seed)), \(iterations) inputs, \(outcomes.count) distinct outcomes, slowest \(slowest)")
    }

    /// Every input a fuzz run ever failed on stays fixed.
    @Test(arguments: Format.allCases) func recordedFindingsStayFixed(_ format: Format) throws {
        let validator = Validator()
        for path in FuzzFixtures.crashes(format) {
            let problems = Self.violations(importing: path, as: format, validator: validator)
            #expect(problems.isEmpty, "\(path): \(problems)")
        }
    }
}

/// Where the importer fuzzers keep the inputs they failed on (`Fixtures/fuzz-crashes/FORMAT/`).
enum FuzzFixtures {
    static func folder(_ format: ImporterFuzzTests.Format) -> String { Corpora.fixtures + "/fuzz-crashes/" + format.rawValue }

    static func crashes(_ format: ImporterFuzzTests.Format) -> [String] {
        let suffix = "." + (format.fileName.split(separator: ".").last.map(String.init) ?? "")
        return Corpora.files(in: folder(format), ending: suffix).sorted()
    }

    /// Writes a failing input (and, for brat, its text) as `NAME.EXT` under `root/FORMAT/`.
    static func keep(_ input: [UInt8], text: [UInt8]?, format: ImporterFuzzTests.Format, name: String, in root: String) {
        let folder = root + "/" + format.rawValue
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ext = format.fileName.split(separator: ".").last.map(String.init) ?? "txt"
        _ = FileManager.default.createFile(atPath: "\(folder)/\(name).\(ext)", contents: Data(input))
        if let text { _ = FileManager.default.createFile(atPath: "\(folder)/\(name).txt", contents: Data(text)) }
    }
}
