import ArgmarkCore
import ArgmarkSuggest
@testable import ArgmarkServer
import Dispatch
import Foundation
import Synchronization
import Testing

/// The corpus's own model in the workbench: retrained after reviews and on request, one
/// training at a time, written where `argmark suggest --model` finds it.
@Suite(.serialized) struct CorpusModelTests {
    static let text = """
        We must protect the accused. The evidence shows that rumours ruin careers. Some say every accusation is true. \
        But that is not the case. Courts exist for a reason. Studies found that most reports are honest. \
        Therefore we should listen. Critics argue the movement went too far. Yet the numbers say otherwise.
        """

    /// A folder with two annotated articles (gold claims and evidence on their sentences) and one
    /// with two suggestions waiting.
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let scalars = Array(text.unicodeScalars)
        var sentences: [Span] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "." {
            sentences.append(Span(start: start, end: index + 1))
            start = index + 2
        }
        func quote(_ span: Span) -> String { String(String.UnicodeScalarView(scalars[span.start..<span.end])) }
        for (number, name) in ["a", "b"].enumerated() {
            let units = sentences.enumerated().map { index, span in
                ArgumentUnit(id: UnitID("u\(index + 1)"), type: (index + number) % 3 == 1 ? .evidence : .claim, span: span, quote: quote(span))
            }
            try Data(try ArticleWriter.encode(Article(id: name, text: text, units: units))).write(to: url.appendingPathComponent("\(name).xml"))
        }
        let waiting = [0, 3].map { index in
            ArgumentUnit(id: UnitID("u\(index + 1)"), type: .claim, span: sentences[index], quote: quote(sentences[index]),
                         status: .suggested, confidence: index == 0 ? 0.9 : 0.4)
        }
        try Data(try ArticleWriter.encode(Article(id: "c", text: text, units: waiting))).write(to: url.appendingPathComponent("c.xml"))
        return url.path
    }

    /// Waits (no time limit asserted: the suite's hang guard is the limit) until no training runs.
    static func idle(_ model: CorpusModel) {
        let done = DispatchSemaphore(value: 0)
        model.whenIdle { done.signal() }
        done.wait()
    }

    @Test func reviewsRetrainTheModelIntoTheFolderAndSuggestionsComeLeastSureFirst() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workbench = try Workbench(folder: folder, annotator: nil, retrainAfter: 2)
        #expect(workbench.model.status().trained == false)
        let view = try workbench.article("c")
        #expect(view.reviewOrder == ["u4", "u1"], "the suggestion with confidence 0.4 first")
        let accepted = try workbench.apply([.accept(ids: ["u4"])], to: "c", version: view.version)
        #expect(accepted.reviewed == 1)
        #expect(workbench.model.status().training == false, "one review of two does not retrain")
        _ = try workbench.apply([.reject(ids: ["u1"])], to: "c", version: accepted.version)
        Self.idle(workbench.model)
        let status = workbench.model.status()
        #expect(status.trained && status.generation == 1 && status.problem == nil, "\(status)")
        #expect(status.reviews == 0)
        // What was written is exactly the model `argmark train` learns from the same articles.
        let written = try FileSystem.read(FileSystem.join(workbench.folder, CorpusModel.relativePath))
        let articles = CorpusModel.trainingArticles(["a", "b", "c"].map { FileSystem.join(workbench.folder, "\($0).xml") }, validator: Validator())
        #expect(articles.count == 3)
        #expect(written == (try SuggestionTrainer().train(articles)).encoded())
        #expect(status.articles == 3)
    }

    @Test func requestsDuringATrainingQueueExactlyOneMore() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let gate = DispatchSemaphore(value: 0)
        final class Counts: Sendable { let value = Mutex((now: 0, most: 0, runs: 0)) }
        let counts = Counts()
        let model = CorpusModel(articlesFolder: folder, retrainAfter: 0, validator: Validator(), train: { articles throws(TrainingError) in
            counts.value.withLock { $0.now += 1; $0.most = max($0.most, $0.now); $0.runs += 1 }
            gate.wait()
            defer { counts.value.withLock { $0.now -= 1 } }
            return try SuggestionTrainer().train(articles)
        }) { ["a", "b"].map { FileSystem.join(folder, "\($0).xml") } }
        model.noteReviews(50)
        #expect(model.status().training == false, "retrainAfter 0: reviews alone never retrain")
        let first = model.retrain()
        #expect(first.training && !first.queued)
        for _ in 0..<4 {
            let again = model.retrain()
            #expect(again.training && again.queued)
        }
        gate.signal()
        gate.signal()
        Self.idle(model)
        let status = model.status()
        #expect(counts.value.withLock { $0.runs } == 2, "the running training and one queued after it")
        #expect(counts.value.withLock { $0.most } == 1, "never two trainings at once")
        #expect(status.generation == 2 && !status.training && !status.queued && status.trained)
    }

    @Test func aCorruptModelFileFallsBackToTheShippedModelAndSaysSo() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workbench = try Workbench(folder: folder, annotator: nil, retrainAfter: 0)
        try FileManager.default.createDirectory(atPath: FileSystem.join(folder, ".argmark"), withIntermediateDirectories: true)
        try Data("not a model".utf8).write(to: URL(fileURLWithPath: FileSystem.join(folder, CorpusModel.relativePath)))
        let status = workbench.model.status()
        #expect(!status.trained)
        #expect(status.problem?.contains("cannot be used") == true, "\(status)")
        #expect(workbench.model.suggester().model.summary == SuggestionModel.shipped.summary, "the shipped model suggests")
    }

    @Test func withoutGoldUnitsTheProblemIsNamed() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(try ArticleWriter.encode(Article(id: "e", text: Self.text))).write(to: url.appendingPathComponent("e.xml"))
        let workbench = try Workbench(folder: url.path, annotator: nil, retrainAfter: 0)
        workbench.model.retrain()
        Self.idle(workbench.model)
        let status = workbench.model.status()
        #expect(!status.trained && status.generation == 1)
        #expect(status.problem != nil)
        #expect(FileSystem.kind(of: FileSystem.join(workbench.folder, CorpusModel.relativePath)) == .missing)
    }
}
