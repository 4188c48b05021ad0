import ArgmarkCore

/// Accepting a suggested link: both units come to carry one shared proposition, through the same
/// locked, validated, atomic edits as every other change.
package enum LinkAcceptance {
    /// Gives both units of `entry` one proposition and returns it: the one a unit already carries,
    /// else `given`, else a new id made of the shorter quote's first content words. A
    /// proposition missing from an article's `corpus.xml` is created there, with `statement` or
    /// the shorter quote as its statement. Refused when a unit no longer exists, or when the units
    /// carry two different propositions and `given` does not say which.
    package static func accept(_ entry: LinkSuggestionFile.Entry, in folder: String, proposition given: PropositionID?, statement: String?) throws(EditError) -> PropositionID {
        let fileA = path(entry.fileA, in: folder), fileB = path(entry.fileB, in: folder)
        let a = try ArticleEditor.read(article: fileA).article.unit(entry.unitA)
        let b = try ArticleEditor.read(article: fileB).article.unit(entry.unitB)
        guard let a, let b else {
            throw EditError(.refused, "\(entry.id) links \(entry.fileA):\(entry.unitA) and \(entry.fileB):\(entry.unitB), and one of them no longer exists; suggest the links again")
        }
        if given == nil, let left = a.proposition, let right = b.proposition, left != right {
            throw EditError(.refused, "\(entry.unitA) carries \(left) and \(entry.unitB) carries \(right); name the proposition both should carry")
        }
        let shorter = [a.quote, b.quote].min { $0.unicodeScalars.count < $1.unicodeScalars.count }!
        let chosen: PropositionID
        if let id = given ?? a.proposition ?? b.proposition {
            chosen = id
        } else {
            let corpus = (try? ArticleEditor.read(article: fileA))?.corpus
            chosen = PropositionID(LinkSuggestionFile.propositionID(for: statement ?? shorter, taken: Set((corpus?.propositions ?? []).map(\.id.rawValue))))
        }
        for file in Set([fileA, fileB]).sorted() where (try? ArticleEditor.read(article: file))?.corpus?.proposition(chosen) == nil {
            _ = try ArticleEditor.apply([.proposition(PropositionChange(id: chosen, statement: statement ?? shorter, target: nil, stance: nil, replace: false))],
                                        to: FileSystem.directoryName(of: file))
        }
        for (file, unit) in [(fileA, a), (fileB, b)] where unit.proposition != chosen {
            var change = ArticleEdits.UnitChange()
            change.proposition = chosen
            _ = try ArticleEditor.apply([.set(id: unit.id.rawValue, SetChange(type: nil, fields: change))], to: file)
        }
        return chosen
    }

    /// A file named in `link-suggestions.tsv` (relative to its folder, or absolute).
    package static func path(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") ? path : FileSystem.join(folder, path)
    }
}
