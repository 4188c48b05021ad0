import ArgmarkCore

/// The suggested links of a folder and the user's decisions on them, kept in
/// `link-suggestions.tsv` beside `corpus.xml` so they live in git with the annotations: a
/// rejected link is never suggested again, an accepted one is kept as a record.
///
/// One header line, then one line per link: `id`, `status` (`suggested`, `accepted`,
/// `rejected`), `score`, `a_file`, `a_unit`, `b_file`, `b_unit`, `words` (shared content words,
/// space-separated), `a_quote`, `b_quote`. Tabs, newlines and backslashes in values are written
/// `\t`, `\n`, `\\`.
package struct LinkSuggestionFile: Sendable, Equatable {
    package static let fileName = "link-suggestions.tsv"
    static let header = ["id", "status", "score", "a_file", "a_unit", "b_file", "b_unit", "words", "a_quote", "b_quote"]

    package enum Status: String, Sendable {
        case suggested, accepted, rejected
    }

    package struct Entry: Sendable, Equatable {
        package var id: String
        package var status: Status
        package var score: Double
        /// Article files, relative to the folder of the suggestion file when inside it.
        package var fileA: String
        package var unitA: UnitID
        package var fileB: String
        package var unitB: UnitID
        package var words: [String]
        package var quoteA: String
        package var quoteB: String

        package init(id: String, status: Status, score: Double, fileA: String, unitA: UnitID, fileB: String, unitB: UnitID,
                    words: [String], quoteA: String, quoteB: String) {
            self.id = id
            self.status = status
            self.score = score
            self.fileA = fileA
            self.unitA = unitA
            self.fileB = fileB
            self.unitB = unitB
            self.words = words
            self.quoteA = quoteA
            self.quoteB = quoteB
        }

        /// The pair, whichever side it was found on.
        var key: [String] { fileA + "\t" + unitA.rawValue < fileB + "\t" + unitB.rawValue ? [fileA, unitA.rawValue, fileB, unitB.rawValue] : [fileB, unitB.rawValue, fileA, unitA.rawValue] }
    }

    package var entries: [Entry] = []

    package init(entries: [Entry] = []) { self.entries = entries }

    /// A problem with a line of the file.
    package struct Problem: Error, Sendable {
        package var line: Int
        package var message: String
    }

    package static func parse(_ text: String) throws(Problem) -> LinkSuggestionFile {
        var file = LinkSuggestionFile()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index == 0 || line.isEmpty { continue }
            let fields = TabSeparated.fields(line)
            guard fields.count == header.count else { throw Problem(line: index + 1, message: "expected \(header.count) tab-separated fields, found \(fields.count)") }
            guard let status = Status(rawValue: fields[1]) else { throw Problem(line: index + 1, message: "unknown status \"\(fields[1])\"; use suggested, accepted or rejected") }
            guard let score = Double(fields[2]) else { throw Problem(line: index + 1, message: "score \"\(fields[2])\" is not a number") }
            file.entries.append(Entry(id: fields[0], status: status, score: score, fileA: fields[3], unitA: UnitID(fields[4]), fileB: fields[5], unitB: UnitID(fields[6]),
                                      words: fields[7].split(separator: " ").map(String.init), quoteA: fields[8], quoteB: fields[9]))
        }
        return file
    }

    package func rendered() -> String {
        var out = TabSeparated.line(Self.header) + "\n"
        for entry in entries {
            out += TabSeparated.line([entry.id, entry.status.rawValue, Markup.score(entry.score), entry.fileA, entry.unitA.rawValue, entry.fileB,
                                      entry.unitB.rawValue, entry.words.joined(separator: " "), entry.quoteA, entry.quoteB]) + "\n"
        }
        return out
    }

    /// Adds the candidates not yet in the file (decided ones stay as they are) and drops earlier
    /// suggestions that are no longer found; returns the new entries.
    @discardableResult
    package mutating func merge(_ candidates: [Entry]) -> [Entry] {
        let known = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let found = Set(candidates.map(\.key))
        var next = entries.compactMap { Int($0.id.dropFirst()) }.max() ?? 0
        entries.removeAll { $0.status == .suggested && !found.contains($0.key) }
        var added: [Entry] = []
        for var candidate in candidates {
            if let existing = known[candidate.key] {
                if existing.status == .suggested, let index = entries.firstIndex(where: { $0.id == existing.id }) {
                    entries[index].score = candidate.score
                    entries[index].words = candidate.words
                }
                continue
            }
            next += 1
            candidate.id = "L\(next)"
            entries.append(candidate)
            added.append(candidate)
        }
        return added
    }

    /// A proposition id from the content words of a statement, e.g. `survivor-voice-movement`.
    package static func propositionID(for statement: String, taken: Set<String>) -> String {
        let words = LinkSuggester.contentWords(statement).prefix(4)
        var base = words.joined(separator: "-").unicodeScalars.filter { ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "-" }
            .reduce(into: "") { $0.unicodeScalars.append($1) }
        if base.isEmpty || !(base.unicodeScalars.first!.properties.isAlphabetic) { base = "p-" + base }
        var id = base
        var counter = 2
        while taken.contains(id) {
            id = "\(base)-\(counter)"
            counter += 1
        }
        return id
    }
}
