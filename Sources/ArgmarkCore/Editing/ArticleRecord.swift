/// One article handed over as a JSON object (a line of `argmark batch` input), read and validated.
///
/// A record holds an article either as argmark XML (`xml`) or as plain text with metadata
/// (`text`, `id`, `title`, …), and optionally the vocabulary its references resolve against
/// (`corpus`, a `corpus.xml` as a string). A record from text becomes the article `argmark new`
/// would write, so both kinds are validated the same way, byte for byte.
package struct ArticleRecord: Sendable {
    /// The record's 1-based line in its stream.
    package var line: Int
    /// Where the article comes from, as the record says (`path`); reports sort sources by it.
    package var path: String?
    /// The article as XML: the bytes given, or the canonical file written from the text.
    package var bytes: [UInt8]
    package var article: Article
    /// The vocabulary the article was validated against, and its XML.
    package var corpus: Corpus?
    package var corpusBytes: [UInt8]?
    /// Everything validation found (errors and warnings).
    package var diagnostics: [Diagnostic]
    package var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// A record that could not be read as an article at all: not JSON, a field missing or of the
/// wrong kind, XML that is not well-formed, or a line beyond the size limit.
package struct ArticleRecordFailure: Error, Sendable {
    package var line: Int
    package var path: String?
    package var id: String?
    package var diagnostics: [Diagnostic]
}

package enum ArticleRecords {
    /// Where a record's findings are located when it names no path.
    package static let streamName = "<stdin>"

    /// How findings inside a record's XML name it when the record gives no path: lines and
    /// columns are then those of the XML string.
    package static func recordName(_ line: Int) -> String { "\(streamName) record \(line)" }

    /// The fields a record may have; any other is refused, so a misspelt field cannot be ignored.
    package static let fields = ["path", "xml", "text", "id", "title", "outlet", "author", "published", "url", "genre", "language", "properties", "corpus"]

    /// A vocabulary given once for every record (`corpus.xml`), with its XML.
    package struct SharedCorpus: Sendable {
        package var corpus: Corpus
        package var bytes: [UInt8]
        package init(corpus: Corpus, bytes: [UInt8]) {
            self.corpus = corpus
            self.bytes = bytes
        }
    }

    /// The failure for a line longer than the limit (its bytes were never kept).
    package static func tooLong(line: Int, bytes: Int, limit: Int) -> ArticleRecordFailure {
        ArticleRecordFailure(line: line, path: nil, id: nil, diagnostics: [
            Diagnostic(.error, .badRecord, "record is \(bytes) bytes, more than the limit of \(limit); split the article or raise the limit", at: SourceLocation(path: streamName, line: line), remedies: [.raiseRecordLimit(bytes: bytes)]),
        ])
    }

    /// Reads and validates the record on `line`.
    package static func read(_ bytes: [UInt8], line: Int, corpus shared: SharedCorpus?, validator: Validator = Validator()) -> Result<ArticleRecord, ArticleRecordFailure> {
        func failure(_ message: String, path: String? = nil, id: String? = nil, remedies: [Remedy] = []) -> Result<ArticleRecord, ArticleRecordFailure> {
            .failure(ArticleRecordFailure(line: line, path: path, id: id, diagnostics: [
                Diagnostic(.error, .badRecord, message, at: SourceLocation(path: streamName, line: line), remedies: remedies),
            ]))
        }
        let node: JSONNode
        do {
            node = try JSONReader.parse(bytes)
        } catch {
            return failure("not valid JSON: \(error.message); each line must be one JSON object")
        }
        guard case .object(let members) = node.value else {
            return failure("a record must be a JSON object with \"xml\" or \"text\"")
        }
        var strings: [String: String] = [:]
        var properties: [MetadataProperty] = []
        for (key, value) in members {
            guard fields.contains(key) else {
                return failure("unknown field \"\(key)\"; a record has \(fields.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            if key == "properties" {
                guard case .object(let entries) = value.value else { return failure("\"properties\" must be an object of strings") }
                for (name, entry) in entries {
                    guard case .string(let text) = entry.value else { return failure("property \"\(name)\" must be a string") }
                    properties.append(MetadataProperty(name: name, value: text))
                }
                continue
            }
            switch value.value {
            case .string(let text): strings[key] = text
            case .null: continue
            default: return failure("\"\(key)\" must be a string")
            }
        }
        let path = strings["path"]
        let location = path ?? recordName(line)
        var corpus = shared?.corpus
        var corpusBytes = shared?.bytes
        if let given = strings["corpus"] {
            let bytes = Array(given.utf8)
            let corpusPath = location + " (corpus)"
            let (document, diagnostics) = validator.validate(bytes: bytes, path: corpusPath, corpus: nil)
            let errors = diagnostics.filter { $0.severity == .error }
            guard case .corpus(let decoded)? = document, errors.isEmpty else {
                return .failure(ArticleRecordFailure(line: line, path: path, id: strings["id"], diagnostics: errors.isEmpty
                    ? [Diagnostic(.error, .badRecord, "\"corpus\" must be a corpus.xml (targets and propositions), not an article", at: SourceLocation(path: streamName, line: line))]
                    : errors))
            }
            corpus = decoded.corpus
            corpusBytes = bytes
        }
        let articleBytes: [UInt8]
        switch (strings["xml"], strings["text"]) {
        case (let xml?, nil):
            if let extra = ["id", "title", "outlet", "author", "published", "url", "genre", "language"].first(where: { strings[$0] != nil }) ?? (properties.isEmpty ? nil : "properties") {
                return failure("\"\(extra)\" belongs to a text record; an \"xml\" record carries its metadata in the XML", path: path)
            }
            articleBytes = Array(xml.utf8)
        case (nil, let text?):
            guard let id = strings["id"] ?? path.map({ ArticleFactory.id(fromFileName: FileSystem.baseName(of: $0)) }) else {
                return failure("a text record needs \"id\" (or a \"path\" to take it from)", path: path)
            }
            var genre: Genre?
            if let name = strings["genre"] {
                guard let known = Genre(rawValue: name) else {
                    return failure("genre \"\(name)\" is not one of \(Genre.allCases.map(\.rawValue).joined(separator: ", "))", path: path, id: id)
                }
                genre = known
            }
            let metadata = ArticleMetadata(title: strings["title"], outlet: strings["outlet"], author: strings["author"], published: strings["published"],
                                           url: strings["url"], genre: genre, language: strings["language"], properties: properties)
            do {
                articleBytes = try ArticleWriter.encode(try ArticleFactory.makeArticle(id: id, text: text, metadata: metadata))
            } catch let error as EditError {
                var finding = error.finding
                finding.location = SourceLocation(path: streamName, line: line)
                finding.rule = .badRecord
                finding.remedies = []
                return .failure(ArticleRecordFailure(line: line, path: path, id: id, diagnostics: [finding]))
            } catch {
                return failure("the text cannot be stored in XML: \(error)", path: path, id: id)
            }
        case (nil, nil):
            return failure("a record needs \"xml\" (an argmark article) or \"text\" (with \"id\" and metadata)", path: path)
        case (_?, _?):
            return failure("a record has \"xml\" or \"text\", not both", path: path)
        }
        return validate(articleBytes, line: line, path: path, corpus: corpus.map { SharedCorpus(corpus: $0, bytes: corpusBytes ?? []) }, validator: validator)
    }

    /// Validates an article's XML as a record: how `summarize` reads files, so that a file and
    /// the same article sent through `batch` give the same record.
    package static func validate(_ bytes: [UInt8], line: Int, path: String?, corpus: SharedCorpus?, validator: Validator = Validator()) -> Result<ArticleRecord, ArticleRecordFailure> {
        let location = path ?? recordName(line)
        let (document, diagnostics) = validator.validate(bytes: bytes, path: location, corpus: corpus?.corpus)
        switch document {
        case .article(let decoded)?:
            return .success(ArticleRecord(line: line, path: path, bytes: bytes, article: decoded.article, corpus: corpus?.corpus, corpusBytes: corpus?.bytes, diagnostics: diagnostics))
        case .corpus?:
            return .failure(ArticleRecordFailure(line: line, path: path, id: nil, diagnostics: [
                Diagnostic(.error, .badRecord, "this holds a corpus file (targets and propositions), not an article", at: SourceLocation(path: location, line: 1)),
            ]))
        case nil:
            return .failure(ArticleRecordFailure(line: line, path: path, id: nil, diagnostics: diagnostics))
        }
    }
}
