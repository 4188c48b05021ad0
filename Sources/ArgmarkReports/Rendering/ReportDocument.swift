import ArgmarkCore

/// The comparison report as a document: sections of paragraphs, tables and outlines, built once
/// from a ``ComparisonReport``. The HTML and Markdown renderers both draw this value, so their
/// sections, titles, columns and wording cannot drift apart; each only decides how a block looks.
package struct ReportDocument: Sendable {
    /// Inline content of a paragraph or table cell.
    package enum Inline: Sendable, Equatable {
        case text(String)
        case strong(String)
        case emphasis(String)
        case code(String)
        /// A link to a unit in the text of its source; `title` is the unit's type and quote.
        case unit(UnitReference, label: String, title: String)
        /// A link to a source's map and text.
        case source(Int, label: String)
        /// A stance or verdict label (`favor`, `against`, `neutral`, `mixed`, `none`).
        case stance(String, label: String)
        case quote(String)
        case lineBreak
    }

    package struct Table: Sendable {
        package struct Row: Sendable {
            package var cells: [[Inline]]
            /// Keys of the sources the row is about (the HTML report filters rows by source).
            package var sources: [String] = []
            /// Highlighted (an unanswered counterclaim).
            package var isFlagged = false
        }
        package var header: [String]
        /// Columns holding numbers, right-aligned.
        package var numericColumns: Set<Int> = []
        package var rows: [Row]
    }

    package enum ParagraphStyle: Sendable {
        case body, hint, empty
    }

    package enum Block: Sendable {
        case paragraph([Inline], style: ParagraphStyle)
        case table(Table)
        /// A sub-heading; `anchor` names it for links, `sources` for filtering.
        case heading([Inline], anchor: String?, sources: [String])
        /// A source's argument as an outline (see ``ArgumentGraph/outline()``).
        case outline(source: Int)
        /// A source's argument maps (drawn in HTML; Markdown has the outline instead).
        case map(source: Int)
        /// A source's text with the units highlighted (HTML only).
        case text(source: Int)
    }

    package struct Section: Sendable {
        package var id: String
        package var title: String
        package var blocks: [Block]
    }

    package var title: String
    /// One line of counts under the title.
    package var summary: String
    package var sections: [Section]

    /// The document for `report`.
    package static func build(_ report: ComparisonReport) -> ReportDocument {
        let builder = Builder(report: report)
        return ReportDocument(title: "Argument report", summary: builder.summary(), sections: [
            builder.sourcesSection(),
            builder.stanceSection(report.stanceBySource, id: "stance-sources", title: "Stance by source", isSpeakers: false),
            builder.stanceSection(report.stanceBySpeaker, id: "stance-speakers", title: "Stance by speaker", isSpeakers: true),
            builder.propositionsSection(),
            builder.disagreementSection(),
            builder.counterclaimsSection(),
            builder.sharedTextSection(),
            builder.speakersSection(),
            builder.mapsSection(),
        ])
    }

    struct Builder {
        let report: ComparisonReport

        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        func key(_ source: Int) -> String { report.sources[source].key }
        func targetName(_ id: TargetID) -> String { report.corpus.target(id)?.name ?? id.rawValue }

        func unit(_ reference: UnitReference, showSource: Bool) -> Inline {
            let label = showSource ? "\(key(reference.source)):\(reference.unit)" : reference.unit.rawValue
            var title = reference.unit.rawValue
            if let unit = report.unit(reference) { title = "\(unit.type.rawValue): \(Markup.shorten(unit.quote, to: 200))" }
            return .unit(reference, label: label, title: title)
        }

        /// `a, b, c` as inline links.
        func units(_ references: [UnitReference], showSource: Bool) -> [Inline] {
            var out: [Inline] = []
            for (index, reference) in references.enumerated() {
                if index > 0 { out.append(.text(", ")) }
                out.append(unit(reference, showSource: showSource))
            }
            return out
        }

        func summary() -> String {
            let units = report.profiles.reduce(0) { $0 + $1.unitCount }
            let relations = report.graphs.reduce(0) { $0 + $1.article.relations.count }
            let unanswered = report.counterclaims.filter { !$0.isAnswered }.count
            let passages = report.sharedText.pairs.reduce(0) { $0 + $1.passages.count }
            return [plural(report.sources.count, "source"), plural(units, "unit"), plural(relations, "relation"),
                    plural(report.stanceBySource.targets.count, "target"), plural(report.propositions.count, "shared proposition"),
                    plural(report.counterclaims.count, "counterclaim") + " (\(unanswered) unanswered)", plural(passages, "shared passage")]
                .joined(separator: " · ")
        }

        func sourcesSection() -> Section {
            let header = ["Source", "Outlet", "Title", "Genre", "Published", "Units"] + UnitType.allCases.map(\.rawValue) + ["Supports", "Attacks", "Depth", "Annotated"]
            let rows = report.sources.indices.map { index -> Table.Row in
                let source = report.sources[index]
                let profile = report.profiles[index]
                let meta = source.article.metadata
                var cells: [[Inline]] = [[.source(index, label: source.key)], [.text(meta.outlet ?? "")], [.text(Markup.shorten(meta.title ?? "", to: 90))],
                                         [.text(meta.genre?.rawValue ?? "")], [.text(meta.published ?? "")], [.text(String(profile.unitCount))]]
                cells += UnitType.allCases.map { [.text(String(profile.unitsByType[$0] ?? 0))] }
                cells += [[.text(String(profile.supports))], [.text(String(profile.attacks))], [.text(String(profile.depth))], [.text(Markup.percent(profile.annotatedShare))]]
                return Table.Row(cells: cells, sources: [source.key])
            }
            let numeric = Set(5..<(header.count))
            return Section(id: "sources", title: "Sources", blocks: [.table(Table(header: header, numericColumns: numeric, rows: rows))])
        }

        func stanceSection(_ matrix: StanceMatrix, id: String, title: String, isSpeakers: Bool) -> Section {
            guard !matrix.cells.isEmpty else {
                return Section(id: id, title: title, blocks: [.paragraph([.text("No unit has both a stance and a target.")], style: .empty)])
            }
            let hint = isSpeakers
                ? "Every unit of each speaker, matched across sources by name."
                : "The verdict is the source's own voice (its author; in an interview, the interviewee). Voices it quotes or reports, counterclaims included, are listed apart with their voice and speaker and do not count toward the verdict; “none” means the source's own voice takes no stance."
            // One row per source or speaker, one column per target: readable with many sources.
            var cellsByColumn: [Int: [Int: StanceMatrix.Cell]] = [:]
            for cell in matrix.cells { cellsByColumn[cell.column, default: [:]][cell.row] = cell }
            var rows: [Table.Row] = []
            for column in cellsByColumn.keys.sorted() {
                let entity = matrix.columns[column]
                let keys = entity.sources.map(key)
                var first: [Inline] = [.strong(entity.label)]
                if isSpeakers {
                    first += [.lineBreak, .text(keys.joined(separator: ", "))]
                } else if let source = entity.sources.first, report.sources[source].displayName != entity.label {
                    first += [.lineBreak, .text(Markup.shorten(report.sources[source].displayName, to: 60))]
                }
                let cells = matrix.targets.indices.map { row in cellsByColumn[column]![row].map { stanceCell($0, isSpeakers: isSpeakers) } ?? [] }
                rows.append(Table.Row(cells: [first] + cells, sources: keys))
            }
            let header = [isSpeakers ? "Speaker" : "Source"] + matrix.targets.map(targetName)
            return Section(id: id, title: title, blocks: [.paragraph([.text(hint)], style: .hint), .table(Table(header: header, rows: rows))])
        }

        func stanceCell(_ cell: StanceMatrix.Cell, isSpeakers: Bool) -> [Inline] {
            var out: [Inline] = [.stance(cell.verdictName, label: cell.verdictName)]
            let own: [(String, [UnitReference])] = [("favor", cell.favor), ("against", cell.against), ("neutral", cell.neutral)].filter { !$0.1.isEmpty }
            if !own.isEmpty {
                out.append(.text(isSpeakers ? ": " : " (own voice): "))
                for (index, group) in own.enumerated() {
                    if index > 0 { out.append(.text("; ")) }
                    out.append(.text("\(group.0) "))
                    out += units(group.1, showSource: isSpeakers)
                }
            }
            if !cell.others.isEmpty {
                out += [.lineBreak, .emphasis("other voices:"), .text(" ")]
                var first = true
                for stance in [Stance.favor, .against, .neutral] {
                    let voiced = cell.others(stance)
                    guard !voiced.isEmpty else { continue }
                    if !first { out.append(.text("; ")) }
                    first = false
                    out.append(.text("\(stance.rawValue) "))
                    for (index, unit) in voiced.enumerated() {
                        if index > 0 { out.append(.text(", ")) }
                        out.append(self.unit(unit.unit, showSource: isSpeakers))
                        out.append(.text(" (\(unit.voice.rawValue)\(unit.speaker.map { ": " + $0 } ?? ""))"))
                    }
                }
            }
            return out
        }

        func propositionsSection() -> Section {
            guard !report.propositions.isEmpty else {
                return Section(id: "propositions", title: "Shared propositions", blocks: [.paragraph([.text("No shared propositions are declared or used.")], style: .empty)])
            }
            func list(_ entries: [PropositionRow.Entry], _ pick: (PropositionRow.Entry) -> [UnitReference]) -> [Inline] {
                var out: [Inline] = []
                for entry in entries {
                    let references = pick(entry)
                    guard !references.isEmpty else { continue }
                    if !out.isEmpty { out.append(.lineBreak) }
                    out.append(.text(key(entry.source) + ": "))
                    out += units(references, showSource: false)
                }
                return out
            }
            let rows = report.propositions.map { row in
                Table.Row(cells: [[.code(row.proposition.rawValue)], [.text(row.statement ?? "")], list(row.entries, \.asserts),
                                  list(row.entries, \.reportsAsCounterclaim), list(row.entries, \.rebuts)],
                          sources: row.entries.map { key($0.source) })
            }
            return Section(id: "propositions", title: "Shared propositions", blocks: [
                .table(Table(header: ["Proposition", "Statement", "Asserted by", "Reported as counterclaim by", "Rebutted by"], rows: rows)),
            ])
        }

        func sides(_ sides: [Disagreements.Side]) -> [Inline] {
            var out: [Inline] = []
            for side in sides {
                if !out.isEmpty { out.append(.lineBreak) }
                let voice = side.voice == .own ? "own voice" : side.voice.rawValue
                out.append(.text("\(key(side.source)) (\(voice)\(side.speaker.map { ": " + $0 } ?? "")): "))
                out += units(side.units, showSource: false)
            }
            return out
        }

        func disagreementSection() -> Section {
            let found = report.disagreements
            var blocks: [Block] = [.paragraph([.text("Voices on opposite sides of a target (in favour, against) or of a shared proposition (asserting it, rebutting or attacking it), each with its source, voice and units; and the propositions other sources assert that a source never mentions.")], style: .hint)]
            blocks.append(.heading([.text("Opposite stances on targets")], anchor: nil, sources: []))
            if found.targets.isEmpty {
                blocks.append(.paragraph([.text("No target has voices both in favour and against.")], style: .empty))
            } else {
                blocks.append(.table(Table(header: ["Target", "In favour", "Against"], rows: found.targets.map { entry in
                    Table.Row(cells: [[.text(targetName(entry.target))], sides(entry.favor), sides(entry.against)],
                              sources: Array(Set((entry.favor + entry.against).map { key($0.source) })).sorted())
                })))
            }
            blocks.append(.heading([.text("Shared propositions asserted and opposed")], anchor: nil, sources: []))
            if found.propositions.isEmpty {
                blocks.append(.paragraph([.text("No shared proposition is both asserted and opposed.")], style: .empty))
            } else {
                blocks.append(.table(Table(header: ["Proposition", "Asserted by", "Opposed by"], rows: found.propositions.map { entry in
                    let statement = report.corpus.proposition(entry.proposition)?.statement
                    var first: [Inline] = [.code(entry.proposition.rawValue)]
                    if let statement { first += [.lineBreak, .text(statement)] }
                    return Table.Row(cells: [first, sides(entry.asserts), sides(entry.opposes)],
                                     sources: Array(Set((entry.asserts + entry.opposes).map { key($0.source) })).sorted())
                })))
            }
            blocks.append(.heading([.text("What each source leaves out")], anchor: nil, sources: []))
            if found.omissions.isEmpty {
                blocks.append(.paragraph([.text("Every source mentions every proposition another source asserts.")], style: .empty))
            } else {
                blocks.append(.table(Table(header: ["Source", "Propositions others assert that it never mentions"], rows: found.omissions.map { entry in
                    var cell: [Inline] = []
                    for (index, proposition) in entry.propositions.enumerated() {
                        if index > 0 { cell.append(.text(", ")) }
                        cell.append(.code(proposition.rawValue))
                    }
                    return Table.Row(cells: [[.source(entry.source, label: key(entry.source))], cell], sources: [key(entry.source)])
                })))
            }
            return Section(id: "disagreements", title: "Where sources disagree", blocks: blocks)
        }

        func counterclaimsSection() -> Section {
            guard !report.counterclaims.isEmpty else {
                return Section(id: "counterclaims", title: "Counterclaims and answers", blocks: [.paragraph([.text("No counterclaims are annotated.")], style: .empty)])
            }
            let unanswered = report.counterclaims.filter { !$0.isAnswered }.count
            let rows = report.counterclaims.map { entry -> Table.Row in
                var answers: [Inline] = []
                for (index, answer) in entry.answers.enumerated() {
                    if index > 0 { answers.append(.text(", ")) }
                    answers += [unit(answer.unit, showSource: false), .text(" (\(answer.type.rawValue))")]
                }
                return Table.Row(cells: [[.text(key(entry.unit.source))], [unit(entry.unit, showSource: false)], [.text(entry.speaker ?? "")],
                                         [.quote(Markup.shorten(entry.quote, to: 140))], entry.isAnswered ? answers : [.strong("unanswered")]],
                                 sources: [key(entry.unit.source)], isFlagged: !entry.isAnswered)
            }
            return Section(id: "counterclaims", title: "Counterclaims and answers", blocks: [
                .paragraph([.text("\(plural(report.counterclaims.count, "counterclaim")), \(unanswered) unanswered.")], style: .body),
                .table(Table(header: ["Source", "Unit", "Held by", "Counterclaim", "Answered by"], rows: rows)),
            ])
        }

        func sharedTextSection() -> Section {
            let options = report.sharedText.options
            var blocks: [Block] = [.paragraph([.text("Passages of at least \(options.minimumWords) matching words, found through \(options.shingleWords)-word shingles (case, quotes and punctuation ignored); similarity 1.00 means word for word. Offsets are Unicode code points.")], style: .hint)]
            guard !report.sharedText.pairs.isEmpty else {
                return Section(id: "shared", title: "Shared text", blocks: blocks + [.paragraph([.text("No shared passages found.")], style: .empty)])
            }
            for pair in report.sharedText.pairs {
                let a = key(pair.a), b = key(pair.b)
                blocks.append(.heading([.text("\(a) and \(b)")], anchor: nil, sources: [a, b]))
                blocks.append(.paragraph([.text("\(plural(pair.passages.count, "passage")); \(pair.sharedWordsA) of \(a)'s \(pair.wordsA) words (\(Markup.percent(pair.coverageA))) and \(pair.sharedWordsB) of \(b)'s \(pair.wordsB) words (\(Markup.percent(pair.coverageB))) are shared; the longest passage has \(pair.longestPassageWords) words.")], style: .body))
                let rows = pair.passages.enumerated().map { index, passage -> Table.Row in
                    func side(_ side: PassageSide) -> [Inline] {
                        var out: [Inline] = [.text("\(side.span.start)–\(side.span.end)")]
                        if !side.units.isEmpty { out += [.text(" · ")] + units(side.units.map { UnitReference(source: side.source, unit: $0) }, showSource: false) }
                        return out
                    }
                    var propositions: [Inline] = []
                    for (index, proposition) in passage.propositions.enumerated() {
                        if index > 0 { propositions.append(.text(", ")) }
                        propositions.append(.code(proposition.rawValue))
                    }
                    return Table.Row(cells: [[.text(String(index + 1))], [.text(String(passage.matchedWords))], [.text(Markup.score(passage.similarity))],
                                             side(passage.a), side(passage.b), [.quote(Markup.shorten(passage.a.text, to: 160))], propositions],
                                     sources: [a, b])
                }
                blocks.append(.table(Table(header: ["#", "Words", "Similarity", "\(a) offsets · units", "\(b) offsets · units", "Passage (as in \(a))", "Propositions"],
                                           numericColumns: [0, 1, 2], rows: rows)))
            }
            return Section(id: "shared", title: "Shared text", blocks: blocks)
        }

        func speakersSection() -> Section {
            guard !report.speakers.isEmpty else {
                return Section(id: "speakers", title: "Who quotes whom", blocks: [.paragraph([.text("No speakers are declared.")], style: .empty)])
            }
            let rows = report.speakers.map { summary -> Table.Row in
                var stances: [Inline] = []
                for stance in summary.stances {
                    if !stances.isEmpty { stances.append(.lineBreak) }
                    stances.append(.text(targetName(stance.target) + ": "))
                    var parts: [Inline] = []
                    for (name, count) in [("favor", stance.favor), ("against", stance.against), ("neutral", stance.neutral)] where count > 0 {
                        if !parts.isEmpty { parts.append(.text(", ")) }
                        parts.append(.stance(name, label: "\(name) \(count)"))
                    }
                    stances += parts
                }
                let graph = report.graphs[summary.source]
                let voice = graph.voice(speaker: summary.speaker).rawValue
                return Table.Row(cells: [[.text(key(summary.source))], [.text(summary.name)], [.text(summary.role ?? "")], [.text(voice)],
                                         [.text(String(summary.units.count))], stances, [.text(summary.alsoInDescription(keys: key))]],
                                 sources: [key(summary.source)])
            }
            return Section(id: "speakers", title: "Who quotes whom", blocks: [
                .table(Table(header: ["Source", "Speaker", "Role", "Voice", "Units", "Stance", "Also in"], numericColumns: [4], rows: rows)),
            ])
        }

        func mapsSection() -> Section {
            var blocks: [Block] = []
            for (index, source) in report.sources.enumerated() {
                blocks.append(.heading([.text(source.caption)], anchor: "s\(index)", sources: [source.key]))
                let meta = source.article.metadata
                let line = [meta.outlet, meta.author, meta.published, meta.genre?.rawValue, source.file].compactMap { $0 }.filter { !$0.isEmpty }
                blocks.append(.paragraph([.text(line.joined(separator: " · "))], style: .hint))
                if report.graphs[index].units.isEmpty {
                    blocks.append(.paragraph([.text("No argument units annotated.")], style: .empty))
                    continue
                }
                blocks += [.map(source: index), .outline(source: index), .text(source: index)]
            }
            return Section(id: "articles", title: "Argument maps", blocks: blocks)
        }
    }
}
