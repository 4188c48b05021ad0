/// Read-modify-write of annotation files, safely: under an exclusive lock, validated before the
/// file is replaced, replaced atomically. Any failure leaves the file byte-for-byte unchanged.
///
/// ``apply(_:to:expectedDigest:validator:)`` is what frontends call; every change goes through
/// ``commit(_:validator:_:)``, the one locked sequence (lock, read, change, encode, validate, replace).
public enum ArticleEditor {
    /// The result of a change that landed.
    package struct Outcome<Value> {
        package var value: Value
        /// Warnings the change introduced (e.g. two units of one type on one span).
        package var warnings: [Diagnostic]
        /// Whether the file's bytes changed (an edit that changes nothing does not rewrite it).
        package var changed: Bool
        /// The SHA-256 of the file's bytes after the change, lowercase hex.
        package var digest: String = ""
    }

    /// New bytes for one file, staged inside ``commit(_:validator:_:)``.
    package struct Staged {
        package var path: String
        package var bytes: [UInt8]
        /// The file's bytes before, `nil` if it is being created.
        package var original: [UInt8]?
        /// The corpus to check references against (`nil` for a corpus file).
        package var corpus: Corpus?
        /// Whether ``checkResult(_:path:corpus:original:validator:)`` should compare against the
        /// original (`false` when the original is known to have errors the change repairs).
        package var compareWithOriginal = true

        package init(path: String, bytes: [UInt8], original: [UInt8]?, corpus: Corpus?, compareWithOriginal: Bool = true) {
            self.path = path
            self.bytes = bytes
            self.original = original
            self.corpus = corpus
            self.compareWithOriginal = compareWithOriginal
        }
    }

    /// What ``commit(_:validator:_:)`` did to one staged file.
    package struct Committed {
        package var path: String
        package var warnings: [Diagnostic]
        package var changed: Bool
        package var digest: String
    }

    /// The one locked read-modify-write sequence. Locks every path in `paths` (in sorted order, so
    /// two commits over overlapping files cannot deadlock), runs `body` (which reads the files,
    /// changes them and returns their new bytes), validates every staged file in full, and only
    /// when all are valid replaces each changed one atomically. Nothing is written if anything fails.
    package static func commit<Value>(_ paths: [String], validator: Validator,
                                      _ body: () throws(EditError) -> (Value, [Staged]),
                                      invalidResult: (EditError) -> EditError = { $0 }) throws(EditError) -> (Value, [Committed]) {
        // Checked before the lock files are created, so a read-only folder gets nothing at all.
        for path in paths {
            if let problem = FileSystem.writeProblem(replacing: path) { throw EditError.refused(problem.reason, path: path) }
        }
        var locks: [FileLock] = []
        for path in Set(paths).sorted() {
            do throws(FileSystemError) { locks.append(try FileLock(for: path)) } catch { throw EditError.usage(error.reason, path: error.path) }
        }
        return try withExtendedLifetime(locks) { () throws(EditError) -> (Value, [Committed]) in
            let (value, staged) = try body()
            var committed: [Committed] = []
            for file in staged {
                let warnings: [Diagnostic]
                do throws(EditError) {
                    warnings = try checkResult(file.bytes, path: file.path, corpus: file.corpus,
                                               original: file.compareWithOriginal ? file.original : nil, validator: validator)
                } catch {
                    throw invalidResult(error)
                }
                committed.append(Committed(path: file.path, warnings: warnings, changed: file.bytes != file.original,
                                           digest: SHA256.hexDigest(of: file.bytes)))
            }
            for file in staged where file.bytes != file.original {
                do throws(FileSystemError) { try AtomicFile.write(file.bytes, to: file.path) } catch { throw EditError.refused(error.reason, path: error.path) }
            }
            return (value, committed)
        }
    }

    /// An article as read under the lock, with the bytes it came from.
    package struct LoadedOriginal {
        package var article: Article
        package var bytes: [UInt8]
        package var storedDigest: String?
    }

