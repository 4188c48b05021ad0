import ArgmarkCore

/// One candidate argument unit: a clause or sentence of the text, with where it sits.
package struct Segment: Sendable, Equatable {
    /// The code points of the segment, trimmed of surrounding white space.
    package var span: Span
    /// Index of the paragraph (a non-empty line of text) in the article, from 0.
    package var paragraph: Int
    /// Index of the sentence in the article, from 0.
    package var sentence: Int
    /// Index of the clause within its sentence, from 0.
    package var clause: Int
    /// How many clauses the sentence was cut into.
    package var clausesInSentence: Int
    /// Whether the segment lies inside a quotation (its start is within quotation marks).
    package var insideQuotation: Bool
}

/// What a model's segments are: clauses (sentences cut at semicolons, dashes, introduced
/// quotations and connectives) or whole sentences. `argmark train` tries both and keeps the one
/// that scores better on held-out folds: web discourse and microtexts units are often clauses,
/// Room for Debate premises whole sentences.
package enum Granularity: String, Sendable, CaseIterable {
    case clauses, sentences
}

/// A paragraph: one non-empty line, since news text puts one paragraph per line (and interviews
/// one turn per line).
package struct Paragraph: Sendable, Equatable {
    package var span: Span
    /// The sentences of the paragraph, in order.
    package var sentences: [Span]
}

