import ArgmarkCore
import Dispatch

/// Settings of the shared-text finder.
package struct SharedTextOptions: Sendable, Equatable {
    /// Words per shingle: two texts must share this many consecutive words to be compared at all.
    package var shingleWords: Int
    /// Shortest passage reported, in matched words.
    package var minimumWords: Int
    /// Shingles found in more sources than this are boilerplate (station footers, stock phrases)
    /// and are ignored; this cap also keeps the work linear in the size of the corpus.
    package var maximumSourcesPerShingle: Int
    /// Words that may be inserted or dropped inside a passage without splitting it.
    package var maximumGapWords: Int
    /// Each source keeps at most this many partners (those it shares most words with), so that a
    /// corpus of texts on one prompt cannot make the findings grow with the square of its size.
    package var maximumPartnersPerSource: Int
    /// The report lists at most this many pairs, those with the longest shared passages.
    package var maximumPairs: Int
    /// Pairs of sources the matching may put side by side, per source in the corpus (see
    /// ``SharedTextFinder``): keeps the work linear in the size of the corpus.
    package var pairBudgetPerSource: Int
    /// The budget for small corpora, where every shingle up to `maximumSourcesPerShingle` is used.
    package var minimumPairBudget: Int

    package init(shingleWords: Int = 5, minimumWords: Int = 8, maximumSourcesPerShingle: Int = 25, maximumGapWords: Int = 4,
                maximumPartnersPerSource: Int = 20, maximumPairs: Int = 1000,
                pairBudgetPerSource: Int = 64, minimumPairBudget: Int = 100_000) {
        self.shingleWords = max(1, shingleWords)
        self.minimumWords = max(1, minimumWords)
        self.maximumSourcesPerShingle = max(2, maximumSourcesPerShingle)
        self.maximumGapWords = max(0, maximumGapWords)
        self.maximumPartnersPerSource = max(1, maximumPartnersPerSource)
        self.maximumPairs = max(1, maximumPairs)
        self.pairBudgetPerSource = max(1, pairBudgetPerSource)
        self.minimumPairBudget = max(0, minimumPairBudget)
    }
}

/// One side of a shared passage.
package struct PassageSide: Sendable {
    package var source: Int
    /// Code-point offsets in the source's text, half-open.
    package var span: Span
    package var text: String
    /// Units whose span overlaps the passage.
    package var units: [UnitID]
}

/// A passage that two sources share, word for word or nearly.
package struct SharedPassage: Sendable {
    package var a: PassageSide
    package var b: PassageSide
    /// Words of `a` covered by shingles that `b` also has.
    package var matchedWords: Int
    /// `matchedWords` over the longer side's word count: 1 for a verbatim copy.
    package var similarity: Double
    /// Declared propositions carried by units on both sides.
    package var propositions: [PropositionID]
}

/// What two sources share.
package struct SourcePairOverlap: Sendable {
    package var a: Int
    package var b: Int
    /// Passages in the order they appear in `a`.
    package var passages: [SharedPassage]
    package var wordsA: Int
    package var wordsB: Int
    /// Words of `a` (of `b`) inside some shared passage.
    package var sharedWordsA: Int
    package var sharedWordsB: Int
    package var coverageA: Double { wordsA == 0 ? 0 : Double(sharedWordsA) / Double(wordsA) }
    package var coverageB: Double { wordsB == 0 ? 0 : Double(sharedWordsB) / Double(wordsB) }
    package var longestPassageWords: Int { passages.map(\.matchedWords).max() ?? 0 }
}

/// Everything the shared-text finder found.
package struct SharedTextFindings: Sendable {
    package var options: SharedTextOptions
    /// Pairs of sources with at least one passage, sorted by source indexes.
    package var pairs: [SourcePairOverlap]
    /// Distinct shingles skipped because too many sources have them.
    package var commonShinglesSkipped: Int
    /// Pairs with a shared passage that were left out by the partner and pair limits.
    package var pairsOmitted: Int
    /// The most sources a shingle could have and still be matched in this corpus: the
    /// `maximumSourcesPerShingle` setting, or less where the work budget stopped lower.
    package var effectiveMaximumSourcesPerShingle: Int
}

