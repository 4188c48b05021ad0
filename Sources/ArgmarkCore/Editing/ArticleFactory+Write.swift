extension ArticleFactory {
    /// Writes `article` as the new file `output`, validated in full (against the `corpus.xml`
    /// beside it) before it is written atomically; refuses to overwrite an existing file.
    package static func create(_ article: Article, at output: String, validator: Validator = Validator()) throws(EditError) {
        if FileSystem.kind(of: output) != .missing {
            throw EditError.refused("already exists; refusing to overwrite it", path: output)
        }
        let outputFolder = FileSystem.directoryName(of: output)
        guard FileSystem.kind(of: outputFolder) == .directory else {
            throw EditError.usage("no such folder \(outputFolder); create it first", path: output)
        }
        let corpus = try ArticleEditor.loadCorpus(besides: output, validator: validator)
        let encoded: [UInt8]
        do { encoded = try ArticleWriter.encode(article) } catch { throw EditError.refused(error.description, path: output) }
        _ = try ArticleEditor.checkResult(encoded, path: output, corpus: corpus, original: nil, validator: validator)
        do { try AtomicFile.write(encoded, to: output, overwrite: false) } catch {
            throw EditError.refused(error.reason, path: error.path)
        }
    }
}
