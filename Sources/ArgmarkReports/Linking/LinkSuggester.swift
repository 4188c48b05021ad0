import ArgmarkCore

/// Candidate shared propositions: pairs of units from different sources whose wording is close
/// enough that they may state the same proposition, paraphrases included.
///
/// Each unit's quote becomes a bag of content words: runs of letters and digits, lowercased,
/// apostrophes and quotation marks dropped, function words left out, and common English
/// inflections folded (`survivors` → `survivor`, `discredited` → `discredit`). Words are weighted
/// by TF-IDF over all units of the corpus (sublinear term frequency, `ln(N / df)`), and pairs are
/// scored by cosine similarity. Only units that share a word are ever compared, through an
/// inverted index; words in more than ``Options/maximumDocumentFrequency`` units are left out of
/// the comparison (they weigh little and would make the work quadratic), so the cost grows
/// linearly with the corpus.
package enum LinkSuggester {
    package struct Options: Sendable {
        /// The lowest cosine similarity suggested.
        package var threshold: Double
        /// At most this many partners per unit, best first.
        package var partnersPerUnit: Int
        /// Words found in more units than this are not used to find candidates.
        package var maximumDocumentFrequency: Int
        /// Units with fewer content words are not compared (too little to go on).
        package var minimumWords: Int

        package init(threshold: Double = 0.35, partnersPerUnit: Int = 3, maximumDocumentFrequency: Int = 200, minimumWords: Int = 1) {
            self.threshold = threshold
            self.partnersPerUnit = partnersPerUnit
            self.maximumDocumentFrequency = maximumDocumentFrequency
            self.minimumWords = minimumWords
        }
    }

    /// One suggested link.
    package struct Candidate: Sendable, Equatable {
        package var a: UnitReference
        package var b: UnitReference
        /// Cosine similarity, 0–1.
        package var score: Double
        /// Content words both units contain, by weight.
        package var sharedWords: [String]
    }

    /// Candidates among `graphs` (one per source), best first; with `skipLinked`, pairs whose
    /// units already carry the same proposition are left out.
    package static func suggest(_ graphs: [ArgumentGraph], options: Options = Options(), skipLinked: Bool = true) -> [Candidate] {
        // Documents: every unit with enough content words.
        var references: [UnitReference] = []
        var bags: [[(term: Int, count: Int)]] = []
        var vocabulary: [String: Int] = [:]
        var words: [String] = []
        for (source, graph) in graphs.enumerated() {
            for unit in graph.units {
                var counts: [Int: Int] = [:]
                for word in contentWords(unit.quote) {
                    let term: Int
                    if let known = vocabulary[word] {
                        term = known
                    } else {
                        term = words.count
                        vocabulary[word] = term
                        words.append(word)
                    }
                    counts[term, default: 0] += 1
                }
                guard counts.count >= options.minimumWords else { continue }
                references.append(UnitReference(source: source, unit: unit.id))
                bags.append(counts.keys.sorted().map { ($0, counts[$0]!) })
            }
        }
        let documents = bags.count
        var documentFrequency = [Int](repeating: 0, count: words.count)
        for bag in bags { for entry in bag { documentFrequency[entry.term] += 1 } }
        // Unit vectors, L2-normalised.
        var vectors: [[(term: Int, weight: Double)]] = []
        vectors.reserveCapacity(documents)
        for bag in bags {
            var vector = bag.map { entry -> (term: Int, weight: Double) in
                let tf = 1 + Platform.logarithm(Double(entry.count))
                let idf = Platform.logarithm(Double(documents) / Double(documentFrequency[entry.term]))
                return (entry.term, tf * idf)
            }
            let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            if norm > 0 { for index in vector.indices { vector[index].weight /= norm } }
            vectors.append(vector)
        }
        // Inverted index of the words rare enough to compare by. Negations count toward the
        // similarity but never bring two units together on their own ("No, not at all.").
        let negation = Set(Self.negations.compactMap { vocabulary[$0] })
        var postings = [[(document: Int, weight: Double)]](repeating: [], count: words.count)
        var matchable = [Int](repeating: 0, count: documents)
        for (document, vector) in vectors.enumerated() {
            for entry in vector where !negation.contains(entry.term) {
                matchable[document] += 1
                if documentFrequency[entry.term] > 1 && documentFrequency[entry.term] <= options.maximumDocumentFrequency {
                    postings[entry.term].append((document, entry.weight))
                }
            }
        }
        var propositionOf: [UnitReference: PropositionID] = [:]
        if skipLinked {
            for reference in references {
                if let proposition = graphs[reference.source].unitsByID[reference.unit]?.proposition { propositionOf[reference] = proposition }
            }
        }
        // Per document, its best partners among later documents of other sources.
        var best: [[(partner: Int, score: Double)]] = Array(repeating: [], count: documents)
        var accumulator: [Int: (score: Double, shared: Int)] = [:]
        for document in 0..<documents {
            accumulator.removeAll(keepingCapacity: true)
            let source = references[document].source
            for entry in vectors[document] {
                for posting in postings[entry.term] where posting.document > document && references[posting.document].source != source {
                    accumulator[posting.document, default: (0, 0)].score += entry.weight * posting.weight
                    accumulator[posting.document, default: (0, 0)].shared += 1
                }
            }
            for (partner, found) in accumulator {
                // Two content words in common, unless a unit has only one to share.
                let needed = min(2, matchable[document], matchable[partner])
                guard found.shared >= needed else { continue }
                // Negations both sides carry add to the score.
                var score = found.score
                for entry in vectors[document] where negation.contains(entry.term) {
                    if let other = vectors[partner].first(where: { $0.term == entry.term }) { score += entry.weight * other.weight }
                }
                guard score >= options.threshold else { continue }
                if skipLinked, let proposition = propositionOf[references[document]], propositionOf[references[partner]] == proposition { continue }
                offer(&best[document], (partner, score), limit: options.partnersPerUnit)
                offer(&best[partner], (document, score), limit: options.partnersPerUnit)
            }
        }
        // A pair is suggested when it is among the best partners of either unit.
        var seen = Set<Int64>()
        var candidates: [Candidate] = []
        for document in 0..<documents {
            for (partner, score) in best[document] {
                let low = min(document, partner), high = max(document, partner)
                guard seen.insert(Int64(low) * Int64(documents) + Int64(high)).inserted else { continue }
                let shared = sharedTerms(vectors[low], vectors[high]).map { words[$0] }
                candidates.append(Candidate(a: references[low], b: references[high], score: score, sharedWords: shared))
            }
        }
        candidates.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.a != rhs.a { return lhs.a < rhs.a }
            return lhs.b < rhs.b
        }
        return candidates
    }

    static func offer(_ list: inout [(partner: Int, score: Double)], _ entry: (partner: Int, score: Double), limit: Int) {
        list.append(entry)
        list.sort { ($0.score, -$0.partner) > ($1.score, -$1.partner) }
        if list.count > limit { list.removeLast() }
    }

    static func sharedTerms(_ a: [(term: Int, weight: Double)], _ b: [(term: Int, weight: Double)]) -> [Int] {
        var shared: [(term: Int, weight: Double)] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i].term == b[j].term {
                shared.append((a[i].term, a[i].weight * b[j].weight))
                i += 1
                j += 1
            } else if a[i].term < b[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return shared.sorted { ($0.weight, -$0.term) > ($1.weight, -$1.term) }.prefix(6).map(\.term)
    }

    // MARK: - Words

    /// Words that negate: part of a unit's meaning, but not enough to link two units.
    static let negations: Set<String> = ["no", "not", "never", "nothing", "nor", "cannot", "none", "nobody"]

    /// Function words, which say nothing about what a unit claims. Negations (`no`, `not`,
    /// `nothing`, `never`) and `one`, `every`, `everyone` stay: "there is no one way" and "no
    /// model survivor" are claims because of them.
    static let stopWords: Set<String> = [
        "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
        "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "get", "got", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
        "is", "it", "its", "itself", "just", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much",
        "must", "my", "myself", "now", "of", "off", "on", "once", "only", "or", "other", "our",
        "ours", "ourselves", "out", "over", "own", "really", "said", "same", "say", "says", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "thing",
        "things", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
        "yourself", "yourselves", "im", "its", "dont", "doesnt", "isnt", "wasnt", "arent", "cant", "wont", "youre",
        "theyre", "weve", "ive", "thats", "theres", "lets", "well", "yes", "way", "go", "going", "know", "think", "want",
        "let", "still", "yet", "however", "though", "although", "whether", "either", "neither", "within", "without",
        "upon", "onto", "across", "another", "anything", "everything", "something", "someone",
    ]

    /// The content words of `text`, lowercased, with apostrophes and quotation marks dropped and
    /// inflections folded.
    package static func contentWords(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(current).lowercased()
            current = String.UnicodeScalarView()
            guard !stopWords.contains(word), word.unicodeScalars.count > 1 || word.unicodeScalars.first!.properties.numericType != nil else { return }
            let stem = self.stem(word)
            if !stopWords.contains(stem) { result.append(stem) }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" {
                continue  // inside a word: "isn't" and "isn’t" are one word
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// A light English stemmer: plural, past, gerund and adverb endings, then a final `e`
    /// (`save`, `saves`, `saved`, `saving` all become `sav`).
    static func stem(_ word: String) -> String {
        let stem = suffixStripped(word)
        return stem.unicodeScalars.count > 3 && stem.hasSuffix("e") ? String(stem.dropLast()) : stem
    }

    static func suffixStripped(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        func drop(_ count: Int, adding suffix: String = "") -> String {
            String(String.UnicodeScalarView(scalars.dropLast(count))) + suffix
        }
        func ends(_ suffix: String) -> Bool { word.hasSuffix(suffix) }
        let length = scalars.count
        if length > 4, ends("ies") { return drop(3, adding: "y") }
        if length > 4, ends("sses") { return drop(2) }
        if length > 5, ends("ness") { return drop(4) }
        if length > 5, ends("ing") { return undouble(drop(3)) }
        if length > 4, ends("ied") { return drop(3, adding: "y") }
        if length > 4, ends("ed"), !ends("eed") { return undouble(drop(2)) }
        if length > 4, ends("ly") { return drop(2) }
        if length > 3, ends("s"), !ends("ss"), !ends("us"), !ends("is") { return drop(1) }
        return word
    }

    /// `stopp` → `stop` (after `stopping`), but `fall` stays.
    static func undouble(_ stem: String) -> String {
        let scalars = Array(stem.unicodeScalars)
        guard scalars.count > 2, scalars[scalars.count - 1] == scalars[scalars.count - 2],
              !["l", "s", "z"].contains(scalars[scalars.count - 1]) else { return stem }
        return String(String.UnicodeScalarView(scalars.dropLast()))
    }

    // MARK: - Evaluation

    /// How candidates compare with the declared propositions: the cross-source unit pairs that
    /// carry the same proposition are the reference.
    package struct Evaluation: Sendable {
        package var referencePairs: Int
        package var suggested: Int
        package var found: Int
        /// Declared pairs not suggested, in order.
        package var missed: [(UnitReference, UnitReference)]
        package var recall: Double { referencePairs == 0 ? 0 : Double(found) / Double(referencePairs) }
        /// Against declared links only: a true paraphrase nobody declared counts as wrong.
        package var precision: Double { suggested == 0 ? 0 : Double(found) / Double(suggested) }
    }

    package static func evaluate(_ candidates: [Candidate], _ graphs: [ArgumentGraph]) -> Evaluation {
        var bySource: [PropositionID: [UnitReference]] = [:]
        for (source, graph) in graphs.enumerated() {
            for unit in graph.units { if let proposition = unit.proposition { bySource[proposition, default: []].append(UnitReference(source: source, unit: unit.id)) } }
        }
        var reference = Set<[UnitReference]>()
        for units in bySource.values {
            for i in units.indices { for j in units.indices where j > i && units[i].source != units[j].source { reference.insert([min(units[i], units[j]), max(units[i], units[j])]) } }
        }
        let suggested = Set(candidates.map { [min($0.a, $0.b), max($0.a, $0.b)] })
        let found = suggested.intersection(reference).count
        let missed = reference.subtracting(suggested).sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }.map { ($0[0], $0[1]) }
        return Evaluation(referencePairs: reference.count, suggested: candidates.count, found: found, missed: missed)
    }
}
