import ArgmarkCore
import Dispatch

/// One line of a partial report ("part"): an article read, validated and summarised on one
/// worker, or why it could not be. A part is a JSON Lines file of these records, one per article.
///
/// Parts merge by union: a merged part (or report) holds every record of every part, sorted by
/// ``sortsBefore(_:)``, so merging is associative and commutative and `cat` of two parts is a
/// part. A record carries its article as XML (the bytes the worker validated) and its folder's
/// `corpus.xml`, so the merged report is built from exactly the articles a single run would read:
/// every table, and the shared-text passages, which quote the texts.
package struct PartRecord: Sendable {
    /// Where the article came from (a file path, or the `path` a batch record gave).
    package var path: String?
    package var id: String?
    /// The validated article's XML; nil when the record is a failure.
    package var article: [UInt8]?
    /// The `corpus.xml` the article was validated against, if any.
    package var corpus: [UInt8]?
    /// The per-article summary (see ``PartRecord/summary(of:)``); nil for a failure.
    package var summary: JSONValue?
    /// Findings (errors and warnings) as the worker saw them.
    package var diagnostics: [Diagnostic]
    /// The findings as the worker's frontend printed them (with its wording of the remedies).
    package var printed: [String]
    /// The input line of a batch record (not part of a part's canonical form).
    package var line: Int?
    /// What the part carries of each article: its XML, or only its facts.
    package var format: Format = .articles
    /// In a part of facts: the article's ``SourceFacts/json``, with its report entry (the JSON
    /// report's source, without its key) as `source`; nil for a failure.
    package var facts: JSONValue?

    /// The two kinds of part; every record of a merge must be of one of them.
    package enum Format: Int, Sendable {
        /// Each record carries its article's XML: the merge decodes every article again, and
        /// can make every format of report.
        case articles = 2
        /// Each record carries its article's facts and text (``SourceFacts/json``): the merge
        /// sums facts without decoding articles, and makes the JSON report only.
        case facts = 3

        package var name: String { self == .articles ? "articles" : "facts" }
    }

    package var isValid: Bool { (article != nil || facts != nil) && !diagnostics.contains { $0.severity == .error } }

    /// The path reports name and sort the source by: the record's path, else `ID.xml`.
    package var sourcePath: String { path ?? (id.map { $0 + ".xml" } ?? "") }

    package init(path: String?, id: String?, article: [UInt8]?, corpus: [UInt8]?, summary: JSONValue?, diagnostics: [Diagnostic], printed: [String] = [], line: Int? = nil) {
        self.path = path
        self.id = id
        self.article = article
        self.corpus = corpus
        self.summary = summary
        self.diagnostics = diagnostics
        self.printed = printed
        self.line = line
    }

    /// The record for an article read as a batch record or a file.
    package init(_ record: ArticleRecord) {
        let valid = record.isValid
        self.init(path: record.path, id: record.article.id, article: valid ? record.bytes : nil, corpus: valid ? record.corpusBytes : nil,
                  summary: valid ? Self.summary(of: record.article, corpus: record.corpus) : nil,
                  diagnostics: record.diagnostics, line: record.line)
    }

    package init(_ failure: ArticleRecordFailure) {
        self.init(path: failure.path, id: failure.id, article: nil, corpus: nil, summary: nil, diagnostics: failure.diagnostics, line: failure.line)
    }

    // MARK: - Order

    /// The order of records in a part and of sources in a merged report: by path, folder by
    /// folder as a folder is listed (so a single run over the folder has the same order), then
    /// by content, so that equal paths still sort the same way whatever the order of the parts.
    package func sortsBefore(_ other: PartRecord) -> Bool {
        if let order = Self.pathOrder(sourcePath, other.sourcePath) { return order }
        if article != other.article { return (article ?? []).lexicographicallyPrecedes(other.article ?? []) }
        if corpus != other.corpus { return (corpus ?? []).lexicographicallyPrecedes(other.corpus ?? []) }
        if format != other.format { return format.rawValue < other.format.rawValue }
        let mine = canonicalJSON().renderedCompact(), theirs = other.canonicalJSON().renderedCompact()
        return mine < theirs
    }

    /// Whether path `left` sorts before path `right` (folder by folder, as a folder is
    /// listed); nil when they are the same path.
    package static func pathOrder(_ left: String, _ right: String) -> Bool? {
        let left = left.split(separator: "/", omittingEmptySubsequences: false)
        let right = right.split(separator: "/", omittingEmptySubsequences: false)
        for (a, b) in zip(left, right) where a != b {
            return String(a) < String(b)
        }
        if left.count != right.count { return left.count < right.count }
        return nil
    }

    /// Records in part order.
    package static func sorted(_ records: [PartRecord]) -> [PartRecord] {
        records.sorted { $0.sortsBefore($1) }
    }

    // MARK: - JSON

    /// The record as one JSON object (with its batch line number, if any); `printed` lines go
    /// beside their diagnostics as `text`. `withCorpus` false leaves out the corpus text and keeps
    /// only its digest, for a record whose corpus an earlier record of the same stream carries.
    package func json(withCorpus: Bool = true) -> JSONValue {
        var object = canonicalJSON(withCorpus: withCorpus)
        if case .object(var members) = object, let line {
            members["line"] = .int(line)
            object = .object(members)
        }
        return object
    }

    /// The record without its batch line number: what a part holds. A corpus is named by the
    /// SHA-256 of its bytes (`corpusSha256`); its text (`corpus`) is written once per stream, in
    /// the first record that uses it, so that a part of a million articles on one corpus.xml
    /// holds it once, not a million times.
    package func canonicalJSON(withCorpus: Bool = true) -> JSONValue {
        let findings = diagnostics.enumerated().map { index, diagnostic -> JSONValue in
            guard index < printed.count, case .object(var members) = diagnostic.json else { return diagnostic.json }
            members["text"] = .string(printed[index])
            return .object(members)
        }
        var members: [String: JSONValue] = [
            "path": path.map(JSONValue.string) ?? .null,
            "id": id.map(JSONValue.string) ?? .null,
            "ok": .bool(isValid),
            "errors": .int(diagnostics.count { $0.severity == .error }),
            "warnings": .int(diagnostics.count { $0.severity == .warning }),
            "diagnostics": .array(findings),
            "article": article.map { .string(String(decoding: $0, as: UTF8.self)) } ?? .null,
            "corpus": withCorpus ? corpus.map { .string(String(decoding: $0, as: UTF8.self)) } ?? .null : .null,
            "corpusSha256": corpus.map { .string(SHA256.hexDigest(of: $0)) } ?? .null,
            "summary": summary ?? .null,
            "partFormat": .int(format.rawValue),
        ]
        if format == .facts { members["facts"] = facts ?? .null }
        return .object(members)
    }

    /// The version of the part format of articles, in every record as `partFormat` (a part of
    /// facts is ``Format/facts``, 3): raised when a field changes meaning, so that a part written
    /// by another argmark is refused, never misread.
    package static let formatVersion = Format.articles.rawValue

    /// The record with its article's facts in place of its XML (``Format/facts``); `file` is
    /// the name its report entry gives the article.
    package func withFacts(of article: Article) -> PartRecord {
        var record = self
        record.format = .facts
        guard record.article != nil else { return record }
        record.article = nil
        let graph = ArgumentGraph(article)
        let facts = SourceFacts(source: 0, graph: graph)
        guard case .object(var members) = facts.json,
              case .object(var entry) = JSONRenderer.source(ReportSource(key: "", file: "", article: article), graph: graph, profile: facts.profile) else { return record }
        entry["key"] = nil
        entry["file"] = nil
        members["source"] = .object(entry)
        record.facts = .object(members)
        return record
    }

    /// Records as one stream writes them: each distinct corpus in full once, then by digest.
    package struct StreamWriter {
        private var written = Set<[UInt8]>()
        package init() {}
        package mutating func json(_ record: PartRecord) -> JSONValue {
            record.json(withCorpus: record.corpus.map { written.insert($0).inserted } ?? true)
        }

        /// Appends the record as a line of a part (without its batch line number).
        package mutating func line(_ record: PartRecord, into bytes: inout [UInt8]) {
            var json = json(record)
            if case .object(var members) = json {
                members["line"] = nil
                json = .object(members)
            }
            bytes += Array(json.renderedCompact().utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    /// Reads a record from one line of a part (or of `batch --do summarize` output, whose records
    /// are the same). `location` names the line in errors.
    /// A record whose corpus is given by digest only has `corpus` nil and `corpusDigest` set
    /// until ``read(parts:keepingSummaries:)`` resolves it. Without `keepingSummaries` the summary
    /// is checked for presence and not kept (a report does not need it).
    package static func parse(_ bytes: [UInt8], location: SourceLocation, keepingSummaries: Bool = true) -> Result<(record: PartRecord, corpusDigest: String?), PartRecordProblem> {
        func bad(_ message: String) -> Result<(record: PartRecord, corpusDigest: String?), PartRecordProblem> {
            .failure(PartRecordProblem(diagnostic: Diagnostic(.error, .badRecord, "not a record of a partial report: \(message)", at: location)))
        }
        let node: JSONNode
        do { node = try JSONReader.parse(bytes) } catch { return bad("not valid JSON (\(error.message))") }
        guard case .object = node.value else { return bad("a record is a JSON object") }
        let format: Format
        switch node["partFormat"]?.value {
        case .number(let text)? where Int(text).flatMap(Format.init(rawValue:)) != nil: format = Format(rawValue: Int(text)!)!
        case .number(let text)?:
            return bad("it is in part format \(text), and this argmark reads part formats \(Format.articles.rawValue) (articles) and \(Format.facts.rawValue) (facts); merge it with the argmark that wrote it, or summarize those articles again with this one")
        case nil:
            return bad("it has no \"partFormat\" (parts before format \(formatVersion) had none); summarize those articles again with this argmark")
        default:
            return bad("\"partFormat\" is a number (\(formatVersion))")
        }
        func string(_ key: String) -> (value: String?, ok: Bool) {
            switch node[key]?.value {
            case nil, .null?: (nil, true)
            case .string(let text)?: (text, true)
            default: (nil, false)
            }
        }
        let path = string("path"), id = string("id"), article = string("article"), corpus = string("corpus"), digest = string("corpusSha256")
        guard path.ok, id.ok, article.ok, corpus.ok, digest.ok else { return bad("\"path\", \"id\", \"article\", \"corpus\" and \"corpusSha256\" are strings or null") }
        guard case .bool(let ok)? = node["ok"]?.value else { return bad("\"ok\" (true or false) is missing") }
        guard let findings = node["diagnostics"]?.array else { return bad("\"diagnostics\" (a list) is missing") }
        var diagnostics: [Diagnostic] = []
        var printed: [String] = []
        for finding in findings {
            guard case .string(let message)? = finding["message"]?.value, case .string(let severityName)? = finding["severity"]?.value,
                  let severity = Diagnostic.Severity(rawValue: severityName) else { return bad("a diagnostic needs \"severity\" and \"message\"") }
            let rule = finding["rule"]?.text.flatMap(RuleID.init(rawValue:)) ?? .badRecord
            let at = SourceLocation(path: finding["path"]?.text ?? ArticleRecords.streamName, line: finding["line"]?.text.flatMap { Int($0) },
                                    column: finding["column"]?.text.flatMap { Int($0) })
            diagnostics.append(Diagnostic(severity, rule, message, at: at))
            if case .string(let text)? = finding["text"]?.value { printed.append(text) }
        }
        if printed.count != diagnostics.count { printed = [] }
        let hasSummary = node["summary"].map { if case .null = $0.value { false } else { true } } ?? false
        var facts: JSONValue?
        switch format {
        case .articles:
            guard ok == (article.value != nil && hasSummary) else {
                return bad(ok ? "a record with \"ok\": true needs \"article\" and \"summary\"" : "a record with \"ok\": false has no \"article\"")
            }
        case .facts:
            guard article.value == nil else { return bad("a record of a part of facts (part format 3) has no \"article\"") }
            let factsNode = node["facts"].flatMap { if case .object = $0.value { $0 } else { nil } }
            guard ok == (factsNode != nil && hasSummary) else {
                return bad(ok ? "a record with \"ok\": true needs \"facts\" and \"summary\"" : "a record with \"ok\": false has no \"facts\"")
            }
            if let factsNode {
                let value = JSONValue(node: factsNode)
                guard case .object(let members) = value, case .object? = members["source"], SourceFacts(json: value, source: 0) != nil else {
                    return bad("its \"facts\" are not the facts of an article as argmark writes them; summarize that article again")
                }
                facts = value
            }
        }
        var line: Int?
        if let text = node["line"]?.text { line = Int(text) }
        let summary = ok && keepingSummaries ? node["summary"].map(JSONValue.init(node:)) : nil
        var record = PartRecord(path: path.value, id: id.value, article: article.value.map { Array($0.utf8) }, corpus: corpus.value.map { Array($0.utf8) },
                                summary: summary, diagnostics: diagnostics, printed: printed, line: line)
        record.format = format
        record.facts = facts
        if let given = record.corpus, let named = digest.value, SHA256.hexDigest(of: given) != named {
            return bad("\"corpusSha256\" is not the digest of \"corpus\"")
        }
        return .success((record, record.corpus == nil ? digest.value : nil))
    }

    /// The longest line a part may have: an article of the largest file argmark reads, escaped
    /// as JSON, with its corpus and summary.
    package static let maximumLineBytes = 4 * FileSystem.maximumFileSize

    /// Whether a line of a part holds nothing (skipped, like a blank line of JSON Lines).
    package static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// A part as bytes: one compact JSON object per line, in part order.
    package static func rendered(_ records: [PartRecord]) -> [UInt8] {
        var bytes: [UInt8] = []
        var writer = StreamWriter()
        for record in sorted(records) { writer.line(record, into: &bytes) }
        return bytes
    }

    // MARK: - Summary

    /// What one article holds, in numbers: the report's profile of it, its own voice's stance per
    /// target, its counterclaims (and how many go unanswered), the propositions it carries and
    /// its speakers. Computed by the report's own analysis of the article alone.
    package static func summary(of article: Article, corpus: Corpus?) -> JSONValue {
        let report = ComparisonReport.build(sources: [ReportSource(key: article.id, file: "", article: article)], corpus: corpus ?? Corpus())
        let source = JSONRenderer.source(report.sources[0], graph: report.graphs[0], profile: report.profiles[0])
        guard case .object(let members) = source else { return .null }
        let graph = report.graphs[0]
        let stances = report.stanceBySource.cells.map { cell -> JSONValue in
            .object([
                "target": .string(report.stanceBySource.targets[cell.row].rawValue),
                "verdict": .string(cell.verdictName),
                "favor": .int(cell.favor.count), "against": .int(cell.against.count), "neutral": .int(cell.neutral.count),
                "others": .int(cell.others.count),
            ])
        }
        let propositions = report.propositions.compactMap { row -> JSONValue? in
            guard let entry = row.entries.first else { return nil }
            return .object([
                "proposition": .string(row.proposition.rawValue),
                "asserts": .int(entry.asserts.count), "reportsAsCounterclaim": .int(entry.reportsAsCounterclaim.count), "rebuts": .int(entry.rebuts.count),
            ])
        }
        let speakers = report.speakers.map { speaker -> JSONValue in
            .object([
                "id": .string(speaker.speaker.rawValue), "name": .string(speaker.name), "role": speaker.role.map(JSONValue.string) ?? .null,
                "voice": .string(graph.voice(speaker: speaker.speaker).rawValue), "units": .int(speaker.units.count),
            ])
        }
        return .object([
            "profile": members["profile"] ?? .null,
            "textSha256": .string(article.textDigest),
            "stances": .array(stances),
            "counterclaims": .int(report.counterclaims.count),
            "unansweredCounterclaims": .int(report.counterclaims.count { !$0.isAnswered }),
            "propositions": .array(propositions),
            "speakers": .array(speakers),
        ])
    }

    // MARK: - Files into records

    /// Reads and validates every article under `paths` (files and folders, as `report` reads
    /// them: each folder's `corpus.xml` for the articles beside it), in parallel, as records in
    /// part order. Unreadable paths and broken `corpus.xml` files come back as failures.
    /// With `format` ``Format/facts`` each record carries its article's facts instead of its XML.
    package static func summarize(_ paths: [String], format: Format = .articles, validator: Validator = Validator()) -> [PartRecord] {
        let (files, unreadable) = FileSystem.expand(paths, extension: ".xml")
        let articlePaths = files.filter { FileSystem.baseName(of: $0) != Corpus.fileName }
        var records = unreadable.map { PartRecord(path: $0.path, id: nil, article: nil, corpus: nil, summary: nil, diagnostics: [Diagnostic(.error, .unreadable, $0.reason, at: SourceLocation(path: $0.path))]) }
        var corpora: [String: ArticleRecords.SharedCorpus] = [:]
        for folder in Set(articlePaths.map(FileSystem.directoryName(of:))).sorted() {
            let corpusPath = FileSystem.join(folder, Corpus.fileName)
            guard FileSystem.kind(of: corpusPath) == .file else { continue }
            if let corpus = ArticleLoader.loadCorpus(besides: corpusPath, validator: validator), let bytes = try? FileSystem.read(corpusPath) {
                corpora[folder] = ArticleRecords.SharedCorpus(corpus: corpus, bytes: bytes)
            } else {
                let (_, problems) = validator.validate(bytes: (try? FileSystem.read(corpusPath)) ?? [], path: corpusPath, corpus: nil)
                let errors = problems.filter { $0.severity == .error }
                records.append(PartRecord(path: corpusPath, id: nil, article: nil, corpus: nil, summary: nil,
                                          diagnostics: errors.isEmpty ? [Diagnostic(.error, .unreadable, "cannot be read as the folder's corpus", at: SourceLocation(path: corpusPath))] : errors))
            }
        }
        let byFolder = corpora
        var results = [PartRecord?](repeating: nil, count: articlePaths.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: articlePaths.count) { index in
                let path = articlePaths[index]
                let bytes: [UInt8]
                do throws(FileSystemError) {
                    bytes = try FileSystem.read(path)
                } catch {
                    slots.buffer[index] = PartRecord(path: path, id: nil, article: nil, corpus: nil, summary: nil, diagnostics: [Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))])
                    return
                }
                switch ArticleRecords.validate(bytes, line: 0, path: path, corpus: byFolder[FileSystem.directoryName(of: path)], validator: validator) {
                case .success(let record): slots.buffer[index] = format == .facts ? PartRecord(record).withFacts(of: record.article) : PartRecord(record)
                case .failure(let failure): slots.buffer[index] = PartRecord(failure)
                }
            }
        }
        records += results.map { record in
            var record = record!
            record.line = nil
            return record
        }
        for index in records.indices { records[index].format = format }
        return sorted(records)
    }
}

