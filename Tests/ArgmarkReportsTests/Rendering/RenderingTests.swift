import ArgmarkCore
@testable import ArgmarkReports
import ArgmarkTestSupport
import Foundation
import Testing

@Suite struct RenderingTests {
    let report = Fixtures.report(Fixtures.small)

    @Test(arguments: [ReportFormat.html, .markdown, .json])
    func wholeReportMatchesGolden(format: ReportFormat) throws {
        try Fixtures.expectGolden(report.rendered(as: format), "small.\(format.fileExtension)")
    }

    @Test(arguments: [ReportFormat.svg, .dot])
    func mapsMatchGolden(format: ReportFormat) throws {
        for index in report.sources.indices {
            try Fixtures.expectGolden(report.renderMap(source: index, format: format), "\(report.sources[index].key).\(format.fileExtension)")
        }
    }

    @Test func seedReportJSONMatchesGolden() throws {
        try Fixtures.expectGolden(Fixtures.report(Fixtures.seeds).rendered(as: .json), "seeds.json")
    }

    @Test func outputIsTheSameBytesOnEveryRun() {
        let again = Fixtures.report(Fixtures.small)
        for format in ReportFormat.allCases {
            #expect(report.rendered(as: format) == again.rendered(as: format), "\(format)")
        }
    }

    @Test func svgParsesWithLibxml2AndCarriesFullQuotesInTitles() throws {
        for index in report.sources.indices {
            let svg = report.renderMap(source: index, format: .svg)
            let parsed = try SafeXMLParser.parse(Array(svg.utf8), path: "map.svg").get()
            #expect(parsed.root.name == "svg")
            #expect(parsed.root.namespace == "http://www.w3.org/2000/svg")
            let titles = collect(parsed.root, named: "title").map(\.text)
            for unit in report.graphs[index].units {
                #expect(titles.contains { $0.hasSuffix(": " + unit.quote) }, "\(unit.id) has its full quote in a <title>")
            }
        }
    }

