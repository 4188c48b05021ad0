extension ArticleEdits {
    /// Applies one article edit. `labels` maps the labels earlier edits of the batch defined to
    /// the ids they stand for; references are looked up there first, then taken as ids.
    package static func apply(_ edit: Edit, to article: inout Article, corpus: Corpus?, labels: inout [String: String], path: String) throws(EditError) -> EditResult {
        func resolve(_ reference: String) -> String { labels[reference] ?? reference }
        switch edit {
        case .addUnit(var new):
            new.attributes.speaker = new.attributes.speaker.map { SpeakerID(resolve($0.rawValue)) }
            let added = try addUnit(new, to: &article, corpus: corpus, path: path)
            try define(new.label, as: added.unit.id.rawValue, in: &labels, article: article, path: path)
            return .addedUnit(added.unit, forgiven: added.forgiven)
        case .relate(let new):
            let relation = try addRelation(from: resolve(new.from), new.type, to: resolve(new.to), note: new.note, id: new.id, in: &article, path: path)
            try define(new.label, as: relation.id.rawValue, in: &labels, article: article, path: path)
            return .addedRelation(relation)
        case .set(let reference, var change):
            let id = resolve(reference)
            change.fields.speaker = change.fields.speaker.map { SpeakerID(resolve($0.rawValue)) }
            return try set(id, change, in: &article, corpus: corpus, path: path)
        case .remove(let reference, let cascade):
            return .removed(try remove(resolve(reference), cascade: cascade, from: &article, path: path))
        case .speaker(let change):
            let id = SpeakerID(resolve(change.id.rawValue))
            if let role = change.role { try SpeakerRoles.check(role) }
            let created = try upsertSpeaker(id, name: change.name, role: change.role, clearRole: change.clearRole, in: &article, path: path)
            let speaker = article.speaker(id)!
            try define(change.label, as: id.rawValue, in: &labels, article: article, path: path)
            let sameName = article.speakers.filter { $0.id != id && $0.name == speaker.name }.map(\.id)
            return .speaker(speaker, created: created, sameName: sameName)
        case .meta(let change):
            try setMetadata(change, in: &article, path: path)
            return .meta(article.metadata)
        case .rename(let from, let to):
            let (kind, references) = try rename(resolve(from), to: to, in: &article, path: path)
            for (label, id) in labels where id == resolve(from) { labels[label] = to }
            return .renamed(from: resolve(from), to: to, kind: kind, references: references)
        case .accept(let selection):
            return .accepted(try accept(selection, in: &article, path: path))
        case .reject(let selection):
            let (units, speakers, relations) = try reject(selection, in: &article, path: path)
            return .rejected(units: units, speakers: speakers, relations: relations)
        case .target, .proposition, .removeTarget, .removeProposition, .renameVocabulary:
            throw EditError.usage("target and proposition edits change \(Corpus.fileName), not an article", path: path)
        }
    }

    /// Records `label` for `id`; a label must not be an id of the article or a label already.
    static func define(_ label: String?, as id: String, in labels: inout [String: String], article: Article, path: String) throws(EditError) {
        guard let label else { return }
        guard !label.isEmpty else { throw EditError.usage("a label cannot be empty") }
        if labels[label] != nil {
            throw EditError.refused("label \"\(label)\" is already used by an earlier edit (for \(labels[label]!)); give each label once", path: path)
        }
        if label != id && article.allIDs.contains(label) {
            throw EditError.refused("label \"\(label)\" is already an id in \(article.id), so references to it would be ambiguous; choose another label", path: path)
        }
        labels[label] = id
    }

    // MARK: Adding units

    /// Adds `new`: at a quote or offsets, as an implicit unit (a paraphrase), or as a
    /// discontinuous unit of several pieces.
    package static func addUnit(_ new: NewUnit, to article: inout Article, corpus: Corpus?, path: String) throws(EditError) -> AddedUnit {
        try checkReferences(new.attributes, in: article, corpus: corpus, path: path)
        if (new.attributes.stance == nil) != (new.attributes.target == nil) {
            throw EditError.usage(new.attributes.stance == nil ? "a target needs a stance (favor, against or neutral)" : "a stance needs a target naming what the unit is for or against",
                                 remedies: [.supply(field: new.attributes.stance == nil ? "stance" : "target")])
        }
        let id: UnitID
        if let given = new.id {
            guard Identifier<ArgumentUnit>.isValid(given) else { throw invalidID(given) }
            guard !article.allIDs.contains(given) else {
                throw EditError.refused("\(given) is already an id in \(article.id); choose another id, or leave it out to get the next free one", path: path)
            }
            id = UnitID(given)
        } else {
            id = UnitID(ArticleEditor.nextID(prefix: "u", among: article.allIDs, after: article.unitHighWaterMark))
        }
        if let confidence = new.confidence, !(0...1).contains(confidence) {
            throw EditError.usage("confidence \(confidence) is not between 0 and 1")
        }
        let text = CodePointText(article.text)
        var unit = ArgumentUnit(id: id, type: new.type, span: nil, quote: "",
                                speaker: new.attributes.speaker, stance: new.attributes.stance, target: new.attributes.target,
                                proposition: new.attributes.proposition, note: new.attributes.note,
                                status: new.status, confidence: new.status == .suggested ? new.confidence : nil)
        var forgiven: [QuoteMatcher.Difference] = []
        switch new.place {
        case .anchor(let anchor):
            let (span, tolerated) = try locate(anchor, in: text, article: article, path: path)
            unit.span = span
            unit.quote = text[span]
            forgiven = tolerated
        case .implicit(let paraphrase):
            guard !paraphrase.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
                throw EditError.usage("an implicit unit needs a paraphrase: the premise or conclusion the text leaves unstated, in words")
            }
            unit.quote = paraphrase
        case .fragments(let anchors):
            guard anchors.count >= 2 else {
                throw EditError.usage("a discontinuous unit needs at least two pieces (it has \(anchors.count)); give one quote or span for a continuous unit")
            }
            var pieces: [Span] = []
            for anchor in anchors {
                let (span, tolerated) = try locate(anchor, in: text, article: article, path: path)
                if let previous = pieces.last, span.start < previous.end {
                    throw EditError.refused("the pieces of a discontinuous unit must be in text order and must not overlap: piece \(pieces.count + 1) (\(span)) starts before piece \(pieces.count) (\(previous)) ends; give the pieces in the order they appear", path: path)
                }
                pieces.append(span)
                for difference in tolerated where !forgiven.contains(difference) { forgiven.append(difference) }
            }
            let whole = Span(start: pieces[0].start, end: pieces[pieces.count - 1].end)
            unit.span = whole
            unit.fragments = pieces
            unit.quote = text[whole]
        }
        article.units.append(unit)
        return AddedUnit(unit: unit, forgiven: forgiven.sorted())
    }

    // MARK: Setting attributes

    /// Applies `change` to the unit or relation `id`.
    static func set(_ id: String, _ change: SetChange, in article: inout Article, corpus: Corpus?, path: String) throws(EditError) -> EditResult {
        let fields = change.fields
        if article.unit(UnitID(id)) == nil, let relation = article.relation(RelationID(id)) {
            let unitOnly = fields.speaker != nil || fields.stance != nil || fields.target != nil || fields.proposition != nil
                || fields.status != nil || fields.anchor != nil || fields.clearSpeaker || fields.clearStance || fields.clearProposition
            if unitOnly {
                var error = EditError(.usage, "\(id) is a relation; a relation takes only a type and a note")
                error.problem = .onlyTypeAndNote(relation: id)
                throw error
            }
            try setRelation(relation.id, type: try change.type.map(relationType), note: fields.note, clearNote: fields.clearNote, in: &article, path: path)
            return .setRelation(article.relation(relation.id)!)
        }
        var unitChange = fields
        unitChange.type = try change.type.map(unitType)
        let forgiven = try setUnit(UnitID(id), unitChange, in: &article, corpus: corpus, path: path)
        return .setUnit(article.unit(UnitID(id))!, forgiven: forgiven)
    }

    /// The unit type named `value`, or a refusal listing the types.
    package static func unitType(_ value: String) throws(EditError) -> UnitType {
        guard let type = UnitType(rawValue: value) else {
            throw EditError(.usage, "unknown unit type \"\(value)\"; use one of \(UnitType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    /// The relation type named `value`, or a refusal listing the types.
    package static func relationType(_ value: String) throws(EditError) -> RelationType {
        guard let type = RelationType(rawValue: value) else {
            throw EditError(.usage, "unknown relation type \"\(value)\"; use one of \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    // MARK: Metadata

    /// Sets and clears metadata fields; a date and a language tag are checked.
    package static func setMetadata(_ change: MetadataChange, in article: inout Article, path: String) throws(EditError) {
        let given = change.values
        if let published = given.published, !ArticleFactory.isDate(published) {
            throw EditError.usage("published date \"\(published)\" is not a date; write it as YYYY-MM-DD")
        }
        if let language = given.language, !ArticleFactory.isLanguageTag(language) {
            throw EditError.usage("language \"\(language)\" is not a language tag; use a BCP 47 tag such as en, de or pt-BR")
        }
        for property in given.properties where property.name.isEmpty {
            throw EditError.usage("a property needs a name (\"\(property.value)\" has none)")
        }
        var metadata = article.metadata
        for field in change.clear {
            switch field {
            case .title: metadata.title = nil
            case .outlet: metadata.outlet = nil
            case .author: metadata.author = nil
            case .published: metadata.published = nil
            case .url: metadata.url = nil
            case .genre: metadata.genre = nil
            case .language: metadata.language = nil
            case .properties: metadata.properties = []
            }
        }
        for field in [\ArticleMetadata.title, \.outlet, \.author, \.published, \.url, \.language] {
            if let value = given[keyPath: field] { metadata[keyPath: field] = value }
        }
        if let genre = given.genre { metadata.genre = genre }
        for name in change.removedProperties {
            guard metadata.properties.contains(where: { $0.name == name }) else {
                let names = metadata.properties.map(\.name)
                throw EditError.refused("\(article.id) has no property \"\(name)\"\(names.isEmpty ? "" : " (it has \(names.joined(separator: ", ")))")", path: path)
            }
            metadata.properties.removeAll { $0.name == name }
        }
        for property in given.properties {
            if let index = metadata.properties.firstIndex(where: { $0.name == property.name }) {
                metadata.properties[index].value = property.value
            } else {
                metadata.properties.append(property)
            }
        }
        article.metadata = metadata
    }

    // MARK: Renaming

    /// Renames the unit, relation or speaker `old` to `new`, and every reference to it. Returns
    /// what `old` was and how many references changed.
    package static func rename(_ old: String, to new: String, in article: inout Article, path: String) throws(EditError) -> (RenamedKind, Int) {
        guard Identifier<ArgumentUnit>.isValid(new) else { throw invalidID(new) }
        guard old != new else { throw EditError.usage("the old and the new id are both \(old); give a different new id") }
        guard article.allIDs.contains(old) else { throw unknownID(old, kind: "unit, relation or speaker", in: article, path: path) }
        guard !article.allIDs.contains(new) else {
            throw EditError.refused("\(new) is already an id in \(article.id) (units, relations and speakers share one set of ids); choose another", path: path)
        }
        var references = 0
        if let index = article.units.firstIndex(where: { $0.id.rawValue == old }) {
            article.units[index].id = UnitID(new)
            for position in article.relations.indices {
                if article.relations[position].from.rawValue == old { article.relations[position].from = UnitID(new); references += 1 }
                if article.relations[position].to == .unit(UnitID(old)) { article.relations[position].to = .unit(UnitID(new)); references += 1 }
            }
            return (.unit, references)
        }
        if let index = article.relations.firstIndex(where: { $0.id.rawValue == old }) {
            article.relations[index].id = RelationID(new)
            for position in article.relations.indices where article.relations[position].to == .relation(RelationID(old)) {
                article.relations[position].to = .relation(RelationID(new))
                references += 1
            }
            return (.relation, references)
        }
        let index = article.speakers.firstIndex { $0.id.rawValue == old }!
        article.speakers[index].id = SpeakerID(new)
        for position in article.units.indices where article.units[position].speaker?.rawValue == old {
            article.units[position].speaker = SpeakerID(new)
            references += 1
        }
        return (.speaker, references)
    }

    // MARK: Review of suggestions

    /// The suggested units `selection` names; an id that is unknown or names a gold unit is refused.
    static func select(_ selection: SuggestionSelection, in article: Article, path: String) throws(EditError) -> [UnitID] {
        let suggested = article.units.filter { $0.status == .suggested }
        switch selection {
        case .all: return suggested.map(\.id)
        case .atLeast(let minimum): return suggested.filter { ($0.confidence ?? 0) >= minimum }.map(\.id)
        case .below(let maximum): return suggested.filter { ($0.confidence ?? 0) < maximum }.map(\.id)
        case .ids(let ids):
            var result: [UnitID] = []
            for id in ids {
                guard let unit = article.unit(UnitID(id)) else {
                    throw EditError(.refused, "no unit \(id) in \(article.id)", at: SourceLocation(path: path), remedies: [.listIDs(path: path)])
                }
                guard unit.status == .suggested else {
                    throw EditError(.refused, "unit \(id) is not a suggestion (it is already an annotation); pass the id of a suggested unit", at: SourceLocation(path: path))
                }
                if !result.contains(unit.id) { result.append(unit.id) }
            }
            return result
        }
    }

    /// Makes the selected suggestions gold (status and confidence dropped); speakers that a
    /// suggester added and an accepted unit uses become `quoted`. Returns the accepted units.
    package static func accept(_ selection: SuggestionSelection, in article: inout Article, path: String) throws(EditError) -> [ArgumentUnit] {
        let ids = Set(try select(selection, in: article, path: path))
        var accepted: [ArgumentUnit] = []
        for index in article.units.indices where ids.contains(article.units[index].id) {
            article.units[index].status = .gold
            article.units[index].confidence = nil
            accepted.append(article.units[index])
        }
        let used = Set(accepted.compactMap(\.speaker))
        for index in article.speakers.indices where article.speakers[index].role == Speaker.suggestedRole && used.contains(article.speakers[index].id) {
            article.speakers[index].role = "quoted"
        }
        return ArticleWriter.canonicalOrder(accepted)
    }

    /// Removes the selected suggestions, every relation that starts or ends at one of them (a
    /// relation needs both its units, and a suggester proposes relations with its units) with
    /// the relations that undercut those, and speakers a suggester added that no unit uses any more.
    package static func reject(_ selection: SuggestionSelection, in article: inout Article, path: String) throws(EditError) -> (units: [ArgumentUnit], speakers: [Speaker], relations: [Relation]) {
        let ids = Set(try select(selection, in: article, path: path))
        var direct = Set<RelationID>()
        for relation in article.relations {
            if ids.contains(relation.from) { direct.insert(relation.id) }
            if case .unit(let to) = relation.to, ids.contains(to) { direct.insert(relation.id) }
        }
        let gone = direct.union(dependents(of: direct, in: article).map(\.id))
        let removedRelations = article.relations.filter { gone.contains($0.id) }
        article.relations.removeAll { gone.contains($0.id) }
        let removed = article.units.filter { ids.contains($0.id) }
        article.units.removeAll { ids.contains($0.id) }
        let used = Set(article.units.compactMap(\.speaker))
        let orphans = article.speakers.filter { $0.role == Speaker.suggestedRole && !used.contains($0.id) }
        article.speakers.removeAll { orphan in orphans.contains { $0.id == orphan.id } }
        return (ArticleWriter.canonicalOrder(removed), orphans, removedRelations)
    }
}

extension Speaker {
    /// The role of a speaker a suggester declared for a quotation attributed to a new name.
    package static let suggestedRole = "suggested: quoted"
}

/// The kinds of speaker role: a role is a kind, optionally followed by a description
/// (`quoted: founder of #MeToo`, `reported by Milano`, `interviewer (author)`).
package enum SpeakerRoles {
    package static let known = ["author", "interviewer", "interviewee", "quoted", "reported", "suggested"]

    /// The kind a role starts with, if it is a known one.
    package static func kind(of role: String) -> String? {
        known.first { kind in
            guard role.hasPrefix(kind) else { return false }
            let rest = role.unicodeScalars.dropFirst(kind.unicodeScalars.count)
            guard let next = rest.first else { return true }
            return next == ":" || next == " " || next == "("
        }
    }

    static func check(_ role: String) throws(EditError) {
        guard kind(of: role) == nil else { return }
        var error = EditError(.usage, "unknown role \"\(role)\"; a role is one of \(known.joined(separator: ", ")), optionally followed by a description (\"quoted: founder of #MeToo\")")
        error.problem = .unknownRole(role, known: known)
        throw error
    }
}