/// Why a line of a part, or an article in it, cannot be used.
package struct PartRecordProblem: Error, Sendable {
    package var diagnostic: Diagnostic
}

extension ComparisonReport {
    /// The report over the valid records of any number of parts: the same report as one run
    /// over all their articles. Each article is parsed again and checked by the semantic rules
    /// (the schema was checked on the worker); a record whose article fails that is returned
    /// with the finding, like an invalid record, and left out.
    /// The records are read from the parts 4,096 at a time, in part order (``PartMerge``): each
    /// block is decoded, folded into the report's facts (``ReportFold``) and let go, articles
    /// too unless `keepingArticles` (needed by every format but JSON). Without it the sources'
    /// JSON is spooled to a temporary file. Throws a ``PartRecordProblem`` if a part changed
    /// while it was read, a `FileSystemError` if the spool could not be written.
    package static func build(parts merge: PartMerge, keepingArticles: Bool = true, options: SharedTextOptions = SharedTextOptions()) throws -> (report: ComparisonReport?, invalid: [PartRecord], warned: [PartRecord]) {
        // One decoded corpus per distinct corpus.xml, not one per article.
        var corpora: [[UInt8]: Corpus] = [:]
        for bytes in merge.corpora.values {
            if case .corpus(let decoded)? = decodeDocument(bytes, path: Corpus.fileName) { corpora[bytes] = decoded.corpus }
        }
        let decodedCorpora = corpora
        var fold = keepingArticles ? ReportFold() : try ReportFold(spoolingSources: ())
        var invalid: [PartRecord] = []
        var warned: [PartRecord] = []
        var block: [PartRecord] = []
        let blockSize = 4096
        func flush() throws {
            let decoded = decodeArticles(block[...], corpora: decodedCorpora)
            var entries: [(path: String, article: Article, corpus: Corpus?)] = []
            for (index, result) in decoded.enumerated() {
                var record = block[index]
                record.article = nil
                record.summary = nil
                switch result {
                case .success(let article):
                    entries.append((record.sourcePath, article, record.corpus.flatMap { decodedCorpora[$0] }))
                    if !record.diagnostics.isEmpty { warned.append(record) }
                case .failure(let problem):
                    record.diagnostics.append(problem.diagnostic)
                    record.printed = []
                    invalid.append(record)
                }
            }
            block = []
            fold.add(entries)
            if let problem = fold.problem { throw problem }
        }
        try merge.forEach(keepingSummaries: false) { record in
            guard record.isValid else {
                invalid.append(record)
                return
            }
            block.append(record)
            if block.count == blockSize { try flush() }
        }
        if !block.isEmpty { try flush() }
        guard fold.count > 0 else { return (nil, invalid, warned) }
        return (fold.finish(options: options), invalid, warned)
    }

