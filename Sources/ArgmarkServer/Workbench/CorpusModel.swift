import ArgmarkCore
import ArgmarkSuggest
import Dispatch
import Synchronization

/// The corpus's own suggestion model, learned from the articles the workbench edits and
/// retrained in the background as the annotator reviews suggestions.
///
/// It lives in `.argmark/model` beside the articles it learns from (`FOLDER/.argmark/model`, or
/// `FOLDER/annotators/NAME/.argmark/model` for an annotator, so annotators' models do not
/// overwrite each other); `argmark suggest --model` reads the same file. Until it exists,
/// suggestions come from the shipped model.
///
/// Retraining: after ``retrainAfter`` accepted or rejected suggestions, or on request. One
/// training runs at a time per server; asking again while one runs queues exactly one more (it
/// starts when the first ends, on the articles as they are then), so a burst of requests costs
/// at most two trainings. Training reads a snapshot of the valid articles, learns on a
/// background thread (not the server's), and replaces the file atomically: a reader, this
/// server or another process on the same folder, sees the old model or the new one, never a mix.
/// Two servers on one folder both write it; the later training wins, and each server picks up
/// the file's current bytes the next time it suggests.
package final class CorpusModel: Sendable {
    /// What the page shows about the model.
    package struct Status: Sendable, Equatable {
        /// Whether suggestions come from the corpus's model (`false`: the shipped one).
        package var trained: Bool
        /// Articles, units and relations the current model learned from (0 for the shipped one).
        package var articles = 0
        package var units = 0
        package var relations = 0
        package var training = false
        /// A retrain is waiting for the running one to end.
        package var queued = false
        /// Reviews (accepts and rejects) since the last training started.
        package var reviews = 0
        /// Trainings finished by this server.
        package var generation = 0
        /// Why the last training or loading failed (no gold units yet, a file from another version).
        package var problem: String?
        /// Reviews that start a retrain (0: only on request).
        package var retrainAfter = 0
    }

    /// The model file, relative to the folder of the articles it learns from.
    package static let relativePath = ".argmark/model"
    /// Accepted or rejected suggestions after which the model is retrained by default.
    package static let defaultRetrainAfter = 20

    /// The folder of the articles it learns from.
    let articlesFolder: String
    /// The model file.
    package let path: String
    /// Reviews that start a retrain; 0 retrains only on request.
    package let retrainAfter: Int
    /// Lists the article files to learn from, at training time.
    let articlePaths: @Sendable () -> [String]
    let validator: Validator
    /// How a model is learned (``SuggestionTrainer``; tests put a gate in front of it).
    let train: @Sendable ([TrainingArticle]) throws(TrainingError) -> SuggestionModel

    struct Loaded: Sendable {
        var digest: String
        var suggester: Suggester
        var summary: TrainingSummary
    }

    struct State: Sendable {
        var status = Status(trained: false)
        var loaded: Loaded?
    }

    let state: Mutex<State>
    /// Signalled whenever a training ends, for callers that wait for it (tests, scripts).
    let finished = Mutex<[@Sendable () -> Void]>([])

    init(articlesFolder: String, retrainAfter: Int, validator: Validator,
         train: @escaping @Sendable ([TrainingArticle]) throws(TrainingError) -> SuggestionModel = { articles throws(TrainingError) in try SuggestionTrainer().train(articles) },
         articlePaths: @escaping @Sendable () -> [String]) {
        self.train = train
        self.articlesFolder = articlesFolder
        self.path = FileSystem.join(articlesFolder, Self.relativePath)
        self.retrainAfter = max(0, retrainAfter)
        self.validator = validator
        self.articlePaths = articlePaths
        var initial = State()
        initial.status.retrainAfter = self.retrainAfter
        self.state = Mutex(initial)
    }

    // MARK: Using the model

    /// The suggester to use now: the corpus's model if its file exists and reads, else the
    /// shipped one. The file is read each time (it is small) so a model another process wrote
    /// is used at once; it is decoded again only when its bytes changed.
    package func suggester() -> Suggester {
        guard FileSystem.kind(of: path) == .file, let bytes = try? FileSystem.read(path) else {
            state.withLock { $0.loaded = nil; $0.status.trained = false }
            return Suggester()
        }
        let digest = SHA256.hexDigest(of: bytes)
        if let loaded = state.withLock({ $0.loaded }), loaded.digest == digest { return loaded.suggester }
        do throws(ModelLoadError) {
            let model = try SuggestionModel(bytes: bytes, path: path)
            let loaded = Loaded(digest: digest, suggester: Suggester(model: model), summary: model.summary)
            state.withLock { state in
                state.loaded = loaded
                state.status.trained = true
                state.status.articles = model.summary.documents
                state.status.units = model.summary.units.values.reduce(0, +)
                state.status.relations = model.summary.relations
                if !state.status.training { state.status.problem = nil }
            }
            return loaded.suggester
        } catch {
            state.withLock { state in
                state.loaded = nil
                state.status.trained = false
                state.status.problem = "\(FileSystem.baseName(of: articlesFolder))/\(Self.relativePath) cannot be used (\(error.message)); the shipped model suggests until it is retrained"
            }
            return Suggester()
        }
    }

    /// The model's state, with the file as it is now.
    package func status() -> Status {
        _ = suggester()
        return state.withLock { $0.status }
    }

    // MARK: Retraining

    /// Counts `count` reviewed suggestions; starts a retrain when they reach ``retrainAfter``.
    package func noteReviews(_ count: Int) {
        guard count > 0 else { return }
        let due = state.withLock { state -> Bool in
            state.status.reviews += count
            return retrainAfter > 0 && state.status.reviews >= retrainAfter
        }
        if due { retrain() }
    }

    /// Starts a retrain in the background, or queues one if a training is running. Returns the
    /// status right after.
    @discardableResult
    package func retrain() -> Status {
        let start = state.withLock { state -> Bool in
            if state.status.training {
                state.status.queued = true
                return false
            }
            state.status.training = true
            state.status.reviews = 0
            return true
        }
        if start {
            DispatchQueue.global(qos: .utility).async { self.runTrainings() }
        }
        return state.withLock { $0.status }
    }

    /// Trains until no retrain is queued.
    private func runTrainings() {
        while true {
            let problem = trainOnce()
            let again = state.withLock { state -> Bool in
                state.status.problem = problem
                state.status.generation += 1
                if state.status.queued {
                    state.status.queued = false
                    state.status.reviews = 0
                    return true
                }
                state.status.training = false
                return false
            }
            if !again { break }
        }
        _ = suggester()
        for callback in finished.withLock({ callbacks in defer { callbacks = [] }; return callbacks }) { callback() }
    }

    /// One training on the articles as they are now; the problem if it did not produce a model.
    private func trainOnce() -> String? {
        let articles = Self.trainingArticles(articlePaths(), validator: validator)
        let model: SuggestionModel
        do throws(TrainingError) { model = try train(articles) } catch {
            return error.message
        }
        let directory = FileSystem.directoryName(of: path)
        if FileSystem.kind(of: directory) != .directory {
            do throws(Platform.Failure) { try Platform.createDirectory(directory) } catch {
                if error.kind != .exists { return "\(directory): cannot create the model's folder (\(error.systemMessage))" }
            }
        }
        do throws(FileSystemError) { try AtomicFile.write(model.encoded(), to: path) } catch {
            return "\(error.path): \(error.reason)"
        }
        return nil
    }

    /// The valid articles among `paths` that have gold units, in the order given.
    package static func trainingArticles(_ paths: [String], validator: Validator) -> [TrainingArticle] {
        paths.compactMap { path in
            guard let loaded = try? ArticleLoader.load(path, validator: validator), loaded.isValid,
                  loaded.article.units.contains(where: { $0.status == .gold }) else { return nil }
            return TrainingArticle(article: loaded.article, corpus: loaded.corpus)
        }
    }

    /// Runs `callback` when the running training (and any queued after it) ends; at once if none runs.
    package func whenIdle(_ callback: @escaping @Sendable () -> Void) {
        let now = finished.withLock { callbacks -> Bool in
            if !state.withLock({ $0.status.training }) { return true }
            callbacks.append(callback)
            return false
        }
        if now { callback() }
    }
}

extension CorpusModel.Status {
    package var json: JSONValue {
        .object([
            "trained": .bool(trained), "articles": .int(articles), "units": .int(units), "relations": .int(relations),
            "training": .bool(training), "queued": .bool(queued), "reviews": .int(reviews),
            "generation": .int(generation), "problem": problem.map(JSONValue.string) ?? .null,
            "retrainAfter": .int(retrainAfter), "path": .string(CorpusModel.relativePath),
        ])
    }
}
