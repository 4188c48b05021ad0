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
    /// The file's bytes before the change, for undo (restored as they were, not re-encoded).
    package var before: [UInt8]
    /// Suggested units the batch accepted or rejected (what retrains the corpus's model).
    package var reviewed = 0
}

/// Why a batch did not land; nothing was written.
package enum EditFailure: Error, Sendable {
    /// The file is no longer the version the page edited; `current` is its version now.
    case stale(current: String)
    /// The core refused the change (unknown id, invalid result, …).
    case refused(EditError)
}

/// The workbench's way into the core's edit transaction: the page's edits become the core's
/// ``Edit`` values and go through ``ArticleEditor/apply(_:to:expectedDigest:validator:)`` (lock,
/// apply, encode, validate fully, replace atomically, refused if the file is not the version the
/// page edited).
package enum EditTransaction {
    /// The version of a file's bytes: the lowercase hex SHA-256 digest.
    package static func version(of bytes: [UInt8]) -> String { SHA256.hexDigest(of: bytes) }

    /// Applies `edits` to the article at `path` if the file is still `expectedVersion`
    /// (`nil` skips the check, for scripts that do not care). `suggester` is asked for only when
    /// the batch has a ``WorkbenchEdit/suggest`` edit.
    package static func apply(_ edits: [WorkbenchEdit], to path: String, expectedVersion: String?,
                              suggester: () -> Suggester, validator: Validator) throws(EditFailure) -> AppliedEdits {
        // The bytes are read first: the digest passed to the core below makes it refuse the
        // write unless, under its lock, the file is still exactly these bytes, so they are what
        // undo must put back (and a stale page is told so before any parsing).
        let bytes: [UInt8]
        do throws(FileSystemError) { bytes = try FileSystem.read(path) } catch {
            throw .refused(EditError(.usage, error.reason, at: SourceLocation(path: error.path)))
        }
        let digest = version(of: bytes)
        if let expectedVersion, digest != expectedVersion { throw .stale(current: digest) }
        var coreEdits: [Edit] = []
        var before: Article?
        for edit in edits {
            if case .suggest = edit {
                // Suggestions are computed from the version read above and applied only to it.
                if before == nil {
                    let read: (article: Article, digest: String)
                    do throws(EditError) { read = try ArticleEditor.readForEditing(path, validator: validator) } catch {
                        throw .refused(error)
                    }
                    guard read.digest == digest else { throw .stale(current: read.digest) }
                    before = read.article
                }
                var copy = before!
                coreEdits += suggester().suggest(into: &copy, corpus: ArticleLoader.loadCorpus(besides: path, validator: validator)).edits
            } else if let coreEdit = edit.coreEdit {
                coreEdits.append(coreEdit)
            }
        }
        let outcome: EditOutcome
        do throws(EditError) {
            outcome = try ArticleEditor.apply(coreEdits, to: path, expectedDigest: digest, validator: validator)
        } catch {
            if case .stale(_, let actual)? = error.problem { throw .stale(current: actual) }
            throw .refused(error)
        }
        var created: [String] = []
        var removed: [String] = []
        var reviewed = 0
        for result in outcome.results {
            switch result {
            case .addedUnit(let unit, _): created.append(unit.id.rawValue)
            case .addedRelation(let relation): created.append(relation.id.rawValue)
            case .speaker(let speaker, let isNew, _): if isNew { created.append(speaker.id.rawValue) }
            case .removed(let removal):
                removed += removal.units.map(\.id.rawValue) + removal.relations.map(\.id.rawValue) + removal.speakers.map(\.id.rawValue)
            case .accepted(let units): reviewed += units.count
            case .rejected(let units, let speakers, let relations):
                removed += units.map(\.id.rawValue) + speakers.map(\.id.rawValue) + relations.map(\.id.rawValue)
                reviewed += units.count
            default: break
            }
        }
        return AppliedEdits(version: outcome.digest, created: created, labels: outcome.labels, removed: removed,
                            warnings: outcome.warnings, changed: outcome.changed, before: bytes, reviewed: reviewed)
    }

    /// Puts back `bytes` the article at `path` had before (undo and redo), if it is still
    /// `expectedVersion`: through the core's locked, validated, atomic write, byte for byte.
    package static func restore(_ bytes: [UInt8], at path: String, expectedVersion: String, validator: Validator) throws(EditFailure) -> AppliedEdits {
        let current: [UInt8]
        do throws(FileSystemError) { current = try FileSystem.read(path) } catch {
            throw .refused(EditError(.usage, error.reason, at: SourceLocation(path: error.path)))
        }
        guard version(of: current) == expectedVersion else { throw .stale(current: version(of: current)) }
        let outcome: ArticleEditor.Outcome<Void>
        do throws(EditError) {
            // The core checks the version again under the lock, so `current` is what it replaces.
            outcome = try ArticleEditor.restore(bytes, to: path, expectedDigest: expectedVersion, validator: validator)
        } catch {
            if case .stale(_, let actual)? = error.problem { throw .stale(current: actual) }
            throw .refused(error)
        }
        return AppliedEdits(version: outcome.digest, created: [], labels: [:], removed: [], warnings: outcome.warnings,
                            changed: outcome.changed, before: current)
    }

    /// Applies the corpus edits (targets, propositions) to the `corpus.xml` at `path`.
    package static func applyToCorpus(_ edits: [WorkbenchEdit], at path: String, validator: Validator) throws(EditFailure) -> [String] {
        guard edits.allSatisfy(\.isCorpusEdit) else {
            throw .refused(EditError(.usage, "only target and proposition edits change corpus.xml; send the others to the article"))
        }
        do throws(EditError) {
            let outcome = try ArticleEditor.apply(edits.compactMap(\.coreEdit), to: path, validator: validator)
            return outcome.results.compactMap { result in
                switch result {
                case .target(let target, _): target.id.rawValue
                case .proposition(let proposition, _): proposition.id.rawValue
                default: nil
                }
            }
        } catch {
            throw .refused(error)
        }
    }
}

