import ArgmarkCore

/// Writes argmark articles as brat standoff (`<id>.txt` and `<id>.ann`).
public enum BratExporter {
    /// `<id>.txt` and `<id>.ann`; refuses implicit units and undercuts of relations, which brat cannot hold.
    public static func export(_ article: Article, path: String) throws(FormatError) -> [ExportedFile] {
        let text = CodePointText(article.text)
        var lines: [String] = []
        var bratIDs: [UnitID: String] = [:]
        var used: Set<String> = []
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
        for unit in ArticleWriter.canonicalOrder(article.units) {
            guard let span = unit.span else {
                throw FormatError(path, line: nil, "unit \(unit.id) is implicit (no span); brat has no place for a unit without text — remove it or give it a span before exporting to brat")
            }
            let id = bratIDs[unit.id] ?? fresh("T")
            bratIDs[unit.id] = id
            let pieces = unit.fragments.isEmpty ? [span] : unit.fragments
            let offsets = pieces.map { "\($0.start) \($0.end)" }.joined(separator: ";")
            let label = (unit.sourceLabel.map { !$0.isEmpty && !$0.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) } ?? false) ? unit.sourceLabel! : capitalized(unit.type.rawValue)
            lines.append("\(id)\t\(label) \(offsets)\t\(BratImporter.flatten(pieces.map { text[$0] }.joined(separator: " ")))")
            if let note = unit.note { notes.append((id, note)) }
        }
        counter = 1
        var relationIDs: [String] = []
        for relation in article.relations {
            if let source = relation.sourceID, source.hasPrefix("R"), isBratID(source), used.insert(source).inserted { relationIDs.append(source) } else { relationIDs.append("") }
        }
        for (index, relation) in article.relations.enumerated() {
            guard case .unit(let target) = relation.to else {
                throw FormatError(path, line: nil, "relation \(relation.id) undercuts relation \(relation.to); brat relations join two spans, so an undercut of a relation cannot be written — remove it before exporting to brat")
            }
            let id = relationIDs[index].isEmpty ? fresh("R") : relationIDs[index]
            let label = relation.sourceLabel.flatMap { BratImporter.relationTypes[BratImporter.key($0)] == relation.type && !$0.contains(" ") ? $0 : nil } ?? relation.type.rawValue
            lines.append("\(id)\t\(label) Arg1:\(bratIDs[relation.from]!) Arg2:\(bratIDs[target]!)")
            if let note = relation.note { notes.append((id, note)) }
        }
        // Lines kept from a brat import (attributes, events, normalisations, other notes).
        for property in article.metadata.properties where property.name.hasPrefix(BratImporter.propertyPrefix) {
            lines.append(String(property.name.dropFirst(BratImporter.propertyPrefix.count)) + "\t" + property.value)
        }
        for property in article.metadata.properties where property.name.hasPrefix(BratImporter.propertyPrefix) {
            used.insert(String(property.name.dropFirst(BratImporter.propertyPrefix.count)))
        }
        counter = 1
        for note in notes {
            lines.append("\(fresh("#"))\tAnnotatorNotes \(note.target)\t\(BratImporter.flatten(note.note))")
        }
        let annotations = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        return [ExportedFile(name: article.id + ".txt", text: article.text), ExportedFile(name: article.id + ".ann", text: annotations)]
    }

    static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    static func isBratID(_ value: String) -> Bool {
        !value.isEmpty && !value.unicodeScalars.contains { $0 == " " || $0 == "\t" || $0 == "\n" }
    }
}
