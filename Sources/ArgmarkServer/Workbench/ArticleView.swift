import ArgmarkCore
import ArgmarkReports

/// An article as the API returns it: text, annotations, findings, version and argument map.
package struct ArticleView: Sendable {
    package var name: String
    package var path: String
    package var version: String
    package var annotator: String?
    package var article: Article
    package var corpus: Corpus?
    package var diagnostics: [Diagnostic]
    /// The unit or relation each finding is about (by the line of its element), parallel to `diagnostics`.
    package var subjects: [String?]
    package var history: (undo: Int, redo: Int)

    static func load(name: String, path: String, annotator: String?, validator: Validator, history: (undo: Int, redo: Int)) throws(WorkbenchError) -> ArticleView {
        let bytes: [UInt8]
        do throws(FileSystemError) { bytes = try FileSystem.read(path) } catch {
            throw .unreadable([Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))])
        }
        let corpus = ArticleLoader.loadCorpus(besides: path, validator: validator)
        let (document, diagnostics) = validator.validate(bytes: bytes, path: path, corpus: corpus)
        guard case .article(let decoded)? = document else { throw .unreadable(diagnostics) }
        var byLine: [Int: String] = [:]
        for (id, line) in decoded.lines.units { byLine[line] = id.rawValue }
        for (id, line) in decoded.lines.relations { byLine[line] = id.rawValue }
        for (id, line) in decoded.lines.speakers { byLine[line] = id.rawValue }
        return ArticleView(name: name, path: path, version: EditTransaction.version(of: bytes), annotator: annotator,
                           article: decoded.article, corpus: corpus, diagnostics: diagnostics,
                           subjects: diagnostics.map { $0.location.line.flatMap { byLine[$0] } }, history: history)
    }

    /// The suggested units in the order the page offers them for review (active learning): the
    /// ones the model is least sure of first (lowest confidence: the mean probability of its
    /// tags), then in text order, then by id. A decision on those teaches the next training most.
    package var reviewOrder: [UnitID] {
        article.units.filter { $0.status == .suggested }.sorted { lhs, rhs in
            let (left, right) = (lhs.confidence ?? 0, rhs.confidence ?? 0)
            if left != right { return left < right }
            let (a, b) = (lhs.span?.start ?? Int.max, rhs.span?.start ?? Int.max)
            if a != b { return a < b }
            return naturalLess(lhs.id.rawValue, rhs.id.rawValue)
        }.map(\.id)
    }

    /// The argument map of the report, each node linking to `#unit-ID`.
    package var mapSVG: String {
        let caption = article.metadata.title ?? article.id
        return SVGRenderer.render(ArgumentMapLayout.layout(ArgumentGraph(article)), caption: caption, idPrefix: "map", linkPrefix: "unit-")
    }

    /// What a JSON answer carries beside the annotations.
    package struct Parts: Sendable {
        /// The text (an edit never changes it: edit answers leave it out and give `textDigest`).
        package var text = true
        /// The argument map's SVG (the page asks for it separately, after showing the text).
        package var map = true
        package static let all = Parts()
        /// For the answer to an edit: the page has the text and asks for the map.
        package static let annotations = Parts(text: false, map: false)
    }

    package var json: JSONValue { json(.all) }

    package func json(_ parts: Parts) -> JSONValue {
        let article = self.article
        var meta: [String: JSONValue] = [:]
        meta["title"] = article.metadata.title.map(JSONValue.string) ?? .null
        meta["outlet"] = article.metadata.outlet.map(JSONValue.string) ?? .null
        meta["author"] = article.metadata.author.map(JSONValue.string) ?? .null
        meta["published"] = article.metadata.published.map(JSONValue.string) ?? .null
        meta["url"] = article.metadata.url.map(JSONValue.string) ?? .null
        meta["genre"] = article.metadata.genre.map { .string($0.rawValue) } ?? .null
        meta["language"] = article.metadata.language.map(JSONValue.string) ?? .null
        let findings: [JSONValue] = zip(diagnostics, subjects).map { diagnostic, subject in
            guard case .object(var members) = diagnostic.json else { return diagnostic.json }
            members["subject"] = subject.map(JSONValue.string) ?? .null
            return .object(members)
        }
        var members: [String: JSONValue] = [
            "name": .string(name),
            "id": .string(article.id),
            "version": .string(version),
            "annotator": annotator.map(JSONValue.string) ?? .null,
            "meta": .object(meta),
            "textDigest": .string(article.textDigest),
            "length": .int(article.text.unicodeScalars.count),
            "speakers": .array(article.speakers.map { speaker in
                .object(["id": .string(speaker.id.rawValue), "name": .string(speaker.name), "role": speaker.role.map(JSONValue.string) ?? .null])
            }),
            "units": .array(article.units.map(Self.json)),
            "relations": .array(article.relations.map { relation in
                var members: [String: JSONValue] = [
                    "id": .string(relation.id.rawValue), "type": .string(relation.type.rawValue),
                    "from": .string(relation.from.rawValue), "to": .string(relation.to.rawID),
                ]
                if case .relation = relation.to { members["toRelation"] = .bool(true) } else { members["toRelation"] = .bool(false) }
                members["note"] = relation.note.map(JSONValue.string) ?? .null
                return .object(members)
            }),
            "corpus": Self.json(corpus ?? Corpus()),
            "diagnostics": .array(findings),
            "errors": .int(diagnostics.count { $0.severity == .error }),
            "warnings": .int(diagnostics.count { $0.severity == .warning }),
            "history": .object(["undo": .int(history.undo), "redo": .int(history.redo)]),
            "review": .array(reviewOrder.map { .string($0.rawValue) }),
        ]
        if parts.text { members["text"] = .string(article.text) }
        if parts.map { members["map"] = .string(mapSVG) }
        return .object(members)
    }

    package static func json(_ unit: ArgumentUnit) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(unit.id.rawValue),
            "type": .string(unit.type.rawValue),
            "quote": .string(unit.quote),
            "implicit": .bool(unit.isImplicit),
            "status": .string(unit.status.rawValue),
        ]
        members["start"] = unit.span.map { .int($0.start) } ?? .null
        members["end"] = unit.span.map { .int($0.end) } ?? .null
        members["fragments"] = .array(unit.fragments.map { .array([.int($0.start), .int($0.end)]) })
        members["speaker"] = unit.speaker.map { .string($0.rawValue) } ?? .null
        members["stance"] = unit.stance.map { .string($0.rawValue) } ?? .null
        members["target"] = unit.target.map { .string($0.rawValue) } ?? .null
        members["proposition"] = unit.proposition.map { .string($0.rawValue) } ?? .null
        members["note"] = unit.note.map(JSONValue.string) ?? .null
        members["confidence"] = unit.confidence.map(JSONValue.double) ?? .null
        return .object(members)
    }

    package static func json(_ corpus: Corpus) -> JSONValue {
        .object([
            "targets": .array(corpus.targets.map { .object(["id": .string($0.id.rawValue), "name": .string($0.name)]) }),
            "propositions": .array(corpus.propositions.map { proposition in
                .object(["id": .string(proposition.id.rawValue), "statement": .string(proposition.statement),
                         "target": proposition.target.map { .string($0.rawValue) } ?? .null,
                         "stance": proposition.stance.map { .string($0.rawValue) } ?? .null])
            }),
        ])
    }
}