extension WorkbenchEdit {
    /// The core's edit for this one; `nil` for ``suggest``, which is computed into unit edits.
    var coreEdit: Edit? {
        switch self {
        case .addUnit(let type, let place, let fields, let label):
            let where_: NewUnitPlace
            switch place {
            case .span(let span): where_ = .anchor(.offsets(start: span.start, end: span.end))
            case .fragments(let spans): where_ = .fragments(spans.map { .offsets(start: $0.start, end: $0.end) })
            case .implicit(let paraphrase): where_ = .implicit(paraphrase: paraphrase)
            }
            let attributes = UnitAttributes(speaker: fields.speaker ?? nil, stance: fields.stance ?? nil, target: fields.target ?? nil,
                                            proposition: fields.proposition ?? nil, note: fields.note ?? nil)
            return .addUnit(NewUnit(type: type, place: where_, attributes: attributes, label: label))
        case .setUnit(let id, let fields):
            var change = ArticleEdits.UnitChange()
            if let speaker = fields.speaker { if let speaker { change.speaker = speaker } else { change.clearSpeaker = true } }
            if let stance = fields.stance { if let stance { change.stance = stance } else { change.clearStance = true } }
            if let target = fields.target { if let target { change.target = target } else { change.clearStance = true } }
            if let proposition = fields.proposition { if let proposition { change.proposition = proposition } else { change.clearProposition = true } }
            if let note = fields.note { if let note { change.note = note } else { change.clearNote = true } }
            return .set(id: id, SetChange(type: fields.type?.rawValue, fields: change))
        case .relate(let from, let type, let to, let label):
            return .relate(NewRelation(from: from, type, to: to, label: label))
        case .setRelation(let id, let type):
            return .set(id: id, SetChange(type: type.rawValue))
        case .remove(let id, let cascade):
            return .remove(id: id, cascade: cascade)
        case .speaker(let id, let name, let role):
            return .speaker(SpeakerChange(id: id, name: name, role: role))
        case .accept(let ids): return .accept(.ids(ids))
        case .reject(let ids): return .reject(.ids(ids))
        case .target(let id, let name): return .target(TargetChange(id: id, name: name))
        case .proposition(let id, let statement, let target, let stance):
            return .proposition(PropositionChange(id: id, statement: statement, target: target, stance: stance))
        case .suggest:
            return nil
        }
    }
}
