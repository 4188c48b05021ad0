import ArgmarkCore

/// The files of the shared-text join over parts of facts, split by shingle hash over reducers:
///
/// 1. each reducer counts its range's groups of equal shingles (a *counts* file, a few hundred
///    bytes: ``ShingleCounts``);
/// 2. given every range's counts (summed, they fix the work budget's level, as in one run), each
///    reducer writes its range's shingle matches (a *matches* file, JSON Lines by source);
/// 3. the report reads every range's matches, source by source, and makes the pairs and
///    passages one run would (``SharedTextJoin``), reading the texts of the listed pairs only.
///
/// Every file names its range (`I/N`), the number of sources and a fingerprint of the parts
/// (their sources' paths and text digests, in order), so that ranges of another split, a
/// missing or repeated range, or files made from other parts are refused, never joined.
package enum ShingleSketch {
    /// The version of the files' format (`sketchFormat`).
    package static let format = 1

    package enum Kind: String, Sendable {
        case counts = "shingle counts"
        case matches = "shingle matches"
    }

    /// What a counts or matches file says about itself (its first line).
    package struct Header: Sendable {
        package var path: String
        package var kind: Kind
        package var range: ShingleRange
        package var sources: Int
        package var fingerprint: String
        /// Counts files: the range's counts.
        package var counts: ShingleCounts?
        /// Matches files: the level and skipped shingles of the whole split.
        package var admitted: Int?
        package var commonSkipped: Int?

        var location: SourceLocation { SourceLocation(path: path, line: 1) }
    }

    /// Why the files cannot be used.
    package struct Problems: Error, Sendable {
        package var diagnostics: [Diagnostic]
    }

    // MARK: - Reducers

    /// The valid sources of a merge of parts of facts, in report order, each with its text:
    /// `body(source index, text)`; returns their number and fingerprint.
    package static func forEachSource(of merge: PartMerge, _ body: (Int, String) -> Void) throws -> (sources: Int, fingerprint: String) {
        var identity: [UInt8] = []
        var sources = 0
        try merge.forEach(keepingSummaries: false) { record in
            guard record.isValid, case .object(let facts)? = record.facts, case .string(let text)? = facts["text"] else { return }
            identity += Self.identity(of: record)
            body(sources, text)
            sources += 1
        }
        return (sources, SHA256.hexDigest(of: identity))
    }

    /// A reducer's first round: the counts file of `range` over the parts.
    package static func counts(of merge: PartMerge, range: ShingleRange, options: SharedTextOptions = SharedTextOptions()) throws -> [UInt8] {
        var index = ShingleRangeIndex(range: range, options: options)
        let (sources, fingerprint) = try forEachSource(of: merge) { _, text in index.add(text: text) }
        let counts = index.counts()
        let header = header(.counts, range, sources, fingerprint, [
            "groupsBySources": .array(counts.groupsBySources.map(JSONValue.int)), "commonGroups": .int(counts.commonGroups),
        ])
        return Array(header.renderedCompact().utf8) + [UInt8(ascii: "\n")]
    }

    /// A reducer's second round: the matches of `range`, given the counts files of every range
    /// of the split (checked: one of each, from the same parts). Calls `emit` with the file's bytes.
    package static func matches(of merge: PartMerge, range: ShingleRange, counts: [Header], options: SharedTextOptions = SharedTextOptions(),
                                emit: ([UInt8]) throws -> Void) throws {
        var index = ShingleRangeIndex(range: range, options: options)
        let (sources, fingerprint) = try forEachSource(of: merge) { _, text in index.add(text: text) }
        var problems = checkSplit(counts, kind: .counts, count: range.count)
        for header in counts where header.sources != sources || header.fingerprint != fingerprint {
            problems.append(Diagnostic(.error, .badRecord, "these counts were made from other parts (\(header.sources) sources) than the \(sources) sources given; count range \(header.range) again over the same parts", at: header.location))
        }
        guard problems.isEmpty else { throw Problems(diagnostics: problems) }
        let total = counts.compactMap(\.counts).reduce(ShingleCounts(groupsBySources: [], commonGroups: 0), +)
        let admitted = total.admitted(sources: sources, options: options)
        let found = index.matches(admitted: admitted)
        var bytes = Array(header(.matches, range, sources, fingerprint, ["admitted": .int(admitted), "commonSkipped": .int(total.skipped(admitted: admitted))]).renderedCompact().utf8)
        bytes.append(UInt8(ascii: "\n"))
        for source in found.keys.sorted() {
            let partners = found[source]!
            var line = Array("{\"source\":\(source),\"pairs\":[".utf8)
            for (number, partner) in partners.keys.sorted().enumerated() {
                if number > 0 { line.append(UInt8(ascii: ",")) }
                line += Array("[\(partner)".utf8)
                for (mine, theirs) in partners[partner]! { line += Array(",\(mine),\(theirs)".utf8) }
                line.append(UInt8(ascii: "]"))
            }
            line += Array("]}\n".utf8)
            bytes += line
            if bytes.count >= 1 << 20 {
                try emit(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        try emit(bytes)
    }

    /// What the parts' fingerprint takes from a source: its path and its text's digest.
    static func identity(of record: PartRecord) -> [UInt8] {
        var digest = ""
        if case .object(let facts)? = record.facts, case .object(let entry)? = facts["source"], case .string(let value)? = entry["textSha256"] { digest = value }
        return Array("\(record.sourcePath)\n\(digest)\n".utf8)
    }

    private static func header(_ kind: Kind, _ range: ShingleRange, _ sources: Int, _ fingerprint: String, _ extra: [String: JSONValue]) -> JSONValue {
        var members: [String: JSONValue] = [
            "sketch": .string(kind.rawValue), "sketchFormat": .int(format), "range": .string(range.description),
            "sources": .int(sources), "partsFingerprint": .string(fingerprint),
        ]
        for (key, value) in extra { members[key] = value }
        return .object(members)
    }

    // MARK: - Reading

    /// The header of the counts or matches file at `path` (its first line).
    package static func readHeader(_ path: String) -> Result<Header, Problems> {
        let location = SourceLocation(path: path, line: 1)
        func bad(_ message: String) -> Result<Header, Problems> {
            .failure(Problems(diagnostics: [Diagnostic(.error, .badRecord, message, at: location)]))
        }
        let descriptor: Platform.Descriptor
        do { descriptor = try Platform.open(path, .read) } catch {
            return .failure(Problems(diagnostics: [Diagnostic(.error, .unreadable, FileSystemError(path, "read", error).reason, at: SourceLocation(path: path))]))
        }
        defer { Platform.close(descriptor) }
        var reader = LineReader(descriptor: descriptor, maximumLineBytes: 1 << 20)
        let first: [UInt8]
        do {
            guard case .text(let bytes)? = try reader.next() else { return bad("this is not a file of shingle counts or shingle matches (its first line is empty or too long); give the files the reducers wrote") }
            first = bytes
        } catch {
            return .failure(Problems(diagnostics: [Diagnostic(.error, .unreadable, FileSystemError(path, "read", error).reason, at: SourceLocation(path: path))]))
        }
        return parseHeader(first, path: path)
    }

    static func parseHeader(_ bytes: [UInt8], path: String) -> Result<Header, Problems> {
        let location = SourceLocation(path: path, line: 1)
        func bad(_ message: String) -> Result<Header, Problems> {
            .failure(Problems(diagnostics: [Diagnostic(.error, .badRecord, message, at: location)]))
        }
        guard let node = try? JSONReader.parse(bytes), case .object = node.value, case .string(let name)? = node["sketch"]?.value,
              let kind = Kind(rawValue: name) else {
            return bad("this is not a file of shingle counts or shingle matches; give the files the reducers wrote (a part goes with the parts)")
        }
        guard node["sketchFormat"]?.text.flatMap({ Int($0) }) == format else {
            return bad("this \(name) file is not in sketch format \(format); make it again with this argmark")
        }
        guard let rangeText = node["range"]?.text, let range = ShingleRange(rangeText), let sources = node["sources"]?.text.flatMap({ Int($0) }),
              case .string(let fingerprint)? = node["partsFingerprint"]?.value else {
            return bad("this \(name) file has no valid \"range\" (I/N), \"sources\" or \"partsFingerprint\"; make it again")
        }
        var header = Header(path: path, kind: kind, range: range, sources: sources, fingerprint: fingerprint)
        switch kind {
        case .counts:
            guard let groups = node["groupsBySources"]?.array?.map({ $0.text.flatMap { Int($0) } }), !groups.contains(where: { $0 == nil }),
                  let common = node["commonGroups"]?.text.flatMap({ Int($0) }) else { return bad("this counts file has no valid \"groupsBySources\" or \"commonGroups\"; count it again") }
            header.counts = ShingleCounts(groupsBySources: groups.map { $0! }, commonGroups: common)
        case .matches:
            guard let admitted = node["admitted"]?.text.flatMap({ Int($0) }), let skipped = node["commonSkipped"]?.text.flatMap({ Int($0) }) else {
                return bad("this matches file has no valid \"admitted\" or \"commonSkipped\"; match it again")
            }
            header.admitted = admitted
            header.commonSkipped = skipped
        }
        return .success(header)
    }

    /// The problems of a set of files that should be every range of one split, once each, all
    /// of `kind` and made from the same parts; `count` is the split's size when known.
    package static func checkSplit(_ headers: [Header], kind: Kind, count known: Int? = nil) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for header in headers where header.kind != kind {
            problems.append(Diagnostic(.error, .badRecord, "this is a \(header.kind.rawValue) file where \(kind.rawValue) files are wanted; give the files the reducers wrote", at: header.location))
        }
        guard problems.isEmpty, let first = headers.first else {
            if headers.isEmpty { problems.append(Diagnostic(.error, .badRecord, "no \(kind.rawValue) files were given; give one per range of the split", at: SourceLocation(path: "argmark"))) }
            return problems
        }
        let count = known ?? first.range.count
        var byIndex: [Int: Header] = [:]
        for header in headers {
            if header.range.count != count {
                problems.append(Diagnostic(.error, .badRecord, "range \(header.range) is of a split into \(header.range.count), but the others are of a split into \(count); give the ranges of one split (0/\(count) to \(count - 1)/\(count))", at: header.location))
            } else if let earlier = byIndex[header.range.index] {
                problems.append(Diagnostic(.error, .badRecord, "range \(header.range) is also in \(earlier.path); give each range once", at: header.location))
            } else {
                byIndex[header.range.index] = header
            }
            if header.fingerprint != first.fingerprint || header.sources != first.sources {
                problems.append(Diagnostic(.error, .badRecord, "this range was made from other parts than \(first.path) (\(header.sources) sources against \(first.sources)); make every range from the same parts", at: header.location))
            }
            if kind == .matches, header.admitted != first.admitted || header.commonSkipped != first.commonSkipped {
                problems.append(Diagnostic(.error, .badRecord, "this range was matched with other counts than \(first.path); match every range with the counts of the same split", at: header.location))
            }
        }
        let missing = (0..<count).filter { byIndex[$0] == nil }
        if !missing.isEmpty, problems.isEmpty {
            let names = missing.prefix(5).map { "\($0)/\(count)" }.joined(separator: ", ") + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
            problems.append(Diagnostic(.error, .badRecord, "\(missing.count == 1 ? "range" : "ranges") \(names) of this split \(missing.count == 1 ? "is" : "are") missing; \(kind == .counts ? "count" : "match") every range of the split (0/\(count) to \(count - 1)/\(count)) and give them all", at: first.location))
        }
        return problems
    }

    // MARK: - The join

    /// Every range's matches (one matches file per range of a split), read source by source
    /// in step (each file is in source order, so memory is one line per file) into the join.
    package static func join(_ paths: [String], options: SharedTextOptions = SharedTextOptions()) -> Result<(join: SharedTextJoin, header: Header), Problems> {
        var headers: [Header] = []
        var problems: [Diagnostic] = []
        for path in paths {
            switch readHeader(path) {
            case .success(let header): headers.append(header)
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        if problems.isEmpty { problems = checkSplit(headers, kind: .matches) }
        guard problems.isEmpty, let first = headers.first else { return .failure(Problems(diagnostics: problems)) }
        var readers: [MatchReader] = []
        for header in headers {
            switch MatchReader.open(header.path) {
            case .success(let reader): readers.append(reader)
            case .failure(let failure): return .failure(failure)
            }
        }
        var join = SharedTextJoin(options: options)
        var current: [(source: Int, pairs: [Int: [(Int32, Int32)]])?] = []
        do {
            for index in readers.indices { current.append(try readers[index].next(sources: first.sources)) }
            while let source = current.compactMap({ $0?.source }).min() {
                var matches: [Int: [(Int32, Int32)]] = [:]
                for index in readers.indices where current[index]?.source == source {
                    for (partner, found) in current[index]!.pairs { matches[partner, default: []] += found }
                    current[index] = try readers[index].next(sources: first.sources, after: source)
                }
                join.add(source: source, matches: matches)
            }
        } catch let failure as Problems {
            return .failure(failure)
        } catch {
            return .failure(Problems(diagnostics: [Diagnostic(.error, .unreadable, "\(error)", at: SourceLocation(path: "argmark"))]))
        }
        return .success((join, first))
    }

    /// Reads a matches file's lines after its header, one source at a time.
    private final class MatchReader {
        let path: String
        let descriptor: Platform.Descriptor
        var reader: LineReader

        private init(path: String, descriptor: Platform.Descriptor) {
            self.path = path
            self.descriptor = descriptor
            reader = LineReader(descriptor: descriptor, maximumLineBytes: 1 << 30)
        }

        deinit { Platform.close(descriptor) }

        static func open(_ path: String) -> Result<MatchReader, Problems> {
            do {
                let reader = MatchReader(path: path, descriptor: try Platform.open(path, .read))
                _ = try reader.reader.next()
                return .success(reader)
            } catch {
                return .failure(Problems(diagnostics: [Diagnostic(.error, .unreadable, FileSystemError(path, "read", error).reason, at: SourceLocation(path: path))]))
            }
        }

        /// The next source's matches (sources are increasing, each below `sources`, partners above it); nil at the end.
        func next(sources: Int, after previous: Int = -1) throws -> (source: Int, pairs: [Int: [(Int32, Int32)]])? {
            let line: LineReader.Line?
            do {
                line = try reader.next()
            } catch {
                throw Problems(diagnostics: [Diagnostic(.error, .unreadable, FileSystemError(path, "read", error).reason, at: SourceLocation(path: path))])
            }
            let bytes: [UInt8]
            switch line {
            case nil: return nil
            case .tooLong?: throw bad("this line is too long for a line of shingle matches")
            case .text(let text)?: bytes = text
            }
            guard let node = try? JSONReader.parse(bytes), let source = node["source"]?.text.flatMap({ Int($0) }), source > previous, source < sources,
                  let list = node["pairs"]?.array else { throw bad("this is not a line of shingle matches (by source, in order); match this range again") }
            var pairs: [Int: [(Int32, Int32)]] = [:]
            for entry in list {
                guard let numbers = entry.array?.map({ $0.text.flatMap { Int32($0) } }), numbers.count >= 3, numbers.count % 2 == 1,
                      !numbers.contains(where: { $0 == nil || $0! < 0 }), Int(numbers[0]!) > source, Int(numbers[0]!) < sources else {
                    throw bad("this is not a line of shingle matches (each pair is [partner, position, position, ...]); match this range again")
                }
                var found: [(Int32, Int32)] = []
                for place in stride(from: 1, to: numbers.count, by: 2) { found.append((numbers[place]!, numbers[place + 1]!)) }
                pairs[Int(numbers[0]!)] = found
            }
            return (source, pairs)
        }

        private func bad(_ message: String) -> Problems {
            Problems(diagnostics: [Diagnostic(.error, .badRecord, message, at: SourceLocation(path: path, line: reader.lineNumber))])
        }
    }
}

extension ComparisonReport {
    /// The JSON report over parts of facts (``PartRecord/Format/facts``): their facts summed
    /// without decoding any article. Without `join`, the shared text is found here over the
    /// parts' texts (as one run); with it (every range's matches, ``ShingleSketch/join(_:options:)``),
    /// only the listed pairs' texts are kept, and the parts must be those the matches were made
    /// from (else a ``ShingleSketch/Problems``). Invalid records are returned, and left out.
    package static func build(factParts merge: PartMerge, join: (join: SharedTextJoin, header: ShingleSketch.Header)? = nil,
                              options: SharedTextOptions = SharedTextOptions()) throws -> (report: ComparisonReport?, invalid: [PartRecord], warned: [PartRecord]) {
        var corpora: [[UInt8]: Corpus] = [:]
        for bytes in merge.corpora.values {
            guard case .success(let parsed) = SafeXMLParser.parse(bytes, path: Corpus.fileName), case .corpus(let decoded)? = ArticleXML.decode(parsed) else { continue }
            corpora[bytes] = decoded.corpus
        }
        let listed = join?.join.listedSources
        var fold = try ReportFold(spoolingSources: ())
        var invalid: [PartRecord] = []
        var warned: [PartRecord] = []
        var block: [(path: String, id: String, facts: JSONValue, corpus: Corpus?)] = []
        var identity: [UInt8] = []
        func flush() throws {
            let unreadable = fold.add(facts: block, keepsText: { listed?.contains($0) ?? true })
            if let path = unreadable.first {
                throw PartRecordProblem(diagnostic: Diagnostic(.error, .badRecord, "the part's facts of this article cannot be read; summarize it again", at: SourceLocation(path: path)))
            }
            if let problem = fold.problem { throw problem }
            block = []
        }
        try merge.forEach(keepingSummaries: false) { record in
            guard record.isValid, let facts = record.facts else {
                invalid.append(record)
                return
            }
            if !record.diagnostics.isEmpty {
                var kept = record
                kept.facts = nil
                warned.append(kept)
            }
            identity += ShingleSketch.identity(of: record)
            block.append((record.sourcePath, record.id ?? "", facts, record.corpus.flatMap { corpora[$0] }))
            if block.count == 4096 { try flush() }
        }
        if !block.isEmpty { try flush() }
        if let header = join?.header, header.sources != fold.count || header.fingerprint != SHA256.hexDigest(of: identity) {
            throw ShingleSketch.Problems(diagnostics: [Diagnostic(.error, .badRecord, "these shingle matches were made from other parts (\(header.sources) sources) than the \(fold.count) sources of the parts given; match every range again over these parts", at: header.location)])
        }
        guard fold.count > 0 else { return (nil, invalid, warned) }
        let joined = join.map { (join: $0.join, commonSkipped: $0.header.commonSkipped ?? 0, admitted: $0.header.admitted ?? options.maximumSourcesPerShingle) }
        return (fold.finish(options: options, join: joined), invalid, warned)
    }
}
