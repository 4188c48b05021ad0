import ArgmarkCommandLine
import ArgmarkCore

/// The valid articles among `paths`, for the commands that read a corpus whole (`report`,
/// `link --suggest`): every finding is printed, invalid files are left out (and counted), and a
/// command left with nothing valid ends here with a line saying why.
struct ValidArticles {
    var articles: [LoadedArticle]
    /// Every finding of the files read, valid or not.
    var diagnostics: [Diagnostic]
    /// The files left out: invalid articles and paths that could not be read as one.
    var leftOut: Int

    /// `task` completes "no valid articles to …" (`report on`, `link`).
    init(_ paths: [String], toDo task: String) throws {
        var articles: [LoadedArticle] = []
        try self.init(paths, toDo: task) { articles += $0 }
        self.articles = articles
    }

    /// Reads the articles a block at a time and hands the valid ones of each block to `fold`,
    /// keeping none of them (`articles` stays empty): for a report that folds each article into
    /// its summary as it is read. Findings are printed once every file is read, as above.
    init(_ paths: [String], toDo task: String, folding fold: ([LoadedArticle]) -> Void) throws {
        var found: [Diagnostic] = []
        var read = 0
        var valid = 0
        let failures = ArticleLoader.load(paths) { block in
            var kept: [LoadedArticle] = []
            for loaded in block {
                found += loaded.diagnostics
                if loaded.isValid { kept.append(loaded) }
            }
            read += block.count
            valid += kept.count
            fold(kept)
        }
        articles = []
        diagnostics = failures + found
        DiagnosticPrinter.print(diagnostics)
        leftOut = read - valid + failures.count
        if valid == 0 {
            Terminal.standardError(read == 0 && failures.isEmpty
                ? "\(paths.joined(separator: " ")): error: no argmark article files found; pass .xml files or folders that hold them"
                : "argmark: error: no valid articles to \(task); fix the errors above (see argmark validate)")
            throw max(ExitStatus(diagnostics), .failure).code
        }
    }
}
