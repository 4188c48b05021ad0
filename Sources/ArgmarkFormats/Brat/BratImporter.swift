import ArgmarkCore

/// brat standoff: `NAME.txt` holds the text, `NAME.ann` one annotation per line — `T` text-bound
/// spans (offsets in code points, fragments separated by `;`), `R` relations, `A` attributes,
/// `#` notes, and `E`, `N`, `M`, `*` lines argmark keeps verbatim. Mapping in the README.
public enum BratImporter {
    /// Prefix of the metadata properties that keep lines argmark has no field for (`brat:A1`).
    public static let propertyPrefix = "brat:"

    /// Span labels and the unit type each becomes (compared case-insensitively, ignoring `_`,
    /// `-` and spaces); any other label becomes a `claim` that keeps its label.
    public static let unitTypes: [String: UnitType] = [
        "position": .position, "majorclaim": .position, "claim": .claim, "premise": .claim,
        "counterclaim": .counterclaim, "rebuttal": .rebuttal, "evidence": .evidence, "backing": .evidence,
    ]

    /// Relation labels and the relation type each becomes.
    public static let relationTypes: [String: RelationType] = [
        "supports": .supports, "support": .supports, "sup": .supports, "exa": .supports,
        "attacks": .attacks, "attack": .attacks, "reb": .attacks, "contradicts": .attacks,
        "rebuts": .rebuts, "rebut": .rebuts, "undercuts": .attacks, "undercut": .attacks,
        "restates": .restates, "restate": .restates, "paraphrase": .restates,
    ]