/// A text cut into normalised words, each with its code-point range.
struct WordSequence: Sendable {
    /// A hash of each word's normalised form (case folded, apostrophes dropped).
    var words: [UInt64] = []
    var starts: [Int32] = []
    var ends: [Int32] = []

    /// Words are runs of letters and digits. Case is folded, apostrophes inside words are dropped
    /// (so "don’t" and "don't" match), and all other punctuation, quotes and spacing only separate
    /// words, so typographic differences between two copies do not hide the copying.
    /// Without `offsets`, only the words are kept (`starts` and `ends` stay empty): the matching
    /// needs the words of every source, the offsets are needed only for the sources of the pairs
    /// reported, and they are two thirds of the sequence's memory.
    init<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars, offsets: Bool = true) {
        keepsOffsets = offsets
        var hash: UInt64 = 0
        var start = -1
        var lastWordScalar = -1
        // One scalar of look-ahead (is an apostrophe inside a word?), so any sequence will do and
        // no array of the text's scalars is made.
        var iterator = scalars.makeIterator()
        var next = iterator.next()
        var index = 0
        while let scalar = next {
            next = iterator.next()
            defer { index += 1 }
            if Self.isWordScalar(scalar) {
                if start < 0 {
                    start = index
                    hash = 0xcbf2_9ce4_8422_2325
                }
                Self.fold(scalar, into: &hash)
                lastWordScalar = index
            } else if start >= 0, Self.isApostrophe(scalar), let following = next, Self.isWordScalar(following) {
                continue
            } else if start >= 0 {
                append(hash, start, lastWordScalar + 1)
                start = -1
            }
        }
        if start >= 0 { append(hash, start, lastWordScalar + 1) }
    }

    private let keepsOffsets: Bool

    private mutating func append(_ hash: UInt64, _ start: Int, _ end: Int) {
        words.append(hash)
        guard keepsOffsets else { return }
        starts.append(Int32(start))
        ends.append(Int32(end))
    }

    var count: Int { words.count }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    static func fold(_ scalar: Unicode.Scalar, into hash: inout UInt64) {
        if scalar.isASCII {
            var value = scalar.value
            if (0x41...0x5A).contains(value) { value += 0x20 }
            hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3
        } else {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                hash = (hash ^ UInt64(lower.value)) &* 0x100_0000_01b3
            }
        }
    }
}

