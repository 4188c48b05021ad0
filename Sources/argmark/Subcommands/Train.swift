import ArgumentParser
import ArgmarkAgreement
import ArgmarkCommandLine
import ArgmarkCore
import ArgmarkSuggest

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", _superCommandName: "argmark",
        abstract: "Learn a suggestion model from annotated articles (for argmark suggest --model).",
        discussion: """
            Learns from the gold units, relations and stances of every article under PATH (an \
            argmark corpus, or one imported with argmark import). Articles without gold units are \
            left out. Prints a cross-validated table (5 folds of whole articles): per unit type \
            precision, recall and F1 under the Feedback Prize overlap rule (same type, overlap at \
            least half of each unit in whitespace tokens), relation F1 given the gold units, \
            stance F1 given the gold units; then the model's size. The same input gives the same \
            model bytes.

            Use it with argmark suggest FILE --model MODEL.
            """
    )

    @Argument(help: "Annotated argmark articles or folders of them.") var paths: [String] = []
    @Option(name: .shortAndLong, help: "Where to write the model.") var output: String?
    @Option(help: "Genre of articles that declare none (\(Genre.allCases.map(\.rawValue).joined(separator: ", "))).") var genre: String?
    @Flag(help: "Replace the model file if it exists.") var overwrite = false
    @Option(help: "Folds for the cross-validated table (0 to skip it).") var folds = 5
    @Option(help: .hidden) var maxFeatures: Int?
    /// Hidden, for bench/suggest/evaluate.sh: score the model (and the trivial baselines) on these
    /// held-out articles and print the scores as JSON.
    @Option(help: .hidden) var heldOut: [String] = []
    @Option(help: .hidden) var model: String?
    /// Hidden, with --held-out: also score the model as argmark suggest --types does
    /// (`model-typed` in the JSON).
    @Option(help: .hidden) var types: String?
    /// Hidden, for bench experiments: fix the segmentation (clauses or sentences) instead of
    /// trying both.
    @Option(help: .hidden) var segmentation: String?

    func validate() throws {
        if let genre, Genre(rawValue: genre) == nil {
            throw ValidationError("unknown genre \"\(genre)\"; use one of \(Genre.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard output != nil || !heldOut.isEmpty else { throw ValidationError("name the model file with -o MODEL") }
        guard !paths.isEmpty || model != nil else { throw ValidationError("pass the annotated articles (files or folders) to learn from") }
        guard folds == 0 || folds >= 2 else { throw ValidationError("--folds must be 0 (no table) or at least 2") }
        if let types { _ = try LabelSet.parse(types) }
    }

    func run() throws {
        if let output, !overwrite, FileSystem.kind(of: output) != .missing {
            Terminal.standardError("\(output): error: the model file exists; pass --overwrite to replace it, or choose another name")
            throw ExitStatus.failure.code
        }
        var trainer = SuggestionTrainer()
        trainer.genre = genre.flatMap(Genre.init(rawValue:))
        if let maxFeatures { trainer.maximumFeatures = maxFeatures }
        if let segmentation {
            guard let granularity = ArgmarkSuggest.Granularity(rawValue: segmentation) else {
                Terminal.standardError("argmark: error: unknown segmentation \"\(segmentation)\"; use \(ArgmarkSuggest.Granularity.allCases.map(\.rawValue).joined(separator: " or "))")
                throw ExitStatus.failure.code
            }
            trainer.granularity = granularity
        }
        do {
            let trained: SuggestionModel
            // The cross-validated score on the training articles (what chose the model), for the
            // evaluation's JSON.
            var crossValidated: Evaluation?
            if let model {
                trained = try SuggestionModel(bytes: try Self.read(model), path: model)
            } else if folds >= 2 && heldOut.isEmpty {
                let (result, evaluation) = try trainer.trainWithCrossValidation(try Self.load(paths), folds: folds)
                trained = result
                Terminal.standardOutput("cross-validated on \(evaluation.documents) articles (\(folds) folds):")
                // One call per line: a call is one line, its line breaks shown as escapes.
                for line in EvaluationTable.text(evaluation).split(separator: "\n") { Terminal.standardOutput(String(line)) }
            } else {
                let result = try trainer.trainWithCrossValidation(try Self.load(paths))
                trained = result.model
                crossValidated = result.evaluation
            }
            if !heldOut.isEmpty {
                let test = try Self.load(heldOut)
                var systems: [(String, Evaluation)] = [("model", try trainer.evaluate(trained, on: test))]
                if let types { systems.append(("model-typed", try trainer.evaluate(trained, on: test, labels: try LabelSet.parse(types)))) }
                for baseline in Baseline.allCases { systems.append((baseline.rawValue, try trainer.evaluate(baseline, on: test))) }
                // JSON of argmark's own numbers and names, written as rendered (over several lines).
                if let crossValidated, crossValidated.documents > 0 { systems.append(("cross-validated", crossValidated)) }
                Terminal.write(EvaluationTable.json(systems, trainingDocuments: trained.summary.documents, segmentation: trained.summary.granularity.rawValue) + "\n", to: Platform.standardOutput)
            }
            if let output {
                let bytes = trained.encoded()
                do { try AtomicFile.write(bytes, to: output, overwrite: overwrite) } catch {
                    Terminal.standardError("\(error.path): error: \(error.reason)")
                    throw ExitStatus.failure.code
                }
                let summary = trained.summary
                Terminal.standardOutput("wrote \(output): \(EvaluationTable.size(bytes.count)), \(summary.features) features; trained on \(summary.documents) articles, \(summary.segments) segments, \(summary.units.values.reduce(0, +)) units, \(summary.relations) relations, \(summary.stances) stances")
            }
        } catch let error as TrainingError {
            Terminal.standardError("argmark: error: \(error.message)")
            throw ExitStatus.failure.code
        } catch let error as ModelLoadError {
            Terminal.standardError("\(error.path): error: \(Wording.sentence(error.message, error.remedies))")
            throw ExitStatus.failure.code
        }
    }

    /// Every article under `paths`; unreadable or invalid ones stop training (exit 2 or 1).
    static func load(_ paths: [String]) throws -> [TrainingArticle] {
        let (loaded, failures) = ArticleLoader.loadAll(paths)
        if !failures.isEmpty {
            DiagnosticPrinter.print(failures)
            throw max(ExitStatus(failures), .failure).code
        }
        let invalid = loaded.filter { !$0.isValid }
        if !invalid.isEmpty {
            DiagnosticPrinter.print(invalid.flatMap(\.diagnostics).filter { $0.severity == .error })
            Terminal.standardError("argmark: error: \(invalid.count) invalid \(invalid.count == 1 ? "article" : "articles"); fix them (argmark validate) before training")
            throw ExitStatus.failure.code
        }
        guard !loaded.isEmpty else {
            Terminal.standardError("argmark: error: no argmark articles in \(paths.joined(separator: " ")); pass annotated .xml files or folders of them")
            throw ExitStatus.usage.code
        }
        return loaded.map { TrainingArticle(article: $0.article, corpus: $0.corpus) }
    }

    static func read(_ path: String) throws -> [UInt8] {
        do { return try FileSystem.read(path) } catch {
            Terminal.standardError("\(error.path): error: \(error.reason)")
            throw ExitStatus.usage.code
        }
    }
}

/// The cross-validation table and the JSON the evaluation script reads.
enum EvaluationTable {
    static func text(_ evaluation: Evaluation) -> String {
        func cell(_ value: Double?) -> String { value.map { String(format3($0)) } ?? "–" }
        var lines = ["  type          gold  suggested  precision  recall     F1"]
        for type in UnitType.allCases {
            guard let counts = evaluation.units[type] else { continue }
            lines.append("  " + pad(type.rawValue, 12) + pad(String(counts.first), 6, left: true) + pad(String(counts.second), 11, left: true)
                         + pad(cell(counts.precision), 11, left: true) + pad(cell(counts.recall), 8, left: true) + pad(cell(counts.f1), 7, left: true))
        }
        lines.append("  macro overlap-F1 \(cell(evaluation.macroF1))")
        lines.append("  relations given gold units: \(evaluation.relations.first) gold, \(evaluation.relations.second) suggested, F1 \(cell(evaluation.relations.f1))")
        if evaluation.stance.first + evaluation.stance.second > 0 {
            lines.append("  stance given gold units: \(evaluation.stance.first) gold, \(evaluation.stance.second) suggested, F1 \(cell(evaluation.stance.f1))")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ systems: [(String, Evaluation)], trainingDocuments: Int, segmentation: String) -> String {
        func counts(_ value: MatchCounts) -> JSONValue {
            .object(["gold": .int(value.first), "suggested": .int(value.second), "matched": .int(value.matched)])
        }
        var object: [String: JSONValue] = ["trainingDocuments": .int(trainingDocuments), "segmentation": .string(segmentation)]
        for (name, evaluation) in systems {
            var byType: [String: JSONValue] = [:]
            for (type, value) in evaluation.units { byType[type.rawValue] = counts(value) }
            object[name] = .object(["documents": .int(evaluation.documents), "units": .object(byType),
                                    "macroF1": evaluation.macroF1.map(JSONValue.double) ?? .null,
                                    "strictMacroF1": evaluation.strictMacroF1.map(JSONValue.double) ?? .null,
                                    "relations": counts(evaluation.relations), "stance": counts(evaluation.stance)])
        }
        return JSONValue.object(object).rendered()
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(format3(Double(bytes) / Double(1 << 20))) MiB" : bytes >= 1024 ? "\((bytes + 512) / 1024) KiB" : "\(bytes) bytes"
    }

    static func format3(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        let text = String(scaled / 1000) + "." + String(String(1000 + scaled % 1000).dropFirst())
        return text
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}
