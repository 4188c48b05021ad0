import ArgmarkCore

/// Turning suggestions into annotations (`accept`) or dropping them (`reject`).
public enum Review {
    /// Which suggestions a review command applies to.
    public enum Selection: Sendable, Equatable {
        case ids([String])
        /// Confidence at least this.
        case atLeast(Double)
        /// Confidence below this.
        case below(Double)
        case all
    }

    /// The suggested units `selection` names; an id that is unknown or names a gold unit is refused.
    static func select(_ selection: Selection, in article: Article, path: String) throws(EditError) -> [UnitID] {
        let suggested = article.units.filter { $0.status == .suggested }
        switch selection {
        case .all: return suggested.map(\.id)
        case .atLeast(let minimum): return suggested.filter { ($0.confidence ?? 0) >= minimum }.map(\.id)
        case .below(let maximum): return suggested.filter { ($0.confidence ?? 0) < maximum }.map(\.id)
        case .ids(let ids):
            var result: [UnitID] = []
            for id in ids {
                guard let unit = article.unit(UnitID(id)) else {
                    throw EditError(.refused, "no unit \(id) in \(article.id); argmark list \(path) shows the suggestions", at: SourceLocation(path: path))
                }
                guard unit.status == .suggested else {
                    throw EditError(.refused, "unit \(id) is not a suggestion (it is already an annotation); pass the id of a suggested unit", at: SourceLocation(path: path))
                }
                if !result.contains(unit.id) { result.append(unit.id) }
            }
            return result
        }
    }

    /// Makes the selected suggestions gold (status and confidence dropped); speakers that
    /// `suggest` added and an accepted unit uses become `quoted`. Returns the accepted units.
    public static func accept(_ selection: Selection, in article: inout Article, path: String) throws(EditError) -> [ArgumentUnit] {
        let ids = Set(try select(selection, in: article, path: path))
        var accepted: [ArgumentUnit] = []
        for index in article.units.indices where ids.contains(article.units[index].id) {
            article.units[index].status = .gold
            article.units[index].confidence = nil
            accepted.append(article.units[index])
        }
        let used = Set(accepted.compactMap(\.speaker))
        for index in article.speakers.indices where article.speakers[index].role == SpeakerAttribution.newSpeakerRole && used.contains(article.speakers[index].id) {
            article.speakers[index].role = "quoted"
        }
        return ArticleWriter.canonicalOrder(accepted)
    }

    /// Removes the selected suggestions, every relation that starts or ends at one of them (a
    /// relation needs both its units; `suggest` adds relations with its units), an undercut of
    /// such a relation, and speakers `suggest` added that no unit uses any more.
    public static func reject(_ selection: Selection, in article: inout Article, path: String) throws(EditError) -> (units: [ArgumentUnit], speakers: [Speaker], relations: [Relation]) {
        let ids = Set(try select(selection, in: article, path: path))
        var dropped = Set<RelationID>()
        for relation in article.relations {
            if ids.contains(relation.from) { dropped.insert(relation.id) }
            if case .unit(let to) = relation.to, ids.contains(to) { dropped.insert(relation.id) }
        }
        // Undercuts of dropped relations, and undercuts of those, in one pass per level.
        var grew = true
        while grew {
            grew = false
            for relation in article.relations where !dropped.contains(relation.id) {
                if case .relation(let target) = relation.to, dropped.contains(target) { dropped.insert(relation.id); grew = true }
            }
        }
        let removedRelations = article.relations.filter { dropped.contains($0.id) }
        article.relations.removeAll { dropped.contains($0.id) }
        let removed = article.units.filter { ids.contains($0.id) }
        article.units.removeAll { ids.contains($0.id) }
        let used = Set(article.units.compactMap(\.speaker))
        let orphans = article.speakers.filter { $0.role == SpeakerAttribution.newSpeakerRole && !used.contains($0.id) }
        article.speakers.removeAll { orphan in orphans.contains { $0.id == orphan.id } }
        return (ArticleWriter.canonicalOrder(removed), orphans, removedRelations)
    }
}