/// One row of the corpus page: an article's progress.
package struct ArticleSummary: Sendable {
    package var name: String
    package var title: String?
    package var outlet: String?
    package var units: Int
    package var relations: Int
    package var suggestions: Int
    /// Share of the text's code points inside at least one gold unit.
    package var coverage: Double
    package var errors: Int
    package var warnings: Int

    static func load(name: String, path: String, validator: Validator) -> ArticleSummary {
        var summary = ArticleSummary(name: name, units: 0, relations: 0, suggestions: 0, coverage: 0, errors: 0, warnings: 0)
        let loaded: LoadedArticle
        do throws(ArticleLoadError) { loaded = try ArticleLoader.load(path, validator: validator) } catch {
            summary.errors = max(1, error.diagnostics.count { $0.severity == .error })
            return summary
        }
        let article = loaded.article
        summary.title = article.metadata.title
        summary.outlet = article.metadata.outlet
        summary.units = article.units.count { $0.status == .gold }
        summary.suggestions = article.units.count { $0.status == .suggested }
        summary.relations = article.relations.count
        summary.errors = loaded.diagnostics.count { $0.severity == .error }
        summary.warnings = loaded.diagnostics.count { $0.severity == .warning }
        let length = article.text.unicodeScalars.count
        if length > 0 {
            let spans = article.units.filter { $0.status == .gold }.flatMap { unit in unit.fragments.isEmpty ? (unit.span.map { [$0] } ?? []) : unit.fragments }.sorted()
            var covered = 0
            var reach = 0
            for span in spans {
                let start = max(span.start, reach)
                if span.end > start { covered += span.end - start }
                reach = max(reach, span.end)
            }
            summary.coverage = Double(covered) / Double(length)
        }
        return summary
    }

    package var json: JSONValue {
        .object([
            "name": .string(name),
            "title": title.map(JSONValue.string) ?? .null,
            "outlet": outlet.map(JSONValue.string) ?? .null,
            "units": .int(units),
            "relations": .int(relations),
            "suggestions": .int(suggestions),
            "coverage": .double(coverage),
            "errors": .int(errors),
            "warnings": .int(warnings),
        ])
    }
}
