/// Moves an article's units onto a corrected version of its text.
///
/// Each unit is described as a ``TextQuoteSelector`` of the old text (its quote plus up to
/// `contextLength` code points on each side) and looked for in the new text:
/// 1. where its quote occurs exactly. One occurrence is taken as it is — unless the quote
///    occurred several times in the old text, when the surrounding text must show that this
///    occurrence is the unit's own and not one of the others. Several occurrences: the one whose
///    surroundings are closest (fewest edits) to the old ones wins; a tie is an orphan.
/// 2. otherwise, approximately: the passage with the fewest edits from the quote, accepted only
///    if its similarity (1 − edits ÷ longer length, in code points) is at least
///    `minimumSimilarity`. Ties are broken by the surroundings; a remaining tie is an orphan.
/// A unit found neither way is an orphan; what happens to orphans is the caller's choice
/// (``OrphanPolicy``), never silent.
package enum Reanchor {
    /// What to do with units that cannot be placed on the new text.
    package enum OrphanPolicy: String, Sendable, CaseIterable {
        /// Change nothing and report them (the default).
        case refuse
        /// Keep them as implicit units (no span; the old quote as their paraphrase) with a note.
        case keep
        /// Remove them, with the relations from and to them, and report what was removed.
        case drop
    }

    package struct Options: Sendable {
        /// The lowest similarity an approximate match may have; 0.8 by default.
        package var minimumSimilarity: Double
        /// Code points of context taken on each side of a quote; 32 by default.
        package var contextLength: Int
        package var orphans: OrphanPolicy

        package init(minimumSimilarity: Double = defaultMinimumSimilarity, contextLength: Int = 32, orphans: OrphanPolicy = .refuse) {
            self.minimumSimilarity = minimumSimilarity
            self.contextLength = contextLength
            self.orphans = orphans
        }

        package static let defaultMinimumSimilarity = 0.8
    }

    /// How a unit was found again.
    package enum Method: String, Sendable {
        /// Its quote occurs once in the new text (or its context picked one occurrence).
        case exact
        /// Its quote was edited; the closest passage is similar enough.
        case approximate
    }

    package struct Placement: Sendable, Equatable {
        package var unit: UnitID
        package var old: Span
        package var new: Span
        package var method: Method
        /// 1 for an exact match.
        package var similarity: Double
        /// The new text at `new` (differs from the old quote for an approximate match).
        package var quote: String
    }

    package struct Orphan: Sendable, Equatable {
        package var unit: UnitID
        package var old: Span
        package var quote: String
        /// Lowercase, e.g. `its text is not in the new text (closest passage 41% similar, below 80%)`.
        package var reason: String
        /// What would place it.
        package var remedies: [Remedy] = []
    }

    package struct Plan: Sendable {
        package var placements: [Placement]
        package var orphans: [Orphan]
    }

    package struct Outcome: Sendable {
        package var plan: Plan
        /// What `drop` removed (units and the relations that referred to them).
        package var removal: ArticleEdits.Removal
    }

    /// Where every unit of `article` goes in `newText`; changes nothing.
    package static func plan(_ article: Article, newText: String, options: Options = Options()) -> Plan {
        let old = CodePointText(article.text)
        let new = CodePointText(newText)
        var placements: [Placement] = []
        var orphans: [Orphan] = []
        for unit in article.units {
            guard let span = unit.span, old.contains(span), span.start < span.end else { continue }
            let selector = TextQuoteSelector(span: span, in: old, contextLength: options.contextLength)
            switch locate(selector, oldSpan: span, old: old, new: new, options: options) {
            case .failure(let failure):
                orphans.append(Orphan(unit: unit.id, old: span, quote: old[span], reason: failure.reason, remedies: failure.remedies))
            case .success(let (found, method, similarity)):
                if !unit.fragments.isEmpty, relocateFragments(unit.fragments, from: span, to: found, old: old, new: new) == nil {
                    orphans.append(Orphan(unit: unit.id, old: span, quote: old[span], reason: "it is discontinuous and its pieces changed", remedies: [.annotateAgain]))
                    continue
                }
                placements.append(Placement(unit: unit.id, old: span, new: found, method: method, similarity: similarity, quote: new[found]))
            }
        }
        return Plan(placements: placements, orphans: orphans)
    }

    /// Replaces `article`'s text with `newText` and moves its units; orphans are handled by
    /// `options.orphans` (with `.refuse`, the caller should not write when there are orphans).
    /// `previousDigest` is the digest the orphans' notes name (by default, that of the article's text).
    package static func apply(_ plan: Plan, newText: String, to article: inout Article, options: Options = Options(), path: String,
                             previousDigest: String? = nil) throws(EditError) -> Outcome {
        let old = CodePointText(article.text)
        let new = CodePointText(newText)
        let oldDigest = previousDigest ?? article.textDigest
        var placementsByUnit: [UnitID: Placement] = [:]
        for placement in plan.placements { placementsByUnit[placement.unit] = placement }
        let orphaned = Set(plan.orphans.map(\.unit))
        for index in article.units.indices {
            let unit = article.units[index]
            if let placement = placementsByUnit[unit.id], let span = unit.span {
                article.units[index].fragments = unit.fragments.isEmpty ? [] : (relocateFragments(unit.fragments, from: span, to: placement.new, old: old, new: new) ?? [])
                article.units[index].span = placement.new
                article.units[index].quote = placement.quote
            } else if orphaned.contains(unit.id), options.orphans == .keep, let span = unit.span {
                let remark = "orphaned by argmark reanchor: was at \(span.start)-\(span.end) of the text with digest \(oldDigest.prefix(12))"
                article.units[index].note = unit.note.map { "\($0); \(remark)" } ?? remark
                article.units[index].span = nil
                article.units[index].fragments = []
            }
        }
        article.text = newText
        var removal = ArticleEdits.Removal()
        if options.orphans == .drop {
            for orphan in plan.orphans where article.unit(orphan.unit) != nil {
                let removed = try ArticleEdits.remove(orphan.unit.rawValue, cascade: true, from: &article, path: path)
                removal.units += removed.units
                removal.relations += removed.relations
            }
        }
        return Outcome(plan: plan, removal: removal)
    }

    // MARK: - Finding one passage

    static func locate(_ selector: TextQuoteSelector, oldSpan: Span, old: CodePointText, new: CodePointText,
                       options: Options) -> Result<(Span, Method, Double), ReasonError> {
        let exactHits = occurrences(of: selector.exact, in: new.scalars, limit: 10_000)
        if !exactHits.isEmpty {
            // Which of the old text's occurrences of this quote is the unit's own?
            let oldHits = occurrences(of: selector.exact, in: old.scalars, limit: 10_000)
            if exactHits.count == 1 && oldHits.count <= 1 {
                return .success((exactHits[0], .exact, 1))
            }
            // Each new occurrence is compared with each old one: bounded, so a unit on a word that
            // occurs thousands of times cannot take hours.
            guard exactHits.count * max(1, oldHits.count) <= 20_000 else {
                return .failure(ReasonError("its text occurs \(exactHits.count) times in the new text (and \(oldHits.count) in the old), too often to tell which is its own", remedies: [.placeByOffsets]))
            }
            let oldSelectors = oldHits.map { TextQuoteSelector(span: $0, in: old, contextLength: options.contextLength) }
            var candidates: [(span: Span, distance: Int)] = []
            for hit in exactHits {
                let distance = contextDistance(selector, at: hit, in: new)
                // An occurrence whose surroundings are closer to another old occurrence's belongs to that one.
                let closestOther = oldSelectors.enumerated()
                    .filter { oldHits[$0.offset] != oldSpan }
                    .map { contextDistance($0.element, at: hit, in: new) }.min() ?? Int.max
                if distance <= closestOther { candidates.append((hit, distance)) }
            }
            if let chosen = unique(candidates) { return .success((chosen, .exact, 1)) }
            if candidates.count > 1 {
                return .failure(ReasonError("its text occurs \(exactHits.count) times in the new text and the surrounding text does not tell which is its own (at \(candidates.map { "\($0.span)" }.joined(separator: ", ")))", remedies: [.placeByOffsets]))
            }
            // Every occurrence belongs to another unit's passage: this one's was edited; look approximately.
        }
        // Exact occurrences that belong to other passages stay theirs in the approximate search too.
        return approximate(selector, new: new, options: options, claimed: exactHits)
    }

    private static func approximate(_ selector: TextQuoteSelector, new: CodePointText, options: Options, claimed: [Span]) -> Result<(Span, Method, Double), ReasonError> {
        let pattern = selector.exact
        let m = pattern.count
        // Aligning a quote costs its length squared; units are sentences or paragraphs, so a
        // quote longer than this is not matched approximately (it would take minutes).
        guard m <= maximumApproximateLength else {
            return .failure(ReasonError("its text (\(m) code points) changed, and quotes longer than \(maximumApproximateLength) code points are only matched exactly", remedies: [.placeByOffsets]))
        }
        let maximum = Int((1 - options.minimumSimilarity) * Double(m))
        let text = new.scalars
        // Search only around places where a piece of the quote or its context survived; with
        // no survivor, scan the whole text if that is affordable.
        var windows: [Range<Int>] = []
        let piece = max(4, min(16, m / 3))
        func addWindow(_ lower: Int, _ upper: Int) {
            let range = max(0, lower)..<min(text.count, upper)
            if !range.isEmpty { windows.append(range) }
        }
        if selector.prefix.count >= 4 {
            for hit in occurrences(of: Array(selector.prefix.suffix(16)), in: text, limit: 50) { addWindow(hit.end - maximum, hit.end + m + maximum) }
        }
        if selector.suffix.count >= 4 {
            for hit in occurrences(of: Array(selector.suffix.prefix(16)), in: text, limit: 50) { addWindow(hit.start - m - maximum, hit.start + maximum) }
        }
        if m >= 8 {
            for hit in occurrences(of: Array(pattern.prefix(piece)), in: text, limit: 50) { addWindow(hit.start - maximum, hit.start + m + maximum) }
            for hit in occurrences(of: Array(pattern.suffix(piece)), in: text, limit: 50) { addWindow(hit.end - m - maximum, hit.end + maximum) }
        }
        if windows.isEmpty && (maximum + 1) * text.count <= 50_000_000 { windows = [0..<text.count] }
        windows.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for window in windows {
            if let last = merged.last, window.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
            } else {
                merged.append(window)
            }
        }
        var candidates: [(span: Span, similarity: Double, context: Int)] = []
        var seen: Set<Span> = []
        // Only the ends with the fewest edits are refined (each refinement is an alignment of
        // the quote and its context); a text that repeats the passage many times cannot make
        // this quadratic in the number of repetitions.
        let ends = merged.flatMap { EditDistance.approximateEnds(of: pattern, in: text, window: $0, maximum: maximum) }.filter { match in
            !claimed.contains { $0.overlaps(Span(start: max(0, match.end - m), end: match.end)) }
        }
        let fewest = ends.map(\.distance).min() ?? 0
        let closest = ends.filter { $0.distance == fewest }
        if closest.count > 10 {
            return .failure(ReasonError("\(closest.count) passages of the new text are equally close to it, and the surrounding text cannot be compared for so many", remedies: [.placeByOffsets]))
        }
        for (end, _) in closest {
            let rough = EditDistance.bestStart(of: pattern, endingAt: end, in: text, maximum: maximum)
            // Let the surrounding text set the exact boundaries: an edit distance alone would
            // happily cut a word in half to save an edit.
            let around = max(0, rough.start - selector.prefix.count - maximum - 8)..<min(text.count, end + selector.suffix.count + maximum + 8)
            var span = EditDistance.quoteBounds(of: selector, in: text, window: around) ?? Span(start: rough.start, end: end)
            guard span.start < span.end, seen.insert(span).inserted, !claimed.contains(where: span.overlaps) else { continue }
            var similarity = EditDistance.similarity(pattern[...], text[span.start..<span.end])
            // A unit that began and ended on word boundaries still does: never half a word.
            let whole = wholeWords(span, selector: selector, in: text)
            if whole != span {
                let wholeSimilarity = EditDistance.similarity(pattern[...], text[whole.start..<whole.end])
                if wholeSimilarity >= options.minimumSimilarity { (span, similarity) = (whole, wholeSimilarity) }
            }
            guard similarity >= options.minimumSimilarity else { continue }
            candidates.append((span, similarity, contextDistance(selector, at: span, in: new)))
        }
        let threshold = percent(options.minimumSimilarity)
        guard let bestSimilarity = candidates.map(\.similarity).max() else {
            let elsewhere = claimed.isEmpty ? "" : "its text occurs only where other passages of the old text were; "
            return .failure(ReasonError("\(elsewhere)no passage of the new text is at least \(threshold) similar to it (was its text deleted?)"))
        }
        let best = candidates.filter { $0.similarity == bestSimilarity }
        if let chosen = unique(best.map { ($0.span, $0.context) }) {
            return .success((chosen, .approximate, bestSimilarity))
        }
        return .failure(ReasonError("\(best.count) passages of the new text are equally similar to it (\(percent(bestSimilarity))) and the surrounding text does not tell them apart"))
    }

    /// `span` widened to whole words where it cuts one and the quote did not: the quote's first
    /// (last) code point is a letter or digit and the text before (after) it in the old text was not.
    static func wholeWords(_ span: Span, selector: TextQuoteSelector, in text: [Unicode.Scalar]) -> Span {
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        var result = span
        if let first = selector.exact.first, isWord(first), !(selector.prefix.last.map(isWord) ?? false) {
            while result.start > 0, isWord(text[result.start - 1]), isWord(text[result.start]) { result.start -= 1 }
        }
        if let last = selector.exact.last, isWord(last), !(selector.suffix.first.map(isWord) ?? false) {
            while result.end < text.count, isWord(text[result.end]), isWord(text[result.end - 1]) { result.end += 1 }
        }
        return result
    }

    /// The longest quote matched approximately.
    static let maximumApproximateLength = 2000

    /// The candidate with strictly the smallest distance, if there is one.
    private static func unique(_ candidates: [(span: Span, distance: Int)]) -> Span? {
        guard let smallest = candidates.map(\.distance).min() else { return nil }
        let best = candidates.filter { $0.distance == smallest }
        return best.count == 1 ? best[0].span : nil
    }

    /// Edits between the selector's prefix and suffix and the text around `span`.
    static func contextDistance(_ selector: TextQuoteSelector, at span: Span, in text: CodePointText) -> Int {
        let before = text.scalars[max(0, span.start - selector.prefix.count)..<span.start]
        let after = text.scalars[span.end..<min(text.count, span.end + selector.suffix.count)]
        return EditDistance.between(selector.prefix[...], before) + EditDistance.between(selector.suffix[...], after)
    }

    /// Exact occurrences of `needle` in `haystack`, at most `limit`.
    static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], limit: Int) -> [Span] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Span] = []
        let first = needle[0]
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count {
                    result.append(Span(start: start, end: start + needle.count))
                    if result.count >= limit { break }
                }
            }
            start += 1
        }
        return result
    }

    /// The fragments of a discontinuous unit on its new span: shifted when the quote is
    /// unchanged, otherwise each piece found again in order inside the new span; `nil` if not.
    static func relocateFragments(_ fragments: [Span], from old: Span, to new: Span, old oldText: CodePointText, new newText: CodePointText) -> [Span]? {
        if oldText[old] == newText[new] {
            return fragments.map { Span(start: $0.start - old.start + new.start, end: $0.end - old.start + new.start) }
        }
        var result: [Span] = []
        var from = new.start
        for (index, fragment) in fragments.enumerated() {
            let piece = Array(oldText.scalars[fragment.start..<fragment.end])
            let window = Array(newText.scalars[from..<new.end])
            guard let hit = occurrences(of: piece, in: window, limit: 1).first else { return nil }
            var placed = Span(start: from + hit.start, end: from + hit.end)
            // The pieces must still begin and finish the span.
            if index == 0 && placed.start != new.start { return nil }
            if index == fragments.count - 1 {
                guard placed.end == new.end || newText.scalars[placed.start..<new.end].elementsEqual(piece) else { return nil }
                placed = Span(start: new.end - piece.count, end: new.end)
                guard placed.start >= from else { return nil }
            }
            result.append(placed)
            from = placed.end
        }
        return result
    }

    /// `0.937` as `93%` (rounded down, so a value shown as 80% is never below 0.8).
    package static func percent(_ value: Double) -> String {
        NumberText.percent(value, rounding: .down)
    }
}

