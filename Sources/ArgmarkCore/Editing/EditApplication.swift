extension ArticleEditor {
    /// Applies `edits`, in order, to the article at `path` (article edits) or to the corpus
    /// vocabulary at `path` (corpus edits: `path` is a `corpus.xml` file or its folder), in one
    /// locked transaction: all of them land or none.
    ///
    /// With `expectedDigest` (the ``EditOutcome/digest`` of an earlier edit, or the SHA-256 of the
    /// bytes the caller read), the edits are refused with ``EditProblem/stale(expected:actual:)``
    /// if the file changed since. A refusal caused by one edit has ``EditError/editIndex`` set.
    package static func apply(_ edits: [Edit], to path: String, expectedDigest: String? = nil,
                             validator: Validator = Validator()) throws(EditError) -> EditOutcome {
        let corpusEdits = edits.filter(\.isCorpusEdit).count
        if corpusEdits > 0 {
            guard corpusEdits == edits.count else {
                throw EditError.usage("target and proposition edits change \(Corpus.fileName), the others an article; apply them to each file separately")
            }
            return try applyToCorpus(edits, at: path, expectedDigest: expectedDigest, validator: validator)
        }
        try requireFile(path, creation: .createArticle)
        var labels: [String: String] = [:]
        let (results, committed) = try commit([path], validator: validator) { () throws(EditError) -> ([EditResult], [Staged]) in
            let corpus = try loadCorpus(besides: path, validator: validator)
            let loaded = try loadForEditing(path, corpus: corpus, expectedDigest: expectedDigest, validator: validator)
            var article = loaded.article
            var results: [EditResult] = []
            for (index, edit) in edits.enumerated() {
                do throws(EditError) {
                    results.append(try ArticleEdits.apply(edit, to: &article, corpus: corpus, labels: &labels, path: path))
                } catch {
                    throw error.atEdit(index)
                }
            }
            article.keepHighWaterMarks(of: loaded.article)
            let bytes = try encode(article, path: path)
            return (results, [Staged(path: path, bytes: bytes, original: loaded.bytes, corpus: corpus)])
        } invalidResult: { error in
            blame(error, edits: edits, path: path, validator: validator)
        }
        let file = committed[0]
        return EditOutcome(path: path, results: results, warnings: file.warnings, changed: file.changed,
                           digest: file.digest, labels: labels, otherFiles: [])
    }

    /// When the result of a batch is invalid, the first edit after which the article has an
    /// error it did not have before is the one to name: the edits are replayed to find it.
    static func blame(_ error: EditError, edits: [Edit], path: String, validator: Validator) -> EditError {
        guard edits.count > 1, error.editIndex == nil,
              let corpus = try? loadCorpus(besides: path, validator: validator),
              let loaded = try? loadForEditing(path, corpus: corpus, validator: validator) else { return error }
        var article = loaded.article
        var labels: [String: String] = [:]
        for (index, edit) in edits.enumerated() {
            guard (try? ArticleEdits.apply(edit, to: &article, corpus: corpus, labels: &labels, path: path)) != nil,
                  let bytes = try? ArticleWriter.encode(article) else { return error }
            let errors = validator.validate(bytes: bytes, path: path, corpus: corpus).diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { return error.atEdit(index) }
        }
        return error
    }

    /// Corpus edits: the vocabulary in `corpus.xml`, and for removals and renames the articles
    /// beside it, which are locked, checked and rewritten in the same transaction.
    static func applyToCorpus(_ edits: [Edit], at path: String, expectedDigest: String?, validator: Validator) throws(EditError) -> EditOutcome {
        let corpusPath = try corpusPath(for: path)
        let touchesArticles = edits.contains { edit in
            switch edit {
            case .removeTarget, .removeProposition, .renameVocabulary: true
            default: false
            }
        }
        let folder = FileSystem.directoryName(of: corpusPath)
        let articlePaths = touchesArticles ? articles(beside: corpusPath) : []
        let (results, committed) = try commit([corpusPath] + articlePaths, validator: validator) { () throws(EditError) -> ([EditResult], [Staged]) in
            let (original, originalBytes) = try loadCorpusForEditing(corpusPath, validator: validator)
            try checkVersion(originalBytes, expected: expectedDigest, path: corpusPath)
            var corpus = original
            var articles: [(path: String, loaded: LoadedOriginal, article: Article)] = []
            for articlePath in articlePaths {
                let loaded = try loadForEditing(articlePath, corpus: original, validator: validator)
                articles.append((articlePath, loaded, loaded.article))
            }
            var results: [EditResult] = []
            for (index, edit) in edits.enumerated() {
                do throws(EditError) {
                    var documents = articles.map { ($0.path, $0.article) }
                    results.append(try CorpusEdits.apply(edit, to: &corpus, articles: &documents, folder: folder))
                    for (position, document) in documents.enumerated() { articles[position].article = document.1 }
                } catch {
                    throw error.atEdit(index)
                }
            }
            var staged = [Staged(path: corpusPath, bytes: try encode(corpus, path: corpusPath), original: originalBytes, corpus: nil)]
            for article in articles {
                staged.append(Staged(path: article.path, bytes: try encode(article.article, path: article.path),
                                     original: article.loaded.bytes, corpus: corpus))
            }
            return (results, staged)
        }
        let changedArticles = committed.dropFirst().filter(\.changed).map(\.path)
        let file = committed[0]
        return EditOutcome(path: corpusPath, results: results, warnings: committed.flatMap(\.warnings), changed: file.changed || !changedArticles.isEmpty,
                           digest: file.digest, labels: [:], otherFiles: changedArticles)
    }

    /// The article files in the folder of `corpusPath` (not in subfolders: those have their own corpus).
    static func articles(beside corpusPath: String) -> [String] {
        let folder = FileSystem.directoryName(of: corpusPath)
        let (files, _) = FileSystem.expand([folder], extension: ".xml")
        return files.filter { FileSystem.directoryName(of: $0) == folder && FileSystem.baseName(of: $0) != Corpus.fileName }
    }
}

