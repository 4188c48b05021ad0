import ArgmarkCore

/// One article as a report sees it: a source whose arguments are compared with the others.
package struct ReportSource: Sendable {
    /// The source's name in this report: the article id, with `~2`, `~3`… appended when several
    /// input files carry the same id, so every key is unique.
    package var key: String
    /// The file the article was read from, without its folder (reports never show absolute paths).
    package var file: String
    package var article: Article

    package init(key: String, file: String, article: Article) {
        self.key = key
        self.file = file
        self.article = article
    }

    /// Sources for `articles` in the given order, with unique keys.
    package static func sources(for articles: [(path: String, article: Article)]) -> [ReportSource] {
        var keys = SourceKeys()
        return articles.map { entry in
            ReportSource(key: keys.key(for: entry.article.id), file: FileSystem.baseName(of: entry.path), article: entry.article)
        }
    }

    /// The caption of the source's map: its key and title.
    package var caption: String {
        key + (article.metadata.title.map { ": " + $0 } ?? "")
    }

    /// The name shown for the source: its outlet, else its title, else its key.
    package var displayName: String {
        article.metadata.outlet ?? article.metadata.title ?? key
    }
}

/// A unit of one source, as the comparison tables link to it.
package struct UnitReference: Hashable, Sendable, Comparable {
    /// Index of the source in ``ComparisonReport/sources``.
    package var source: Int
    package var unit: UnitID

    package init(source: Int, unit: UnitID) {
        self.source = source
        self.unit = unit
    }

    package static func < (lhs: UnitReference, rhs: UnitReference) -> Bool {
        if lhs.source != rhs.source { return lhs.source < rhs.source }
        return naturalLess(lhs.unit.rawValue, rhs.unit.rawValue)
    }
}

extension Corpus {
    /// The union of several folders' vocabularies; the first definition of an id wins.
    package static func merging(_ corpora: [Corpus]) -> Corpus {
        var merged = Corpus()
        var targetIDs = Set<TargetID>()
        var propositionIDs = Set<PropositionID>()
        for corpus in corpora {
            for target in corpus.targets where targetIDs.insert(target.id).inserted {
                merged.targets.append(target)
            }
            for proposition in corpus.propositions where propositionIDs.insert(proposition.id).inserted {
                merged.propositions.append(proposition)
            }
        }
        return merged
    }
}
