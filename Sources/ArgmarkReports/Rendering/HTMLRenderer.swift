import ArgmarkCore

/// The report as one self-contained HTML file: inline CSS, inline SVG maps and a small inline
/// script for filtering; nothing is loaded from the network. The markup is also well-formed XML
/// (every element closed, every attribute quoted), so XML tools can read it too.
public enum HTMLRenderer {
    public static func render(_ report: ComparisonReport) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<meta name=\"generator\" content=\"argmark\"/>\n"
        out += "<title>Argument report: \(report.sources.count) \(report.sources.count == 1 ? "source" : "sources")</title>\n"
        out += "<style>\n\(stylesheet)</style>\n</head>\n<body>\n"
        out += header(report)
        out += "<main>\n"
        out += sourcesSection(report)
        out += stanceSection(report, report.stanceBySource, id: "stance-sources", title: "Stance: targets × sources", isSpeakers: false)
        out += stanceSection(report, report.stanceBySpeaker, id: "stance-speakers", title: "Stance: targets × speakers", isSpeakers: true)
        out += propositionsSection(report)
        out += counterclaimsSection(report)
        out += sharedTextSection(report)
        out += speakersSection(report)
        out += articlesSection(report)
        out += "</main>\n"
        out += "<script>//<![CDATA[\n\(script)//]]></script>\n"
        out += "</body>\n</html>\n"
        return out
    }

    static let e = Markup.escape

    /// The id of a unit's anchor in the highlighted text.
    static func anchor(_ source: Int, _ unit: UnitID) -> String { "s\(source)-\(unit.rawValue)" }

    static func unitLink(_ report: ComparisonReport, _ reference: UnitReference, showSource: Bool) -> String {
        let label = showSource ? "\(report.sources[reference.source].key):\(reference.unit)" : reference.unit.rawValue
        var title = reference.unit.rawValue
        if let unit = report.unit(reference) { title = "\(unit.type.rawValue): \(Markup.shorten(unit.quote, to: 200))" }
        return "<a class=\"unit-link\" href=\"#\(e(anchor(reference.source, reference.unit)))\" title=\"\(e(title))\">\(e(label))</a>"
    }

    static func targetName(_ report: ComparisonReport, _ id: TargetID) -> String {
        report.corpus.target(id)?.name ?? id.rawValue
    }

    static func header(_ report: ComparisonReport) -> String {
        let units = report.profiles.reduce(0) { $0 + $1.unitCount }
        let relations = report.graphs.reduce(0) { $0 + $1.article.relations.count }
        let unanswered = report.counterclaims.filter { !$0.isAnswered }.count
        let passages = report.sharedText.pairs.reduce(0) { $0 + $1.passages.count }
        var out = "<header>\n<h1>Argument report</h1>\n"
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        out += "<p class=\"summary\">\(count(report.sources.count, "source")) · \(count(units, "unit")) · \(count(relations, "relation")) · \(count(report.stanceBySource.targets.count, "target")) · \(count(report.propositions.count, "shared proposition")) · \(count(report.counterclaims.count, "counterclaim")) (\(unanswered) unanswered) · \(count(passages, "shared passage"))</p>\n"
        out += "<nav><a href=\"#sources\">Sources</a> <a href=\"#stance-sources\">Stance by source</a> <a href=\"#stance-speakers\">Stance by speaker</a> <a href=\"#propositions\">Propositions</a> <a href=\"#counterclaims\">Counterclaims</a> <a href=\"#shared\">Shared text</a> <a href=\"#speakers\">Who quotes whom</a> <a href=\"#articles\">Argument maps</a></nav>\n"
        out += "<form class=\"filters\" onsubmit=\"return false\">\n<label>Source <select id=\"source-filter\"><option value=\"\">all sources</option>"
        for source in report.sources {
            out += "<option value=\"\(e(source.key))\">\(e(source.key + " · " + Markup.shorten(source.displayName, to: 40)))</option>"
        }
        out += "</select></label>\n<span class=\"type-filters\">Show"
        for type in UnitType.allCases {
            out += " <label class=\"chip t-\(type.rawValue)\"><input type=\"checkbox\" checked=\"checked\" data-type=\"\(type.rawValue)\"/> \(type.rawValue)</label>"
        }
        out += "</span>\n</form>\n</header>\n"
        return out
    }

    static func sourcesSection(_ report: ComparisonReport) -> String {
        var out = "<section id=\"sources\">\n<h2>Sources</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Source</th><th>Outlet · title</th><th>Genre</th><th>Published</th><th>Units</th>"
        let abbreviations: [UnitType: String] = [.position: "Pos.", .claim: "Claim", .counterclaim: "Counter", .rebuttal: "Rebut.", .evidence: "Evid."]
        for type in UnitType.allCases { out += "<th class=\"num\" title=\"\(type.rawValue) units\"><span class=\"dot t-\(type.rawValue)\"></span>\(abbreviations[type]!)</th>" }
        out += "<th class=\"num\">Supports</th><th class=\"num\">Attacks</th><th class=\"num\">Depth</th><th>Annotated</th></tr></thead>\n<tbody>\n"
        for (index, source) in report.sources.enumerated() {
            let profile = report.profiles[index]
            let meta = source.article.metadata
            out += "<tr data-source=\"\(e(source.key))\"><td class=\"key\"><a href=\"#s\(index)\">\(e(source.key))</a></td><td>\(e(meta.outlet ?? ""))<div class=\"sub\">\(e(Markup.shorten(meta.title ?? "", to: 90)))</div></td><td>\(e(meta.genre?.rawValue ?? ""))</td><td class=\"date\">\(e(meta.published ?? ""))</td><td class=\"num\">\(profile.unitCount)</td>"
            for type in UnitType.allCases { out += "<td class=\"num\">\(profile.unitsByType[type] ?? 0)</td>" }
            let share = Markup.percent(profile.annotatedShare)
            out += "<td class=\"num\">\(profile.supports)</td><td class=\"num\">\(profile.attacks)</td><td class=\"num\">\(profile.depth)</td><td><span class=\"bar\"><span style=\"width: \(share)\"></span></span> \(share)</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"
        return out
    }

    static func stanceSection(_ report: ComparisonReport, _ matrix: StanceMatrix, id: String, title: String, isSpeakers: Bool) -> String {
        var out = "<section id=\"\(id)\">\n<h2>\(e(title))</h2>\n"
        guard !matrix.cells.isEmpty else { return out + "<p class=\"empty\">No unit has both a stance and a target.</p>\n</section>\n" }
        out += "<p class=\"hint\">Each cell gives the stance of the units behind it (links go to the units in the text). <span class=\"st st-favor\">favor</span> <span class=\"st st-against\">against</span> <span class=\"st st-neutral\">neutral</span> <span class=\"st st-mixed\">mixed</span>\(isSpeakers ? "" : "; counterclaims a source reports are listed but do not count toward its verdict").</p>\n"
        // One row per column entity (source or speaker), one column per target: it stays readable
        // with many sources, and the targets are few.
        out += "<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th>\(isSpeakers ? "Speaker" : "Source")</th>"
        for target in matrix.targets { out += "<th>\(e(targetName(report, target)))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        var cellsByColumn: [Int: [Int: StanceMatrix.Cell]] = [:]
        for cell in matrix.cells { cellsByColumn[cell.column, default: [:]][cell.row] = cell }
        for column in cellsByColumn.keys.sorted() {
            let entity = matrix.columns[column]
            let sourceKeys = entity.sources.map { report.sources[$0].key }
            out += "<tr data-source=\"\(e(sourceKeys.joined(separator: " ")))\"><th scope=\"row\">\(e(entity.label))"
            if isSpeakers {
                out += "<div class=\"sub\">\(e(sourceKeys.joined(separator: ", ")))</div>"
            } else if let source = entity.sources.first, report.sources[source].displayName != entity.label {
                out += "<div class=\"sub\">\(e(Markup.shorten(report.sources[source].displayName, to: 60)))</div>"
            }
            out += "</th>"
            for row in matrix.targets.indices {
                guard let cell = cellsByColumn[column]![row] else {
                    out += "<td></td>"
                    continue
                }
                let groups = [("favor", cell.favor), ("against", cell.against), ("neutral", cell.neutral), ("reports counterclaims", cell.reported)].filter { !$0.1.isEmpty }
                out += "<td class=\"st-\(cell.verdictName)\"><strong>\(cell.verdictName)</strong> "
                out += "<span class=\"counts\">" + groups.map { "\($0.0) \($0.1.count)" }.joined(separator: " · ") + "</span>"
                let lists = groups.map { "<span class=\"stance-list\">\($0.0): " + $0.1.map { unitLink(report, $0, showSource: isSpeakers) }.joined(separator: ", ") + "</span>" }.joined(separator: " ")
                // Long lists of links fold away so that the matrix stays a matrix.
                if cell.units.count > 6 {
                    out += "<details class=\"units\"><summary>\(cell.units.count) units</summary>\(lists)</details></td>"
                } else {
                    out += lists + "</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"
        return out
    }

    static func propositionsSection(_ report: ComparisonReport) -> String {
        var out = "<section id=\"propositions\">\n<h2>Shared propositions × sources</h2>\n"
        guard !report.propositions.isEmpty else { return out + "<p class=\"empty\">No shared propositions are declared or used.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table>\n<thead><tr><th>Proposition</th><th>Asserted by</th><th>Reported as counterclaim by</th><th>Rebutted by</th></tr></thead>\n<tbody>\n"
        for row in report.propositions {
            func list(_ pick: (PropositionRow.Entry) -> [UnitReference]) -> String {
                row.entries.compactMap { entry in
                    let units = pick(entry)
                    guard !units.isEmpty else { return nil }
                    return "<div data-source=\"\(e(report.sources[entry.source].key))\">\(e(report.sources[entry.source].key)): " + units.map { unitLink(report, $0, showSource: false) }.joined(separator: ", ") + "</div>"
                }.joined()
            }
            out += "<tr><td><code>\(e(row.proposition.rawValue))</code><div class=\"sub\">\(e(row.statement ?? ""))</div></td><td>\(list(\.asserts))</td><td>\(list(\.reportsAsCounterclaim))</td><td>\(list(\.rebuts))</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"
        return out
    }

    static func counterclaimsSection(_ report: ComparisonReport) -> String {
        var out = "<section id=\"counterclaims\">\n<h2>Counterclaims and their answers</h2>\n"
        guard !report.counterclaims.isEmpty else { return out + "<p class=\"empty\">No counterclaims are annotated.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table>\n<thead><tr><th>Source</th><th>Counterclaim</th><th>Held by</th><th>Answered by</th></tr></thead>\n<tbody>\n"
        for entry in report.counterclaims {
            let key = report.sources[entry.unit.source].key
            out += "<tr data-source=\"\(e(key))\"\(entry.isAnswered ? "" : " class=\"unanswered\"")><td class=\"key\">\(e(key))</td><td>\(unitLink(report, entry.unit, showSource: false)) “\(e(Markup.shorten(entry.quote, to: 220)))”</td><td>\(e(entry.speaker ?? ""))</td><td>"
            if entry.isAnswered {
                out += entry.answers.map { unitLink(report, $0.unit, showSource: false) + " (\($0.type.rawValue))" }.joined(separator: ", ")
            } else {
                out += "<strong class=\"flag\">unanswered</strong>"
            }
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"
        return out
    }

    static func sharedTextSection(_ report: ComparisonReport) -> String {
        let options = report.sharedText.options
        var out = "<section id=\"shared\">\n<h2>Shared text across sources</h2>\n"
        out += "<p class=\"hint\">Passages of at least \(options.minimumWords) matching words, found through \(options.shingleWords)-word shingles (case, quotes and punctuation ignored). Similarity 1.00 means word for word.</p>\n"
        guard !report.sharedText.pairs.isEmpty else { return out + "<p class=\"empty\">No shared passages found.</p>\n</section>\n" }
        for pair in report.sharedText.pairs {
            let a = report.sources[pair.a].key, b = report.sources[pair.b].key
            out += "<div class=\"pair\" data-source=\"\(e(a)) \(e(b))\">\n<h3>\(e(a)) ↔ \(e(b))</h3>\n"
            out += "<p>\(pair.passages.count) \(pair.passages.count == 1 ? "passage" : "passages"): \(pair.sharedWordsA) of \(e(a))’s \(pair.wordsA) words (\(Markup.percent(pair.coverageA))) and \(pair.sharedWordsB) of \(e(b))’s \(pair.wordsB) words (\(Markup.percent(pair.coverageB))); the longest has \(pair.longestPassageWords) words.</p>\n"
            out += "<div class=\"scroll\"><table class=\"passages\">\n<thead><tr><th class=\"num\">Words</th><th class=\"num\">Similarity</th><th>\(e(a))</th><th>\(e(b))</th><th>Propositions</th></tr></thead>\n<tbody>\n"
            for passage in pair.passages {
                func side(_ side: PassageSide) -> String {
                    var html = "<div class=\"offsets\">\(side.span.start)–\(side.span.end)"
                    if !side.units.isEmpty {
                        html += " · " + side.units.map { unitLink(report, UnitReference(source: side.source, unit: $0), showSource: false) }.joined(separator: ", ")
                    }
                    return html + "</div><q>\(e(Markup.shorten(side.text, to: 400)))</q>"
                }
                out += "<tr><td class=\"num\">\(passage.matchedWords)</td><td class=\"num\">\(Markup.score(passage.similarity))</td><td>\(side(passage.a))</td><td>\(side(passage.b))</td><td>\(passage.propositions.map { "<div><code>\(e($0.rawValue))</code></div>" }.joined())</td></tr>\n"
            }
            out += "</tbody>\n</table></div>\n</div>\n"
        }
        out += "</section>\n"
        return out
    }

    static func speakersSection(_ report: ComparisonReport) -> String {
        var out = "<section id=\"speakers\">\n<h2>Who quotes whom</h2>\n"
        guard !report.speakers.isEmpty else { return out + "<p class=\"empty\">No speakers are declared.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table>\n<thead><tr><th>Source</th><th>Speaker</th><th>Role</th><th class=\"num\">Units</th><th>Stance</th><th>Also in</th></tr></thead>\n<tbody>\n"
        for summary in report.speakers {
            let key = report.sources[summary.source].key
            let stances = summary.stances.map { stance -> String in
                var parts: [String] = []
                if stance.favor > 0 { parts.append("<span class=\"st st-favor\">favor \(stance.favor)</span>") }
                if stance.against > 0 { parts.append("<span class=\"st st-against\">against \(stance.against)</span>") }
                if stance.neutral > 0 { parts.append("<span class=\"st st-neutral\">neutral \(stance.neutral)</span>") }
                return "\(e(targetName(report, stance.target))): " + parts.joined(separator: " ")
            }.joined(separator: "<br/>")
            out += "<tr data-source=\"\(e(key))\"><td class=\"key\">\(e(key))</td><td>\(e(summary.name))</td><td>\(e(summary.role ?? ""))</td><td class=\"num\">\(summary.units.count)</td><td>\(stances)</td><td>\(e(summary.alsoInDescription { report.sources[$0].key }))</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"
        return out
    }

    static func articlesSection(_ report: ComparisonReport) -> String {
        var out = "<section id=\"articles\">\n<h2>Argument maps and texts</h2>\n"
        for (index, source) in report.sources.enumerated() {
            let meta = source.article.metadata
            let graph = report.graphs[index]
            out += "<article class=\"source\" id=\"s\(index)\" data-source=\"\(e(source.key))\">\n"
            out += "<h3>\(e(source.key))\(meta.title.map { ": " + e($0) } ?? "")</h3>\n"
            let metaLine = [meta.outlet, meta.author, meta.published, meta.genre?.rawValue, source.file].compactMap { $0 }.filter { !$0.isEmpty }
            out += "<p class=\"meta\">\(e(metaLine.joined(separator: " · ")))</p>\n"
            let layout = ArgumentMapLayout.layout(graph)
            out += "<div class=\"map scroll\">\n"
            out += SVGRenderer.render(layout, caption: source.caption, idPrefix: "m\(index)", linkPrefix: "s\(index)-")
            out += "</div>\n"
            out += "<details\(report.sources.count == 1 ? " open=\"open\"" : "")><summary>Text with units highlighted</summary>\n<div class=\"text\">"
            out += highlightedText(graph, source: index)
            out += "</div>\n"
            let implicit = graph.units.filter(\.isImplicit)
            if !implicit.isEmpty {
                out += "<ul class=\"implicit\">"
                for unit in implicit {
                    out += "<li id=\"\(e(anchor(index, unit.id)))\"><sup class=\"uid t-\(unit.type.rawValue)\">\(e(unit.id.rawValue))</sup> implicit \(unit.type.rawValue)\(unit.speaker.map { " (" + e(graph.article.speaker($0)?.name ?? $0.rawValue) + ")" } ?? ""): \(e(unit.quote))</li>"
                }
                out += "</ul>\n"
            }
            out += "</details>\n</article>\n"
        }
        out += "</section>\n"
        return out
    }

    /// The article text cut at every unit boundary; each piece is marked with the innermost
    /// (shortest) unit covering it, and each unit's start carries its anchor and id label.
    static func highlightedText(_ graph: ArgumentGraph, source: Int) -> String {
        let text = CodePointText(graph.article.text)
        var pieces: [(span: Span, unit: ArgumentUnit)] = []
        for unit in graph.units {
            guard let span = unit.span, text.contains(span) else { continue }
            for piece in unit.fragments.isEmpty ? [span] : unit.fragments where text.contains(piece) && piece.length > 0 {
                pieces.append((piece, unit))
            }
        }
        var boundaries = Set([0, text.count])
        for piece in pieces {
            boundaries.insert(piece.span.start)
            boundaries.insert(piece.span.end)
        }
        var starts: [Int: [ArgumentUnit]] = [:]
        for unit in graph.units {
            if let span = unit.span, text.contains(span) { starts[span.start, default: []].append(unit) }
        }
        let sortedBoundaries = boundaries.sorted()
        // Pieces sorted by start let each segment find its covering units without scanning all.
        let sortedPieces = pieces.sorted { $0.span < $1.span }
        var active: [(span: Span, unit: ArgumentUnit)] = []
        var next = 0
        var out = ""
        for (index, start) in sortedBoundaries.dropLast().enumerated() {
            let end = sortedBoundaries[index + 1]
            for unit in starts[start] ?? [] {
                out += "<span class=\"anchor\" id=\"\(e(anchor(source, unit.id)))\"></span><sup class=\"uid t-\(unit.type.rawValue)\">\(e(unit.id.rawValue))</sup>"
            }
            while next < sortedPieces.count, sortedPieces[next].span.start <= start {
                active.append(sortedPieces[next])
                next += 1
            }
            active.removeAll { $0.span.end <= start }
            let segment = e(text[Span(start: start, end: end)])
            if let innermost = active.min(by: { ($0.span.length, $0.unit.id.rawValue) < ($1.span.length, $1.unit.id.rawValue) }) {
                let title = active.map { "\($0.unit.type.rawValue) \($0.unit.id)" + ($0.unit.speaker.map { " (\(graph.article.speaker($0)?.name ?? $0.rawValue))" } ?? "") }.joined(separator: "; ")
                out += "<mark class=\"t-\(innermost.unit.type.rawValue)\" title=\"\(e(title))\">\(segment)</mark>"
            } else {
                out += segment
            }
        }
        return out
    }

    static let stylesheet = """
    :root { --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --bg: #f9fafb; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.5 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: var(--bg); }
    header { background: #1f2937; color: #f9fafb; padding: 16px 28px 12px; }
    header h1 { margin: 0 0 4px; font-size: 22px; }
    header .summary { margin: 0 0 6px; color: #d1d5db; font-size: 14px; }
    header nav a { color: #93c5fd; margin-right: 14px; font-size: 14px; text-decoration: none; }
    .filters { margin-top: 8px; font-size: 13px; display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; }
    .filters select { font: inherit; }
    .chip { padding: 1px 8px; border-radius: 10px; color: var(--ink); margin-left: 4px; }
    main { max-width: 1280px; margin: 0 auto; padding: 8px 12px 40px; }
    section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 12px 14px; margin: 18px 0; }
    h2 { font-size: 19px; margin: 12px 0 8px; }
    h3 { font-size: 16px; margin: 14px 0 6px; }
    .hint, .meta, .sub, .empty { color: var(--muted); font-size: 13px; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
    th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
    thead th { background: #f3f4f6; white-space: nowrap; }
    td.date, td.key { white-space: nowrap; }
    td.num, th.num { text-align: right; }
    a { color: #1d4ed8; }
    .unit-link { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
    .st { padding: 0 6px; border-radius: 8px; font-size: 12px; }
    .st-favor { background: #dcfce7; }
    .st-against { background: #fee2e2; }
    .st-neutral { background: #f3f4f6; }
    .st-mixed { background: #fef3c7; }
    .st-reported { background: #f9fafb; }
    .stance-list { display: block; font-size: 12px; }
    .counts { display: block; font-size: 12px; color: #374151; }
    details.units { margin: 2px 0 0; font-size: 12px; }
    table.matrix thead th { white-space: normal; min-width: 110px; }
    tr.unanswered td { background: #fff7ed; }
    .flag { color: #b91c1c; }
    .bar { display: inline-block; width: 60px; height: 8px; background: #e5e7eb; border-radius: 4px; vertical-align: middle; }
    .bar span { display: block; height: 8px; background: #2563eb; border-radius: 4px; }
    .dot { display: inline-block; width: 9px; height: 9px; border-radius: 5px; margin-right: 4px; }
    .pair { border-top: 1px solid var(--line); }
    table.passages q { display: block; font-size: 13px; }
    .offsets { color: var(--muted); font-size: 12px; }
    article.source { border-top: 2px solid var(--line); padding-top: 4px; }
    .map { border: 1px solid var(--line); border-radius: 6px; background: #fff; overflow-x: auto; }
    .map svg { display: block; }
    details { margin: 10px 0; }
    summary { cursor: pointer; color: #1d4ed8; }
    .text { white-space: pre-wrap; font-size: 14.5px; line-height: 1.65; max-width: 900px; padding: 8px 4px; }
    mark { border-radius: 3px; padding: 1px 0; color: inherit; }
    sup.uid { font-size: 10px; font-weight: bold; margin: 0 2px; }
    .t-position { background: #dbeafe; } sup.t-position { background: none; color: #1e40af; }
    .t-claim { background: #e0e7ff; } sup.t-claim { background: none; color: #4f46e5; }
    .t-evidence { background: #dcfce7; } sup.t-evidence { background: none; color: #15803d; }
    .t-counterclaim { background: #fee2e2; } sup.t-counterclaim { background: none; color: #b91c1c; }
    .t-rebuttal { background: #ffedd5; } sup.t-rebuttal { background: none; color: #c2410c; }
    g.node { background: none; }
    .hidden { display: none; }
    body.hide-position mark.t-position, body.hide-claim mark.t-claim, body.hide-evidence mark.t-evidence, body.hide-counterclaim mark.t-counterclaim, body.hide-rebuttal mark.t-rebuttal { background: none; }
    body.hide-position .t-position.node, body.hide-claim .t-claim.node, body.hide-evidence .t-evidence.node, body.hide-counterclaim .t-counterclaim.node, body.hide-rebuttal .t-rebuttal.node { opacity: 0.12; }
    body.hide-position sup.t-position, body.hide-claim sup.t-claim, body.hide-evidence sup.t-evidence, body.hide-counterclaim sup.t-counterclaim, body.hide-rebuttal sup.t-rebuttal { display: none; }

    """

    /// Filtering only: by source (hides rows and articles of other sources) and by unit type.
    /// Written without `<` and `&` so the page stays well-formed XML.
    static let script = """
    (function () {
      var select = document.getElementById('source-filter');
      select.addEventListener('change', function () {
        var wanted = select.value;
        document.querySelectorAll('[data-source]').forEach(function (element) {
          var keys = element.getAttribute('data-source').split(' ');
          var show = wanted === '' || keys.indexOf(wanted) !== -1;
          element.classList.toggle('hidden', !show);
        });
      });
      document.querySelectorAll('input[data-type]').forEach(function (box) {
        box.addEventListener('change', function () {
          document.body.classList.toggle('hide-' + box.getAttribute('data-type'), !box.checked);
        });
      });
      // A link to a unit opens the folded text that holds it.
      function reveal() {
        var id = decodeURIComponent(location.hash.slice(1));
        var target = id ? document.getElementById(id) : null;
        if (!target) { return; }
        var details = target.closest('details');
        if (details) {
          details.open = true;
          target.scrollIntoView();
        }
      }
      window.addEventListener('hashchange', reveal);
      reveal();
    })();

    """
}