    /// Reads the article at `path` for editing: parsed and decoded, and validated first unless it
    /// is canonical. A canonical file (re-encoding it gives back the same bytes, the usual case
    /// for a file argmark wrote) is not validated here: the model holds everything in it, so an
    /// edit cannot drop anything, and whatever is wrong in it is still in the result, which is
    /// validated in full (and then the original too, to tell old errors from new). Any other
    /// file is validated before it is touched.
    package static func loadForEditing(_ path: String, corpus: Corpus?, expectedDigest: String? = nil, validator: Validator) throws(EditError) -> LoadedOriginal {
        let original = try read(path)
        try checkVersion(original, expected: expectedDigest, path: path)
        let decoded: DecodedArticle
        switch SafeXMLParser.parse(original, path: path) {
        case .failure(let failure):
            throw EditError(.refused, "\(FileSystem.baseName(of: path)) cannot be read as XML; fix it first", at: SourceLocation(path: path), diagnostics: failure.diagnostics, rule: .invalidFile, remedies: [.validate(path: path)])
        case .success(let parsed):
            switch ArticleXML.decode(parsed) {
            case .article(let article)?: decoded = article
            case .corpus?: throw EditError.refused("this is a corpus file, not an article; pass an article file", path: path)
            case nil: try refuseInvalidOriginal(original, path: path, corpus: corpus, validator: validator)
                throw EditError.refused("not an argmark article", path: path, rule: .invalidFile, remedies: [.validate(path: path)])
            }
        }
        if (try? ArticleWriter.encode(decoded.article)) != original {
            try refuseInvalidOriginal(original, path: path, corpus: corpus, validator: validator)
        }
        return LoadedOriginal(article: decoded.article, bytes: original, storedDigest: decoded.storedDigest)
    }

    /// The canonical bytes of `article`, or a refusal naming the character that cannot be written.
    package static func encode(_ article: Article, path: String) throws(EditError) -> [UInt8] {
        do throws(UnwritableCharacterError) { return try ArticleWriter.encode(article) } catch { throw EditError.refused(error.description, path: path) }
    }

    package static func encode(_ corpus: Corpus, path: String) throws(EditError) -> [UInt8] {
        do throws(UnwritableCharacterError) { return try ArticleWriter.encode(corpus) } catch { throw EditError.refused(error.description, path: path) }
    }

    /// Refuses when the file is not at the version the caller last saw.
    package static func checkVersion(_ bytes: [UInt8]?, expected: String?, path: String) throws(EditError) {
        guard let expected else { return }
        let actual = bytes.map(SHA256.hexDigest(of:)) ?? ""
        guard actual != expected.lowercased() else { return }
        var error = EditError(.refused, "\(FileSystem.baseName(of: path)) changed since it was read (its digest is \(actual.isEmpty ? "none: the file does not exist" : actual), not \(expected)), so nothing was written; read it again and redo the change", at: SourceLocation(path: path))
        error.problem = .stale(expected: expected, actual: actual)
        throw error
    }

    /// Applies `change` to the article in `path` under the lock and writes the result if it is
    /// valid. For changes that are not edits (reanchoring onto a new text); frontends use
    /// ``apply(_:to:expectedDigest:validator:)``.
    package static func edit<Value>(_ path: String, expectedDigest: String? = nil, validator: Validator = Validator(),
                                    _ change: (inout Article, Corpus?) throws(EditError) -> Value) throws(EditError) -> Outcome<Value> {
        try requireFile(path, creation: .createArticle)
        let (value, committed) = try commit([path], validator: validator) { () throws(EditError) -> (Value, [Staged]) in
            let corpus = try loadCorpus(besides: path, validator: validator)
            let loaded = try loadForEditing(path, corpus: corpus, expectedDigest: expectedDigest, validator: validator)
            var article = loaded.article
            let value = try change(&article, corpus)
            article.keepHighWaterMarks(of: loaded.article)
            return (value, [Staged(path: path, bytes: try encode(article, path: path), original: loaded.bytes, corpus: corpus)])
        }
        return Outcome(value: value, warnings: committed[0].warnings, changed: committed[0].changed, digest: committed[0].digest)
    }

