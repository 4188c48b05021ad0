import ArgmarkCore

/// brat standoff: `NAME.txt` holds the text, `NAME.ann` one annotation per line — `T` text-bound
/// spans (offsets in code points, fragments separated by `;`), `R` relations, `A` attributes,
/// `#` notes, and `E`, `N`, `M`, `*` lines argmark keeps verbatim. Mapping in the README.
package enum BratImporter {
    /// Prefix of the metadata properties that keep lines argmark has no field for (`brat:A1`).
    package static let propertyPrefix = "brat:"

    /// Span labels and the unit type each becomes (compared case-insensitively, ignoring `_`,
    /// `-` and spaces); any other label becomes a `claim` that keeps its label. Persuasive-essay
    /// corpora (major claim, claim, premise) read as position, claim and evidence, except that a
    /// premise which attacks something becomes a claim (``unitType(label:attacking:)``).
    package static let unitTypes: [String: UnitType] = [
        "position": .position, "majorclaim": .position, "claim": .claim, "premise": .evidence,
        "counterclaim": .counterclaim, "rebuttal": .rebuttal, "evidence": .evidence, "backing": .evidence,
    ]

    /// The unit type a span labelled `label` becomes. A premise is offered as a reason, which is
    /// evidence; but essay corpora also let a premise attack a claim or another premise, and
    /// argmark's evidence only supports, so a premise that attacks is a claim (argued against
    /// something, not offered in support of it).
    package static func unitType(label: String, attacking: Bool) -> UnitType {
        let key = key(label)
        if key == "premise" { return attacking ? .claim : .evidence }
        return unitTypes[key] ?? .claim
    }

    /// The units that attack, rebut or undercut something through a relation brat can hold (one
    /// between two spans).
    package static func attackers(_ relations: [Relation]) -> Set<UnitID> {
        Set(relations.filter { $0.to.isUnit && $0.type != .supports && $0.type != .restates }.map(\.from))
    }

    /// Relation labels and the relation type each becomes.
    package static let relationTypes: [String: RelationType] = [
        "supports": .supports, "support": .supports, "sup": .supports, "exa": .supports,
        "attacks": .attacks, "attack": .attacks, "reb": .attacks, "contradicts": .attacks,
        "rebuts": .rebuts, "rebut": .rebuts, "undercuts": .attacks, "undercut": .attacks,
        "restates": .restates, "restate": .restates, "paraphrase": .restates,
    ]

    static func key(_ label: String) -> String {
        String(label.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " }.map(Character.init))
    }

    /// Attribute names argmark reads into its own fields (and writes on export).
    package enum Attribute {
        package static let stance = "Stance", target = "Target", speaker = "Speaker", proposition = "Proposition"
    }

    /// `Stance` attribute values and the stance each becomes (compared case-insensitively).
    package static let stanceValues: [String: Stance] = [
        "for": .favor, "favor": .favor, "favour": .favor, "pro": .favor, "support": .favor,
        "against": .against, "con": .against, "contra": .against, "oppose": .against,
        "neutral": .neutral, "none": .neutral,
    ]

    /// The target of a `Stance` attribute given without a `Target`: brat corpora of essays mark a
    /// claim For or Against the essay's major claim, so the target is that article's position.
    package static func defaultTarget(of articleID: String) -> StanceTarget {
        StanceTarget(id: TargetID(Names.identifier("position-of-" + articleID, prefix: "t")), name: "the position (major claim) of \(articleID)")
    }

    /// Reads `NAME.ann` and the `NAME.txt` beside it; the article id is `NAME`.
    package static func importFile(_ path: String) throws(FormatError) -> Article {
        try importDocument(path).article
    }

    /// Reads `NAME.ann` and the `NAME.txt` beside it, with the targets its attributes refer to and
    /// warnings about lines argmark keeps only verbatim.
    package static func importDocument(_ path: String, options: ImportOptions = ImportOptions()) throws(FormatError) -> ImportedDocument {
        let textPath = Names.sibling(of: path, replacing: ".ann", with: ".txt")
        // The text is copied into the output: a link leading out of the folder (to a system file) is refused.
        if let problem = FileSystem.linkProblem(textPath, inside: FileSystem.directoryName(of: path)) {
            throw FormatError(path, line: nil, "the text file beside it, \(textPath), \(problem.reason)")
        }
        let annotationBytes = try InputFile.read(path)
        let textBytes: [UInt8]
        do {
            textBytes = try FileSystem.read(textPath)
        } catch {
            throw FormatError(path, line: nil, "the text file beside it cannot be read (\(textPath): \(error.reason)); brat keeps the text in NAME.txt next to NAME.ann")
        }
        guard let text = String(validating: textBytes, as: UTF8.self) else { throw FormatError(textPath, line: nil, "not valid UTF-8; save the text as UTF-8") }
        guard let annotations = StrictUTF8.decode(annotationBytes) else { throw FormatError(path, line: nil, "not valid UTF-8; save the annotations as UTF-8") }
        let id = Names.identifier(Names.stem(of: path, dropping: ".ann"), prefix: "doc-")
        // brat counts a byte order mark at the start of the text as a character; tools that strip it
        // count from the character after. Keep it unless the offsets only fit without it.
        if text.unicodeScalars.first == "\u{FEFF}" {
            do {
                return try document(text: text, annotations: annotations, path: path, id: id, options: options)
            } catch {
                let stripped = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst()))
                guard var result = try? document(text: stripped, annotations: annotations, path: path, id: id, options: options) else { throw error }
                result.warnings.insert(Diagnostic(.warning, .sourceFormat, "the offsets count from after the byte order mark at the start of \(FileSystem.baseName(of: textPath)); the text was imported without it", at: SourceLocation(path: path)), at: 0)
                return result
            }
        }
        return try document(text: text, annotations: annotations, path: path, id: id, options: options)
    }

    /// Maps annotation lines onto `text`; errors name lines of `path`.
    package static func article(text: String, annotations: String, path: String, id: String) throws(FormatError) -> Article {
        try document(text: text, annotations: annotations, path: path, id: id).article
    }

    /// The lines of an `.ann` file: LF, CRLF or CR line ends (a Swift `String` holds CRLF as one
    /// character, so the split is on scalars).
    static func lines(of annotations: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in annotations.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { lines.append(String(current)); current = String.UnicodeScalarView() }
                previousWasCR = false
            } else if scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
                previousWasCR = true
            } else {
                current.append(scalar)
                previousWasCR = false
            }
        }
        lines.append(String(current))
        return lines
    }

    /// Trailing tabs and spaces, which brat and the Python readers ignore after the text field.
    static func trimmingTrailingBlanks(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Maps annotation lines onto `text`, with the targets the attributes refer to.
    package static func document(text: String, annotations: String, path: String, id: String, options: ImportOptions = ImportOptions()) throws(FormatError) -> ImportedDocument {
        let codePoints = CodePointText(text)
        var units: [ArgumentUnit] = []
        var unitIndex: [String: Int] = [:]
        var relations: [Relation] = []
        var relationIndex: [String: Int] = [:]
        var properties: [MetadataProperty] = []
        var warnings: [Diagnostic] = []
        var pendingRelations: [(line: Int, id: String, label: String, arguments: [(role: String, target: String)])] = []
        var pendingNotes: [(line: Int, id: String, target: String, note: String)] = []
        var seen: Set<String> = []
        var pendingAttributes: [(line: Int, id: String, name: String, target: String, value: String?, raw: String)] = []
        func warn(_ line: Int, _ message: String) {
            warnings.append(Diagnostic(.warning, .sourceFormat, message, at: SourceLocation(path: path, line: line)))
        }

        for (index, line) in lines(of: annotations).enumerated() {
            let lineNumber = index + 1
            if line.unicodeScalars.allSatisfy(\.properties.isWhitespace) { continue }
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
                    guard start >= 0, end >= 0 else {
                        throw FormatError(path, line: lineNumber, "span \(annotationID) has a negative offset (\(start < 0 ? start : end)); offsets count characters of the .txt from 0")
                    }
                    guard start < end else {
                        throw FormatError(path, line: lineNumber, start == end
                            ? "span \(annotationID) is empty (start and end are both \(start)); a span needs start < end"
                            : "span \(annotationID) is inverted: start \(start) is after end \(end); write the smaller offset first")
                    }
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
                let given = trimmingTrailingBlanks(fields[2])
                if expected != given && trimmingTrailingBlanks(flatten(expected)) != trimmingTrailingBlanks(flatten(given)) {
                    throw FormatError(path, line: lineNumber, "span \(annotationID) says \"\(given)\" but the text at its offsets is \"\(expected)\"; is the .txt the one this .ann was made for?")
                }
                let span = Span(start: fragments.first!.start, end: fragments.last!.end)
                let label = head[0]
                let unitID = UnitID(Names.identifier(annotationID, prefix: "T"))
                unitIndex[annotationID] = units.count
                // The type is set once the relations are read: a premise's depends on them.
                units.append(ArgumentUnit(id: unitID, type: .claim, span: span, fragments: fragments.count > 1 ? fragments : [],
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
                // brat names the roles; Arg1 is the source whichever comes first.
                if arguments[0].role == "Arg2" && arguments[1].role == "Arg1" { arguments.swapAt(0, 1) }
                pendingRelations.append((lineNumber, annotationID, parts[0], arguments))
            case "#":
                let parts = fields[1].split(separator: " ").map(String.init)
                if parts.count == 2, parts[0] == "AnnotatorNotes" {
                    pendingNotes.append((lineNumber, annotationID, parts[1], fields.count > 2 ? trimmingTrailingBlanks(fields[2]) : ""))
                } else {
                    properties.append(MetadataProperty(name: propertyPrefix + annotationID, value: fields.dropFirst().joined(separator: "\t")))
                }
            case "A", "M":
                let parts = fields[1].split(separator: " ").map(String.init)
                guard parts.count >= 2, parts.count <= 3 else {
                    throw FormatError(path, line: lineNumber, "attribute \(annotationID) needs NAME ID [VALUE]")
                }
                pendingAttributes.append((lineNumber, annotationID, parts[0], parts[1], parts.count == 3 ? parts[2] : nil, fields.dropFirst().joined(separator: "\t")))
            case "E", "N", "*":
                let what = kind == "E" ? "event" : kind == "N" ? "normalisation" : "equivalence"
                warn(lineNumber, "\(what) \(annotationID) has no argmark equivalent; kept verbatim as property \(propertyPrefix)\(annotationID) and written back on export to brat")
                properties.append(MetadataProperty(name: propertyPrefix + annotationID, value: fields.dropFirst().joined(separator: "\t")))
            default:
                throw FormatError(path, line: lineNumber, "unknown annotation kind \"\(annotationID)\"; brat ids start with T, R, A, M, E, N, # or are *")
            }
        }

        // Attributes: Stance, Target, Speaker and Proposition on a span become the unit's own
        // fields; any other attribute is kept verbatim.
        var targets: [StanceTarget] = []
        var speakers: [Speaker] = []
        var stanceLines: [Int: Int] = [:]
        for attribute in pendingAttributes {
            guard seen.contains(attribute.target) else {
                throw FormatError(path, line: attribute.line, "attribute \(attribute.id) refers to \(attribute.target), which is not an annotation of this file")
            }
            func keep() { properties.append(MetadataProperty(name: propertyPrefix + attribute.id, value: attribute.raw)) }
            guard let index = unitIndex[attribute.target], let value = attribute.value else { keep(); continue }
            switch attribute.name {
            case Attribute.stance:
                guard let stance = stanceValues[value.lowercased()] else {
                    warn(attribute.line, "Stance value \(value) of \(attribute.target) is not For, Against or Neutral; kept verbatim as property \(propertyPrefix)\(attribute.id)")
                    keep()
                    continue
                }
                units[index].stance = stance
                stanceLines[index] = attribute.line
            case Attribute.target where TargetID.isValid(value):
                units[index].target = TargetID(value)
            case Attribute.speaker where SpeakerID.isValid(value):
                units[index].speaker = SpeakerID(value)
                if !speakers.contains(where: { $0.id.rawValue == value }) { speakers.append(Speaker(id: SpeakerID(value), name: value.replacing("_", with: " "))) }
            case Attribute.proposition where PropositionID.isValid(value):
                units[index].proposition = PropositionID(value)
            default:
                keep()
            }
        }
        for index in units.indices {
            if units[index].stance != nil && units[index].target == nil {
                let target = defaultTarget(of: id)
                units[index].target = target.id
                if !targets.contains(target) { targets.append(target) }
            } else if units[index].target != nil && units[index].stance == nil {
                warn(stanceLines[index] ?? 0, "span \(units[index].sourceID ?? units[index].id.rawValue) has a Target attribute but no Stance; the target was left out (argmark needs both)")
                units[index].target = nil
            }
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
        let attacking = attackers(relations)
        for index in units.indices {
            units[index].type = unitType(label: units[index].sourceLabel ?? "", attacking: attacking.contains(units[index].id))
        }
        for note in pendingNotes {
            if let index = unitIndex[note.target] {
                units[index].note = units[index].note.map { $0 + "; " + note.note } ?? note.note
            } else if let index = relationIndex[note.target] {
                relations[index].note = relations[index].note.map { $0 + "; " + note.note } ?? note.note
            } else if seen.contains(note.target) {
                properties.append(MetadataProperty(name: propertyPrefix + note.id, value: "AnnotatorNotes \(note.target)\t\(note.note)"))
            } else {
                throw FormatError(path, line: note.line, "note \(note.id) refers to \(note.target), which is not an annotation of this file")
            }
        }
        let article = Article(id: id, metadata: ArticleMetadata(properties: properties), text: text, speakers: speakers, units: units, relations: relations)
        return ImportedDocument(article: article, targets: targets, warnings: warnings)
    }

    /// Text with line breaks and tabs as spaces, as brat writes it in the .ann text column.
    static func flatten(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }
}
