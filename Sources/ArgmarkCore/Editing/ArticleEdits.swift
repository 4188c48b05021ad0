/// Where a new unit is in the text.
package enum UnitAnchor: Sendable, Equatable {
    /// A quote to find; `occurrence` (1-based) picks one when it occurs more than once.
    case quote(String, occurrence: Int?)
    /// Code-point offsets, half-open.
    case offsets(start: Int, end: Int)
}

/// The attributes a unit can be given or changed to from the command line.
package struct UnitAttributes: Sendable, Equatable {
    package var speaker: SpeakerID?
    package var stance: Stance?
    package var target: TargetID?
    package var proposition: PropositionID?
    package var note: String?
    package init(speaker: SpeakerID? = nil, stance: Stance? = nil, target: TargetID? = nil,
                proposition: PropositionID? = nil, note: String? = nil) {
        self.speaker = speaker
        self.stance = stance
        self.target = target
        self.proposition = proposition
        self.note = note
    }
}

/// What `add` did: the new unit, and how its quote was found.
package struct AddedUnit: Sendable {
    package var unit: ArgumentUnit
    /// What the forgiving match tolerated; empty for an exact match or offsets.
    package var forgiven: [QuoteMatcher.Difference]
}

/// The changes the annotating commands make to an article. Each checks its input against the
/// article and corpus first, so a mistake gets a message naming the fix rather than a schema error.
package enum ArticleEdits {
    // MARK: Units

    /// Adds a unit of `type` at `anchor`, with a fresh id `uN`.
    package static func addUnit(_ type: UnitType, at anchor: UnitAnchor, attributes: UnitAttributes,
                               to article: inout Article, corpus: Corpus?, path: String) throws(EditError) -> AddedUnit {
        try addUnit(NewUnit(type: type, place: .anchor(anchor), attributes: attributes), to: &article, corpus: corpus, path: path)
    }

    /// The span `anchor` denotes in `text`, and what a forgiving match tolerated.
    package static func locate(_ anchor: UnitAnchor, in text: CodePointText, article: Article, path: String) throws(EditError) -> (Span, [QuoteMatcher.Difference]) {
        switch anchor {
        case .offsets(let start, let end):
            guard start >= 0, end <= text.count, start < end else {
                let why = start >= end ? "start must be before end" : "the text has \(text.count) code points, so offsets run from 0 to \(text.count)"
                throw EditError.refused("offsets \(start)-\(end) are out of range: \(why)", path: path, remedies: [.giveQuote(path: path)])
            }
            return (Span(start: start, end: end), [])
        case .quote(let quote, let occurrence):
            guard !quote.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
                throw EditError.usage("the quote is empty", remedies: [.supply(field: "quote")])
            }
            let search = QuoteMatcher.search(quote, in: text)
            let occurrences = search.occurrences
            guard !occurrences.isEmpty else {
                throw EditError.refused(notFoundMessage(quote, in: text, article: article, path: path), path: path, rule: .quoteNotFound,
                                        remedies: [.copyQuoteFromText(path: path), .giveOffsets])
            }
            if let occurrence {
                guard occurrence >= 1, occurrence <= occurrences.count else {
                    throw EditError.refused("quote \"\(SemanticRules.abbreviate(quote))\" occurs \(occurrences.count) \(occurrences.count == 1 ? "time" : "times") in \(article.id)", path: path,
                                            rule: .quoteAmbiguous, facts: [places(occurrences, in: text)], remedies: [.chooseOccurrence(count: occurrences.count)])
                }
                return (occurrences[occurrence - 1], search.forgiven)
            }
            guard occurrences.count == 1 else {
                throw EditError.refused("quote \"\(SemanticRules.abbreviate(quote))\" occurs \(occurrences.count) times in \(article.id)", path: path,
                                        rule: .quoteAmbiguous, facts: [places(occurrences, in: text)], remedies: [.chooseOccurrence(count: occurrences.count), .longerQuote])
            }
            return (occurrences[0], search.forgiven)
        }
    }

    /// The occurrences of a quote as places a frontend can show (offsets, line, column, context).
    static func places(_ spans: [Span], in text: CodePointText) -> Fact {
        .occurrences(spans.map { span in
            let (line, column) = text.lineAndColumn(of: span.start)
            return TextPlace(start: span.start, end: span.end, line: line, column: column, context: QuoteMatcher.context(of: span, in: text))
        })
    }

    static func notFoundMessage(_ quote: String, in text: CodePointText, article: Article, path: String) -> String {
        var message = "quote \"\(SemanticRules.abbreviate(quote))\" not found in the text of \(article.id)"
        let quoteLength = quote.unicodeScalars.count
        if let prefix = QuoteMatcher.longestMatchingPrefix(of: quote, in: text), prefix.length >= max(8, quoteLength / 3), prefix.length < quoteLength {
            let (line, column) = text.lineAndColumn(of: prefix.span.start)
            let quoteRest = String(String.UnicodeScalarView(Array(quote.unicodeScalars)[prefix.length...].prefix(20)))
            let textRest = prefix.span.end < text.count ? text[Span(start: prefix.span.end, end: min(text.count, prefix.span.end + 20))] : ""
            message += "; its first \(prefix.length) characters match at line \(line), column \(column), then the text has \"\(SemanticRules.abbreviate(textRest))\" where the quote has \"\(SemanticRules.abbreviate(quoteRest))\""
        }
        return message
    }

    /// Changes the attributes of unit `id`; `nil` fields stay as they are.
    package struct UnitChange: Sendable, Equatable {
        package var type: UnitType?
        package var speaker: SpeakerID?
        package var stance: Stance?
        package var target: TargetID?
        package var proposition: PropositionID?
        package var note: String?
        package var status: UnitStatus?
        /// Moves the unit to another place in the text.
        package var anchor: UnitAnchor?
        package var clearSpeaker = false
        /// Removes both stance and target.
        package var clearStance = false
        package var clearProposition = false
        package var clearNote = false
        package init() {}
    }

    /// Applies `change` to unit `id`. Returns what a forgiving quote match tolerated, if it moved.
    @discardableResult
    package static func setUnit(_ id: UnitID, _ change: UnitChange, in article: inout Article, corpus: Corpus?, path: String) throws(EditError) -> [QuoteMatcher.Difference] {
        guard let index = article.units.firstIndex(where: { $0.id == id }) else {
            throw unknownID(id.rawValue, kind: "unit", in: article, path: path)
        }
        try checkReferences(UnitAttributes(speaker: change.speaker, target: change.target, proposition: change.proposition), in: article, corpus: corpus, path: path)
        var unit = article.units[index]
        if let type = change.type { unit.type = type }
        if change.clearSpeaker { unit.speaker = nil }
        if let speaker = change.speaker { unit.speaker = speaker }
        if change.clearStance { unit.stance = nil; unit.target = nil }
        if let stance = change.stance { unit.stance = stance }
        if let target = change.target { unit.target = target }
        if change.clearProposition { unit.proposition = nil }
        if let proposition = change.proposition { unit.proposition = proposition }
        if change.clearNote { unit.note = nil }
        if let note = change.note { unit.note = note }
        if let status = change.status {
            unit.status = status
            if status == .gold { unit.confidence = nil }
        }
        var forgiven: [QuoteMatcher.Difference] = []
        if let anchor = change.anchor {
            let text = CodePointText(article.text)
            let (span, tolerated) = try locate(anchor, in: text, article: article, path: path)
            unit.span = span
            unit.fragments = []
            unit.quote = text[span]
            forgiven = tolerated
        }
        if (unit.stance == nil) != (unit.target == nil) {
            throw EditError.usage(unit.stance == nil ? "unit \(id) would have a target but no stance" : "unit \(id) would have a stance but no target",
                                 remedies: [.supply(field: unit.stance == nil ? "stance" : "target")])
        }
        article.units[index] = unit
        return forgiven
    }

    // MARK: Relations

    /// Adds relation `from type to` with a fresh id `rN`. `to` may name a unit or, for `undercuts`,
    /// a relation.
    package static func addRelation(from: String, _ type: RelationType, to: String, note: String? = nil, id: String? = nil,
                                   in article: inout Article, path: String) throws(EditError) -> Relation {
        guard article.unit(UnitID(from)) != nil else {
            if article.relation(RelationID(from)) != nil {
                throw EditError.refused("\(from) is a relation; a relation starts at a unit", path: path)
            }
            throw unknownID(from, kind: "unit", in: article, path: path)
        }
        let endpoint: RelationEndpoint
        if article.unit(UnitID(to)) != nil {
            endpoint = .unit(UnitID(to))
            if type == .undercuts {
                let through = article.relations.filter { $0.to == .unit(UnitID(to)) }.map(\.id.rawValue)
                let hint = through.isEmpty ? "" : " (relations into \(to): \(through.joined(separator: ", ")))"
                throw EditError.refused("undercuts attacks an inference, so its target must be a relation id, not unit \(to)\(hint); use attacks or rebuts against a unit", path: path)
            }
        } else if article.relation(RelationID(to)) != nil {
            endpoint = .relation(RelationID(to))
            if type != .undercuts {
                throw EditError.refused("\(to) is a relation; only undercuts may point to a relation (point \(type.rawValue) to a unit)", path: path)
            }
        } else {
            throw unknownID(to, kind: type == .undercuts ? "relation" : "unit", in: article, path: path)
        }
        guard from != to else {
            throw EditError.refused("a relation cannot go from \(from) to itself", path: path)
        }
        if let existing = article.relations.first(where: { $0.from == UnitID(from) && $0.type == type && $0.to == endpoint }) {
            throw EditError.refused("\(from) \(type.rawValue) \(to) exists already as \(existing.id)", path: path)
        }
        if let id {
            guard Identifier<Relation>.isValid(id) else { throw invalidID(id) }
            guard !article.allIDs.contains(id) else {
                throw EditError.refused("\(id) is already an id in \(article.id); choose another id, or leave it out to get the next free one", path: path)
            }
        }
        let relation = Relation(id: RelationID(id ?? ArticleEditor.nextID(prefix: "r", among: article.allIDs, after: article.relationHighWaterMark)), type: type,
                                from: UnitID(from), to: endpoint, note: note)
        article.relations.append(relation)
        return relation
    }

    /// Changes a relation's type or note.
    package static func setRelation(_ id: RelationID, type: RelationType?, note: String?, clearNote: Bool,
                                   in article: inout Article, path: String) throws(EditError) {
        guard let index = article.relations.firstIndex(where: { $0.id == id }) else {
            throw unknownID(id.rawValue, kind: "relation", in: article, path: path)
        }
        if let type { article.relations[index].type = type }
        if clearNote { article.relations[index].note = nil }
        if let note { article.relations[index].note = note }
    }

    // MARK: Speakers

    /// Adds speaker `id`, or updates its name and role. Returns whether it was new.
    @discardableResult
    package static func upsertSpeaker(_ id: SpeakerID, name: String?, role: String?, clearRole: Bool = false,
                                     in article: inout Article, path: String) throws(EditError) -> Bool {
        guard Identifier<Speaker>.isValid(id.rawValue) else { throw invalidID(id.rawValue) }
        if let index = article.speakers.firstIndex(where: { $0.id == id }) {
            if let name { article.speakers[index].name = name }
            if clearRole { article.speakers[index].role = nil }
            if let role { article.speakers[index].role = role }
            return false
        }
        if article.allIDs.contains(id.rawValue) {
            throw EditError.refused("\(id) is already the id of a unit or relation; choose another speaker id", path: path)
        }
        guard let name, !name.isEmpty else {
            throw EditError.usage("speaker \(id) is new, so it needs a name", remedies: [.supply(field: "name")])
        }
        article.speakers.append(Speaker(id: id, name: name, role: clearRole ? nil : role))
        return true
    }

    // MARK: Removal

    /// What a removal took out of the article.
    package struct Removal: Sendable, Equatable {
        package var units: [ArgumentUnit] = []
        package var relations: [Relation] = []
        package var speakers: [Speaker] = []
        /// Units whose speaker attribute was cleared because their speaker was removed.
        package var unitsWithoutSpeaker: [UnitID] = []
    }

    /// Removes the unit, relation or speaker `id`. While other annotations refer to it, refuses
    /// unless `cascade`; then it also removes the relations from and to a unit, the relations that
    /// undercut removed relations (transitively), and clears a removed speaker from its units.
    package static func remove(_ id: String, cascade: Bool, from article: inout Article, path: String) throws(EditError) -> Removal {
        var removal = Removal()
        if let unit = article.unit(UnitID(id)) {
            let direct = article.relations.filter { $0.from == unit.id || $0.to == .unit(unit.id) }
            let dependent = dependents(of: Set(direct.map(\.id)), in: article)
            let all = direct + dependent
            if !all.isEmpty && !cascade {
                throw EditError.refused("unit \(id) is used by \(describe(all))", path: path, rule: .inUse, facts: [.dependents(all.map(\.id.rawValue))], remedies: [.removeDependentsFirst, .cascade])
            }
            let gone = Set(all.map(\.id))
            removal.units = [unit]
            removal.relations = article.relations.filter { gone.contains($0.id) }
            article.units.removeAll { $0.id == unit.id }
            article.relations.removeAll { gone.contains($0.id) }
        } else if let relation = article.relation(RelationID(id)) {
            let dependent = dependents(of: [relation.id], in: article)
            if !dependent.isEmpty && !cascade {
                throw EditError.refused("relation \(id) is undercut by \(describe(dependent))", path: path, rule: .inUse, facts: [.dependents(dependent.map(\.id.rawValue))], remedies: [.removeDependentsFirst, .cascade])
            }
            let gone = Set([relation.id] + dependent.map(\.id))
            removal.relations = article.relations.filter { gone.contains($0.id) }
            article.relations.removeAll { gone.contains($0.id) }
        } else if let speaker = article.speaker(SpeakerID(id)) {
            let users = article.units.filter { $0.speaker == speaker.id }.map(\.id)
            if !users.isEmpty && !cascade {
                throw EditError.refused("speaker \(id) speaks in \(users.count == 1 ? "unit" : "units") \(users.map(\.rawValue).joined(separator: ", "))", path: path,
                                        rule: .inUse, facts: [.dependents(users.map(\.rawValue))], remedies: [.reassignSpeaker(count: users.count), .cascadeClearingSpeaker])
            }
            for index in article.units.indices where article.units[index].speaker == speaker.id {
                article.units[index].speaker = nil
            }
            removal.speakers = [speaker]
            removal.unitsWithoutSpeaker = users
            article.speakers.removeAll { $0.id == speaker.id }
        } else {
            throw unknownID(id, kind: "unit, relation or speaker", in: article, path: path)
        }
        return removal
    }

    /// Relations that undercut any of `relations`, transitively, level by level (each level in
    /// the file's order). One pass builds the index of what undercuts what, so a chain of n
    /// undercuts costs O(n), not a scan of every relation per level.
    static func dependents(of relations: Set<RelationID>, in article: Article) -> [Relation] {
        var undercutters: [RelationID: [Int]] = [:]
        for (index, relation) in article.relations.enumerated() {
            if case .relation(let target) = relation.to { undercutters[target, default: []].append(index) }
        }
        var found: [Relation] = []
        var seen = relations
        var frontier = Array(relations)
        while !frontier.isEmpty {
            var next: [Int] = []
            for target in frontier {
                for index in undercutters[target] ?? [] where seen.insert(article.relations[index].id).inserted { next.append(index) }
            }
            next.sort()
            found += next.map { article.relations[$0] }
            frontier = next.map { article.relations[$0].id }
        }
        return found
    }

    static func describe(_ relations: [Relation]) -> String {
        let sorted = relations.sorted { naturalLess($0.id.rawValue, $1.id.rawValue) }
        return (sorted.count == 1 ? "relation " : "relations ") + sorted.map { "\($0.id) (\($0.from) \($0.type.rawValue) \($0.to))" }.joined(separator: ", ")
    }

    // MARK: Checks

    static func checkReferences(_ attributes: UnitAttributes, in article: Article, corpus: Corpus?, path: String) throws(EditError) {
        if let speaker = attributes.speaker, article.speaker(speaker) == nil {
            throw EditError.refused("unknown speaker \(speaker)", path: path, remedies: [.defineSpeaker(id: speaker.rawValue, path: path)])
        }
        let folder = FileSystem.directoryName(of: path)
        if let target = attributes.target, corpus?.target(target) == nil {
            throw EditError.refused("unknown target \(target)", path: path, remedies: [.defineTarget(id: target.rawValue, folder: folder)])
        }
        if let proposition = attributes.proposition, corpus?.proposition(proposition) == nil {
            throw EditError.refused("unknown proposition \(proposition)", path: path, remedies: [.defineProposition(id: proposition.rawValue, folder: folder)])
        }
    }

    static func unknownID(_ id: String, kind: String, in article: Article, path: String) -> EditError {
        EditError.refused("no \(kind) \(id) in \(article.id)", path: path, remedies: [.listIDs(path: path)])
    }

    static func invalidID(_ id: String) -> EditError {
        EditError.usage("\"\(id)\" is not a valid id; use ASCII letters, digits, '-', '_' and '.', starting with a letter or '_'")
    }
}

