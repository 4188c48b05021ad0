import ArgmarkCore
import ArgmarkAgreement

/// The curation page's data: each annotator's version of an article beside the gold one, what
/// they agree on, the conflicts, and the agreement figures of `argmark agree` for the article.
package struct CurationView: Sendable {
    package var name: String
    package var gold: ArticleView
    package var annotators: [String]
    package var merge: ArticleMerge?
    /// Why there is no comparison (fewer than two annotators, different texts).
    package var problem: String?
    package var agreement: JSONValue

    package var json: JSONValue {
        let goldKeys = KeyedArticle(gold.article)
        let goldUnits = Set(goldKeys.units.values)
        let goldRelations = Set(goldKeys.relations.values)
        var versions: [JSONValue] = []
        if let merge {
            let agreedUnits = Set(merge.agreedUnits)
            let agreedRelations = Set(merge.agreedRelations)
            for (index, keyed) in merge.keyed.enumerated() {
                let units: [JSONValue] = ArticleWriter.canonicalOrder(keyed.article.units).map { unit in
                    guard case .object(var members) = ArticleView.json(unit) else { return .null }
                    let key = keyed.units[unit.id]!
                    members["agreed"] = .bool(agreedUnits.contains(key))
                    members["inGold"] = .bool(goldUnits.contains(key))
                    members["speakerName"] = unit.speaker.map { .string(keyed.article.speaker($0)?.name ?? $0.rawValue) } ?? .null
                    return .object(members)
                }
                let relations: [JSONValue] = keyed.article.relations.map { relation in
                    let key = keyed.relations[relation.id]
                    return .object([
                        "id": .string(relation.id.rawValue), "type": .string(relation.type.rawValue),
                        "from": .string(relation.from.rawValue), "to": .string(relation.to.rawID),
                        "agreed": .bool(key.map(agreedRelations.contains) ?? false),
                        "inGold": .bool(key.map(goldRelations.contains) ?? false),
                    ])
                }
                versions.append(.object(["annotator": .string(annotators[index]), "units": .array(units), "relations": .array(relations)]))
            }
        }
        let conflicts: [JSONValue] = merge?.conflicts.map { conflict in
            let kind: String
            switch conflict.subject {
            case .unit: kind = "unit"
            case .relation: kind = "relation"
            case .attributes: kind = "attributes"
            }
            return .object([
                "kind": .string(kind), "summary": .string(conflict.summary),
                "annotators": .array(conflict.annotators.map { .string(annotators[$0]) }),
                "ids": .array(conflict.ids.map(JSONValue.string)),
            ])
        } ?? []
        return .object([
            "name": .string(name),
            "gold": gold.json,
            "annotators": .array(annotators.map(JSONValue.string)),
            "versions": .array(versions),
            "agreedUnits": .int(merge?.agreedUnits.count ?? 0),
            "agreedRelations": .int(merge?.agreedRelations.count ?? 0),
            "conflicts": .array(conflicts),
            "problem": problem.map(JSONValue.string) ?? .null,
            "agreement": agreement,
        ])
    }
}

extension Workbench {
    /// The annotators who have a copy of article `name`, and their versions.
    func annotatorVersions(_ name: String) throws(WorkbenchError) -> [(name: String, article: Article)] {
        _ = try sharedPath(name)
        var versions: [(String, Article)] = []
        for annotator in annotatorNames() {
            let path = FileSystem.join(annotatorFolder(annotator), name + ".xml")
            guard FileSystem.kind(of: path) == .file, PathGuard.isInside(path, folder: folder) else { continue }
            guard let loaded = try? ArticleLoader.load(path, validator: validator) else { continue }
            versions.append((annotator, loaded.article))
        }
        return versions
    }

    /// Side by side: the annotators' versions of `name` against the shared (gold) article.
    package func curation(_ name: String) throws(WorkbenchError) -> CurationView {
        let goldPath = try sharedPath(name)
        guard FileSystem.kind(of: goldPath) == .file else { throw .notFound(name) }
        let gold = try ArticleView.load(name: name, path: goldPath, annotator: nil, validator: validator, history: (0, 0))
        let versions = try annotatorVersions(name)
        var view = CurationView(name: name, gold: gold, annotators: versions.map(\.name), merge: nil, problem: nil, agreement: .null)
        guard versions.count >= 2 else {
            view.problem = versions.isEmpty
                ? "no annotator has opened \(name) yet; start argmark serve --annotator NAME for each annotator"
                : "only \(versions[0].name) has annotated \(name); curation needs two or more annotators"
            return view
        }
        do throws(MergeError) { view.merge = try ArticleMerge(versions.map(\.article), names: versions.map(\.name)) } catch {
            view.problem = error.description
            return view
        }
        let annotators = versions.map { Annotator(name: $0.name, articles: [$0.article]) }
        if let report = try? AgreementReport(annotators: annotators, granularity: .tokens) {
            view.agreement = report.json
        }
        return view
    }

