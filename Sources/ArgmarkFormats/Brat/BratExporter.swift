import ArgmarkCore

/// Writes argmark articles as brat standoff (`<id>.txt` and `<id>.ann`, plus one `annotation.conf`
/// for the folder). Stance, target, speaker and proposition become attributes; notes become
/// `AnnotatorNotes`. What brat cannot hold (implicit units, undercuts of relations, article
/// metadata, speaker names) is left out and reported.
package enum BratExporter {
    /// The files of one article; throws nothing brat cannot carry, it reports it instead.
    package static func export(_ article: Article, path: String) throws(FormatError) -> [ExportedFile] {
        export(ExportInput(article: article, path: path)).files
    }

    /// `<id>.txt` and `<id>.ann`, and what they could not carry.
    package static func export(_ input: ExportInput) -> (files: [ExportedFile], losses: [ExportLoss]) {
        let article = input.article
        var losses = LossCollector()
        let text = CodePointText(article.text)
        var lines: [String] = []
        var bratIDs: [UnitID: String] = [:]
        var used: Set<String> = []
        // Ids of kept lines (attributes, events, ...) are taken first, so new ones do not collide.
        let kept = keptLines(of: article)
        for line in kept { used.insert(line.id) }
        // Keep source ids that are brat T ids; number the others after them.
        for unit in article.units where unit.span != nil {
            if let source = unit.sourceID, source.hasPrefix("T"), isBratID(source), used.insert(source).inserted { bratIDs[unit.id] = source }
        }
        var counter = 1
        func fresh(_ prefix: String) -> String {
            while used.contains("\(prefix)\(counter)") { counter += 1 }
            used.insert("\(prefix)\(counter)")
            return "\(prefix)\(counter)"
        }
        var notes: [(target: String, note: String)] = []
        var attributes: [(name: String, target: String, value: String)] = []
        let defaultTarget = BratImporter.defaultTarget(of: article.id).id
        let attackers = BratImporter.attackers(article.relations)
        for unit in ArticleWriter.canonicalOrder(article.units) {
            guard let span = unit.span else {
                losses.add("implicit units (no span in the text)", id: unit.id.rawValue)
                continue
            }
            let id = bratIDs[unit.id] ?? fresh("T")
            bratIDs[unit.id] = id
            let pieces = unit.fragments.isEmpty ? [span] : unit.fragments
            let offsets = pieces.map { "\($0.start) \($0.end)" }.joined(separator: ";")
            lines.append("\(id)\t\(label(of: unit, attackers: attackers)) \(offsets)\t\(BratImporter.flatten(pieces.map { text[$0] }.joined(separator: " ")))")
            if let stance = unit.stance { attributes.append((BratImporter.Attribute.stance, id, stanceValue(stance))) }
            if let target = unit.target, target != defaultTarget { attributes.append((BratImporter.Attribute.target, id, target.rawValue)) }
            if let speaker = unit.speaker { attributes.append((BratImporter.Attribute.speaker, id, speaker.rawValue)) }
            if let proposition = unit.proposition { attributes.append((BratImporter.Attribute.proposition, id, proposition.rawValue)) }
            if let note = unit.note { notes.append((id, note)) }
            if unit.status == .suggested { losses.add("suggested (unreviewed) statuses", id: unit.id.rawValue) }
        }
        counter = 1
        var relationIDs: [RelationID: String] = [:]
        for relation in article.relations {
            if let source = relation.sourceID, source.hasPrefix("R"), isBratID(source), used.insert(source).inserted { relationIDs[relation.id] = source }
        }
        for relation in article.relations {
            guard case .unit(let target) = relation.to else {
                losses.add("undercuts of relations (brat relations join two spans)", id: relation.id.rawValue)
                continue
            }
            guard let from = bratIDs[relation.from], let to = bratIDs[target] else {
                losses.add("relations to or from an implicit unit", id: relation.id.rawValue)
                continue
            }
            let id = relationIDs[relation.id] ?? fresh("R")
            lines.append("\(id)\t\(label(of: relation)) Arg1:\(from) Arg2:\(to)")
            if let note = relation.note { notes.append((id, note)) }
        }
        for line in kept { lines.append(line.id + "\t" + line.rest) }
        counter = 1
        for attribute in attributes {
            lines.append("\(fresh("A"))\t\(attribute.name) \(attribute.target) \(attribute.value)")
        }
        counter = 1
        for note in notes {
            lines.append("\(fresh("#"))\tAnnotatorNotes \(note.target)\t\(BratImporter.flatten(note.note))")
        }
        losses.metadata(of: article)
        losses.speakerNames(of: article)
        let annotations = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        return ([ExportedFile(name: article.id + ".txt", text: article.text), ExportedFile(name: article.id + ".ann", text: annotations)], losses.losses)
    }

    /// The label a unit is written with: its source label when that reads back as the same type
    /// and is a brat type name, else its type.
    static func label(of unit: ArgumentUnit, attackers: Set<UnitID>) -> String {
        if let label = unit.sourceLabel, isBratID(label), BratImporter.unitType(label: label, attacking: attackers.contains(unit.id)) == unit.type { return label }
        return capitalized(unit.type.rawValue)
    }

    static func label(of relation: Relation) -> String {
        if let label = relation.sourceLabel, isBratID(label), BratImporter.relationTypes[BratImporter.key(label)] == relation.type { return label }
        return relation.type.rawValue
    }

    static func stanceValue(_ stance: Stance) -> String {
        switch stance {
        case .favor: "For"
        case .against: "Against"
        case .neutral: "Neutral"
        }
    }

    /// Lines kept verbatim from a brat import (attributes, events, normalisations, other notes),
    /// flattened so that a value holding a line break cannot become a line of its own.
    static func keptLines(of article: Article) -> [(id: String, rest: String)] {
        article.metadata.properties.compactMap { property in
            guard property.name.hasPrefix(BratImporter.propertyPrefix) else { return nil }
            let id = String(property.name.dropFirst(BratImporter.propertyPrefix.count))
            guard isBratID(id), let kind = id.unicodeScalars.first, "AMENT#*".unicodeScalars.contains(kind) else { return nil }
            let rest = String(String.UnicodeScalarView(property.value.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
            return (id, rest)
        }
    }

    /// The `annotation.conf` declaring every entity, relation and attribute the exported files use,
    /// so brat opens the folder without "undefined type" errors.
    package static func configuration(for articles: [Article]) -> ExportedFile {
        var entities: Set<String> = []
        var relations: Set<String> = []
        var attributeValues: [String: Set<String>] = [:]
        var events: Set<String> = []
        for article in articles {
            let attackers = BratImporter.attackers(article.relations)
            for unit in article.units where unit.span != nil {
                entities.insert(label(of: unit, attackers: attackers))
                if let stance = unit.stance { attributeValues[BratImporter.Attribute.stance, default: []].insert(stanceValue(stance)) }
                if let target = unit.target, target != BratImporter.defaultTarget(of: article.id).id { attributeValues[BratImporter.Attribute.target, default: []].insert(target.rawValue) }
                if let speaker = unit.speaker { attributeValues[BratImporter.Attribute.speaker, default: []].insert(speaker.rawValue) }
                if let proposition = unit.proposition { attributeValues[BratImporter.Attribute.proposition, default: []].insert(proposition.rawValue) }
            }
            for relation in article.relations where relation.to.isUnit { relations.insert(label(of: relation)) }
            for line in keptLines(of: article) {
                let parts = line.rest.split(separator: " ").map(String.init)
                switch line.id.unicodeScalars.first {
                case "A", "M":
                    guard let name = parts.first else { continue }
                    if parts.count >= 3 { attributeValues[name, default: []].insert(parts[2]) } else { attributeValues[name, default: []].formUnion([]) }
                case "E":
                    if let trigger = parts.first?.split(separator: ":").first { events.insert(String(trigger)) }
                default: continue
                }
            }
        }
        var lines = ["# Written by argmark export --to brat: the types and attributes of the files in this folder.", "[entities]"]
        lines += entities.sorted()
        lines.append("[relations]")
        lines += relations.sorted().map { "\($0)\tArg1:<ENTITY>, Arg2:<ENTITY>" }
        lines.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
        lines.append("[events]")
        lines += events.sorted().map { "\($0)\tArg:<ENTITY>" }
        lines.append("[attributes]")
        let own: Set<String> = [BratImporter.Attribute.stance, BratImporter.Attribute.target, BratImporter.Attribute.speaker, BratImporter.Attribute.proposition]
        for name in attributeValues.keys.sorted() {
            let values = attributeValues[name]!.sorted()
            let argument = own.contains(name) ? "<ENTITY>" : "<ANY>"
            lines.append(values.isEmpty ? "\(name)\tArg:\(argument)" : "\(name)\tArg:\(argument), Value:\(values.joined(separator: "|"))")
        }
        return ExportedFile(name: "annotation.conf", text: lines.joined(separator: "\n") + "\n")
    }

    static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    /// A brat id, label or attribute value: one token, no spaces, tabs or line breaks.
    static func isBratID(_ value: String) -> Bool {
        !value.isEmpty && !value.unicodeScalars.contains { $0.properties.isWhitespace || $0 == ":" || $0 == ";" || $0 == "|" || $0 == "," }
    }
}

extension RelationEndpoint {
    var isUnit: Bool {
        if case .unit = self { return true }
        return false
    }
}
