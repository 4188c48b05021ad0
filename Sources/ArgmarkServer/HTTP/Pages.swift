import ArgmarkCore
import ArgmarkReports
import Hummingbird

/// The workbench's pages: small HTML shells that load the one script and style sheet served from
/// the binary; the script fills them from the JSON API. Nothing is inline (the CSP forbids it)
/// and nothing comes from the network.
enum Pages {
    static func corpus(workbench: Workbench, token: String) -> Response {
        shell(page: "corpus", name: nil, title: "argmark workbench", workbench: workbench, token: token)
    }

    static func article(name: String, workbench: Workbench, token: String) throws -> Response {
        guard (try? workbench.sharedPath(name)).map({ FileSystem.kind(of: $0) == .file }) == true else {
            throw HTTPError(.notFound, message: "no article \(name) in the folder")
        }
        return shell(page: "article", name: name, title: "\(name) · argmark", workbench: workbench, token: token)
    }

    static func curation(name: String, workbench: Workbench, token: String) throws -> Response {
        guard (try? workbench.sharedPath(name)).map({ FileSystem.kind(of: $0) == .file }) == true else {
            throw HTTPError(.notFound, message: "no article \(name) in the folder")
        }
        return shell(page: "curate", name: name, title: "curate \(name) · argmark", workbench: workbench, token: token)
    }

    /// The token goes into a meta element: only a page of this origin can read it (there is no
    /// CORS), and the script sends it back in the header that changes require.
    static func shell(page: String, name: String?, title: String, workbench: Workbench, token: String) -> Response {
        let e = Markup.escape
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"argmark-token\" content=\"\(e(token))\">\n"
        html += "<meta name=\"argmark-page\" content=\"\(e(page))\">\n"
        if let name { html += "<meta name=\"argmark-name\" content=\"\(e(name))\">\n" }
        if let annotator = workbench.annotator { html += "<meta name=\"argmark-annotator\" content=\"\(e(annotator))\">\n" }
        html += "<title>\(e(title))</title>\n"
        html += "<link rel=\"stylesheet\" href=\"/assets/workbench.css\">\n"
        html += "<script src=\"/assets/workbench.js\" defer></script>\n"
        html += "</head>\n<body class=\"page-\(e(page))\">\n<header id=\"top\"><a href=\"/\" class=\"brand\">argmark</a>"
        html += "<span id=\"crumb\">\(e(name ?? "corpus"))</span>"
        if let annotator = workbench.annotator { html += "<span class=\"who\">annotator: \(e(annotator))</span>" }
        html += "<span id=\"status\" role=\"status\" aria-live=\"polite\"></span></header>\n"
        html += "<main id=\"main\"><p class=\"loading\">Loading…</p></main>\n"
        html += "<noscript><p>The workbench needs JavaScript (served by argmark itself, nothing from the network).</p></noscript>\n"
        html += "</body>\n</html>\n"
        return Responses.bytes(Array(html.utf8), type: "text/html; charset=utf-8")
    }
}