    /// Copies a unit or relation of `annotator`'s version into the gold article (and what it
    /// needs: its speaker, the units a relation connects), if the gold is still `version`.
    package func take(_ id: String, from annotator: String, into name: String, version: String?) throws(WorkbenchError) -> AppliedEdits {
        guard let source = try annotatorVersions(name).first(where: { $0.name == annotator })?.article else {
            throw .notFound("\(annotator)/\(name)")
        }
        let goldPath = try sharedPath(name)
        let view = try ArticleView.load(name: name, path: goldPath, annotator: nil, validator: validator, history: (0, 0))
        // Checked before anything else: on a stale page even "already taken" would be a guess.
        if let version, view.version != version { throw .stale(current: view.version) }
        let gold = view.article
        let edits = try Self.takeEdits([id], from: source, into: gold)
        guard !edits.isEmpty else { throw .badRequest("\(id) is in the gold article already") }
        return try applyToGold(edits, name: name, path: goldPath, version: version)
    }

    /// Takes everything all annotators agree on that the gold article lacks.
    package func mergeAgreed(_ name: String, version: String?) throws(WorkbenchError) -> AppliedEdits {
        let view = try curation(name)
        if let version, view.gold.version != version { throw .stale(current: view.gold.version) }
        guard let merge = view.merge else { throw .badRequest(view.problem ?? "nothing to merge") }
        let first = merge.keyed[0]
        let ids = merge.agreedUnits.compactMap { first.unit($0)?.id.rawValue }
            + merge.agreedRelations.compactMap { first.relationID($0)?.rawValue }
        let edits = try Self.takeEdits(ids, from: first.article, into: view.gold.article)
        guard !edits.isEmpty else { throw .badRequest("the gold article has everything the annotators agree on already") }
        return try applyToGold(edits, name: name, path: view.gold.path, version: version)
    }

    func applyToGold(_ edits: [WorkbenchEdit], name: String, path: String, version: String?) throws(WorkbenchError) -> AppliedEdits {
        do throws(EditFailure) {
            return try EditTransaction.apply(edits, to: path, expectedVersion: version, suggester: model.suggester, validator: validator)
        } catch {
            throw Self.map(error)
        }
    }

    /// The edits that bring units and relations `ids` of `source` into `gold`, matched by
    /// place and type (units) and by what they connect (relations); what gold has is skipped.
    static func takeEdits(_ ids: [String], from source: Article, into gold: Article) throws(WorkbenchError) -> [WorkbenchEdit] {
        let sourceKeys = KeyedArticle(source)
        let goldKeys = KeyedArticle(gold)
        var edits: [WorkbenchEdit] = []
        var unitRefs: [UnitKey: String] = [:]
        for (id, key) in goldKeys.units { unitRefs[key] = id.rawValue }
        var relationRefs: [RelationKey: String] = [:]
        for (id, key) in goldKeys.relations { relationRefs[key] = id.rawValue }
        var speakers = gold.speakers
        var labelNumber = 0

        func unitRef(_ unit: ArgumentUnit) -> String {
            let key = UnitKey(unit)
            if let ref = unitRefs[key] { return ref }
            var fields = WorkbenchEdit.UnitFields()
            if let speakerID = unit.speaker, let speaker = source.speaker(speakerID) {
                if let existing = speakers.first(where: { $0.name == speaker.name }) {
                    fields.speaker = .some(existing.id)
                } else {
                    var newID = speaker.id
                    let taken = Set(gold.allIDs).union(speakers.map(\.id.rawValue))
                    if taken.contains(newID.rawValue) { newID = SpeakerID(ArticleEditor.nextID(prefix: speaker.id.rawValue + "-", among: taken)) }
                    edits.append(.speaker(id: newID, name: speaker.name, role: speaker.role))
                    speakers.append(Speaker(id: newID, name: speaker.name, role: speaker.role))
                    fields.speaker = .some(newID)
                }
            }
            if let stance = unit.stance, let target = unit.target { fields.stance = .some(stance); fields.target = .some(target) }
            if let proposition = unit.proposition { fields.proposition = .some(proposition) }
            if let note = unit.note { fields.note = .some(note) }
            let place: WorkbenchEdit.Place
            if let span = unit.span { place = unit.fragments.isEmpty ? .span(span) : .fragments(unit.fragments) } else { place = .implicit(unit.quote) }
            labelNumber += 1
            let label = "take-\(labelNumber)"
            edits.append(.addUnit(type: unit.type, place: place, fields: fields, label: label))
            unitRefs[key] = label
            return label
        }

        for id in ids {
            if let unit = source.unit(UnitID(id)) {
                _ = unitRef(unit)
            } else if let relation = source.relation(RelationID(id)), let key = sourceKeys.relations[relation.id] {
                guard relationRefs[key] == nil else { continue }
                guard let from = source.unit(relation.from) else { continue }
                let fromRef = unitRef(from)
                let toRef: String
                switch relation.to {
                case .unit(let target):
                    guard let unit = source.unit(target) else { continue }
                    toRef = unitRef(unit)
                case .relation(let target):
                    guard let targetKey = sourceKeys.relations[target], let ref = relationRefs[targetKey] else {
                        throw .badRequest("\(id) undercuts \(target), which the gold article does not have yet; take \(target) first")
                    }
                    toRef = ref
                }
                labelNumber += 1
                let label = "take-\(labelNumber)"
                edits.append(.relate(from: fromRef, type: relation.type, to: toRef, label: label))
                relationRefs[key] = label
            } else {
                throw .notFound(id)
            }
        }
        return edits
    }
}
