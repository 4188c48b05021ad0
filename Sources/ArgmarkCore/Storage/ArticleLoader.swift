import Dispatch

/// An article file read and checked.
public struct LoadedArticle: Sendable {
    /// The file it was read from.
    public var path: String
    /// The article as decoded (also when it has errors: see ``diagnostics``).
    public var article: Article
    package var lines: ElementLines
    /// The corpus vocabulary beside the file, if there is one and it is valid.
    public var corpus: Corpus?
    /// Everything validation found (errors and warnings).
    public var diagnostics: [Diagnostic]
    /// Whether validation found no error.
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// Why a path could not be read as an argmark article at all.
public struct ArticleLoadError: Error, Sendable, CustomStringConvertible {
    /// Why the file could not be read, one finding each.
    public var diagnostics: [Diagnostic]
    /// The findings, one `path:line:col: error: message` line each.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Reads argmark files for commands that work on their content (annotating, reports, export).
public enum ArticleLoader {
    /// Reads and validates one article file, with the corpus beside it.
    ///
    /// Throws when the file cannot be read, is not well-formed, or is not an argmark article;
    /// schema and semantic findings come back in ``LoadedArticle/diagnostics``.
    public static func load(_ path: String, validator: Validator = Validator()) throws(ArticleLoadError) -> LoadedArticle {
        try load(path, corpus: loadCorpus(besides: path, validator: validator), validator: validator)
    }

    /// Reads and validates one article file against an already loaded corpus.
    package static func load(_ path: String, corpus: Corpus?, validator: Validator = Validator()) throws(ArticleLoadError) -> LoadedArticle {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            throw ArticleLoadError(diagnostics: [Diagnostic(.error, .unreadable, error.reason, at: SourceLocation(path: path))])
        }
        let (document, diagnostics) = validator.validate(bytes: bytes, path: path, corpus: corpus)
        guard case .article(let decoded)? = document else {
            if document == nil {
                throw ArticleLoadError(diagnostics: diagnostics)
            }
            throw ArticleLoadError(diagnostics: [Diagnostic(.error, .schema, "this is a corpus file, not an article", at: SourceLocation(path: path, line: 1))])
        }
        return LoadedArticle(path: path, article: decoded.article, lines: decoded.lines, corpus: corpus, diagnostics: diagnostics)
    }

    /// Reads every article under `paths` (files and folders, recursively), skipping `corpus.xml`
    /// files, in parallel. Files that cannot be loaded come back as errors; the rest in path order.
    public static func loadAll(_ paths: [String], validator: Validator = Validator()) -> (articles: [LoadedArticle], failures: [Diagnostic]) {
        var articles: [LoadedArticle] = []
        let failures = load(paths, validator: validator) { articles += $0 }
        return (articles, failures)
    }

    /// ``loadAll(_:validator:)`` a block of files at a time: `body` gets the articles of each
    /// block of `blockSize` files (read in parallel), in path order, as soon as they are read, so a
    /// caller that folds them into a summary never holds every article. Returns the files that
    /// could not be loaded, as ``loadAll(_:validator:)`` does.
    package static func load(_ paths: [String], blockSize: Int = 4096, validator: Validator = Validator(), _ body: ([LoadedArticle]) -> Void) -> [Diagnostic] {
        let (files, unreadable) = FileSystem.expand(paths, extension: ".xml")
        let articlePaths = files.filter { FileSystem.baseName(of: $0) != Corpus.fileName }
        var failures = unreadable.map { Diagnostic(.error, .unreadable, $0.reason, at: SourceLocation(path: $0.path)) }
        var corpora: [String: Corpus] = [:]
        for directory in Set(articlePaths.map(FileSystem.directoryName(of:))).sorted() {
            let corpusFile = validator.readCorpus(at: FileSystem.join(directory, Corpus.fileName))
            corpora[directory] = corpusFile.corpus
            // Without this, a broken corpus.xml would only show as "no corpus.xml beside this file".
            failures += corpusFile.errors
        }
        let corpusByDirectory = corpora
        for start in stride(from: 0, to: articlePaths.count, by: max(1, blockSize)) {
            let block = articlePaths[start..<min(start + max(1, blockSize), articlePaths.count)]
            var results = [Result<LoadedArticle, ArticleLoadError>?](repeating: nil, count: block.count)
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = SendableBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: block.count) { index in
                    let path = block[block.startIndex + index]
                    slots.buffer[index] = Result { () throws(ArticleLoadError) in try load(path, corpus: corpusByDirectory[FileSystem.directoryName(of: path)], validator: validator) }
                }
            }
            var articles: [LoadedArticle] = []
            for result in results {
                switch result! {
                case .success(let loaded): articles.append(loaded)
                case .failure(let error): failures += error.diagnostics
                }
            }
            results = []
            body(articles)
        }
        return failures
    }

    /// The valid `corpus.xml` in the folder of `path`, if any.
    package static func loadCorpus(besides path: String, validator: Validator = Validator()) -> Corpus? {
        validator.readCorpus(besides: path).corpus
    }
}

/// Lets concurrent iterations write to distinct slots of one buffer.
struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
