import ArgmarkCore

/// One annotator's articles: everything read from one command-line argument.
package struct Annotator: Sendable {
    /// How the annotator is named in reports: the path given on the command line.
    package var name: String
    package var articles: [Article]
    /// Where each article was read from (parallel to `articles`), for error messages.
    package var paths: [String]

    /// An annotator whose articles were read from `paths`; without paths, the name stands for them.
    package init(name: String, articles: [Article], paths: [String]? = nil) {
        self.name = name
        self.articles = articles
        self.paths = paths ?? Array(repeating: name, count: articles.count)
    }
}

/// Why annotations cannot be compared.
package enum AgreementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two annotators have an article with the same id but a different text.
    case textMismatch(article: String, firstAnnotator: String, firstPath: String, secondAnnotator: String, secondPath: String)
    /// One annotator has two articles with the same id.
    case duplicateArticle(article: String, annotator: String, paths: [String])
    /// No article is annotated by at least two annotators.
    case nothingToCompare
    /// Fewer than two annotators.
    case tooFewAnnotators

    /// The file the error is about, if it is about one.
    package var path: String? {
        switch self {
        case .textMismatch(_, _, _, _, let secondPath): secondPath
        case .duplicateArticle(_, _, let paths): paths.last
        case .nothingToCompare, .tooFewAnnotators: nil
        }
    }

    /// What went wrong and how to fix it, lowercase, without the path.
    package var message: String {
        switch self {
        case let .textMismatch(article, first, firstPath, second, _):
            "article \(article) (\(second)) has a different text than in \(firstPath) (\(first)); compare annotations of the same text, or give one of them another id"
        case let .duplicateArticle(article, annotator, paths):
            "article \(article) occurs more than once in \(annotator) (\(paths.joined(separator: ", "))); keep one file per article for each annotator"
        case .nothingToCompare:
            "no article is annotated by two of the annotators; pass annotations of the same articles (matched by id)"
        case .tooFewAnnotators:
            "agreement needs at least two annotators; pass two or more files or folders"
        }
    }

    /// `path: error: message`, or `argmark: error: message` when no file is to blame.
    package var description: String {
        (path ?? "argmark") + ": error: " + message
    }
}

/// Which units take part: implicit units never do (they have no span), suggestions only when asked.
package struct UnitFilter: Sendable {
    package var includeSuggested: Bool
    package init(includeSuggested: Bool = false) { self.includeSuggested = includeSuggested }

    package func admits(_ unit: ArgumentUnit) -> Bool {
        unit.span != nil && (includeSuggested || unit.status == .gold)
    }
}

/// One article as every annotator who has it annotated it, on one continuum.
package struct ArticleStudy: Sendable {
    package var id: String
    package var continuum: Continuum
    /// For each annotator (in command-line order), their version of the article, or `nil`.
    package var versions: [Article?]

    /// The indices of the annotators who annotated the article.
    package var annotatorIndices: [Int] { versions.indices.filter { versions[$0] != nil } }
}

/// Articles matched across annotators by id, their texts checked equal by SHA-256 digest.
package struct Study: Sendable {
    package var annotators: [String]
    /// Articles annotated by at least two annotators, sorted by id (code-point order).
    package var articles: [ArticleStudy]
    /// Articles only one annotator has, by id, with that annotator's name: left out of every measure.
    package var unpaired: [(article: String, annotator: String)]
    package var granularity: Granularity
    package var filter: UnitFilter

    package init(annotators: [Annotator], granularity: Granularity, filter: UnitFilter = UnitFilter()) throws(AgreementError) {
        guard annotators.count >= 2 else { throw .tooFewAnnotators }
        self.annotators = annotators.map(\.name)
        self.granularity = granularity
        self.filter = filter
        var byID: [String: [Article?]] = [:]
        var firstHolder: [String: (annotator: Int, digest: String, path: String)] = [:]
        for (index, annotator) in annotators.enumerated() {
            var seen: [String: [String]] = [:]
            for (article, path) in zip(annotator.articles, annotator.paths) {
                seen[article.id, default: []].append(path)
            }
            if let (id, paths) = seen.filter({ $0.value.count > 1 }).min(by: { codePointLess($0.key, $1.key) }) {
                throw .duplicateArticle(article: id, annotator: annotator.name, paths: paths)
            }
            for (article, path) in zip(annotator.articles, annotator.paths) {
                let digest = article.textDigest
                if let holder = firstHolder[article.id] {
                    if holder.digest != digest {
                        let first = annotators[holder.annotator]
                        throw .textMismatch(article: article.id,
                                            firstAnnotator: first.name, firstPath: holder.path,
                                            secondAnnotator: annotator.name, secondPath: path)
                    }
                } else {
                    firstHolder[article.id] = (index, digest, path)
                }
                byID[article.id, default: Array(repeating: nil, count: annotators.count)][index] = article
            }
        }
        var articles: [ArticleStudy] = []
        var unpaired: [(String, String)] = []
        for id in byID.keys.sorted(by: codePointLess) {
            let versions = byID[id]!
            let holders = versions.indices.filter { versions[$0] != nil }
            if holders.count < 2 {
                unpaired.append((id, annotators[holders[0]].name))
                continue
            }
            let text = versions[holders[0]]!.text
            articles.append(ArticleStudy(id: id, continuum: Continuum(text: text, granularity: granularity), versions: versions))
        }
        guard !articles.isEmpty else { throw .nothingToCompare }
        self.articles = articles
        self.unpaired = unpaired
    }

    /// The units an annotator has in an article that take part in the measures, in text order.
    package func units(of article: Article) -> [ArgumentUnit] {
        article.units.filter(filter.admits).sorted { lhs, rhs in
            (lhs.span!, lhs.type, lhs.id) < (rhs.span!, rhs.type, rhs.id)
        }
    }

    /// Articles both annotators have.
    package func shared(_ first: Int, _ second: Int) -> [ArticleStudy] {
        articles.filter { $0.versions[first] != nil && $0.versions[second] != nil }
    }

    /// Articles every annotator has.
    package var complete: [ArticleStudy] {
        articles.filter { $0.versions.allSatisfy { $0 != nil } }
    }
}

/// Orders strings by their code points, as Python's `sorted` does, so references can reproduce it.
func codePointLess(_ lhs: String, _ rhs: String) -> Bool {
    lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
}
