extension ArticleEditor {
    /// Puts back bytes the article at `path` had before (an undo or a redo), through the one locked
    /// sequence: under the lock, refused as stale unless the file is still `expectedDigest`, the
    /// bytes validated in full against the corpus beside the file, then written atomically.
    ///
    /// The bytes are restored as they were, not re-encoded from a model: an undo gives back the
    /// file exactly, high-water marks included, so its digest is the one the history recorded.
    package static func restore(_ bytes: [UInt8], to path: String, expectedDigest: String,
                                validator: Validator = Validator()) throws(EditError) -> Outcome<Void> {
        try requireFile(path, creation: .createArticle)
        let (_, committed) = try commit([path], validator: validator) { () throws(EditError) -> (Void, [Staged]) in
            let current = try read(path)
            try checkVersion(current, expected: expectedDigest, path: path)
            let corpus = try loadCorpus(besides: path, validator: validator)
            return ((), [Staged(path: path, bytes: bytes, original: current, corpus: corpus)])
        }
        return Outcome(value: (), warnings: committed[0].warnings, changed: committed[0].changed, digest: committed[0].digest)
    }
}
