import ArgmarkCore
import ArgmarkSuggest

/// What a batch of edits did.
package struct AppliedEdits: Sendable {
    /// The file's new version (SHA-256 of its bytes).
    package var version: String
    /// Ids the batch allocated, in order (units, relations, speakers).
    package var created: [String]
    /// For each `"as"` label of the batch, the id it became.
    package var labels: [String: String]
    /// Ids a removal or rejection took out (a cascade included).
    package var removed: [String]
    /// Warnings the change introduced.
    package var warnings: [Diagnostic]
    /// Whether the file changed (a batch that changes nothing does not rewrite it).
    package var changed: Bool
    /// The article before the change, for undo.
    package var before: Article
}

/// Why a batch did not land; nothing was written.
package enum EditFailure: Error, Sendable {
    /// The file is no longer the version the page edited; `current` is its version now.
    case stale(current: String)
    /// The core refused the change (unknown id, invalid result, …).
    case refused(EditError)
}

/// The workbench's way into the core's locked edit: every change the page makes goes through
/// ``ArticleEditor/edit(_:validator:_:)`` (lock, apply, encode, validate fully, replace
/// atomically), with a version check under the same lock.
package enum EditTransaction {
    /// The version of a file's bytes: the lowercase hex SHA-256 digest.
    package static func version(of bytes: [UInt8]) -> String { SHA256.hexDigest(of: bytes) }

    /// Applies `edits` to the article at `path` if the file is still `expectedVersion`
    /// (`nil` skips the check, for scripts that do not care).
    package static func apply(_ edits: [WorkbenchEdit], to path: String, expectedVersion: String?,
                              suggester: Suggester, validator: Validator) throws(EditFailure) -> AppliedEdits {
        var stale: String?
        var before: Article?
        var result: (created: [String], labels: [String: String], removed: [String]) = ([], [:], [])
        let outcome: ArticleEditor.Outcome<Void>
        do throws(EditError) {
            outcome = try ArticleEditor.edit(path, validator: validator) { (article, corpus) throws(EditError) in
                // The lock is held: what is read here is what the edit replaces.
                let current = version(of: (try? FileSystem.read(path)) ?? [])
                if let expectedVersion, current != expectedVersion {
                    stale = current
                    throw EditError(.refused, "the article changed since the page loaded it")
                }
                before = article
                result = try applyAll(edits, to: &article, corpus: corpus, path: path, suggester: suggester)
            }
        } catch {
            if let stale { throw .stale(current: stale) }
            throw .refused(error)
        }
        let bytes = (try? FileSystem.read(path)) ?? []
        return AppliedEdits(version: version(of: bytes), created: result.created, labels: result.labels,
                            removed: result.removed, warnings: outcome.warnings, changed: outcome.changed, before: before!)
    }

    /// Replaces the article at `path` by `replacement` (undo and redo), if it is still `expectedVersion`.
    package static func restore(_ replacement: Article, at path: String, expectedVersion: String, validator: Validator) throws(EditFailure) -> AppliedEdits {
        var stale: String?
        var before: Article?
        let outcome: ArticleEditor.Outcome<Void>
        do throws(EditError) {
            outcome = try ArticleEditor.edit(path, validator: validator) { (article, _) throws(EditError) in
                let current = version(of: (try? FileSystem.read(path)) ?? [])
                if current != expectedVersion {
                    stale = current
                    throw EditError(.refused, "the article changed since the page loaded it")
                }
                before = article
                article = replacement
            }
        } catch {
            if let stale { throw .stale(current: stale) }
            throw .refused(error)
        }
        let bytes = (try? FileSystem.read(path)) ?? []
        return AppliedEdits(version: version(of: bytes), created: [], labels: [:], removed: [], warnings: outcome.warnings,
                            changed: outcome.changed, before: before!)
    }

    /// Applies the corpus edits (targets, propositions) to the `corpus.xml` at `path`.
    package static func applyToCorpus(_ edits: [WorkbenchEdit], at path: String, validator: Validator) throws(EditFailure) -> [String] {
        do throws(EditError) {
            return try ArticleEditor.editCorpus(path, validator: validator) { (corpus) throws(EditError) -> [String] in
                var ids: [String] = []
                for edit in edits {
                    switch edit {
                    case .target(let id, let name):
                        try CorpusEdits.upsertTarget(id, name: name, description: nil, in: &corpus)
                        ids.append(id.rawValue)
                    case .proposition(let id, let statement, let target, let stance):
                        try CorpusEdits.upsertProposition(id, statement: statement, target: target, stance: stance, in: &corpus)
                        ids.append(id.rawValue)
                    default:
                        throw EditError(.usage, "only target and proposition edits change corpus.xml; send the others to the article")
                    }
                }
                return ids
            }.value
        } catch {
            throw .refused(error)
        }
    }

    /// The edits, in order, on the article in memory.
    static func applyAll(_ edits: [WorkbenchEdit], to article: inout Article, corpus: Corpus?, path: String,
                         suggester: Suggester) throws(EditError) -> (created: [String], labels: [String: String], removed: [String]) {
        var labels: [String: String] = [:]
        var created: [String] = []
        var removed: [String] = []
        func resolve(_ name: String) -> String { labels[name] ?? name }
        for edit in edits {
            switch edit {
            case .addUnit(let type, let place, let fields, let label):
                let attributes = UnitAttributes(speaker: fields.speaker ?? nil, stance: fields.stance ?? nil, target: fields.target ?? nil,
                                                proposition: fields.proposition ?? nil, note: fields.note ?? nil)
                let id: UnitID
                switch place {
                case .span(let span):
                    id = try ArticleEdits.addUnit(type, at: .offsets(start: span.start, end: span.end), attributes: attributes,
                                                  to: &article, corpus: corpus, path: path).unit.id
                case .fragments(let spans):
                    let whole = Span(start: spans.first!.start, end: spans.last!.end)
                    id = try ArticleEdits.addUnit(type, at: .offsets(start: whole.start, end: whole.end), attributes: attributes,
                                                  to: &article, corpus: corpus, path: path).unit.id
                    article.units[article.units.count - 1].fragments = spans
                case .implicit(let paraphrase):
                    // Added at a placeholder span for the reference checks, then made implicit:
                    // the full validation of the result checks what is written.
                    guard !article.text.isEmpty else { throw EditError(.refused, "the article has no text") }
                    id = try ArticleEdits.addUnit(type, at: .offsets(start: 0, end: 1), attributes: attributes,
                                                  to: &article, corpus: corpus, path: path).unit.id
                    article.units[article.units.count - 1].span = nil
                    article.units[article.units.count - 1].quote = paraphrase
                }
                created.append(id.rawValue)
                if let label { labels[label] = id.rawValue }
            case .setUnit(let name, let fields):
                var change = ArticleEdits.UnitChange()
                change.type = fields.type
                if let speaker = fields.speaker { if let speaker { change.speaker = speaker } else { change.clearSpeaker = true } }
                if let stance = fields.stance { if let stance { change.stance = stance } else { change.clearStance = true } }
                if let target = fields.target { if let target { change.target = target } else { change.clearStance = true } }
                if let proposition = fields.proposition { if let proposition { change.proposition = proposition } else { change.clearProposition = true } }
                if let note = fields.note { if let note { change.note = note } else { change.clearNote = true } }
                try ArticleEdits.setUnit(UnitID(resolve(name)), change, in: &article, corpus: corpus, path: path)
            case .relate(let from, let type, let to, let label):
                let relation = try ArticleEdits.addRelation(from: resolve(from), type, to: resolve(to), in: &article, path: path)
                created.append(relation.id.rawValue)
                if let label { labels[label] = relation.id.rawValue }
            case .setRelation(let name, let type):
                try ArticleEdits.setRelation(RelationID(resolve(name)), type: type, note: nil, clearNote: false, in: &article, path: path)
            case .remove(let name, let cascade):
                let removal = try ArticleEdits.remove(resolve(name), cascade: cascade, from: &article, path: path)
                removed += removal.units.map(\.id.rawValue) + removal.relations.map(\.id.rawValue) + removal.speakers.map(\.id.rawValue)
            case .speaker(let id, let name, let role):
                if try ArticleEdits.upsertSpeaker(id, name: name, role: role, in: &article, path: path) { created.append(id.rawValue) }
            case .accept(let ids):
                _ = try Review.accept(.ids(ids.map(resolve)), in: &article, path: path)
            case .reject(let ids):
                let rejected = try Review.reject(.ids(ids.map(resolve)), in: &article, path: path)
                removed += rejected.units.map(\.id.rawValue) + rejected.speakers.map(\.id.rawValue)
            case .suggest:
                let added = suggester.suggest(into: &article)
                created += added.speakers.map(\.id.rawValue) + added.units.map(\.id.rawValue)
            case .target, .proposition:
                throw EditError(.usage, "targets and propositions live in corpus.xml; send them to /api/corpus/edits")
            }
        }
        return (created, labels, removed)
    }
}
