import ArgmarkCore

/// The named features of one candidate segment, sorted by name. Binary features have value 1;
/// absent features are left out.
public struct FeatureVector: Sendable, Equatable {
    public var values: [(name: String, value: Double)]

    public static func == (lhs: FeatureVector, rhs: FeatureVector) -> Bool {
        lhs.values.map(\.name) == rhs.values.map(\.name) && lhs.values.map(\.value) == rhs.values.map(\.value)
    }

    public var names: [String] { values.map(\.name) }
}

/// Computes the features of every segment of an article — the one implementation used both to
/// train the model (via `argmark suggest --dump-features`) and to apply it.
///
/// Feature families (each name's prefix says which):
/// - `bias`: always 1;
/// - `len:`: length in words, binned;
/// - `text:` and `par:`: position in the article and in the paragraph;
/// - `sent:`/`clause:`: the sentence's ending (`?`, `!`, none — headings and captions) and
///   whether the segment is a clause of a longer sentence;
/// - `qa:`: interview layout — a line that is a question, a line after a question, a `Q:` or
///   `NAME:` turn prefix;
/// - `lex:` + list name: the segment contains a word or phrase of a ``Lexicon`` list, and
///   `start:` + list name: it begins with one;
/// - `quote:`: inside a quotation, contains quotation marks;
/// - `prev:`/`next:`: a few of the same cues on the neighbouring segments of the paragraph.
public struct FeatureExtractor: Sendable {
    public var segmenter = Segmenter()

    public init() {}

    static let lists: [(name: String, words: [String])] = [
        ("contrast", Lexicon.contrast), ("conclusion", Lexicon.conclusion), ("reason", Lexicon.reason),
        ("evidence", Lexicon.evidence), ("rebuttal", Lexicon.rebuttal), ("opponents", Lexicon.opponents),
        ("view-verb", Lexicon.viewVerbs), ("speech-verb", Lexicon.speechVerbs), ("first-singular", Lexicon.firstPersonSingular),
        ("first-plural", Lexicon.firstPersonPlural), ("second-person", Lexicon.secondPerson), ("deontic", Lexicon.deontic),
        ("hedge", Lexicon.hedge), ("negation", Lexicon.negation), ("opinion", Lexicon.opinion),
    ]