/// A reason, as a lowercase phrase, that a unit could not be placed.
struct ReasonError: Error {
    var reason: String
    var remedies: [Remedy]
    init(_ reason: String, remedies: [Remedy] = []) {
        self.reason = reason
        self.remedies = remedies
    }
}

extension Reanchor {
    /// `argmark reanchor`: moves the units of the article at `path` onto the text of the file
    /// `textPath`, under the editor's lock, validated, atomically. With ``OrphanPolicy/refuse``
    /// and any orphan, throws and writes nothing; the message lists each orphan and why.
    package static func reanchor(_ path: String, textPath: String, options: Options = Options()) throws(EditError) -> ArticleEditor.Outcome<Outcome> {
        try ArticleEditor.requireFile(textPath, creation: .passCorrectedText)
        let newText = try ArticleFactory.decodeText(try ArticleEditor.read(textPath), path: textPath)
        return try ArticleEditor.edit(path) { (article, _) throws(EditError) -> Outcome in
            let plan = Self.plan(article, newText: newText, options: options)
            try refuseOrphans(plan, options: options, path: path)
            return try apply(plan, newText: newText, to: &article, options: options, path: path)
        }
    }

    /// With ``OrphanPolicy/refuse``, any orphan stops the command; the message lists each one.
    static func refuseOrphans(_ plan: Plan, options: Options, path: String) throws(EditError) {
        guard !plan.orphans.isEmpty && options.orphans == .refuse else { return }
        let count = plan.orphans.count
        let unplaced = plan.orphans.map { orphan in
            UnplacedUnit(unit: orphan.unit.rawValue, start: orphan.old.start, end: orphan.old.end, quote: SemanticRules.abbreviate(orphan.quote), reason: orphan.reason, remedies: orphan.remedies)
        }
        throw EditError(.refused, "\(count) \(count == 1 ? "unit" : "units") could not be placed on the new text, so nothing was written", at: SourceLocation(path: path),
                        rule: .orphans, facts: [.unplacedUnits(unplaced)], remedies: [.chooseOrphanPolicy])
    }

