/// Read-modify-write of annotation files, safely: under an exclusive lock, validated before the
/// file is replaced, replaced atomically. Any failure leaves the file byte-for-byte unchanged.
public enum ArticleEditor {
    /// The result of an edit that landed.
    public struct Outcome<Value> {
        public var value: Value
        /// Warnings the change introduced (e.g. two units of one type on one span).
        public var warnings: [Diagnostic]
        /// Whether the file's bytes changed (an edit that changes nothing does not rewrite it).
        public var changed: Bool
    }

    /// Applies `change` to the article in `path` and writes the result if it is valid.
    ///
    /// `change` gets the article and the corpus beside it (if any); it throws ``EditError`` to
    /// refuse. The file is locked from before it is read until after it is replaced, so
    /// concurrent edits of one file are serialised and none is lost.
    public static func edit<Value>(_ path: String, validator: Validator = Validator(),
                                   _ change: (inout Article, Corpus?) throws(EditError) -> Value) throws(EditError) -> Outcome<Value> {
        try requireFile(path, creation: "create it with argmark new")
        // Checked before the lock file is created, so a read-only folder gets nothing at all.
        if let problem = FileSystem.writeProblem(replacing: path) { throw EditError.refused(problem.reason, path: path) }
        let lock: FileLock
        do throws(FileSystemError) { lock = try FileLock(for: path) } catch { throw EditError.usage(error.reason, path: error.path) }
        return try withExtendedLifetime(lock) { () throws(EditError) -> Outcome<Value> in
            let corpus = try loadCorpus(besides: path, validator: validator)
            let original = try read(path)
            // The original is parsed and decoded, not validated, when it is canonical: then
            // re-encoding it gives back the same bytes, so the model holds everything in the file
            // and an edit cannot drop anything; whatever is wrong in it is still in the result,
            // which is validated in full (and then the original too, to tell old errors from new).
            // A file argmark wrote (the usual case) is thus validated once per edit. Any other
            // file is validated before it is touched.
            let decoded: DecodedArticle
            switch SafeXMLParser.parse(original, path: path) {
            case .failure(let failure):
                throw EditError(.refused, "\(FileSystem.baseName(of: path)) cannot be read as XML; fix it first (argmark validate \(path))", at: SourceLocation(path: path), diagnostics: failure.diagnostics)
            case .success(let parsed):
                switch ArticleXML.decode(parsed) {
                case .article(let article)?: decoded = article
                case .corpus?: throw EditError.refused("this is a corpus file, not an article; pass an article file", path: path)
                case nil: try refuseInvalidOriginal(original, path: path, corpus: corpus, validator: validator)
                    throw EditError.refused("not an argmark article; argmark validate \(path) says why", path: path)
                }
            }
            if (try? ArticleWriter.encode(decoded.article)) != original {
                try refuseInvalidOriginal(original, path: path, corpus: corpus, validator: validator)
            }
            var article = decoded.article
            let value = try change(&article, corpus)
            let bytes: [UInt8]
            do throws(UnwritableCharacterError) { bytes = try ArticleWriter.encode(article) } catch { throw EditError.refused(error.description, path: path) }
            let warnings = try checkResult(bytes, path: path, corpus: corpus, original: original, validator: validator)
            guard bytes != original else { return Outcome(value: value, warnings: warnings, changed: false) }
            do throws(FileSystemError) { try AtomicFile.write(bytes, to: path) } catch { throw EditError.refused(error.reason, path: error.path) }
            return Outcome(value: value, warnings: warnings, changed: true)
        }
    }

