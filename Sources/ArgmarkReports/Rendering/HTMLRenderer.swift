import ArgmarkCore

/// The report as one self-contained HTML file: inline CSS, inline SVG maps and a small inline
/// script for filtering; nothing is loaded from the network. The markup is also well-formed XML
/// (every element closed, every attribute quoted), so XML tools can read it too.
package enum HTMLRenderer {
    package static func render(_ report: ComparisonReport) -> String {
        let document = ReportDocument.build(report)
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<meta name=\"generator\" content=\"argmark\"/>\n"
        out += "<title>\(e(document.title)): \(report.sources.count) \(report.sources.count == 1 ? "source" : "sources")</title>\n"
        out += "<style>\n\(stylesheet)</style>\n</head>\n<body>\n"
        out += header(report, document)
        out += "<main>\n"
        for section in document.sections {
            out += "<section id=\"\(e(section.id))\">\n<h2>\(e(section.title))</h2>\n"
            // A sub-heading about some sources opens a group the source filter can hide whole.
            var groupOpen = false
            for block in section.blocks {
                if case .heading(let inlines, let anchor, let sources) = block {
                    if groupOpen { out += "</div>\n" }
                    groupOpen = !sources.isEmpty
                    if groupOpen { out += "<div class=\"group\" data-source=\"\(e(sources.joined(separator: " ")))\">\n" }
                    out += "<h3\(anchor.map { " id=\"\(e($0))\"" } ?? "")>\(inline(inlines, report))</h3>\n"
                } else {
                    out += render(block, report)
                }
            }
            if groupOpen { out += "</div>\n" }
            out += "</section>\n"
        }
        out += "</main>\n"
        out += "<script>//<![CDATA[\n\(script)//]]></script>\n"
        out += "</body>\n</html>\n"
        return out
    }

    static let e = Markup.escape

    /// The id of a unit's anchor in the highlighted text.
    static func anchor(_ source: Int, _ unit: UnitID) -> String { "s\(source)-\(unit.rawValue)" }

    static func header(_ report: ComparisonReport, _ document: ReportDocument) -> String {
        var out = "<header>\n<h1>\(e(document.title))</h1>\n<p class=\"summary\">\(e(document.summary))</p>\n<nav>"
        out += document.sections.map { "<a href=\"#\(e($0.id))\">\(e($0.title))</a>" }.joined(separator: " ")
        out += "</nav>\n<form class=\"filters\" onsubmit=\"return false\">\n<label>Source <select id=\"source-filter\"><option value=\"\">all sources</option>"
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

    static func inline(_ inlines: [ReportDocument.Inline], _ report: ComparisonReport) -> String {
        var out = ""
        for piece in inlines {
            switch piece {
            case .text(let text): out += e(text)
            case .strong(let text): out += "<strong>\(e(text))</strong>"
            case .emphasis(let text): out += "<em>\(e(text))</em>"
            case .code(let text): out += "<code>\(e(text))</code>"
            case .unit(let reference, let label, let title):
                out += "<a class=\"unit-link\" href=\"#\(e(anchor(reference.source, reference.unit)))\" title=\"\(e(title))\">\(e(label))</a>"
            case .source(let index, let label): out += "<a href=\"#s\(index)\">\(e(label))</a>"
            case .stance(let name, let label): out += "<span class=\"st st-\(e(name))\">\(e(label))</span>"
            case .quote(let text): out += "<q>\(e(text))</q>"
            case .lineBreak: out += "<br/>"
            }
        }
        return out
    }

    static func render(_ block: ReportDocument.Block, _ report: ComparisonReport) -> String {
        switch block {
        case .paragraph(let inlines, let style):
            let name = switch style {
            case .body: ""
            case .hint: " class=\"hint\""
            case .empty: " class=\"empty\""
            }
            return "<p\(name)>\(inline(inlines, report))</p>\n"
        case .heading(let inlines, let anchor, _):
            return "<h3\(anchor.map { " id=\"\(e($0))\"" } ?? "")>\(inline(inlines, report))</h3>\n"
        case .table(let table):
            var out = "<div class=\"scroll\"><table>\n<thead><tr>"
            for (index, title) in table.header.enumerated() {
                out += "<th\(table.numericColumns.contains(index) ? " class=\"num\"" : "")>\(e(title))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr"
                if !row.sources.isEmpty { out += " data-source=\"\(e(row.sources.joined(separator: " ")))\"" }
                if row.isFlagged { out += " class=\"unanswered\"" }
                out += ">"
                for (index, cell) in row.cells.enumerated() {
                    out += "<td\(table.numericColumns.contains(index) ? " class=\"num\"" : "")>\(inline(cell, report))</td>"
                }
                out += "</tr>\n"
            }
            return out + "</tbody>\n</table></div>\n"
        case .map(let source):
            return mapBlock(report, source: source)
        case .outline(let source):
            return outline(report.graphs[source], source: source)
        case .text(let source):
            let graph = report.graphs[source]
            var out = "<details class=\"source-text\"\(report.sources.count == 1 ? " open=\"open\"" : "")><summary>Text with units highlighted</summary>\n<div class=\"text\">"
            out += highlightedText(graph, source: source)
            out += "</div>\n"
            let implicit = graph.units.filter(\.isImplicit)
            if !implicit.isEmpty {
                out += "<ul class=\"implicit\">"
                for unit in implicit {
                    out += "<li id=\"\(e(anchor(source, unit.id)))\"><sup class=\"uid t-\(unit.type.rawValue)\">\(e(unit.id.rawValue))</sup> implicit \(unit.type.rawValue)\(unit.speaker.map { " (" + e(graph.article.speaker($0)?.name ?? $0.rawValue) + ")" } ?? ""): \(e(unit.quote))</li>"
                }
                out += "</ul>\n"
            }
            return out + "</details>\n"
        }
    }

    /// The outline, folded away: one flat list indented by depth (no nesting, so depth costs nothing).
    static func outline(_ graph: ArgumentGraph, source: Int) -> String {
        var out = "<details class=\"outline\"><summary>Outline</summary>\n<ul class=\"outline\">\n"
        for line in graph.outline() {
            guard let unit = graph.unitsByID[line.unit] else { continue }
            let indent = min(line.depth, MarkdownRenderer.maximumIndentation)
            out += "<li style=\"margin-left: \(indent * 18)px\">"
            if line.depth > indent { out += "(depth \(line.depth)) " }
            if let relation = line.relation { out += "<em>\(relation.type.rawValue)</em>: " }
            out += "<a class=\"unit-link\" href=\"#\(e(anchor(source, unit.id)))\">\(e(unit.id.rawValue))</a> <strong>\(unit.type.rawValue)</strong>"
            if let speaker = unit.speaker { out += " (\(e(graph.article.speaker(speaker)?.name ?? speaker.rawValue)))" }
            out += ": “\(e(Markup.shorten(unit.quote, to: 200)))”\(line.isRepeat ? " (see above)" : "")</li>\n"
        }
        return out + "</ul>\n</details>\n"
    }

    /// Above this many units, a map with several parts is drawn as one map per part (per
    /// position, or per interview question), each folded away but the first.
    static let maximumUnitsPerMap = 40

    /// A source's map(s), each in a viewport the script pans, zooms, highlights and folds.
    static func mapBlock(_ report: ComparisonReport, source: Int) -> String {
        let graph = report.graphs[source]
        let caption = report.sources[source].caption
        let parts = ArgumentMapLayout.parts(graph)
        func viewport(_ layout: ArgumentMapLayout, caption: String, prefix: String) -> String {
            // No wider than drawn: a small argument is not blown up to the page's width.
            var out = "<div class=\"map\" data-map=\"\(e(prefix))\" style=\"max-width: \(Markup.number(layout.width + 2))px\">\n<div class=\"map-tools\"><button type=\"button\" data-zoom=\"in\" title=\"zoom in\">+</button><button type=\"button\" data-zoom=\"out\" title=\"zoom out\">−</button><button type=\"button\" data-zoom=\"fit\" title=\"show the whole map\">fit</button><span class=\"hint\">drag to pan · wheel to zoom · hover a unit for its relations · click it for its text · ± folds what answers it</span></div>\n"
            out += SVGRenderer.render(layout, caption: caption, idPrefix: prefix, linkPrefix: "s\(source)-", foldable: true)
            return out + "</div>\n"
        }
        guard graph.units.count > maximumUnitsPerMap, parts.count > 1 else {
            return viewport(ArgumentMapLayout.layout(graph), caption: caption, prefix: "m\(source)")
        }
        var out = "<p class=\"hint\">\(graph.units.count) units in \(parts.count) separate arguments: one map each.</p>\n"
        for (index, part) in parts.enumerated() {
            let units = Set(part)
            let first = graph.units.first { units.contains($0.id) && graph.isRoot($0.id) && !(graph.incoming[$0.id] ?? []).isEmpty } ?? graph.units.first { units.contains($0.id) }!
            let isLoose = index == parts.count - 1 && part.allSatisfy { (graph.incoming[$0] ?? []).isEmpty && (graph.outgoing[$0] ?? []).isEmpty }
            let title = isLoose ? "Units without relations (\(part.count))" : "\(first.type.rawValue) \(first.id): \(Markup.shorten(first.quote, to: 90)) (\(part.count) \(part.count == 1 ? "unit" : "units"))"
            out += "<details class=\"map-part\"\(index == 0 ? " open=\"open\"" : "")><summary>Argument \(index + 1) of \(parts.count): \(e(title))</summary>\n"
            out += viewport(ArgumentMapLayout.layout(graph, only: units), caption: "\(caption) · argument \(index + 1)", prefix: "m\(source)p\(index + 1)")
            out += "</details>\n"
        }
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
    .map { border: 1px solid var(--line); border-radius: 6px; background: #fff; overflow: hidden; position: relative; }
    .map svg { display: block; width: 100%; height: auto; max-height: 78vh; cursor: grab; touch-action: none; user-select: none; }
    .map svg.panning { cursor: grabbing; }
    .map-tools { display: flex; gap: 6px; align-items: center; padding: 4px 6px; border-bottom: 1px solid var(--line); background: #f9fafb; }
    .map-tools button { font: inherit; font-size: 13px; min-width: 28px; padding: 1px 6px; cursor: pointer; }
    .map-tools .hint { margin-left: 8px; font-size: 12px; }
    details.map-part { margin: 6px 0; }
    .map g.node { cursor: pointer; }
    .map g.fold { cursor: pointer; }
    .map svg.hovering g.edge { opacity: 0.15; }
    .map svg.hovering g.node { opacity: 0.35; }
    .map svg.hovering g.edge.hl, .map svg.hovering g.node.hl { opacity: 1; }
    .map g.edge.hl path { stroke-width: 3.2; }
    .map g.node.hl rect, .map g.node.hl polygon { stroke-width: 3; }
    .map .folded-away { display: none; }
    mark.flash, li.flash { outline: 3px solid #f59e0b; }
    ul.outline { list-style: none; padding-left: 4px; font-size: 13.5px; }
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

    /// Filtering by source and unit type; the maps: pan (drag), zoom (wheel, buttons), hover
    /// highlighting, click to the text, fold and unfold. No library, nothing from the network.
    /// Written without less-than signs and ampersands so the page stays well-formed XML.
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
      // A link to a unit opens the folded text that holds it and flashes the unit there.
      function reveal() {
        var id = decodeURIComponent(location.hash.slice(1));
        var target = id ? document.getElementById(id) : null;
        if (!target) { return; }
        var details = target.closest('details');
        if (details) { details.open = true; }
        target.scrollIntoView({block: 'center'});
        var mark = target.tagName === 'LI' ? target : target.nextElementSibling;
        while (mark) {
          if (mark.tagName === 'MARK') { break; }
          mark = mark.nextElementSibling;
        }
        document.querySelectorAll('.flash').forEach(function (old) { old.classList.remove('flash'); });
        if (mark) { mark.classList.add('flash'); }
        if (target.tagName === 'LI') { target.classList.add('flash'); }
      }
      window.addEventListener('hashchange', reveal);
      reveal();

      function setupMap(box) {
        var svg = box.querySelector('svg');
        if (!svg) { return; }
        var full = svg.getAttribute('viewBox').split(' ').map(Number);
        var view = full.slice();
        function apply() { svg.setAttribute('viewBox', view.map(function (v) { return v.toFixed(1); }).join(' ')); }
        function zoom(factor, cx, cy) {
          var width = view[2] * factor, height = view[3] * factor;
          if (width > full[2] * 4 || full[2] > width * 20) { return; }
          view = [cx - (cx - view[0]) * factor, cy - (cy - view[1]) * factor, width, height];
          apply();
        }
        function point(event) {
          var rect = svg.getBoundingClientRect();
          return [view[0] + (event.clientX - rect.left) / rect.width * view[2], view[1] + (event.clientY - rect.top) / rect.height * view[3]];
        }
        box.querySelectorAll('button[data-zoom]').forEach(function (button) {
          button.addEventListener('click', function () {
            var kind = button.getAttribute('data-zoom');
            if (kind === 'fit') { view = full.slice(); apply(); return; }
            zoom(kind === 'in' ? 0.8 : 1.25, view[0] + view[2] / 2, view[1] + view[3] / 2);
          });
        });
        svg.addEventListener('wheel', function (event) {
          event.preventDefault();
          var at = point(event);
          zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, at[0], at[1]);
        }, {passive: false});
        var drag = null;
        svg.addEventListener('pointerdown', function (event) {
          if (event.target.closest('g.node') || event.target.closest('g.fold')) { return; }
          drag = {x: event.clientX, y: event.clientY, view: view.slice()};
          svg.classList.add('panning');
          svg.setPointerCapture(event.pointerId);
        });
        svg.addEventListener('pointermove', function (event) {
          if (!drag) { return; }
          var rect = svg.getBoundingClientRect();
          view[0] = drag.view[0] - (event.clientX - drag.x) / rect.width * view[2];
          view[1] = drag.view[1] - (event.clientY - drag.y) / rect.height * view[3];
          apply();
        });
        function stop() { drag = null; svg.classList.remove('panning'); }
        svg.addEventListener('pointerup', stop);
        svg.addEventListener('pointercancel', stop);

        var edges = Array.prototype.slice.call(svg.querySelectorAll('g.edge'));
        var nodes = {};
        svg.querySelectorAll('g.node').forEach(function (node) { nodes[node.getAttribute('data-unit')] = node; });
        var startOf = {};
        edges.forEach(function (edge) { startOf[edge.getAttribute('data-relation')] = edge.getAttribute('data-from'); });
        // The unit an edge hangs below: its target, or for an undercut the start of the relation it attacks.
        function parentOf(edge) {
          var to = edge.getAttribute('data-to');
          return nodes[to] ? to : startOf[to];
        }
        function touching(unit) {
          return edges.filter(function (edge) {
            var to = edge.getAttribute('data-to');
            return edge.getAttribute('data-from') === unit || to === unit || startOf[to] === unit;
          });
        }
        Object.keys(nodes).forEach(function (unit) {
          var node = nodes[unit];
          node.addEventListener('mouseenter', function () {
            svg.classList.add('hovering');
            node.classList.add('hl');
            touching(unit).forEach(function (edge) {
              edge.classList.add('hl');
              [edge.getAttribute('data-from'), parentOf(edge)].forEach(function (other) { if (nodes[other]) { nodes[other].classList.add('hl'); } });
            });
          });
          node.addEventListener('mouseleave', function () {
            svg.classList.remove('hovering');
            svg.querySelectorAll('.hl').forEach(function (element) { element.classList.remove('hl'); });
          });
        });
        // Folding hides every unit that answers the folded one, transitively, and their edges.
        var folded = {};
        function refold() {
          var hidden = {};
          Object.keys(folded).forEach(function (root) {
            var queue = [root];
            while (queue.length) {
              var unit = queue.pop();
              edges.forEach(function (edge) {
                var child = edge.getAttribute('data-from');
                if (parentOf(edge) === unit) {
                  if (hidden[child] !== true) { if (child !== root) { hidden[child] = true; queue.push(child); } }
                }
              });
            }
          });
          Object.keys(nodes).forEach(function (unit) { nodes[unit].classList.toggle('folded-away', hidden[unit] === true); });
          edges.forEach(function (edge) {
            var gone = hidden[edge.getAttribute('data-from')] === true || hidden[parentOf(edge)] === true;
            edge.classList.toggle('folded-away', gone);
          });
          svg.querySelectorAll('g.fold').forEach(function (button) {
            button.querySelector('text').textContent = folded[button.getAttribute('data-unit')] ? '+' : '−';
          });
        }
        svg.querySelectorAll('g.fold').forEach(function (button) {
          button.addEventListener('click', function (event) {
            event.preventDefault();
            event.stopPropagation();
            var unit = button.getAttribute('data-unit');
            if (folded[unit]) { delete folded[unit]; } else { folded[unit] = true; }
            refold();
          });
        });
      }
      document.querySelectorAll('.map[data-map]').forEach(setupMap);
    })();

    """
}