/// Changes to the corpus vocabulary.
package enum CorpusEdits {
    /// Adds target `id` or updates its name and description. Returns whether it was new.
    @discardableResult
    package static func upsertTarget(_ id: TargetID, name: String?, description: String?, in corpus: inout Corpus) throws(EditError) -> Bool {
        guard Identifier<StanceTarget>.isValid(id.rawValue) else { throw ArticleEdits.invalidID(id.rawValue) }
        if let index = corpus.targets.firstIndex(where: { $0.id == id }) {
            if let name { corpus.targets[index].name = name }
            if let description { corpus.targets[index].description = description }
            return false
        }
        if corpus.proposition(PropositionID(id.rawValue)) != nil {
            throw EditError.refused("\(id) is already the id of a proposition; choose another target id")
        }
        guard let name, !name.isEmpty else { throw EditError.usage("target \(id) is new, so it needs a name", remedies: [.supply(field: "name")]) }
        corpus.targets.append(StanceTarget(id: id, name: name, description: description))
        return true
    }

    /// Adds proposition `id` or updates it. Returns whether it was new.
    @discardableResult
    package static func upsertProposition(_ id: PropositionID, statement: String?, target: TargetID?, stance: Stance?, in corpus: inout Corpus) throws(EditError) -> Bool {
        guard Identifier<Proposition>.isValid(id.rawValue) else { throw ArticleEdits.invalidID(id.rawValue) }
        if let target, corpus.target(target) == nil {
            throw EditError.refused("unknown target \(target)", remedies: [.defineTarget(id: target.rawValue, folder: nil)])
        }
        if let index = corpus.propositions.firstIndex(where: { $0.id == id }) {
            if let statement { corpus.propositions[index].statement = statement }
            if let target { corpus.propositions[index].target = target }
            if let stance { corpus.propositions[index].stance = stance }
            if (corpus.propositions[index].target == nil) != (corpus.propositions[index].stance == nil) {
                throw EditError.usage("a proposition's target and stance go together", remedies: [.supplyTogether(fields: ["target", "stance"])])
            }
            return false
        }
        if corpus.target(TargetID(id.rawValue)) != nil {
            throw EditError.refused("\(id) is already the id of a target; choose another proposition id")
        }
        guard let statement, !statement.isEmpty else { throw EditError.usage("proposition \(id) is new, so it needs a statement", remedies: [.supply(field: "text")]) }
        if (target == nil) != (stance == nil) {
            throw EditError.usage("a proposition's target and stance go together", remedies: [.supplyTogether(fields: ["target", "stance"])])
        }
        corpus.propositions.append(Proposition(id: id, statement: statement, target: target, stance: stance))
        return true
    }
}
