extension CorpusEdits {
    /// Applies one corpus edit to `corpus` and, for removals and renames, to the articles of its
    /// folder (`articles`: path and article, each as read under the lock).
    package static func apply(_ edit: Edit, to corpus: inout Corpus, articles: inout [(String, Article)], folder: String) throws(EditError) -> EditResult {
        let corpusPath = FileSystem.join(folder, Corpus.fileName)
        switch edit {
        case .target(let change):
            if let existing = corpus.target(change.id), let name = change.name, name != existing.name, !change.replace {
                var error = EditError(.refused, "target \(change.id) is already defined as \"\(existing.name)\"; giving it another name changes what every stance on it means, so it is refused unless replacing is asked for", at: SourceLocation(path: corpusPath))
                error.problem = .redefinition(kind: .target, id: change.id.rawValue, existing: existing.name, given: name)
                throw error
            }
            let created = try upsertTarget(change.id, name: change.name, description: change.description, in: &corpus)
            return .target(corpus.target(change.id)!, created: created)
        case .proposition(let change):
            if let existing = corpus.proposition(change.id), let statement = change.statement, statement != existing.statement, !change.replace {
                var error = EditError(.refused, "proposition \(change.id) is already defined as \"\(existing.statement)\"; giving it another statement changes what every unit naming it says, so it is refused unless replacing is asked for", at: SourceLocation(path: corpusPath))
                error.problem = .redefinition(kind: .proposition, id: change.id.rawValue, existing: existing.statement, given: statement)
                throw error
            }
            let created = try upsertProposition(change.id, statement: change.statement, target: change.target, stance: change.stance, in: &corpus)
            return .proposition(corpus.proposition(change.id)!, created: created)
        case .removeTarget(let id, let cascade):
            guard corpus.target(id) != nil else { throw unknown(id.rawValue, kind: .target, in: corpus, path: corpusPath) }
            var uses: [ClearedUses] = []
            let propositions = corpus.propositions.filter { $0.target == id }.map(\.id)
            if !propositions.isEmpty { uses.append(ClearedUses(path: corpusPath, propositions: propositions)) }
            for (path, article) in articles {
                let units = article.units.filter { $0.target == id }.map(\.id).sorted { naturalLess($0.rawValue, $1.rawValue) }
                if !units.isEmpty { uses.append(ClearedUses(path: path, units: units)) }
            }
            if !uses.isEmpty && !cascade { throw inUse(id.rawValue, kind: .target, uses: uses, path: corpusPath) }
            for index in corpus.propositions.indices where corpus.propositions[index].target == id {
                corpus.propositions[index].target = nil
                corpus.propositions[index].stance = nil
            }
            for position in articles.indices {
                for index in articles[position].1.units.indices where articles[position].1.units[index].target == id {
                    // A stance says for or against what: without its target it goes too.
                    articles[position].1.units[index].target = nil
                    articles[position].1.units[index].stance = nil
                }
            }
            corpus.targets.removeAll { $0.id == id }
            return .removedVocabulary(id: id.rawValue, kind: .target, cleared: uses)
        case .removeProposition(let id, let cascade):
            guard corpus.proposition(id) != nil else { throw unknown(id.rawValue, kind: .proposition, in: corpus, path: corpusPath) }
            var uses: [ClearedUses] = []
            for (path, article) in articles {
                let units = article.units.filter { $0.proposition == id }.map(\.id).sorted { naturalLess($0.rawValue, $1.rawValue) }
                if !units.isEmpty { uses.append(ClearedUses(path: path, units: units)) }
            }
            if !uses.isEmpty && !cascade { throw inUse(id.rawValue, kind: .proposition, uses: uses, path: corpusPath) }
            for position in articles.indices {
                for index in articles[position].1.units.indices where articles[position].1.units[index].proposition == id {
                    articles[position].1.units[index].proposition = nil
                }
            }
            corpus.propositions.removeAll { $0.id == id }
            return .removedVocabulary(id: id.rawValue, kind: .proposition, cleared: uses)
        case .renameVocabulary(let old, let new):
            guard Identifier<StanceTarget>.isValid(new) else { throw ArticleEdits.invalidID(new) }
            guard old != new else { throw EditError.usage("the old and the new id are both \(old); give a different new id") }
            let taken = Set(corpus.targets.map(\.id.rawValue) + corpus.propositions.map(\.id.rawValue))
            guard taken.contains(old) else {
                throw EditError.refused("no target or proposition \(old) in \(corpusPath)", path: corpusPath, remedies: [.listIDs(path: corpusPath)])
            }
            guard !taken.contains(new) else {
                throw EditError.refused("\(new) is already a target or proposition id in \(corpusPath); choose another", path: corpusPath)
            }
            var references = 0
            if let index = corpus.targets.firstIndex(where: { $0.id.rawValue == old }) {
                corpus.targets[index].id = TargetID(new)
                for position in corpus.propositions.indices where corpus.propositions[position].target?.rawValue == old {
                    corpus.propositions[position].target = TargetID(new)
                    references += 1
                }
                for position in articles.indices {
                    for index in articles[position].1.units.indices where articles[position].1.units[index].target?.rawValue == old {
                        articles[position].1.units[index].target = TargetID(new)
                        references += 1
                    }
                }
                return .renamed(from: old, to: new, kind: .target, references: references)
            }
            let index = corpus.propositions.firstIndex { $0.id.rawValue == old }!
            corpus.propositions[index].id = PropositionID(new)
            for position in articles.indices {
                for index in articles[position].1.units.indices where articles[position].1.units[index].proposition?.rawValue == old {
                    articles[position].1.units[index].proposition = PropositionID(new)
                    references += 1
                }
            }
            return .renamed(from: old, to: new, kind: .proposition, references: references)
        default:
            throw EditError.usage("\(Corpus.fileName) holds only targets and propositions; apply unit, relation, speaker and metadata edits to an article", path: corpusPath)
        }
    }

    static func unknown(_ id: String, kind: RenamedKind, in corpus: Corpus, path: String) -> EditError {
        let ids = kind == .target ? corpus.targets.map(\.id.rawValue) : corpus.propositions.map(\.id.rawValue)
        return EditError.refused("no \(kind.rawValue) \(id) in \(FileSystem.baseName(of: path))\(ids.isEmpty ? "" : "; its \(kind.rawValue)s are \(ids.joined(separator: ", "))")", path: path)
    }

    static func inUse(_ id: String, kind: RenamedKind, uses: [ClearedUses], path: String) -> EditError {
        let described = uses.map { use in
            let things = use.units.map(\.rawValue) + use.propositions.map { "proposition \($0)" }
            return "\(FileSystem.baseName(of: use.path)) (\(things.joined(separator: ", ")))"
        }
        var error = EditError(.refused, "\(kind.rawValue) \(id) is still used in \(described.joined(separator: ", ")); clear those uses first, or remove it with a cascade that clears them", at: SourceLocation(path: path))
        error.problem = .vocabularyInUse(kind: kind, id: id, uses: uses)
        return error
    }
}