    static func key(_ label: String) -> String {
        String(label.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " }.map(Character.init))
    }

    /// Reads `NAME.ann` and the `NAME.txt` beside it; the article id is `NAME`.
    public static func importFile(_ path: String) throws(FormatError) -> Article {
        let textPath = Names.sibling(of: path, replacing: ".ann", with: ".txt")
        let annotationBytes: [UInt8], textBytes: [UInt8]
        do {
            annotationBytes = try FileSystem.read(path)
        } catch {
            throw FormatError(path, line: nil, error.reason)
        }
        do {
            textBytes = try FileSystem.read(textPath)
        } catch {
            throw FormatError(path, line: nil, "the text file beside it cannot be read (\(textPath): \(error.reason)); brat keeps the text in NAME.txt next to NAME.ann")
        }
        // The text keeps a byte order mark if it has one: brat counts it as a character.
        guard let text = String(validating: textBytes, as: UTF8.self) else { throw FormatError(textPath, line: nil, "not valid UTF-8; save the text as UTF-8") }
        guard let annotations = StrictUTF8.decode(annotationBytes) else { throw FormatError(path, line: nil, "not valid UTF-8; save the annotations as UTF-8") }
        return try article(text: text, annotations: annotations, path: path, id: Names.identifier(Names.stem(of: path, dropping: ".ann"), prefix: "doc-"))
    }

    /// Maps annotation lines onto `text`; errors name lines of `path`.
    public static func article(text: String, annotations: String, path: String, id: String) throws(FormatError) -> Article {
        let codePoints = CodePointText(text)
        var units: [ArgumentUnit] = []
        var unitIndex: [String: Int] = [:]
        var relations: [Relation] = []
        var relationIndex: [String: Int] = [:]
        var properties: [MetadataProperty] = []
        var pendingRelations: [(line: Int, id: String, label: String, arguments: [(role: String, target: String)])] = []
        var pendingNotes: [(line: Int, id: String, target: String, note: String)] = []
        var seen: Set<String> = []
        var pendingAttributes: [(line: Int, id: String, target: String)] = []

        for (index, rawLine) in annotations.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, let kind = fields[0].unicodeScalars.first else {
                throw FormatError(path, line: lineNumber, "not a brat annotation line (expected ID<tab>TYPE ...)")
            }
            let annotationID = fields[0]
            if annotationID != "*" && !seen.insert(annotationID).inserted {
                throw FormatError(path, line: lineNumber, "id \(annotationID) is used twice; brat ids must be unique")
            }
            switch kind {
            case "T":
                guard fields.count == 3 else { throw FormatError(path, line: lineNumber, "span \(annotationID) needs three tab-separated fields: id, label and offsets, text") }
                let head = fields[1].split(separator: " ", maxSplits: 1).map(String.init)
                guard head.count == 2 else { throw FormatError(path, line: lineNumber, "span \(annotationID) has no offsets; write LABEL START END") }
                var fragments: [Span] = []
                for piece in head[1].split(separator: ";") {
                    let numbers = piece.split(separator: " ").map { Int($0) }
                    guard numbers.count == 2, let start = numbers[0], let end = numbers[1] else {
                        throw FormatError(path, line: lineNumber, "span \(annotationID) has malformed offsets \"\(piece)\"; write START END, fragments separated by ;")
                    }
                    guard start < end else { throw FormatError(path, line: lineNumber, "span \(annotationID) has start \(start) not before end \(end)") }
                    guard end <= codePoints.count else {
                        throw FormatError(path, line: lineNumber, "span \(annotationID) ends at \(end), past the end of the text (\(codePoints.count) characters); is the .txt the one this .ann was made for?")
                    }
                    if let last = fragments.last, start < last.end {
                        throw FormatError(path, line: lineNumber, "fragments of span \(annotationID) overlap or are out of order")
                    }
                    fragments.append(Span(start: start, end: end))
                }
                guard !fragments.isEmpty else { throw FormatError(path, line: lineNumber, "span \(annotationID) has no offsets; write LABEL START END") }
                let expected = fragments.map { codePoints[$0] }.joined(separator: " ")
                if expected != fields[2] && flatten(expected) != flatten(fields[2]) {
                    throw FormatError(path, line: lineNumber, "span \(annotationID) says \"\(fields[2])\" but the text at its offsets is \"\(expected)\"; is the .txt the one this .ann was made for?")
                }
                let span = Span(start: fragments.first!.start, end: fragments.last!.end)
                let label = head[0]
                let unitID = UnitID(Names.identifier(annotationID, prefix: "T"))
                unitIndex[annotationID] = units.count
                units.append(ArgumentUnit(id: unitID, type: unitTypes[key(label)] ?? .claim, span: span, fragments: fragments.count > 1 ? fragments : [],
                                          quote: codePoints[span], sourceLabel: label, sourceID: annotationID))
            case "R":
                let parts = fields[1].split(separator: " ").map(String.init)
                guard parts.count == 3 else { throw FormatError(path, line: lineNumber, "relation \(annotationID) needs LABEL Arg1:ID Arg2:ID") }
                var arguments: [(role: String, target: String)] = []
                for argument in parts[1...] {
                    let pair = argument.split(separator: ":", maxSplits: 1).map(String.init)
                    guard pair.count == 2 else { throw FormatError(path, line: lineNumber, "relation \(annotationID) has argument \"\(argument)\"; write ROLE:ID") }
                    arguments.append((pair[0], pair[1]))
                }
                pendingRelations.append((lineNumber, annotationID, parts[0], arguments))
            case "#":
                let parts = fields[1].split(separator: " ").map(String.init)
                if parts.count == 2, parts[0] == "AnnotatorNotes" {
                    pendingNotes.append((lineNumber, annotationID, parts[1], fields.count > 2 ? fields[2] : ""))
                } else {
                    properties.append(MetadataProperty(name: propertyPrefix + annotationID, value: fields.dropFirst().joined(separator: "\t")))
                }
            case "A", "M", "E", "N", "*":
                // Attributes (e.g. `Stance T1 For`) and the rest: kept verbatim, re-emitted on export.
                if kind == "A" || kind == "M" {
                    let parts = fields[1].split(separator: " ").map(String.init)
                    guard parts.count >= 2, parts.count <= 3 else {
                        throw FormatError(path, line: lineNumber, "attribute \(annotationID) needs NAME ID [VALUE]")
                    }
                    pendingAttributes.append((lineNumber, annotationID, parts[1]))
                }
                properties.append(MetadataProperty(name: propertyPrefix + annotationID, value: fields.dropFirst().joined(separator: "\t")))
            default:
                throw FormatError(path, line: lineNumber, "unknown annotation kind \"\(annotationID)\"; brat ids start with T, R, A, M, E, N, # or are *")
            }
        }

        for attribute in pendingAttributes where !seen.contains(attribute.target) {
            throw FormatError(path, line: attribute.line, "attribute \(attribute.id) refers to \(attribute.target), which is not an annotation of this file")
        }
        var usedIDs = Set(units.map(\.id.rawValue))
        for pending in pendingRelations {
            guard let type = relationTypes[key(pending.label)] else {
                throw FormatError(path, line: pending.line, "relation label \(pending.label) has no argmark equivalent; use supports, attacks, rebuts, undercuts or restates (or Support, Attack, ...)")
            }
            var ends: [UnitID] = []
            for argument in pending.arguments {
                guard let index = unitIndex[argument.target] else {
                    throw FormatError(path, line: pending.line, "relation \(pending.id) refers to \(argument.target), which is not a span (T annotation) of this file")
                }
                ends.append(units[index].id)
            }
            var relationID = Names.identifier(pending.id, prefix: "R")
            while !usedIDs.insert(relationID).inserted { relationID += "r" }
            relationIndex[pending.id] = relations.count
            relations.append(Relation(id: RelationID(relationID), type: type, from: ends[0], to: .unit(ends[1]), sourceLabel: pending.label, sourceID: pending.id))
        }
        for note in pendingNotes {
            if let index = unitIndex[note.target] {
                units[index].note = note.note
            } else if let index = relationIndex[note.target] {
                relations[index].note = note.note
            } else {
                throw FormatError(path, line: note.line, "note \(note.id) refers to \(note.target), which is not an annotation of this file")
            }
        }
        return Article(id: id, metadata: ArticleMetadata(properties: properties), text: text, units: units, relations: relations)
    }

    /// Text with line breaks and tabs as spaces, as brat writes it in the .ann text column.
    static func flatten(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }
}
