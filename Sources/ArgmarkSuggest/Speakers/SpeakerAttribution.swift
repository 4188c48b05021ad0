import ArgmarkCore

/// Who says a candidate unit, guessed from the text around it.
///
/// - Inside a quotation: the name next to a verb of speech just before the opening mark
///   (`As my friend Tarana Burke eloquently tweeted, “…`) or just after the closing one
///   (`…,” Burke said.`). A declared speaker matches when the name equals theirs or shares its
///   last word (`Burke` → Tarana Burke); a full name (two or more capitalised words) that
///   matches no one becomes a new speaker, with the role ``newSpeakerRole``.
/// - In an interview turn that opens with `NAME:`, the declared speaker of that name.
/// - In an interview without such prefixes (exactly one speaker whose role starts with
///   `interviewer` and one with `interviewee`): from the first paragraph whose first sentence is
///   a question on, question paragraphs are the interviewer's and the paragraphs after them the
///   interviewee's (see ``interviewTurns(_:text:speakers:)``).
/// - Anywhere else: the article's author, when exactly one speaker has a role starting with
///   `author`.
package struct SpeakerAttribution: Sendable {
    /// The role given to speakers that `argmark suggest` adds; `accept` turns it into `quoted`,
    /// `reject` removes such a speaker once no unit refers to it.
    package static let newSpeakerRole = Speaker.suggestedRole
    /// How far from a quotation mark (in code points) the attribution is looked for.
    static let window = 90
    /// Capitalised words that start sentences or name no one.
    static let notNames: Set<String> = [
        "As", "The", "A", "An", "In", "On", "At", "But", "And", "Or", "So", "He", "She", "They", "It", "I", "We",
        "My", "Our", "His", "Her", "Their", "This", "That", "These", "Those", "When", "While", "If", "Then",
        "According", "After", "Before", "Yet", "Still", "Also", "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.",
        "Twitter", "Instagram", "Facebook", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Speaking", "Writing", "Asked", "Later", "Now", "Today", "Yesterday", "There", "What", "Why", "How", "Who",
    ]

    /// A named person found in the text, and the declared speaker it matches, if any.
    package struct Attribution: Sendable, Equatable {
        package var name: String
        package var speaker: SpeakerID?
    }

    package init() {}

    /// The speaker of `segment`: a declared one, or a name to declare. `turn` is the speaker of
    /// the segment's paragraph in an interview, if known.
    package func attribute(_ segment: Segment, text: CodePointText, quotations: Quotations, paragraph: Span, speakers: [Speaker], turn: SpeakerID? = nil) -> Attribution? {
        if segment.insideQuotation, let region = quotations.region(containing: Segmenter().firstWordOffset(segment.span, text.scalars)) {
            let beforeStart = max(paragraph.start, region.start - 1 - Self.window)
            let before = beforeStart < region.start - 1 ? text[Span(start: beforeStart, end: region.start - 1)] : ""
            let afterEnd = min(paragraph.end, region.end + 1 + Self.window)
            let after = region.end + 1 < afterEnd ? text[Span(start: region.end + 1, end: afterEnd)] : ""
            // The clause right after the quotation, up to the end of its sentence.
            let afterClause = String(after.prefix { $0 != "." && $0 != "“" && $0 != "\"" })
            let beforeClause = String(before.reversed().prefix { $0 != "." && $0 != "”" && $0 != "\"" }.reversed())
            for window in [afterClause, beforeClause] {
                guard Words(window).contains(any: Lexicon.speechVerbs) else { continue }
                let names = Self.names(in: window)
                if let match = names.lazy.compactMap({ self.match($0, speakers) }).first { return Attribution(name: match.name, speaker: match.id) }
                if let full = names.first(where: { $0.split(separator: " ").count >= 2 }) { return Attribution(name: full, speaker: nil) }
            }
            return nil
        }
        // Only the opening words matter; reading the whole paragraph per segment would make a
        // long one-paragraph text quadratic.
        let line = Self.openingPieces(of: paragraph, text, count: 3)
        if let colon = line.prefix(3).firstIndex(where: { $0.hasSuffix(":") }) {
            // An interview turn: "BURKE:" or "Tarana Burke:" (up to three words before the colon).
            let name = line[...colon].joined(separator: " ").trimmingCharacters(in: ":")
            if let speaker = match(name, speakers) ?? match(name.capitalizedWords, speakers) { return Attribution(name: speaker.name, speaker: speaker.id) }
        }
        if let turn, let speaker = speakers.first(where: { $0.id == turn }) { return Attribution(name: speaker.name, speaker: turn) }
        let authors = speakers.filter { $0.role?.lowercased().hasPrefix("author") == true }
        if authors.count == 1 { return Attribution(name: authors[0].name, speaker: authors[0].id) }
        return nil
    }

    /// Up to `count` white-space separated pieces at the start of `span`.
    static func openingPieces(of span: Span, _ text: CodePointText, count: Int) -> [String] {
        var pieces: [String] = []
        var index = span.start
        while pieces.count < count, index < span.end {
            while index < span.end, text.scalars[index].properties.isWhitespace { index += 1 }
            let start = index
            while index < span.end, !text.scalars[index].properties.isWhitespace { index += 1 }
            if start < index { pieces.append(text[Span(start: start, end: index)]) }
        }
        return pieces
    }

    /// Who speaks each paragraph of an interview that marks turns only by questions: `nil` for
    /// every paragraph unless the article declares exactly one interviewer and one interviewee
    /// (by role); then nothing before the first paragraph whose first sentence ends with `?`,
    /// the interviewer for such paragraphs, and the interviewee for the paragraphs after them.
    package func interviewTurns(_ paragraphs: [Paragraph], text: CodePointText, speakers: [Speaker]) -> [SpeakerID?] {
        func only(_ prefix: String) -> SpeakerID? {
            let found = speakers.filter { $0.role?.lowercased().hasPrefix(prefix) == true }
            return found.count == 1 ? found[0].id : nil
        }
        var turns = [SpeakerID?](repeating: nil, count: paragraphs.count)
        guard let interviewer = only("interviewer"), let interviewee = only("interviewee") else { return turns }
        var started = false
        for (index, paragraph) in paragraphs.enumerated() {
            guard let first = paragraph.sentences.first else { continue }
            var end = first.end - 1
            while end > first.start, Lexicon.closingMarks.contains(text.scalars[end]) { end -= 1 }
            if text.scalars[end] == "?" {
                started = true
                turns[index] = interviewer
            } else if started {
                turns[index] = interviewee
            }
        }
        return turns
    }

    /// The declared speaker `name` refers to: the same name, or the same last word.
    func match(_ name: String, _ speakers: [Speaker]) -> Speaker? {
        guard !name.isEmpty else { return nil }
        if let exact = speakers.first(where: { $0.name == name }) { return exact }
        guard let last = name.split(separator: " ").last else { return nil }
        let matching = speakers.filter { $0.name.split(separator: " ").last == last }
        return matching.count == 1 ? matching[0] : nil
    }

    /// Words after which a name is the one spoken to, not the speaker ("She told David Axelrod").
    static let addresseeMarkers: Set<String> = ["told", "tells", "asked", "asks", "to", "interviewed", "telling", "asking"]

    /// Runs of capitalised words in `text`, in order, leaving out addressees.
    static func names(in text: String) -> [String] {
        var result: [String] = []
        var current: [String] = []
        var addressee = false
        var previous = ""
        func flush() {
            if !current.isEmpty, !addressee { result.append(current.joined(separator: " ")) }
            current = []
        }
        for piece in text.split(whereSeparator: { $0.isWhitespace }) {
            defer { previous = String(piece).lowercased() }
            if current.isEmpty { addressee = addresseeMarkers.contains(previous) }
            let word = String(piece).trimmingCharacters(in: ",;:“”\"‘’()")
            let possessive = word.hasSuffix("’s") || word.hasSuffix("'s")
            let bare = possessive ? String(word.dropLast(2)) : word
            if let first = bare.unicodeScalars.first, first.properties.isUppercase, bare.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "." }), !notNames.contains(bare) {
                current.append(bare)
                if possessive || piece.hasSuffix(",") { flush() }
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// A speaker id for `name`: lower-case words joined by `-`, unique among `taken`.
    package static func newID(for name: String, taken: Set<String>) -> SpeakerID {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty || !(slug.unicodeScalars.first!.properties.isAlphabetic) { slug = "speaker" + (slug.isEmpty ? "" : "-" + slug) }
        var candidate = slug
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        return SpeakerID(candidate)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let marks = Set(set.unicodeScalars)
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, marks.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, marks.contains(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// "BURKE" → "Burke", word by word.
    var capitalizedWords: String {
        split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}