extension EditError {
    /// The same error, naming the edit (0-based, in the list given) that caused it.
    func atEdit(_ index: Int) -> EditError {
        var copy = self
        if copy.editIndex == nil { copy.editIndex = index }
        return copy
    }
}

extension ArticleEditor {
    /// Applies a batch of edits written as JSON Lines, the format `argmark apply` reads (one edit
    /// per line; README.md, "Edit files", documents every field), to the article at `path` — or,
    /// for target and proposition edits, to a `corpus.xml` or its folder — in one locked
    /// transaction: every edit lands or none does, and the file is written only if it is valid.
    ///
    /// - Parameters:
    ///   - editLines: the JSON Lines, as UTF-8.
    ///   - path: the article (or `corpus.xml`, or its folder).
    ///   - source: what the edits are called in findings (`edits.jsonl:7: …`).
    ///   - expectedDigest: refuse unless the file's SHA-256 is this (an earlier outcome's ``EditOutcome/digest``).
    /// - Returns: what changed: whether the file did, its new digest, the ids the labels stand for, warnings.
    /// - Throws: ``EditError``: a line that cannot be read or applied (its location names `source`
    ///   and the line), or a batch that would leave the file invalid. Nothing is written then.
    public static func apply(editLines: [UInt8], to path: String, source: String = "edits", expectedDigest: String? = nil) throws(EditError) -> EditOutcome {
        let forCorpus = FileSystem.kind(of: path) == .directory || FileSystem.baseName(of: path) == Corpus.fileName
        let lines: [EditJSON.Line]
        do throws(EditJSON.ReadError) { lines = try EditJSON.lines(editLines, forCorpus: forCorpus) } catch {
            throw EditError(.refused, error.message, at: SourceLocation(path: source, line: error.line))
        }
        guard !lines.isEmpty else {
            throw EditError(.usage, "no edits in it (one JSON object per line); nothing was written", at: SourceLocation(path: source))
        }
        do throws(EditError) {
            return try apply(lines.map(\.edit), to: path, expectedDigest: expectedDigest)
        } catch {
            guard let index = error.editIndex else { throw error }
            var located = error
            located.location = SourceLocation(path: source, line: lines[index].number)
            throw located
        }
    }
}