    /// Refuses to edit a file that already has errors, listing them. Errors of `tolerated` rules
    /// (those a change is about to repair) do not count.
    static func refuseInvalidOriginal(_ original: [UInt8], path: String, corpus: Corpus?, validator: Validator) throws(EditError) {
        let errors = validator.validate(bytes: original, path: path, corpus: corpus).diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw EditError(.refused, "\(FileSystem.baseName(of: path)) is not valid (\(errors.count) \(errors.count == 1 ? "error" : "errors")); fix it first", at: SourceLocation(path: path), diagnostics: errors, rule: .invalidFile, remedies: [.validate(path: path)])
        }
    }

    /// The valid corpus at `corpusPath` and its bytes (`nil` if the file does not exist yet: an
    /// empty vocabulary).
    package static func loadCorpusForEditing(_ corpusPath: String, validator: Validator) throws(EditError) -> (corpus: Corpus, bytes: [UInt8]?) {
        switch validator.readCorpus(at: corpusPath) {
        case .absent: return (Corpus(), nil)
        case .valid(let corpus, let bytes, _): return (corpus, bytes)
        case .invalid(let findings):
            throw unusableCorpus(corpusPath, findings, "\(corpusPath) is not a valid corpus file; fix it first")
        }
    }

    /// The refusal for a corpus file that exists but cannot be used; unreadable is a usage error
    /// (exit 2, like any unreadable input), anything else a refusal listing its errors.
    private static func unusableCorpus(_ corpusPath: String, _ findings: [Diagnostic], _ message: String) -> EditError {
        if let unreadable = findings.first(where: { $0.rule == .unreadable }) {
            return EditError.usage(unreadable.message, path: corpusPath)
        }
        return EditError(.refused, message, at: SourceLocation(path: corpusPath), diagnostics: findings.filter { $0.severity == .error }, rule: .invalidFile, remedies: [.validate(path: corpusPath)])
    }

    /// The corpus file a `target`/`proposition` command means: `DIR/corpus.xml` for a folder,
    /// the path itself for a file (existing or to be created).
    package static func corpusPath(for path: String) throws(EditError) -> String {
        switch FileSystem.kind(of: path) {
        case .directory: return FileSystem.join(path, Corpus.fileName)
        case .file: return path
        case .other: throw EditError.usage("not a regular file or folder; pass a folder of annotation files or its \(Corpus.fileName)", path: path)
        case .missing:
            guard path.hasSuffix(".xml") else {
                throw EditError.usage("no such folder; pass a folder of annotation files or its \(Corpus.fileName)", path: path)
            }
            let directory = FileSystem.directoryName(of: path)
            guard FileSystem.kind(of: directory) == .directory else {
                throw EditError.usage("no such folder \(directory); create it first", path: path)
            }
            return path
        }
    }

    /// The valid corpus at `corpusPath` (an empty one if the file does not exist yet).
    package static func readCorpus(_ corpusPath: String, validator: Validator = Validator()) throws(EditError) -> Corpus {
        try loadCorpusForEditing(corpusPath, validator: validator).corpus
    }

    /// The article as an edit would see it, and the digest of its bytes (its version), for
    /// frontends that compute edits from the file first and then apply them with that digest
    /// as `expectedDigest`. Refuses what an edit would refuse (an invalid file).
    package static func readForEditing(_ path: String, validator: Validator = Validator()) throws(EditError) -> (article: Article, digest: String) {
        try requireFile(path, creation: .createArticle)
        let corpus = try loadCorpus(besides: path, validator: validator)
        let loaded = try loadForEditing(path, corpus: corpus, validator: validator)
        return (loaded.article, SHA256.hexDigest(of: loaded.bytes))
    }

    /// The article as it is on disk, checked (for commands that only read: show, list).
    package static func read(article path: String, validator: Validator = Validator()) throws(EditError) -> (article: Article, corpus: Corpus?, diagnostics: [Diagnostic]) {
        try requireFile(path, creation: .createArticle)
        // A broken corpus.xml does not stop reading, but must be named: otherwise the only
        // findings would say "no corpus.xml beside this file".
        var corpus: Corpus?
        var corpusProblems: [Diagnostic] = []
        do {
            corpus = try loadCorpus(besides: path, validator: validator)
        } catch {
            corpusProblems = [Diagnostic(.error, .corpusMissing, error.message, at: error.location ?? SourceLocation(path: path))]
        }
        let bytes = try read(path)
        let (document, diagnostics) = validator.validate(bytes: bytes, path: path, corpus: corpus)
        guard case .article(let decoded)? = document else {
            if document == nil {
                throw EditError(.refused, "\(FileSystem.baseName(of: path)) cannot be read as an argmark article; fix it first", at: SourceLocation(path: path), diagnostics: diagnostics, rule: .invalidFile, remedies: [.validate(path: path)])
            }
            throw EditError.refused("this is a corpus file, not an article; pass an article file", path: path)
        }
        return (decoded.article, corpus, corpusProblems + diagnostics)
    }

    // MARK: - Steps

    static func requireFile(_ path: String, creation: Remedy) throws(EditError) {
        switch FileSystem.kind(of: path) {
        case .file: return
        case .missing: throw EditError.usage("no such file", path: path, remedies: [.checkPath, creation])
        case .directory: throw EditError.usage("is a folder; pass an annotation file", path: path)
        case .other: throw EditError.usage("not a regular file", path: path)
        }
    }

    static func read(_ path: String) throws(EditError) -> [UInt8] {
        do { return try FileSystem.read(path) } catch { throw EditError.usage(error.reason, path: error.path) }
    }

    /// The valid corpus beside `path`; `nil` if there is none; refuses if it exists but is broken,
    /// because references into it could not be checked.
    static func loadCorpus(besides path: String, validator: Validator) throws(EditError) -> Corpus? {
        let corpusPath = FileSystem.join(FileSystem.directoryName(of: path), Corpus.fileName)
        switch validator.readCorpus(at: corpusPath) {
        case .absent: return nil
        case .valid(let corpus, _, _): return corpus
        case .invalid(let findings):
            throw unusableCorpus(corpusPath, findings, "\(corpusPath) beside the file is not a valid corpus, so references into it cannot be checked; fix it first")
        }
    }

    /// Validates the bytes about to be written; refuses them if they have any error. Returns the
    /// warnings that were not there before. The original is checked only when the result has a
    /// finding: an error already in the original is reported as such (fix the file first), and
    /// warnings already in it are not repeated.
    static func checkResult(_ bytes: [UInt8], path: String, corpus: Corpus?, original: [UInt8]?, validator: Validator) throws(EditError) -> [Diagnostic] {
        // argmark's own bound: a file it writes must be one it can read again.
        if bytes.count > FileSystem.maximumFileSize {
            throw EditError(.refused, "the file would be \(bytes.count >> 20) MiB, beyond the \(FileSystem.maximumFileSize >> 20) MiB argmark reads, so nothing was written; split the article", at: SourceLocation(path: path))
        }
        let (_, diagnostics) = validator.validate(bytes: bytes, path: path, corpus: corpus)
        guard !diagnostics.isEmpty else { return [] }
        let before = original.map { validator.validate(bytes: $0, path: path, corpus: corpus).diagnostics } ?? []
        let errorsBefore = before.filter { $0.severity == .error }
        guard errorsBefore.isEmpty else {
            throw EditError(.refused, "\(FileSystem.baseName(of: path)) is not valid (\(errorsBefore.count) \(errorsBefore.count == 1 ? "error" : "errors")); fix it first", at: SourceLocation(path: path), diagnostics: errorsBefore, rule: .invalidFile, remedies: [.validate(path: path)])
        }
        // Line numbers would point into a file that was never written, so they are dropped.
        let unlocated = diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.location = SourceLocation(path: path)
            return copy
        }
        let errors = unlocated.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw EditError(.refused, "the change would make the file invalid, so nothing was written", at: SourceLocation(path: path), diagnostics: errors)
        }
        let known = Set(before.map { "\($0.rule.rawValue) \($0.message)" })
        return unlocated.filter { !known.contains("\($0.rule.rawValue) \($0.message)") }
    }
}

extension ArticleEditor {
    /// The next id `prefix` + number after the highest such id in use and after `mark` (the
    /// article's high-water mark): ids are never reused, so an old reference to a removed unit
    /// cannot silently point at a new one.
    package static func nextID(prefix: String, among taken: some Sequence<String>, after mark: Int? = nil) -> String {
        var highest = mark ?? 0
        for id in taken {
            if let number = Article.idNumber(id, prefix: prefix) { highest = max(highest, number) }
        }
        return prefix + String(highest + 1)
    }

}

extension Article {
    /// Every id in the article, whatever it names (they share one namespace).
    package var allIDs: Set<String> {
        Set(units.map(\.id.rawValue) + relations.map(\.id.rawValue) + speakers.map(\.id.rawValue))
    }
}