    /// Each record's article, parsed and checked by the semantic rules, in parallel.
    private static func decodeArticles(_ records: ArraySlice<PartRecord>, corpora: [[UInt8]: Corpus]) -> [Result<Article, PartRecordProblem>] {
        var decoded = [Result<Article, PartRecordProblem>?](repeating: nil, count: records.count)
        decoded.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: records.count) { index in
                let record = records[records.startIndex + index]
                let path = record.sourcePath
                let corpus = record.corpus.flatMap { corpora[$0] }
                guard case .article(let article)? = decodeDocument(record.article ?? [], path: path) else {
                    slots.buffer[index] = .failure(PartRecordProblem(diagnostic: Diagnostic(.error, .badRecord, "the part's record of this article does not hold a readable argmark article; summarize it again", at: SourceLocation(path: path))))
                    return
                }
                if let error = SemanticRules.check(article, corpus: corpus, path: path).first(where: { $0.severity == .error }) {
                    slots.buffer[index] = .failure(PartRecordProblem(diagnostic: error))
                    return
                }
                slots.buffer[index] = .success(article.article)
            }
        }
        return decoded.map { $0! }
    }

    /// The document in `bytes`, parsed and decoded without the schema.
    private static func decodeDocument(_ bytes: [UInt8], path: String) -> DecodedDocument? {
        guard case .success(let parsed) = SafeXMLParser.parse(bytes, path: path) else { return nil }
        return ArticleXML.decode(parsed)
    }
}

extension JSONValue {
    /// The value a parsed node holds (numbers without a fraction or exponent become integers).
    package init(node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .string(let value): self = .string(value)
        case .number(let text): self = Int(text).map(JSONValue.int) ?? .double(Double(text) ?? 0)
        case .array(let items): self = .array(items.map(JSONValue.init(node:)))
        case .object(let members): self = .object(Dictionary(members.map { ($0.key, JSONValue(node: $0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }
}