    /// Refuses to edit a file that already has errors, listing them.
    static func refuseInvalidOriginal(_ original: [UInt8], path: String, corpus: Corpus?, validator: Validator) throws(EditError) {
        let errors = validator.validate(bytes: original, path: path, corpus: corpus).diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw EditError(.refused, "\(FileSystem.baseName(of: path)) is not valid (\(errors.count) \(errors.count == 1 ? "error" : "errors")); fix it first, argmark validate \(path) lists them", at: SourceLocation(path: path), diagnostics: errors)
        }
    }

    /// Applies `change` to the corpus vocabulary at `path` — a `corpus.xml` file, or a folder
    /// holding one — creating the file if it does not exist yet.
    public static func editCorpus<Value>(_ path: String, validator: Validator = Validator(),
                                         _ change: (inout Corpus) throws(EditError) -> Value) throws(EditError) -> Outcome<Value> {
        let corpusPath = try corpusPath(for: path)
        if let problem = FileSystem.writeProblem(replacing: corpusPath) { throw EditError.refused(problem.reason, path: corpusPath) }
        let lock: FileLock
        do throws(FileSystemError) { lock = try FileLock(for: corpusPath) } catch { throw EditError.usage(error.reason, path: error.path) }
        return try withExtendedLifetime(lock) { () throws(EditError) -> Outcome<Value> in
            var corpus = Corpus()
            var original: [UInt8]?
            if FileSystem.kind(of: corpusPath) == .file {
                let bytes = try read(corpusPath)
                let (document, diagnostics) = validator.validate(bytes: bytes, path: corpusPath, corpus: nil)
                guard case .corpus(let decoded)? = document else {
                    throw EditError(.refused, "\(corpusPath) is not an argmark corpus file; fix or remove it first", at: SourceLocation(path: corpusPath), diagnostics: diagnostics.filter { $0.severity == .error })
                }
                let errors = diagnostics.filter { $0.severity == .error }
                guard errors.isEmpty else {
                    throw EditError(.refused, "\(corpusPath) is not valid; fix it first, argmark validate \(corpusPath) lists the errors", at: SourceLocation(path: corpusPath), diagnostics: errors)
                }
                corpus = decoded.corpus
                original = bytes
            }
            let value = try change(&corpus)
            let bytes: [UInt8]
            do throws(UnwritableCharacterError) { bytes = try ArticleWriter.encode(corpus) } catch { throw EditError.refused(error.description, path: corpusPath) }
            let warnings = try checkResult(bytes, path: corpusPath, corpus: nil, original: original, validator: validator)
            guard bytes != original else { return Outcome(value: value, warnings: warnings, changed: false) }
            do throws(FileSystemError) { try AtomicFile.write(bytes, to: corpusPath) } catch { throw EditError.refused(error.reason, path: error.path) }
            return Outcome(value: value, warnings: warnings, changed: true)
        }
    }

    /// The corpus file a `target`/`proposition` command means: `DIR/corpus.xml` for a folder,
    /// the path itself for a file (existing or to be created).
    public static func corpusPath(for path: String) throws(EditError) -> String {
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

    /// The article as it is on disk, checked (for commands that only read: show, list).
    public static func read(article path: String, validator: Validator = Validator()) throws(EditError) -> (article: Article, corpus: Corpus?, diagnostics: [Diagnostic]) {
        try requireFile(path, creation: "create it with argmark new")
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
                throw EditError(.refused, "\(FileSystem.baseName(of: path)) cannot be read as an argmark article; fix it first (argmark validate \(path))", at: SourceLocation(path: path), diagnostics: diagnostics)
            }
            throw EditError.refused("this is a corpus file, not an article; pass an article file", path: path)
        }
        return (decoded.article, corpus, corpusProblems + diagnostics)
    }

    // MARK: - Steps

    static func requireFile(_ path: String, creation: String) throws(EditError) {
        switch FileSystem.kind(of: path) {
        case .file: return
        case .missing: throw EditError.usage("no such file; check the path, or \(creation)", path: path)
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
        guard FileSystem.kind(of: corpusPath) == .file else { return nil }
        let bytes = try read(corpusPath)
        let (document, diagnostics) = validator.validate(bytes: bytes, path: corpusPath, corpus: nil)
        let errors = diagnostics.filter { $0.severity == .error }
        guard case .corpus(let decoded)? = document, errors.isEmpty else {
            throw EditError(.refused, "\(corpusPath) beside the file is not a valid corpus, so references into it cannot be checked; fix it first (argmark validate \(corpusPath))", at: SourceLocation(path: corpusPath), diagnostics: errors)
        }
        return decoded.corpus
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
            throw EditError(.refused, "\(FileSystem.baseName(of: path)) is not valid (\(errorsBefore.count) \(errorsBefore.count == 1 ? "error" : "errors")); fix it first, argmark validate \(path) lists them", at: SourceLocation(path: path), diagnostics: errorsBefore)
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
    /// The next id `prefix` + number after the highest such id in use (ids are never reused, so
    /// an old reference to a removed unit cannot silently point at a new one).
    public static func nextID(prefix: String, among taken: some Sequence<String>) -> String {
        var highest = 0
        for id in taken where id.hasPrefix(prefix) {
            let digits = id.dropFirst(prefix.count)
            if !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits) {
                highest = max(highest, number)
            }
        }
        return prefix + String(highest + 1)
    }
}

extension Article {
    /// Every id in the article, whatever it names (they share one namespace).
    public var allIDs: Set<String> {
        Set(units.map(\.id.rawValue) + relations.map(\.id.rawValue) + speakers.map(\.id.rawValue))
    }
}