/// Splits article text into paragraphs, sentences and clauses, in code points.
///
/// Rules, deliberately simple and predictable:
/// - a paragraph is a line; blank lines are skipped;
/// - a sentence ends at `.`, `!`, `?` or an ellipsis, plus any closing quotation marks or
///   brackets, when white space and then an upper-case letter, digit or opening quotation mark
///   follow (or the line ends); a `.` after a known abbreviation ("Dr.", "U.S.", "e.g.") or a
///   single initial does not end a sentence; a question that ends inside quotation marks followed
///   by a lower-case word (`“Why?” she asked`) does not either;
/// - a sentence is cut into clauses before `;`-separated parts, at ` — ` dashes, before a
///   quotation introduced by a comma or colon (`Burke tweeted, “…”`), and before connectives
///   that start a new proposition (`, but`, `, because`, `, although`, …), but only when both
///   sides keep at least ``minimumClauseTokens`` words (two for an attribution before a quotation).
package struct Segmenter: Sendable {
    package var minimumClauseTokens = 3

    package init() {}

    /// The paragraphs of `text` with their sentences.
    package func paragraphs(_ text: CodePointText) -> [Paragraph] {
        var result: [Paragraph] = []
        let scalars = text.scalars
        var lineStart = 0
        var index = 0
        while index <= scalars.count {
            if index == scalars.count || scalars[index] == "\n" || scalars[index] == "\r" || scalars[index] == "\u{2029}" {
                if let trimmed = trim(Span(start: lineStart, end: index), scalars) {
                    result.append(Paragraph(span: trimmed, sentences: sentences(in: trimmed, scalars)))
                }
                lineStart = index + 1
            }
            index += 1
        }
        return result
    }

    /// The segments of `text` at `granularity`, in text order.
    package func segments(_ text: CodePointText, granularity: Granularity) -> [Segment] {
        granularity == .clauses ? segments(text) : sentenceSegments(text)
    }

    /// Every clause of `text`, in text order.
    package func segments(_ text: CodePointText) -> [Segment] {
        let scalars = text.scalars
        let quoted = Quotations.find(scalars)
        var result: [Segment] = []
        var sentenceIndex = 0
        for (paragraphIndex, paragraph) in paragraphs(text).enumerated() {
            for sentence in paragraph.sentences {
                let clauses = self.clauses(in: sentence, scalars, quoted: quoted)
                for (clauseIndex, clause) in clauses.enumerated() {
                    result.append(Segment(span: clause, paragraph: paragraphIndex, sentence: sentenceIndex, clause: clauseIndex,
                                          clausesInSentence: clauses.count, insideQuotation: quoted.contains(firstWordOffset(clause, scalars))))
                }
                sentenceIndex += 1
            }
        }
        return result
    }

    /// Whole sentences as segments (the clause cuts left out): the baselines' units, and a
    /// model's segments at ``Granularity/sentences``.
    package func sentenceSegments(_ text: CodePointText) -> [Segment] {
        let quoted = Quotations.find(text.scalars)
        var result: [Segment] = []
        var sentenceIndex = 0
        for (paragraphIndex, paragraph) in paragraphs(text).enumerated() {
            for sentence in paragraph.sentences {
                result.append(Segment(span: sentence, paragraph: paragraphIndex, sentence: sentenceIndex, clause: 0,
                                      clausesInSentence: 1, insideQuotation: quoted.contains(firstWordOffset(sentence, text.scalars))))
                sentenceIndex += 1
            }
        }
        return result
    }

    // MARK: - Sentences

    func sentences(in line: Span, _ scalars: [Unicode.Scalar]) -> [Span] {
        var result: [Span] = []
        var start = line.start
        var index = line.start
        while index < line.end {
            let scalar = scalars[index]
            var end = -1
            if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" {
                end = index + 1
                // Runs such as "?!" or "..." end together.
                while end < line.end, [".", "!", "?", "…"].contains(scalars[end]) { end += 1 }
                while end < line.end, Lexicon.closingMarks.contains(scalars[end]) { end += 1 }
                if !endsSentence(terminal: index, after: end, line: line, scalars) { end = -1 }
            }
            if end > 0 {
                if let span = trim(Span(start: start, end: end), scalars) { result.append(span) }
                start = end
                index = end
            } else {
                index += 1
            }
        }
        if let span = trim(Span(start: start, end: line.end), scalars) { result.append(span) }
        return result
    }

    /// Whether the terminal mark at `terminal` (its run and closing marks ending at `after`) ends a sentence.
    func endsSentence(terminal: Int, after: Int, line: Span, _ scalars: [Unicode.Scalar]) -> Bool {
        guard after < line.end else { return true }
        guard scalars[after].properties.isWhitespace else { return false }
        var next = after
        while next < line.end, scalars[next].properties.isWhitespace { next += 1 }
        guard next < line.end else { return true }
        let following = scalars[next]
        let startsSentence = following.properties.isUppercase || following.properties.numericType != nil
            || Lexicon.openingMarks.contains(following) || following == "(" || following == "#" || following == "@"
        guard startsSentence else { return false }
        if scalars[terminal] == "." && after == terminal + 1 {
            // The word before the full stop: an abbreviation or an initial does not end a sentence.
            var wordStart = terminal
            while wordStart > line.start, !scalars[wordStart - 1].properties.isWhitespace, !Lexicon.openingMarks.contains(scalars[wordStart - 1]), scalars[wordStart - 1] != "(" {
                wordStart -= 1
            }
            let word = String(String.UnicodeScalarView(scalars[wordStart..<terminal])).lowercased()
            if Lexicon.abbreviations.contains(word) { return false }
            if (word == "no" || word == "nos"), following.properties.numericType != nil { return false }
            let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
            if letters.count == 1 && word.unicodeScalars.count == 1 && scalars[wordStart].properties.isUppercase { return false }
            // "U.S", "e.g", "a.m": letters separated by dots.
            if word.contains("."), word.split(separator: ".").allSatisfy({ $0.count <= 2 }) { return false }
        }
        return true
    }

    // MARK: - Clauses

    func clauses(in sentence: Span, _ scalars: [Unicode.Scalar], quoted: Quotations) -> [Span] {
        // Each cut with the fewest words either side must keep (an attribution before a quotation
        // may be two words: "Burke said, “…”").
        var cuts: [(offset: Int, minimum: Int)] = []
        var index = sentence.start + 1
        while index < sentence.end {
            let scalar = scalars[index]
            if scalar == ";" {
                cuts.append((index + 1, minimumClauseTokens))
            } else if (scalar == "—" || scalar == "–"), index > sentence.start, scalars[index - 1] == " " {
                cuts.append((index, minimumClauseTokens))
            } else if Lexicon.openingMarks.contains(scalar), index >= sentence.start + 2, scalars[index - 1] == " ", scalars[index - 2] == "," || scalars[index - 2] == ":" {
                cuts.append((index, 2))
            } else if scalar == ",", let cut = connectiveCut(after: index, in: sentence, scalars) {
                cuts.append((cut, minimumClauseTokens))
            }
            index += 1
        }
        guard !cuts.isEmpty else { return trim(sentence, scalars).map { [$0] } ?? [] }
        // Tokens starting before each offset of the sentence, so that counting the words either
        // side of a cut costs nothing and a long sentence with many commas stays linear.
        var tokensBefore = [Int](repeating: 0, count: sentence.length + 1)
        for index in sentence.start..<sentence.end {
            let startsToken = !scalars[index].properties.isWhitespace && (index == sentence.start || scalars[index - 1].properties.isWhitespace)
            tokensBefore[index - sentence.start + 1] = tokensBefore[index - sentence.start] + (startsToken ? 1 : 0)
        }
        func tokens(_ span: Span) -> Int {
            // A token cut through at span.start still counts once.
            let first = span.start > sentence.start && !scalars[span.start].properties.isWhitespace && !scalars[span.start - 1].properties.isWhitespace ? 1 : 0
            return tokensBefore[span.end - sentence.start] - tokensBefore[span.start - sentence.start] + first
        }
        var result: [Span] = []
        var start = sentence.start
        for (cut, minimum) in cuts {
            guard let left = trim(Span(start: start, end: cut), scalars), let right = trim(Span(start: cut, end: sentence.end), scalars),
                  tokens(left) >= minimum, tokens(right) >= minimum else { continue }
            result.append(left)
            start = cut
        }
        if let last = trim(Span(start: start, end: sentence.end), scalars) { result.append(last) }
        return result
    }

    /// After a comma: the offset where a connective starting a new clause begins, if one follows.
    func connectiveCut(after comma: Int, in sentence: Span, _ scalars: [Unicode.Scalar]) -> Int? {
        var start = comma + 1
        while start < sentence.end, scalars[start] == " " { start += 1 }
        var end = start
        while end < sentence.end, scalars[end].properties.isAlphabetic { end += 1 }
        guard end > start, end < sentence.end, scalars[end] == " " || scalars[end] == "," else { return nil }
        let word = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
        return Lexicon.clauseConnectives.contains(word) ? start : nil
    }

    /// The first offset of `span` after any opening quotation marks, so that a segment that
    /// opens with “ counts as inside the quotation it opens.
    func firstWordOffset(_ span: Span, _ scalars: [Unicode.Scalar]) -> Int {
        var offset = span.start
        while offset < span.end - 1, Lexicon.openingMarks.contains(scalars[offset]) { offset += 1 }
        return offset
    }

    func tokenCount(_ span: Span, _ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var inToken = false
        for index in span.start..<span.end {
            let white = scalars[index].properties.isWhitespace
            if !white && !inToken { count += 1 }
            inToken = !white
        }
        return count
    }

    func trim(_ span: Span, _ scalars: [Unicode.Scalar]) -> Span? {
        var start = span.start, end = span.end
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return start < end ? Span(start: start, end: end) : nil
    }
}