    /// Segments of `text` with their features, in text order.
    public func extract(_ text: CodePointText, segments: [Segment]? = nil) -> [(segment: Segment, features: FeatureVector)] {
        let segments = segments ?? segmenter.segments(text)
        let paragraphs = segmenter.paragraphs(text)
        let words = segments.map { Words(text[$0.span]) }
        var result: [(Segment, FeatureVector)] = []
        for (index, segment) in segments.enumerated() {
            var features: [String: Double] = ["bias": 1]
            let own = words[index]
            let tokens = own.tokens.count
            features[tokens <= 3 ? "len:1-3" : tokens <= 8 ? "len:4-8" : tokens <= 20 ? "len:9-20" : tokens <= 40 ? "len:21-40" : "len:41+"] = 1

            // Position in the article.
            let relative = Double(segment.span.start) / Double(max(text.count, 1))
            features["text:fifth-\(min(Int(relative * 5), 4) + 1)"] = 1
            // Only relative position: "first paragraph" or "last paragraph" would mostly say how
            // long the text is (in a one-paragraph comment every segment is both), and text
            // length differs between the training corpora and news articles.

            // Position in the paragraph.
            let before = index > 0 && segments[index - 1].paragraph == segment.paragraph
            let after = index + 1 < segments.count && segments[index + 1].paragraph == segment.paragraph
            if !before { features["par:first"] = 1 }
            if !after { features["par:last"] = 1 }
            if !before && !after { features["par:alone"] = 1 }
            let paragraph = paragraphs[segment.paragraph]
            if paragraph.sentences.count == 1 { features["par:one-sentence"] = 1 }

            // The sentence's ending and the clause's place in it.
            let sentenceEnd = lastNonClosing(paragraph.sentences.first { $0.start <= segment.span.start && segment.span.start < $0.end } ?? segment.span, text)
            switch sentenceEnd {
            case "?": features["sent:question"] = 1
            case "!": features["sent:exclamation"] = 1
            case ".", "…": break
            default: features["sent:no-final-stop"] = 1
            }
            if segment.clausesInSentence > 1 {
                features[segment.clause == 0 ? "clause:first-of-several" : "clause:later"] = 1
            }

            // Interview layout.
            let paragraphWords = Words(text[paragraph.span])
            if lastNonClosing(paragraph.span, text) == "?" { features["qa:question-line"] = 1 }
            if segment.paragraph > 0, lastNonClosing(paragraphs[segment.paragraph - 1].span, text) == "?" { features["qa:after-question-line"] = 1 }
            if let first = paragraphWords.raw.first, first.hasSuffix(":") || first == "Q" || first == "A" || first == "Q." {
                features["qa:turn-prefix"] = 1
            }

            // Lexical cues.
            for list in Self.lists {
                if own.contains(any: list.words) { features["lex:\(list.name)"] = 1 }
                if own.starts(withAny: list.words) { features["start:\(list.name)"] = 1 }
            }
            if own.tokens.contains(where: { $0.unicodeScalars.contains { $0.properties.numericType != nil } }) { features["lex:digits"] = 1 }
            if own.raw.contains(where: { $0.contains("%") }) { features["lex:percent"] = 1 }
            if own.raw.contains(where: { $0.contains("http") || $0.contains("www.") || $0.contains("@") }) { features["lex:link-or-handle"] = 1 }

            // Quotations.
            if segment.insideQuotation { features["quote:inside"] = 1 }
            if text[segment.span].unicodeScalars.contains(where: { Lexicon.openingMarks.contains($0) || $0 == "”" }) { features["quote:has-marks"] = 1 }

            // Neighbours in the paragraph.
            if before {
                let previous = words[index - 1]
                if previous.contains(any: Lexicon.opponents) || previous.contains(any: Lexicon.viewVerbs) { features["prev:reported-view"] = 1 }
                if previous.contains(any: Lexicon.speechVerbs) { features["prev:speech-verb"] = 1 }
                if previous.contains(any: Lexicon.negation) { features["prev:negation"] = 1 }
            }
            if segment.paragraph > 0, !before {
                // The previous paragraph's last segment (answers often open a paragraph).
                if let previous = (0..<index).last(where: { segments[$0].paragraph == segment.paragraph - 1 }) {
                    if words[previous].contains(any: Lexicon.opponents) || words[previous].contains(any: Lexicon.viewVerbs) { features["prev:reported-view"] = 1 }
                }
            }
            if after, words[index + 1].starts(withAny: Lexicon.contrast) { features["next:starts-contrast"] = 1 }
            if after, words[index + 1].contains(any: Lexicon.reason) { features["next:reason"] = 1 }

            result.append((segment, FeatureVector(values: features.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })))
        }
        return result
    }

    /// The last character of `span` that is not a closing mark or space.
    func lastNonClosing(_ span: Span, _ text: CodePointText) -> Unicode.Scalar? {
        var index = span.end - 1
        while index >= span.start, Lexicon.closingMarks.contains(text.scalars[index]) || text.scalars[index].properties.isWhitespace { index -= 1 }
        return index >= span.start ? text.scalars[index] : nil
    }
}

/// A segment's words, lower-cased, for matching word lists on whole words.
struct Words {
    /// White-space separated pieces as written.
    var raw: [String]
    /// Lower-case words: letters, digits and inner apostrophes.
    var tokens: [String]
    /// `" w1 w2 … "`, for phrase search on word boundaries.
    var joined: String

    init(_ text: String) {
        raw = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        let lower = text.lowercased().unicodeScalars
        var previous: Unicode.Scalar?
        var iterator = lower.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            let next = iterator.next()
            let isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "#"
            let isInnerApostrophe = (scalar == "'" || scalar == "’") && previous.map { $0.properties.isAlphabetic } == true && next.map { $0.properties.isAlphabetic } == true
            if isWordCharacter || isInnerApostrophe {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
            previous = scalar
            pending = next
        }
        if !current.isEmpty { tokens.append(String(current)) }
        self.tokens = tokens
        joined = " " + tokens.joined(separator: " ") + " "
    }

    func contains(any phrases: [String]) -> Bool {
        phrases.contains { joined.contains(" \($0) ") }
    }

    func starts(withAny phrases: [String]) -> Bool {
        phrases.contains { joined.hasPrefix(" \($0) ") }
    }
}
