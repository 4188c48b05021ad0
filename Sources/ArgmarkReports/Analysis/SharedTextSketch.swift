import ArgmarkCore

/// One of `count` equal ranges of shingle hashes: the shingles a reducer of the shared-text
/// join takes from every source. Range `index` holds the hashes h with ⌊h·count / 2⁶⁴⌋ = index,
/// so the ranges of one split cover every hash exactly once.
package struct ShingleRange: Sendable, Hashable, CustomStringConvertible {
    package var index: Int
    package var count: Int

    /// The most ranges a split may have.
    package static let maximumCount = 65_536

    package init?(index: Int, count: Int) {
        guard count >= 1, count <= Self.maximumCount, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N`, as ``description`` writes it.
    package init?(_ text: String) {
        let fields = text.split(separator: "/", omittingEmptySubsequences: false)
        guard fields.count == 2, let index = Int(fields[0]), let count = Int(fields[1]) else { return nil }
        self.init(index: index, count: count)
    }

    package var description: String { "\(index)/\(count)" }

    package func contains(_ hash: UInt64) -> Bool {
        Int(hash.multipliedFullWidth(by: UInt64(count)).high) == index
    }
}

/// What one source gives the join: its text, which the reducers cut into shingles. Its word
/// hashes and offsets follow from the text (``WordSequence``), and the report quotes the
/// passages' text, so the text is what a part must carry anyway.
package struct ShingleRangeIndex: Sendable {
    package let range: ShingleRange
    package let options: SharedTextOptions
    /// Sources added so far.
    package private(set) var sources = 0

    /// A shingle of the range: its hash, where it is (source << 32 | word position), and a
    /// second hash of its words that stands for comparing the words themselves (two different
    /// runs of words agree on both hashes with a chance of about 2⁻¹²⁸ per pair compared).
    private struct Entry {
        var hash: UInt64
        var location: UInt64
        var check: UInt64
    }

    private var entries: [Entry] = []

    package init(range: ShingleRange, options: SharedTextOptions = SharedTextOptions()) {
        self.range = range
        self.options = options
    }

    /// Adds the next source (its index is the number of sources added before it); only the
    /// shingles of the range are kept, so a reducer holds a `1/count` share of the index.
    package mutating func add(text: String) {
        let source = UInt64(sources)
        sources += 1
        let words = WordSequence(text.unicodeScalars, offsets: false).words
        let size = options.shingleWords
        guard words.count >= size else { return }
        for position in 0...(words.count - size) {
            let hash = SharedTextFinder.shingleHash(words, position, size)
            guard range.contains(hash) else { continue }
            entries.append(Entry(hash: hash, location: source << 32 | UInt64(position), check: Self.checkHash(words, position, size)))
        }
    }

    private static func checkHash(_ words: [UInt64], _ position: Int, _ size: Int) -> UInt64 {
        var hash: UInt64 = 0xD6E8_FEB8_6659_FD93
        for offset in 0..<size {
            hash = (hash &+ words[position + offset]) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        return hash
    }

    /// The groups of equal shingles, by hash, each with the number of sources it has.
    private mutating func groups() -> [(range: Range<Int>, sources: Int)] {
        entries.sort { ($0.hash, $0.location) < ($1.hash, $1.location) }
        var groups: [(range: Range<Int>, sources: Int)] = []
        var entry = 0
        while entry < entries.count {
            var end = entry + 1
            var sources = 1
            while end < entries.count, entries[end].hash == entries[entry].hash {
                if entries[end].location >> 32 != entries[end - 1].location >> 32 { sources += 1 }
                end += 1
            }
            groups.append((entry..<end, sources))
            entry = end
        }
        return groups
    }

    /// The range's share of the work budget's histogram: groups of equal shingles by the number
    /// of sources they have (2 up to `maximumSourcesPerShingle`), and the groups more sources have.
    package mutating func counts() -> ShingleCounts {
        var bySources = [Int](repeating: 0, count: options.maximumSourcesPerShingle + 1)
        var common = 0
        for group in groups() {
            if group.sources > options.maximumSourcesPerShingle {
                common += 1
            } else if group.sources >= 2 {
                bySources[group.sources] += 1
            }
        }
        return ShingleCounts(groupsBySources: bySources, commonGroups: common)
    }

    /// The shingle matches of the range's groups that `admitted` sources or fewer share, as the
    /// single-machine finder makes them (``SharedTextFinder``): for each pair of sources in a
    /// group, the first four places of each; keyed by the lower source, then its partner, each
    /// list sorted.
    package mutating func matches(admitted: Int) -> [Int: [Int: [(Int32, Int32)]]] {
        let positionsPerSource = 4
        var found: [Int: [Int: [(Int32, Int32)]]] = [:]
        for group in groups() where group.sources >= 2 && group.sources <= admitted {
            // Each source's first places in the group (entries are by source, then position).
            var places: [(source: Int, entries: [Entry])] = []
            for entry in entries[group.range] {
                let source = Int(entry.location >> 32)
                if places.last?.source != source { places.append((source, [])) }
                if places[places.count - 1].entries.count < positionsPerSource { places[places.count - 1].entries.append(entry) }
            }
            for (first, own) in places.enumerated() {
                for other in places[(first + 1)...] {
                    for mine in own.entries {
                        for theirs in other.entries where mine.check == theirs.check {
                            found[own.source, default: [:]][other.source, default: []].append((Int32(mine.location & 0xFFFF_FFFF), Int32(theirs.location & 0xFFFF_FFFF)))
                        }
                    }
                }
            }
        }
        for source in found.keys {
            for partner in found[source]!.keys { found[source]![partner]!.sort { ($0.0, $0.1) < ($1.0, $1.1) } }
        }
        return found
    }
}

/// One range's groups of equal shingles by number of sources: summed over the ranges of a
/// split, it is the whole corpus's, from which the work budget's level follows.
package struct ShingleCounts: Sendable, Equatable {
    /// `groupsBySources[k]`: groups that k sources share (0 for k < 2).
    package var groupsBySources: [Int]
    /// Groups that more than `maximumSourcesPerShingle` sources share (boilerplate).
    package var commonGroups: Int

    package static func + (left: ShingleCounts, right: ShingleCounts) -> ShingleCounts {
        let length = max(left.groupsBySources.count, right.groupsBySources.count)
        let sums = (0..<length).map { (left.groupsBySources.indices.contains($0) ? left.groupsBySources[$0] : 0) + (right.groupsBySources.indices.contains($0) ? right.groupsBySources[$0] : 0) }
        return ShingleCounts(groupsBySources: sums, commonGroups: left.commonGroups + right.commonGroups)
    }

    /// The level the work budget admits shingles up to, for a corpus of `sources` sources.
    package func admitted(sources: Int, options: SharedTextOptions = SharedTextOptions()) -> Int {
        SharedTextFinder.admittedLevel(groupsBySources: groupsBySources, sources: sources, options: options)
    }

    /// Shingles left out: the boilerplate, and those above the admitted level.
    package func skipped(admitted: Int) -> Int {
        commonGroups + groupsBySources.enumerated().reduce(0) { $0 + ($1.offset > admitted ? $1.element : 0) }
    }
}

/// The last step of the shared-text join: every range's matches, source by source, become the
/// report's pairs and passages, as the single-machine finder makes them.
package struct SharedTextJoin {
    package let options: SharedTextOptions
    private var kept: [SharedTextFinder.PairCandidate] = []
    private var total = 0

    package init(options: SharedTextOptions = SharedTextOptions()) {
        self.options = options
    }

    /// Adds the matches of pairs (`source`, partner > `source`), from every range: at most
    /// `maximumPartnersPerSource` pairs are kept, as in one run.
    package mutating func add(source: Int, matches: [Int: [(Int32, Int32)]]) {
        let pairs = SharedTextFinder.pairs(of: source, matches: matches, options: options)
        kept += pairs.kept
        total += pairs.total
    }

    /// The pairs the report lists: their sources are the only ones whose texts are needed.
    package var listedSources: Set<Int> {
        Set(SharedTextFinder.strongest(kept, options: options).flatMap { [$0.a, $0.b] })
    }

    /// The findings, with the texts and units of the listed sources (`sources` is asked for
    /// those only).
    package func findings(sources: (Int) -> SharedTextSource, commonSkipped: Int, admitted: Int) -> SharedTextFindings {
        SharedTextFinder.findings(SharedTextFinder.strongest(kept, options: options), total: total, sources: sources, options: options,
                                  commonSkipped: commonSkipped, admitted: admitted)
    }
}
