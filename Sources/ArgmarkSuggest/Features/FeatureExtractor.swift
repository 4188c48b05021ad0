import ArgmarkCore

/// The named features of one candidate segment, sorted by name. Binary features have value 1;
/// absent features are left out.
package struct FeatureVector: Sendable, Equatable {
    package var values: [(name: String, value: Double)]

    package static func == (lhs: FeatureVector, rhs: FeatureVector) -> Bool {
        lhs.values.map(\.name) == rhs.values.map(\.name) && lhs.values.map(\.value) == rhs.values.map(\.value)
    }

    package var names: [String] { values.map(\.name) }
}

/// Computes the features of every segment of an article — the one implementation used both to
/// train the model (`argmark train`) and to apply it.
///
/// Feature families (each name's prefix says which):
/// - `bias`: always 1;
/// - `len:` and `slen:`: length in words of the segment and of its sentence, binned;
///   `doc:`: the text's length in sentences;
/// - `text:` and `par:`: position in the article and in the paragraph; `sent:index-` and
///   `sent:from-end-`: the sentence's place counted from either end;
/// - `sent:`/`clause:`: the sentence's ending (`?`, `!`, none — headings and captions) and
///   whether the segment is a clause of a longer sentence;
/// - `qa:`: interview layout — a line that is a question, a line after a question, a `Q:` or
///   `NAME:` turn prefix;
/// - `lex:` + list name: the segment contains a word or phrase of a ``Lexicon`` list, and
///   `start:` + list name: it begins with one;
/// - `quote:`: inside a quotation, contains quotation marks;
/// - `prev:`/`next:`: a few of the same cues on the neighbouring segments of the paragraph.
package struct FeatureExtractor: Sendable {
    package var segmenter = Segmenter()

    package init() {}

    static let lists: [(name: String, words: [String])] = [
        ("contrast", Lexicon.contrast), ("conclusion", Lexicon.conclusion), ("reason", Lexicon.reason),
        ("evidence", Lexicon.evidence), ("rebuttal", Lexicon.rebuttal), ("opponents", Lexicon.opponents),
        ("view-verb", Lexicon.viewVerbs), ("speech-verb", Lexicon.speechVerbs), ("first-singular", Lexicon.firstPersonSingular),
        ("first-plural", Lexicon.firstPersonPlural), ("second-person", Lexicon.secondPerson), ("deontic", Lexicon.deontic),
        ("hedge", Lexicon.hedge), ("negation", Lexicon.negation), ("opinion", Lexicon.opinion),
    ]

    static let phraseLists = lists.map { PhraseList($0.words) }

    /// Segments of `text` with their features, in text order. `genre` (the article's, if known)
    /// adds a `genre:` feature and genre-specific copies of the layout features (`G|…`), so one
    /// model can learn that essays and comments are laid out differently.
    ///
    /// Linear in the length of the text: everything about a paragraph or sentence is computed
    /// once, not once per segment.
    package func extract(_ text: CodePointText, genre: Genre? = nil, segments: [Segment]? = nil) -> [(segment: Segment, features: FeatureVector)] {
        let segments = segments ?? segmenter.segments(text)
        let paragraphs = segmenter.paragraphs(text)
        let words = segments.map { Words(text[$0.span]) }
        let sentenceSpans = paragraphs.flatMap(\.sentences)
        let paragraphEnds = paragraphs.map { lastNonClosing($0.span, text) }
        let paragraphOpensWithTurn = paragraphs.map { paragraph -> Bool in
            guard let first = Self.firstPiece(of: paragraph.span, text) else { return false }
            return first.hasSuffix(":") || first == "Q" || first == "A" || first == "Q."
        }
        let paragraphCount = paragraphs.count
        // The article-wide index of each paragraph's first sentence.
        var firstSentence: [Int] = []
        var sentencesSoFar = 0
        for paragraph in paragraphs {
            firstSentence.append(sentencesSoFar)
            sentencesSoFar += paragraph.sentences.count
        }
        let sentenceLengths = sentenceSpans.map { segmenter.tokenCount($0, text.scalars) }
        let documentBin = Self.documentBin(sentenceSpans.count)
        var result: [(Segment, FeatureVector)] = []
        result.reserveCapacity(segments.count)
        for (index, segment) in segments.enumerated() {
            var features: [String: Double] = ["bias": 1]
            var layout: [String] = ["bias"]
            func add(_ name: String, layoutFeature: Bool = false) {
                features[name] = 1
                if layoutFeature { layout.append(name) }
            }
            let own = words[index]
            let tokens = own.tokens.count
            // Length, of the segment and of its sentence, in fine bins: on comments the length
            // of a sentence says more about whether it is a premise than its words do.
            add("len:" + Self.lengthBin(tokens), layoutFeature: true)
            if segment.sentence < sentenceLengths.count { add("slen:" + Self.lengthBin(sentenceLengths[segment.sentence]), layoutFeature: true) }
            add("doc:sentences-" + documentBin, layoutFeature: true)
            // The sentence's place counted from either end of the text (a comment's first
            // sentence often states its stance, its last one a conclusion or an appeal).
            let fromEnd = sentenceSpans.count - 1 - segment.sentence
            add("sent:index-" + (segment.sentence < 3 ? String(segment.sentence) : "3+"), layoutFeature: true)
            add("sent:from-end-" + (fromEnd < 2 ? String(fromEnd) : "2+"), layoutFeature: true)

            // Position in the article.
            let relative = Double(segment.span.start) / Double(max(text.count, 1))
            add("text:fifth-\(min(Int(relative * 5), 4) + 1)", layoutFeature: true)

            // Position in the paragraph.
            let before = index > 0 && segments[index - 1].paragraph == segment.paragraph
            let after = index + 1 < segments.count && segments[index + 1].paragraph == segment.paragraph
            if !before { add("par:first", layoutFeature: true) }
            if !after { add("par:last", layoutFeature: true) }
            if !before && !after { add("par:alone", layoutFeature: true) }
            let paragraph = paragraphs[segment.paragraph]
            if paragraph.sentences.count == 1 { add("par:one-sentence") }

            // Essay layout: which paragraph (introduction, body, conclusion) and where in it the
            // sentence stands: a thesis closes the introduction and opens the conclusion, a main
            // claim opens each body paragraph.
            if paragraphCount >= 3 {
                let role = segment.paragraph == 0 ? "intro" : segment.paragraph == paragraphCount - 1 ? "conclusion" : "body"
                let sentenceInParagraph = segment.sentence - firstSentence[segment.paragraph]
                let place = paragraph.sentences.count == 1 ? "only" : sentenceInParagraph == 0 ? "first" : sentenceInParagraph == paragraph.sentences.count - 1 ? "last" : "middle"
                add("essay:\(role)-\(place)-sentence", layoutFeature: true)
            }

            // The sentence's ending and the clause's place in it.
            let sentenceEnd = lastNonClosing(segment.sentence < sentenceSpans.count ? sentenceSpans[segment.sentence] : segment.span, text)
            switch sentenceEnd {
            case "?": add("sent:question", layoutFeature: true)
            case "!": add("sent:exclamation")
            case ".", "…": break
            default: add("sent:no-final-stop", layoutFeature: true)
            }
            if segment.clausesInSentence > 1 {
                add(segment.clause == 0 ? "clause:first-of-several" : "clause:later", layoutFeature: true)
            }

            // Interview layout.
            if paragraphEnds[segment.paragraph] == "?" { add("qa:question-line") }
            if segment.paragraph > 0, paragraphEnds[segment.paragraph - 1] == "?" { add("qa:after-question-line") }
            if paragraphOpensWithTurn[segment.paragraph] { add("qa:turn-prefix") }

            // Lexical cues.
            for (list, phrases) in zip(Self.lists, Self.phraseLists) {
                if own.contains(any: phrases) { add("lex:\(list.name)") }
                if own.starts(withAny: phrases) { add("start:\(list.name)") }
            }
            if own.tokens.contains(where: { $0.unicodeScalars.contains { $0.properties.numericType != nil } }) { add("lex:digits") }
            if own.raw.contains(where: { $0.contains("%") }) { add("lex:percent") }
            if own.raw.contains(where: { $0.contains("http") || $0.contains("www.") || $0.contains("@") }) { add("lex:link-or-handle") }

            // Quotations.
            if segment.insideQuotation { add("quote:inside") }
            if text.scalars[segment.span.start..<segment.span.end].contains(where: { Lexicon.openingMarks.contains($0) || $0 == "”" }) { add("quote:has-marks") }

            // Words: unigrams, bigrams, the opening and closing words, and character 4-grams
            // (which catch inflections and misspellings the word features miss).
            for token in own.tokens { add("w:" + token) }
            for (first, second) in zip(own.tokens, own.tokens.dropFirst()) { add("b:" + first + " " + second) }
            if let first = own.tokens.first {
                add("first:" + first)
                if own.tokens.count > 1 { add("first2:" + first + " " + own.tokens[1]) }
            }
            if let last = own.tokens.last { add("last:" + last) }
            let characters = Array(own.joined.unicodeScalars)
            if characters.count >= 4 {
                for start in 0...(characters.count - 4) {
                    var gram = String.UnicodeScalarView()
                    gram.append(contentsOf: characters[start..<(start + 4)])
                    add("c:" + String(gram))
                }
            }

            // Neighbours in the paragraph.
            if before {
                let previous = words[index - 1]
                if previous.contains(any: Lexicon.opponents) || previous.contains(any: Lexicon.viewVerbs) { add("prev:reported-view") }
                if previous.contains(any: Lexicon.speechVerbs) { add("prev:speech-verb") }
                if previous.contains(any: Lexicon.negation) { add("prev:negation") }
                if let first = previous.tokens.first { add("prev-first:" + first) }
            }
            if segment.paragraph > 0, !before, index > 0, segments[index - 1].paragraph == segment.paragraph - 1 {
                // The previous paragraph's last segment (answers often open a paragraph).
                if words[index - 1].contains(any: Lexicon.opponents) || words[index - 1].contains(any: Lexicon.viewVerbs) { add("prev:reported-view") }
            }
            if after, words[index + 1].starts(withAny: Lexicon.contrast) { add("next:starts-contrast") }
            if after, words[index + 1].contains(any: Lexicon.reason) { add("next:reason") }
            if after, let first = words[index + 1].tokens.first { add("next-first:" + first) }

            if let genre {
                features["genre:" + genre.rawValue] = 1
                for name in layout { features[genre.rawValue + "|" + name] = 1 }
            }
            result.append((segment, FeatureVector(values: features.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })))
        }
        return result
    }

    /// A length in words, binned.
    static func lengthBin(_ words: Int) -> String {
        let bounds: [(Int, String)] = [(3, "1-3"), (6, "4-6"), (9, "7-9"), (14, "10-14"), (19, "15-19"), (24, "20-24"), (29, "25-29"), (39, "30-39"), (59, "40-59")]
        return bounds.first { words <= $0.0 }?.1 ?? "60+"
    }

    /// A text's length in sentences, binned.
    static func documentBin(_ sentences: Int) -> String {
        let bounds: [(Int, String)] = [(1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (15, "9-15"), (30, "16-30")]
        return bounds.first { sentences <= $0.0 }?.1 ?? "31+"
    }

    /// The first white-space separated piece of `span`, looked for without reading the rest.
    static func firstPiece(of span: Span, _ text: CodePointText) -> String? {
        var start = span.start
        while start < span.end, text.scalars[start].properties.isWhitespace { start += 1 }
        var end = start
        while end < span.end, !text.scalars[end].properties.isWhitespace { end += 1 }
        return start < end ? text[Span(start: start, end: end)] : nil
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
        contains(any: PhraseList.cached(phrases))
    }

    func starts(withAny phrases: [String]) -> Bool {
        starts(withAny: PhraseList.cached(phrases))
    }

    /// Whether a phrase of `list` occurs as whole words: a set lookup per word, and the
    /// multi-word phrases only where their first word occurs (string search was the hot spot).
    func contains(any list: PhraseList) -> Bool {
        for (index, token) in tokens.enumerated() {
            if list.single.contains(token) { return true }
            if let phrases = list.multiByFirst[token], phrases.contains(where: { matches($0, at: index) }) { return true }
        }
        return false
    }

    func starts(withAny list: PhraseList) -> Bool {
        guard let first = tokens.first else { return false }
        return list.single.contains(first) || (list.multiByFirst[first]?.contains { matches($0, at: 0) } ?? false)
    }

    private func matches(_ phrase: [String], at index: Int) -> Bool {
        index + phrase.count <= tokens.count && zip(phrase, tokens[index...]).allSatisfy { $0 == $1 }
    }
}

/// A word list prepared for matching on whole words.
struct PhraseList: Sendable {
    let single: Set<String>
    let multiByFirst: [String: [[String]]]

    init(_ phrases: [String]) {
        var single = Set<String>()
        var multi: [String: [[String]]] = [:]
        for phrase in phrases {
            let words = Words(phrase).tokens
            if words.count == 1 { single.insert(words[0]) } else if let first = words.first { multi[first, default: []].append(words) }
        }
        self.single = single
        multiByFirst = multi
    }

    /// The lists of ``Lexicon``, prepared once.
    private static let prepared: [[String]: PhraseList] = {
        var table: [[String]: PhraseList] = [:]
        for list in FeatureExtractor.lists { table[list.words] = PhraseList(list.words) }
        table[Lexicon.speechVerbs] = PhraseList(Lexicon.speechVerbs)
        table[Lexicon.negation] = PhraseList(Lexicon.negation)
        return table
    }()

    static func cached(_ phrases: [String]) -> PhraseList { prepared[phrases] ?? PhraseList(phrases) }
}