    /// Where every unit goes when the text inside the file was edited (so its digest no longer
    /// matches) and the old text is gone: a unit whose quote is still at its offsets stays; any
    /// other is found by its quote alone — one exact occurrence, or the most similar passage
    /// above the threshold. With no surrounding text to compare, a quote that now occurs
    /// several times is an orphan.
    package static func planInPlace(_ article: Article, options: Options = Options()) -> Plan {
        let text = CodePointText(article.text)
        var placements: [Placement] = []
        var orphans: [Orphan] = []
        for unit in article.units {
            guard let span = unit.span else { continue }
            if text.contains(span), span.start < span.end, text.matches(unit.quote, at: span) {
                placements.append(Placement(unit: unit.id, old: span, new: span, method: .exact, similarity: 1, quote: unit.quote))
                continue
            }
            let selector = TextQuoteSelector(exact: Array(unit.quote.unicodeScalars), prefix: [], suffix: [])
            guard !selector.exact.isEmpty, unit.fragments.isEmpty else {
                orphans.append(Orphan(unit: unit.id, old: span, quote: unit.quote, reason: unit.fragments.isEmpty ? "it has no quote to look for" : "it is discontinuous and its text changed", remedies: unit.fragments.isEmpty ? [] : [.annotateAgain]))
                continue
            }
            let hits = occurrences(of: selector.exact, in: text.scalars, limit: 10_000)
            if hits.count == 1 {
                placements.append(Placement(unit: unit.id, old: span, new: hits[0], method: .exact, similarity: 1, quote: unit.quote))
            } else if hits.count > 1 {
                orphans.append(Orphan(unit: unit.id, old: span, quote: unit.quote, reason: "its quote occurs \(hits.count) times in the edited text, and with the old text gone nothing tells which is its own", remedies: [.reanchorFromOriginalText, .placeByOffsets]))
            } else {
                switch approximate(selector, new: text, options: options, claimed: []) {
                case .success(let (found, method, similarity)):
                    placements.append(Placement(unit: unit.id, old: span, new: found, method: method, similarity: similarity, quote: text[found]))
                case .failure(let failure):
                    orphans.append(Orphan(unit: unit.id, old: span, quote: unit.quote, reason: failure.reason, remedies: failure.remedies))
                }
            }
        }
        return Plan(placements: placements, orphans: orphans)
    }