/// Finds passages that sources share, through an inverted index of word shingles.
///
/// Every source's shingles (runs of `shingleWords` words) go into one index sorted by shingle;
/// only sources that meet in the index are compared, so the work grows with the corpus and with
/// the amount of shared text, not with the number of pairs of sources. A shingle that more than
/// `maximumSourcesPerShingle` sources have is skipped as boilerplate, which bounds the pairs any
/// one shingle can produce.
enum SharedTextFinder {
    static func find(in sources: [SharedTextSource], options: SharedTextOptions) -> SharedTextFindings {
        let size = options.shingleWords
        var sequences = [WordSequence](repeating: WordSequence(EmptyCollection<Unicode.Scalar>()), count: sources.count)
        sequences.withUnsafeMutableBufferPointer { sequenceBuffer in
            let sequenceSlots = UnsafeSlots(sequenceBuffer)
            DispatchQueue.concurrentPerform(iterations: sources.count) { index in
                sequenceSlots.buffer[index] = WordSequence(sources[index].text.unicodeScalars, offsets: false)
            }
        }
        let shingleCounts = sequences.map { max(0, $0.count - size + 1) }

        // The index: (shingle hash, source, position), sorted by hash. A sorted array keeps memory
        // predictable for millions of shingles where a dictionary of arrays would not. The
        // shingles are hashed from the words twice (to size the hash ranges, then to place each
        // entry in its range) rather than kept in a second array of every shingle.
        var index = sortedIndex(count: shingleCounts.reduce(0, +)) { emit in
            for (source, sequence) in sequences.enumerated() where shingleCounts[source] > 0 {
                for position in 0..<shingleCounts[source] {
                    emit((shingleHash(sequence.words, position, size), UInt64(source) << 32 | UInt64(position)))
                }
            }
        }

        // Groups of equal shingles, with how many sources each has.
        // Only groups that two to `maximumSourcesPerShingle` sources share are kept (most shingles
        // are in one source only); Int32 halves these arrays.
        var groupStarts: [Int32] = []
        var groupEnds: [Int32] = []
        var groupSources: [Int32] = []
        var commonSkipped = 0
        var entry = 0
        while entry < index.count {
            var end = entry + 1
            var sources = 1
            while end < index.count, index[end].hash == index[entry].hash {
                if index[end].location >> 32 != index[end - 1].location >> 32 { sources += 1 }
                end += 1
            }
            if sources > options.maximumSourcesPerShingle {
                commonSkipped += 1
            } else if sources >= 2 {
                groupStarts.append(Int32(entry))
                groupEnds.append(Int32(end))
                groupSources.append(Int32(sources))
            }
            entry = end
        }
        // The work budget: shingles are admitted from the rarest up (those two sources share
        // first) while the pairs of sources they put side by side stay within a budget linear in
        // the corpus. In a few articles every shingle up to `maximumSourcesPerShingle` is
        // admitted; in thousands of essays on one prompt, the moderately common phrases that
        // would make the work grow with the square of the corpus are left out, and the level
        // reached is reported.
        var groupsAtLevel = [Int](repeating: 0, count: options.maximumSourcesPerShingle + 1)
        for sources in groupSources { groupsAtLevel[Int(sources)] += 1 }
        let admitted = admittedLevel(groupsBySources: groupsAtLevel, sources: sources.count, options: options)
        for count in groupSources where count > admitted { commonSkipped += 1 }
        let effective = {
            var adjusted = options
            adjusted.maximumSourcesPerShingle = admitted
            return adjusted
        }()

        // Source by source (in parallel), each with its own small table of matches: memory is
        // bounded by one source's matches, however many pairs of sources share text.
        var found = [(kept: [PairCandidate], total: Int)](repeating: ([], 0), count: sources.count)
        // Each shingle of each source is told its group once, by one pass over the index; looking
        // groups up by hash from every position (a binary search over millions of groups) cost
        // more than everything else in a corpus-wide report, through cache misses.
        // The admitted groups' entries, in a new index of their own; the index of every shingle
        // is let go before the per-source tables are made.
        var matchedIndex: [IndexEntry] = []
        var matchedStarts: [Int32] = []
        for group in groupSources.indices where groupSources[group] <= admitted {
            matchedStarts.append(Int32(matchedIndex.count))
            matchedIndex += index[Int(groupStarts[group])..<Int(groupEnds[group])]
        }
        matchedStarts.append(Int32(matchedIndex.count))
        index = []
        groupStarts = []
        groupEnds = []
        groupSources = []
        var groupOf = shingleCounts.map { [Int32](repeating: -1, count: $0) }
        for group in 0..<(matchedStarts.count - 1) {
            for entry in Int(matchedStarts[group])..<Int(matchedStarts[group + 1]) {
                let location = matchedIndex[entry].location
                groupOf[Int(location >> 32)][Int(location & 0xFFFF_FFFF)] = Int32(group)
            }
        }
        let shared = SharedIndex(index: matchedIndex, groupStarts: matchedStarts)
        let allGroups = groupOf
        groupOf = []
        let allSequences = sequences
        found.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: sources.count) { source in
                slots.buffer[source] = candidates(for: source, groups: allGroups[source], sequences: allSequences, shared: shared, options: effective)
            }
        }

        sequences = []
        let all = strongest(found.flatMap(\.kept), options: options)
        let total = found.reduce(0) { $0 + $1.total }
        return findings(all, total: total, sources: { sources[$0] }, options: options, commonSkipped: commonSkipped, admitted: admitted)
    }

    /// The level of the work budget: shingles are admitted from the rarest up while the pairs
    /// of sources they put side by side stay within a budget linear in the number of sources.
    /// It depends only on how many groups of equal shingles each number of sources has
    /// (`groupsBySources[k]`, for k up to `maximumSourcesPerShingle`), so that counts made
    /// apart (one hash range each, ``ShingleRangeIndex``) and summed give the level of the whole.
    static func admittedLevel(groupsBySources: [Int], sources: Int, options: SharedTextOptions) -> Int {
        let budget = max(options.minimumPairBudget, options.pairBudgetPerSource * sources)
        func pairs(_ level: Int) -> Int { level < groupsBySources.count ? groupsBySources[level] * (level * (level - 1) / 2) : 0 }
        var admitted = 2
        var spent = pairs(2)
        while admitted < options.maximumSourcesPerShingle, spent + pairs(admitted + 1) <= budget {
            admitted += 1
            spent += pairs(admitted)
        }
        return admitted
    }

    /// The pairs the report lists: the `maximumPairs` strongest, by source indexes.
    static func strongest(_ candidates: [PairCandidate], options: SharedTextOptions) -> [PairCandidate] {
        var all = candidates
        if all.count > options.maximumPairs {
            all.sort { ($0.longestWords, $0.sharedWordsA, -$0.a, -$0.b) > ($1.longestWords, $1.sharedWordsA, -$1.a, -$1.b) }
            all.removeLast(all.count - options.maximumPairs)
        }
        all.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        return all
    }

    /// The findings for the pairs listed (`all`, from ``strongest(_:options:)``): only their
    /// sources (`source(index)`) are read, for the passages' offsets, texts and units.
    static func findings(_ all: [PairCandidate], total: Int, sources: (Int) -> SharedTextSource, options: SharedTextOptions,
                         commonSkipped: Int, admitted: Int) -> SharedTextFindings {
        // The word offsets of the sources in the reported pairs only.
        var located: [Int: (sequence: WordSequence, source: SharedTextSource)] = [:]
        for index in Set(all.flatMap { [$0.a, $0.b] }) {
            let source = sources(index)
            located[index] = (WordSequence(source.text.unicodeScalars), source)
        }
        var pairs: [SourcePairOverlap] = []
        for candidate in all {
            let a = candidate.a, b = candidate.b
            let (sequenceA, sourceA) = located[a]!, (sequenceB, sourceB) = located[b]!
            var passagesFound: [SharedPassage] = []
            for found in candidate.passages {
                let spanA = Span(start: Int(sequenceA.starts[found.startA]), end: Int(sequenceA.ends[found.endA - 1]))
                let spanB = Span(start: Int(sequenceB.starts[found.startB]), end: Int(sequenceB.ends[found.endB - 1]))
                let unitsA = overlapping(sourceA, spanA)
                let unitsB = overlapping(sourceB, spanB)
                let propositionsA = Set(unitsA.compactMap(\.proposition))
                let propositions = Set(unitsB.compactMap(\.proposition)).intersection(propositionsA).sorted()
                let longer = max(found.endA - found.startA, found.endB - found.startB)
                passagesFound.append(SharedPassage(
                    a: PassageSide(source: a, span: spanA, text: passageText(sourceA.text, spanA), units: unitsA.map(\.id)),
                    b: PassageSide(source: b, span: spanB, text: passageText(sourceB.text, spanB), units: unitsB.map(\.id)),
                    matchedWords: found.matched,
                    similarity: Double(found.matched) / Double(max(longer, 1)),
                    propositions: propositions
                ))
            }
            pairs.append(SourcePairOverlap(
                a: a, b: b, passages: passagesFound,
                wordsA: sequenceA.count, wordsB: sequenceB.count,
                sharedWordsA: candidate.sharedWordsA, sharedWordsB: candidate.sharedWordsB
            ))
        }
        return SharedTextFindings(options: options, pairs: pairs, commonShinglesSkipped: commonSkipped, pairsOmitted: total - pairs.count,
                                  effectiveMaximumSourcesPerShingle: admitted)
    }

    typealias IndexEntry = (hash: UInt64, location: UInt64)

    /// The entries `forEach` gives (it is called twice and must give the same entries both
    /// times), sorted by hash, entries with equal hashes in the order given (by source, then
    /// position). The entries are first placed by the top 4 bits of their hash into 16 ranges of
    /// one array, in order; each range is then sorted by a least-significant-digit radix sort
    /// (linear in the number of shingles, where a comparison sort was the largest single cost of
    /// a corpus-wide report) through a scratch buffer the size of one range, so the peak is the
    /// index and a sixteenth of it, not two copies of it.
    static func sortedIndex(count: Int, _ forEach: ((IndexEntry) -> Void) -> Void) -> [IndexEntry] {
        let shift: UInt64 = 60
        var rangeStarts = [Int](repeating: 0, count: 17)
        forEach { entry in rangeStarts[Int(entry.hash >> shift) + 1] += 1 }
        for range in 0..<16 { rangeStarts[range + 1] += rangeStarts[range] }
        precondition(rangeStarts[16] == count, "the index's entries changed between the two passes")
        var entries = [IndexEntry](unsafeUninitializedCapacity: count) { buffer, initialized in
            var next = rangeStarts
            forEach { entry in
                let range = Int(entry.hash >> shift)
                (buffer.baseAddress! + next[range]).initialize(to: entry)
                next[range] += 1
            }
            initialized = count
        }
        let largest = (0..<16).map { rangeStarts[$0 + 1] - rangeStarts[$0] }.max() ?? 0
        guard largest > 1 else { return entries }
        var scratch = [IndexEntry](repeating: (0, 0), count: largest)
        var counts = [Int](repeating: 0, count: 1 << 16)
        entries.withUnsafeMutableBufferPointer { all in
            scratch.withUnsafeMutableBufferPointer { scratch in
                counts.withUnsafeMutableBufferPointer { counts in
                    for range in 0..<16 where rangeStarts[range + 1] - rangeStarts[range] > 1 {
                        let slice = UnsafeMutableBufferPointer(rebasing: all[rangeStarts[range]..<rangeStarts[range + 1]])
                        var source = slice, destination = UnsafeMutableBufferPointer(rebasing: scratch[0..<slice.count])
                        // Four passes of 16 bits: an even number, so the result ends in `slice`.
                        for pass in 0..<4 {
                            let digitShift = UInt64(pass * 16)
                            for digit in counts.indices { counts[digit] = 0 }
                            for entry in source { counts[Int((entry.hash >> digitShift) & 0xFFFF)] += 1 }
                            var total = 0
                            for digit in counts.indices {
                                let count = counts[digit]
                                counts[digit] = total
                                total += count
                            }
                            for entry in source {
                                let digit = Int((entry.hash >> digitShift) & 0xFFFF)
                                destination[counts[digit]] = entry
                                counts[digit] += 1
                            }
                            swap(&source, &destination)
                        }
                    }
                }
            }
        }
        return entries
    }

    /// The shingle index, shared read-only by the per-source workers.
    struct SharedIndex: @unchecked Sendable {
        /// The entries of the admitted groups only, group after group.
        let index: [IndexEntry]
        /// Where each group starts in `index`, plus the end of the last group.
        let groupStarts: [Int32]
    }

    /// The text at a code-point span, read off the article's string: only the passages listed
    /// need it, so no text is kept as an array of scalars.
    static func passageText(_ text: String, _ span: Span) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: span.start, limitedBy: scalars.endIndex),
              let end = scalars.index(start, offsetBy: span.end - span.start, limitedBy: scalars.endIndex) else { return "" }
        return String(scalars[start..<end])
    }

    /// A pair of sources with its passages as word ranges, before texts and units are attached.
    struct PairCandidate {
        var a: Int
        var b: Int
        var passages: [FoundPassage]
        var sharedWordsA: Int
        var sharedWordsB: Int
        var longestWords: Int
    }

    /// The pairs (`source`, b) with b > `source` that share a passage: at most
    /// `maximumPartnersPerSource` of them, those sharing most words, and how many there were.
    /// `groups` holds, for each shingle of the source, its group in the index, or -1 when the
    /// shingle is not matched (no other source has it, or too many do).
    static func candidates(for source: Int, groups: [Int32], sequences: [WordSequence], shared: SharedIndex, options: SharedTextOptions) -> (kept: [PairCandidate], total: Int) {
        let size = options.shingleWords
        let positionsPerSource = 4
        var matches: [Int: [(Int32, Int32)]] = [:]
        var seenInSource: [Int32: Int] = [:]
        for (position, groupID) in groups.enumerated() where groupID >= 0 {
            // A shingle the source itself repeats is matched from its first few places only.
            let seen = seenInSource[groupID, default: 0]
            if seen >= positionsPerSource { continue }
            seenInSource[groupID] = seen + 1
            let group = Int(groupID)
            var other = -1
            var taken = 0
            for entry in shared.index[Int(shared.groupStarts[group])..<Int(shared.groupStarts[group + 1])] {
                let partner = Int(entry.location >> 32)
                guard partner > source else { continue }
                if partner != other { other = partner; taken = 0 }
                if taken >= positionsPerSource { continue }
                taken += 1
                let partnerPosition = Int(entry.location & 0xFFFF_FFFF)
                if sameWords(sequences[source], position, sequences[partner], partnerPosition, size) {
                    matches[partner, default: []].append((Int32(position), Int32(partnerPosition)))
                }
            }
        }
        return pairs(of: source, matches: matches, options: options)
    }

    /// The pairs (`source`, partner) whose shingle matches (`matches[partner]`: positions in
    /// `source` and in the partner) chain into a passage: at most `maximumPartnersPerSource` of
    /// them, those sharing most words, and how many there were.
    static func pairs(of source: Int, matches: [Int: [(Int32, Int32)]], options: SharedTextOptions) -> (kept: [PairCandidate], total: Int) {
        // A passage of `minimumWords` words holds at least this many shingles.
        let needed = max(1, options.minimumWords - options.shingleWords + 1)
        var result: [PairCandidate] = []
        for partner in matches.keys.sorted() {
            let pairMatches = matches[partner]!
            guard pairMatches.count >= needed else { continue }
            let found = passages(from: pairMatches, options: options)
            guard !found.isEmpty else { continue }
            result.append(PairCandidate(
                a: source, b: partner, passages: found,
                sharedWordsA: coveredWords(found.map { ($0.startA, $0.endA) }),
                sharedWordsB: coveredWords(found.map { ($0.startB, $0.endB) }),
                longestWords: found.map(\.matched).max() ?? 0
            ))
        }
        let total = result.count
        if result.count > options.maximumPartnersPerSource {
            result.sort { ($0.sharedWordsA, $0.longestWords, -$0.b) > ($1.sharedWordsA, $1.longestWords, -$1.b) }
            result.removeLast(result.count - options.maximumPartnersPerSource)
        }
        return (result, total)
    }

    static func shingleHash(_ words: [UInt64], _ position: Int, _ size: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for offset in 0..<size {
            hash = (hash ^ words[position + offset]) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        return hash
    }

    /// Guards against hash collisions: the words themselves must be equal.
    static func sameWords(_ a: WordSequence, _ positionA: Int, _ b: WordSequence, _ positionB: Int, _ size: Int) -> Bool {
        for offset in 0..<size where a.words[positionA + offset] != b.words[positionB + offset] { return false }
        return true
    }

    struct FoundPassage {
        /// Word ranges, half-open.
        var startA: Int, endA: Int, startB: Int, endB: Int
        var matched: Int
    }

    /// Chains shingle matches into passages: first runs of overlapping shingles on one diagonal
    /// (same offset between the two texts), then runs that follow each other closely in both texts.
    static func passages(from matches: [(Int32, Int32)], options: SharedTextOptions) -> [FoundPassage] {
        let size = options.shingleWords
        let sorted = matches.map { (Int($0.0), Int($0.1)) }.sorted { ($0.1 - $0.0, $0.0) < ($1.1 - $1.0, $1.0) }
        var runs: [FoundPassage] = []
        for (positionA, positionB) in sorted {
            if var last = runs.last, last.endB - last.endA == positionB - positionA, positionA <= last.endA {
                let newEnd = positionA + size
                if newEnd > last.endA {
                    last.matched += newEnd - last.endA
                    last.endB += newEnd - last.endA
                    last.endA = newEnd
                }
                runs[runs.count - 1] = last
            } else {
                runs.append(FoundPassage(startA: positionA, endA: positionA + size, startB: positionB, endB: positionB + size, matched: size))
            }
        }
        runs.sort { ($0.startA, $0.startB) < ($1.startA, $1.startB) }
        var merged: [FoundPassage] = []
        let gap = options.maximumGapWords
        for run in runs {
            if var last = merged.last,
               run.startA <= last.endA + gap,
               run.startB >= last.startB, run.startB <= last.endB + gap,
               abs((run.startB - run.startA) - (last.endB - last.endA)) <= gap {
                last.matched += max(0, run.endA - max(run.startA, last.endA))
                last.endA = max(last.endA, run.endA)
                last.endB = max(last.endB, run.endB)
                merged[merged.count - 1] = last
            } else {
                merged.append(run)
            }
        }
        return withoutEchoes(merged.filter { $0.matched >= options.minimumWords })
    }

    /// Drops passages that lie inside a longer passage on both sides: when a text repeats a
    /// sentence, the copy of the whole text also pairs each repetition with the other one, and
    /// those cross pairs say nothing the long passage does not.
    static func withoutEchoes(_ passages: [FoundPassage]) -> [FoundPassage] {
        guard passages.count > 1 else { return passages }
        var kept: [FoundPassage] = []
        for passage in passages.sorted(by: { ($0.matched, $1.startA) > ($1.matched, $0.startA) }) {
            let inside = kept.contains { other in
                other.startA <= passage.startA && passage.endA <= other.endA && other.startB <= passage.startB && passage.endB <= other.endB
            }
            if !inside { kept.append(passage) }
        }
        return kept.sorted { ($0.startA, $0.startB) < ($1.startA, $1.startB) }
    }

    /// Words inside the union of half-open word ranges.
    static func coveredWords(_ ranges: [(Int, Int)]) -> Int {
        var total = 0
        var reached = Int.min
        for (start, end) in ranges.sorted(by: { $0 < $1 }) {
            let from = max(start, reached)
            if end > from { total += end - from }
            reached = max(reached, end)
        }
        return total
    }

    /// Units whose span (or a fragment of it) overlaps `span`, in text order.
    static func overlapping(_ source: SharedTextSource, _ span: Span) -> [PlacedUnit] {
        source.units.filter { unit in
            guard unit.span.overlaps(span) else { return false }
            return unit.fragments.isEmpty || unit.fragments.contains { $0.overlaps(span) }
        }
    }
}

/// Lets concurrent iterations write distinct slots of one buffer.
struct UnsafeSlots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