    @Test func svgUsesFixedPrecision() throws {
        let svg = report.renderMap(source: 0, format: .svg)
        let root = try SafeXMLParser.parse(Array(svg.utf8), path: "map.svg").get().root
        let geometry: Set<String> = ["x", "y", "width", "height", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "stroke-width", "points"]
        var checked = 0
        for element in collect(root, named: nil) {
            for attribute in element.attributes where geometry.contains(attribute.name) {
                let numbers = attribute.value.split(whereSeparator: { $0 == " " || $0 == "," })
                for number in numbers {
                    let parts = number.split(separator: ".", omittingEmptySubsequences: false)
                    #expect(parts.count == 2 && parts[1].count == 1 && Int(parts[0]) != nil && Int(parts[1]) != nil, "\(element.name) \(attribute.name)=\(attribute.value)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func htmlIsWellFormedXMLWithoutExternalResources() throws {
        let html = report.rendered(as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        // SafeXMLParser refuses DOCTYPEs; everything after it must be well-formed XML.
        let body = String(html.dropFirst("<!DOCTYPE html>\n".count))
        let parsed = try SafeXMLParser.parse(Array(body.utf8), path: "report.html").get()
        #expect(parsed.root.name == "html")
        #expect(collect(parsed.root, named: "svg").count == report.sources.count)
        for element in collect(parsed.root, named: nil) {
            for attribute in element.attributes where ["src", "href"].contains(attribute.name) {
                #expect(attribute.value.hasPrefix("#"), "\(element.name) \(attribute.name)=\(attribute.value) points outside the file")
            }
            #expect(!["link", "img", "iframe", "object"].contains(element.name))
        }
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        #expect(!html.contains("https://"))
    }

    @Test func htmlLinksResolveToUnitAnchors() throws {
        let html = report.rendered(as: .html)
        let body = String(html.dropFirst("<!DOCTYPE html>\n".count))
        let parsed = try SafeXMLParser.parse(Array(body.utf8), path: "report.html").get()
        let all = collect(parsed.root, named: nil)
        let ids = Set(all.compactMap { $0[attribute: "id"] })
        let links = all.compactMap { $0[attribute: "href"] }.map { String($0.dropFirst()) }
        #expect(!links.isEmpty)
        for link in links { #expect(ids.contains(link), "#\(link) has no target") }
        #expect(ids.count == all.compactMap { $0[attribute: "id"] }.count, "ids are unique")
    }

    @Test(.enabled(if: Tools.xmllint != nil, Tools.xmllintMissing))
    func htmlPassesXmllintHTMLParser() throws {
        let xmllint = try #require(Tools.xmllint)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("argmark-report-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        try report.rendered(as: .html).write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--html", "--noout", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // libxml2's HTML parser knows HTML 4 only; it names HTML5 and SVG tags "invalid" but
        // must find nothing else wrong.
        let problems = output.split(separator: "\n").filter { $0.contains("error") && !$0.contains("invalid") }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func highlightedTextKeepsTheTextAndMarksEveryUnit() throws {
        let html = HTMLRenderer.highlightedText(report.graphs[0], source: 0)
        let parsed = try SafeXMLParser.parse(Array("<div>\(html)</div>".utf8), path: "text").get()
        let marks = collect(parsed.root, named: "mark")
        #expect(marks.map(\.text).joined().contains("Main Street needs protected bike lanes now."))
        let anchors = collect(parsed.root, named: "span").compactMap { $0[attribute: "id"] }
        #expect(anchors == ["s0-a1", "s0-a2", "s0-a3", "s0-a4", "s0-a5", "s0-a6", "s0-a7"])
    }

    @Test func dotDrawsUndercutsThroughAPointOnTheAttackedEdge() {
        let dot = report.renderMap(source: 2, format: .dot)
        #expect(dot.contains("\"r2.mid\" [shape=point"))
        #expect(dot.contains("\"c3\" -> \"r2.mid\" [arrowhead=none"))
        #expect(dot.contains("\"c4\" -> \"r2.mid\" [label=\"undercuts\""))
        #expect(dot.hasPrefix("digraph \"c-merchants\" {\n"))
    }

    /// HTML and Markdown are drawn from one document: the same sections, in the same order, with
    /// the same titles.
    @Test func htmlAndMarkdownHaveTheSameSections() {
        let document = ReportDocument.build(report)
        let markdown = report.rendered(as: .markdown)
        let html = report.rendered(as: .html)
        let markdownTitles = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        #expect(markdownTitles == document.sections.map(\.title))
        var htmlTitles: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<h2>"), let close = rest.range(of: "</h2>", range: open.upperBound..<rest.endIndex) {
            htmlTitles.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        #expect(htmlTitles == document.sections.map(\.title))
        #expect(document.sections.map(\.id).contains("disagreements"))
    }

    @Test func markdownTablesHaveConsistentColumns() {
        let markdown = report.rendered(as: .markdown)
        var columns: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                columns = nil
                continue
            }
            let count = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let columns { #expect(count == columns, "\(line)") } else { columns = count }
        }
        #expect(markdown.contains("| b-radio | b3 | Lee Park | “Removing parking will drive our customers away from Main Street” | **unanswered** |"))
    }

    @Test func jsonNamesTheCopyingAndTheSharedQuote() throws {
        let json = Fixtures.report(Fixtures.seeds).rendered(as: .json)
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let shared = document["sharedText"] as! [String: Any]
        let pairs = shared["pairs"] as! [[String: Any]]
        let copy = try #require(pairs.first { $0["a"] as? String == "seed-000" && $0["b"] as? String == "seed-001" })
        #expect((copy["longestPassageWords"] as! Int) >= 40)
        let burke = try #require(pairs.first { $0["a"] as? String == "seed-000" && $0["b"] as? String == "seed-002" })
        let passages = burke["passages"] as! [[String: Any]]
        #expect(passages.contains { (($0["a"] as! [String: Any])["text"] as! String).contains("there is no model survivor") && ($0["propositions"] as! [String]) == ["no-model-survivor"] })
    }

    @Test func markdownTurnsWideMatricesIntoOneRowPerSource() {
        let corpus = Corpus(targets: [StanceTarget(id: "t", name: "the plan")])
        let articles = (0..<10).map { index in
            Article(id: "n\(index)", text: "Yes.", speakers: [Speaker(id: "s", name: "Speaker \(index)", role: "author")], units: [
                ArgumentUnit(id: "u1", type: .position, span: Span(start: 0, end: 4), quote: "Yes.", speaker: "s",
                             stance: index % 2 == 0 ? .favor : .against, target: "t"),
            ])
        }
        let sources = ReportSource.sources(for: articles.map { ("\($0.id).xml", $0) })
        let markdown = ComparisonReport.build(sources: sources, corpus: corpus).rendered(as: .markdown)
        #expect(markdown.contains("| Source | the plan |\n| --- | --- |\n| **n0** | **favor** (own voice): favor u1 |\n| **n1** | **against** (own voice): against u1 |"))
        #expect(markdown.contains("| **Speaker 1**; n1 | **against**: against n1:u1 |"))
    }

    func collect(_ element: XMLElement, named name: String?) -> [XMLElement] {
        var result: [XMLElement] = []
        if name == nil || element.name == name { result.append(element) }
        for child in element.children { result += collect(child, named: name) }
        return result
    }
}