    /// `argmark reanchor FILE` without `--text`: repairs a file whose text was edited in place
    /// (the digest no longer matches), with ``planInPlace(_:options:)``. Refuses files with any
    /// other error; does nothing (`changed` false) when the text still matches its digest.
    package static func reanchorInPlace(_ path: String, options: Options = Options(), validator: Validator = Validator()) throws(EditError) -> ArticleEditor.Outcome<Outcome> {
        try ArticleEditor.requireFile(path, creation: .createArticle)
        let (outcome, committed) = try ArticleEditor.commit([path], validator: validator) { () throws(EditError) -> (Outcome, [ArticleEditor.Staged]) in
            let corpus = try ArticleEditor.loadCorpus(besides: path, validator: validator)
            let original = try ArticleEditor.read(path)
            let (document, diagnostics) = validator.validate(bytes: original, path: path, corpus: corpus)
            guard case .article(let decoded)? = document else {
                throw EditError(.refused, "\(FileSystem.baseName(of: path)) cannot be read as an argmark article; fix it first", at: SourceLocation(path: path), diagnostics: diagnostics.filter { $0.severity == .error }, rule: .invalidFile, remedies: [.validate(path: path)])
            }
            let errors = diagnostics.filter { $0.severity == .error }
            let repairable: Set<RuleID> = [.digestMismatch, .quoteMismatch, .spanRange]
            let others = errors.filter { !repairable.contains($0.rule) }
            guard others.isEmpty else {
                throw EditError(.refused, "\(FileSystem.baseName(of: path)) has errors reanchor cannot repair; fix them first", at: SourceLocation(path: path), diagnostics: others)
            }
            let empty = Outcome(plan: Plan(placements: [], orphans: []), removal: ArticleEdits.Removal())
            guard errors.contains(where: { $0.rule == .digestMismatch }) else {
                guard errors.isEmpty else {
                    throw EditError(.refused, "the text matches its digest, so it was not edited: the units' quotes or offsets were", at: SourceLocation(path: path), diagnostics: errors, rule: .invalidFile, remedies: [.fixUnits])
                }
                return (empty, [ArticleEditor.Staged(path: path, bytes: original, original: original, corpus: corpus)])
            }
            var article = decoded.article
            let plan = planInPlace(article, options: options)
            try refuseOrphans(plan, options: options, path: path)
            let outcome = try apply(plan, newText: article.text, to: &article, options: options, path: path, previousDigest: decoded.storedDigest)
            // The original has the errors this repairs, so the result is not compared with it.
            return (outcome, [ArticleEditor.Staged(path: path, bytes: try ArticleEditor.encode(article, path: path), original: original,
                                                   corpus: corpus, compareWithOriginal: false)])
        }
        return ArticleEditor.Outcome(value: outcome, warnings: committed[0].warnings, changed: committed[0].changed, digest: committed[0].digest)
    }
}
