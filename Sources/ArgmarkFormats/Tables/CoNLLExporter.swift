import ArgmarkCore

/// Token classification data (`units.conll`): one `TOKEN<TAB>TAG` line per token, a blank line
/// after each sentence, BIO tags by unit type (`B-claim`, `I-claim`, `O`), as token-classification
/// trainers read them. Comment lines name the article and give each sentence's text and offsets.
///
/// Tokens are runs of letters, digits and marks (with `'`, `’` or `-` inside a word) or single
/// other characters; sentences end after `.`, `!`, `?` or `…` followed by a space, and at every
/// line break. A token belongs to a unit when it overlaps it; where units overlap, the shortest
/// wins (reported), and implicit units have no tokens (reported).
package enum CoNLLExporter {
    struct Token {
        var text: String
        var start: Int
        var end: Int
    }

    /// Tokens and sentences of `text` (code point offsets).
    static func sentences(of text: CodePointText) -> [[Token]] {
        var sentences: [[Token]] = []
        var current: [Token] = []
        let scalars = text.scalars
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" {
                if !current.isEmpty { sentences.append(current); current = [] }
                index += 1
                continue
            }
            if scalar.properties.isWhitespace {
                if let last = current.last, [".", "!", "?", "…"].contains(last.text) {
                    sentences.append(current)
                    current = []
                }
                index += 1
                continue
            }
            let start = index
            if isWordScalar(scalar) {
                index += 1
                while index < scalars.count {
                    if isWordScalar(scalars[index]) { index += 1; continue }
                    if ["'", "’", "-"].contains(scalars[index]), index + 1 < scalars.count, isWordScalar(scalars[index + 1]) { index += 2; continue }
                    break
                }
            } else {
                index += 1
            }
            current.append(Token(text: text[Span(start: start, end: index)], start: start, end: index))
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// The file for all `inputs`, and per input what the tags could not carry.
    package static func export(_ inputs: [ExportInput]) -> (file: ExportedFile, losses: [(path: String, losses: [ExportLoss])]) {
        var out = ""
        var allLosses: [(String, [ExportLoss])] = []
        for input in inputs {
            let article = input.article
            var losses = LossCollector()
            let text = CodePointText(article.text)
            // Pieces of every explicit unit, shortest first so the most specific unit wins a token.
            var pieces: [(span: Span, type: UnitType, unit: UnitID)] = []
            for unit in article.units {
                guard let span = unit.span else {
                    losses.add("implicit units (no tokens in the text)", id: unit.id.rawValue)
                    continue
                }
                if !unit.fragments.isEmpty { losses.add("discontinuous units (each piece starts with B-)", id: unit.id.rawValue) }
                for piece in unit.fragments.isEmpty ? [span] : unit.fragments { pieces.append((piece, unit.type, unit.id)) }
            }
            pieces.sort { ($0.span.length, $0.span.start, $0.unit.rawValue) < ($1.span.length, $1.span.start, $1.unit.rawValue) }
            var overlapped: Set<UnitID> = []
            out += "# article = \(article.id)\n"
            for (number, sentence) in sentences(of: text).enumerated() {
                guard let first = sentence.first, let last = sentence.last else { continue }
                out += "# sent_id = \(article.id)-\(number + 1)\n# offsets = \(first.start)-\(last.end)\n"
                var previous: (UnitID, Int)?
                for token in sentence {
                    let covering = pieces.filter { $0.span.start < token.end && token.start < $0.span.end }
                    guard let piece = covering.first else {
                        out += "\(token.text)\tO\n"
                        previous = nil
                        continue
                    }
                    for other in covering.dropFirst() where other.unit != piece.unit { overlapped.insert(other.unit) }
                    let continues = previous.map { $0.0 == piece.unit && $0.1 == piece.span.start } ?? false
                    out += "\(token.text)\t\(continues ? "I" : "B")-\(piece.type.rawValue)\n"
                    previous = (piece.unit, piece.span.start)
                }
                out += "\n"
            }
            for unit in overlapped.sorted() { losses.add("units overlapping a shorter unit (its tokens are tagged with the shorter one)", id: unit.rawValue) }
            losses.add("relations (CoNLL tags unit types only; the csv and jsonl formats have them)", count: article.relations.count)
            losses.add("units' speakers, stances or propositions (the csv and jsonl formats have them)",
                       count: article.units.filter { $0.stance != nil || $0.speaker != nil || $0.proposition != nil }.count)
            allLosses.append((input.path, losses.losses))
        }
        return (ExportedFile(name: "units.conll", text: out), allLosses)
    }
}
