import ArgmarkTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `argmark serve` as a browser or a script meets it: the real binary on a free port, raw HTTP.
@Suite(.serialized) struct ServeCommandTests {
    /// A copy of the shipped Annotations (seed articles and corpus.xml) in a temporary folder.
    static func folder() throws -> URL {
        let folder = try ArgmarkProcess.temporaryFolder()
        let source = ArgmarkProcess.packageRoot.appendingPathComponent("Annotations")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".xml") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// The units of an article file that have a span, in text order (argmark writes the
    /// attributes in this order).
    static func explicitUnits(_ file: Data) throws -> [(id: String, type: String, start: Int, end: Int)] {
        let text = String(decoding: file, as: UTF8.self)
        return text.matches(of: #/<unit id="([^"]+)" type="([^"]+)" start="(\d+)" end="(\d+)"/#).map { match in
            (String(match.1), String(match.2), Int(String(match.3))!, Int(String(match.4))!)
        }.sorted { $0.start < $1.start }
    }

    static func unitCount(_ file: Data) throws -> Int {
        String(decoding: file, as: UTF8.self).matches(of: #/<unit /#).count
    }

    static func json(_ object: Any) -> Data { try! JSONSerialization.data(withJSONObject: object) }

    func post(_ server: ServeProcess, _ path: String, _ body: Any, token: String? = nil) throws -> HTTPReply {
        try RawHTTP.request(port: server.port, method: "POST", path: path,
                            headers: [("X-Argmark-Token", token ?? server.token), ("Content-Type", "application/json")], body: Self.json(body))
    }

    func get(_ server: ServeProcess, _ path: String) throws -> HTTPReply {
        try RawHTTP.request(port: server.port, path: path, headers: [("X-Argmark-Token", server.token)])
    }

    @Test func printsTheURLAndRefusesRequestsWithoutTheToken() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess([folder.path, "--port", "0"])
        #expect(server.token.count == 64)
        let anonymous = try RawHTTP.request(port: server.port, path: "/api/articles")
        #expect(anonymous.status == 401)
        #expect(try RawHTTP.request(port: server.port, path: "/").status == 401)
        let wrong = try RawHTTP.request(port: server.port, path: "/api/articles", headers: [("X-Argmark-Token", String(repeating: "0", count: 64))])
        #expect(wrong.status == 403)
        #expect(try RawHTTP.request(port: server.port, path: "/?token=nope").status == 403)

        // The printed link trades the token for a cookie and drops it from the address.
        let link = try RawHTTP.request(port: server.port, path: "/?token=\(server.token)")
        #expect(link.status == 303)
        #expect(link.header("Location") == "/")
        let cookie = try #require(link.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let page = try RawHTTP.request(port: server.port, path: "/", headers: [("Cookie", String(cookie.split(separator: ";")[0]))])
        #expect(page.status == 200)
        #expect(page.text.contains("<script src=\"/assets/workbench.js\" defer></script>"))
        #expect(!page.text.contains("<script>"), "no inline script")
        let csp = try #require(page.header("Content-Security-Policy"))
        #expect(csp.contains("script-src 'self'") && csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"))
        #expect(page.header("Access-Control-Allow-Origin") == nil)
        #expect(page.header("X-Frame-Options") == "DENY")

        let list = try get(server, "/api/articles")
        #expect(list.status == 200)
        let names = (list.json["articles"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"])
        #expect(server.stop() == 0)
    }

    @Test func refusesAForeignHostAndCrossSiteChanges() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess([folder.path, "--port", "0"])
        defer { server.stop() }
        // DNS rebinding: a page of evil.example resolved to 127.0.0.1 sends its own Host.
        for host in ["evil.example:\(server.port)", "127.0.0.1", "localhost:1", "127.0.0.1.evil.example:\(server.port)"] {
            let reply = try RawHTTP.request(port: server.port, path: "/api/articles", headers: [("X-Argmark-Token", server.token)], host: host)
            #expect(reply.status == 403, "Host \(host)")
        }
        for host in ["localhost:\(server.port)", "[::1]:\(server.port)"] {
            #expect(try RawHTTP.request(port: server.port, path: "/api/articles", headers: [("X-Argmark-Token", server.token)], host: host).status == 200)
        }
        // A cross-site form can send the cookie but not a header: a change needs the header.
        let before = try Data(contentsOf: folder.appendingPathComponent("seed-002.xml"))
        let link = try RawHTTP.request(port: server.port, path: "/?token=\(server.token)")
        let cookie = String(link.header("Set-Cookie")!.split(separator: ";")[0])
        let formPost = try RawHTTP.request(port: server.port, method: "POST", path: "/api/articles/seed-002/edits",
                                           headers: [("Cookie", cookie), ("Content-Type", "application/json")],
                                           body: Self.json(["edits": [["op": "remove", "id": "u1", "cascade": true]]]))
        #expect(formPost.status == 401)
        #expect(try Data(contentsOf: folder.appendingPathComponent("seed-002.xml")) == before)
        let options = try RawHTTP.request(port: server.port, method: "OPTIONS", path: "/api/articles/seed-002/edits",
                                          headers: [("Origin", "http://evil.example"), ("Access-Control-Request-Method", "POST")])
        #expect(options.status == 405)
        #expect(options.header("Access-Control-Allow-Origin") == nil)
    }

    @Test func editsAreValidatedVersionedAndUndoable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("seed-003.xml")
        let original = try Data(contentsOf: file)
        let server = try ServeProcess([folder.path, "--port", "0"])
        defer { server.stop() }
        let article = try get(server, "/api/articles/seed-003")
        #expect(article.status == 200)
        let version = try #require(article.json["version"] as? String)
        #expect((article.json["map"] as? String)?.hasPrefix("<svg") == true)
        let text = try #require(article.json["text"] as? String)
        // The first sentence of the text, as offsets in code points.
        let sentence = try #require(text.unicodeScalars.firstIndex(of: "."))
        let end = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: sentence) + 1

        let edit = try post(server, "/api/articles/seed-003/edits", ["version": version, "edits": [
            ["op": "add", "type": "claim", "start": 0, "end": end, "as": "new"],
            ["op": "relate", "from": "new", "type": "supports", "to": "u1"],
        ]])
        #expect(edit.status == 200, "\(edit.text)")
        let newVersion = try #require(edit.json["version"] as? String)
        #expect(newVersion != version)
        let created = edit.json["created"] as? [String] ?? []
        #expect(created.count == 2)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("<unit id=\"\(created[0])\" type=\"claim\" start=\"0\" end=\"\(end)\""))
        #expect(written.contains("type=\"supports\" from=\"\(created[0])\" to=\"u1\""))
        let validation = try ArgmarkProcess.run(["validate", file.path])
        #expect(validation.status == 0, "\(validation.standardError)")

        // The page that still shows the old version is refused, and nothing is written.
        let afterEdit = try Data(contentsOf: file)
        let stale = try post(server, "/api/articles/seed-003/edits", ["version": version, "edits": [["op": "remove", "id": "u1", "cascade": true]]])
        #expect(stale.status == 409)
        #expect(stale.json["version"] as? String == newVersion)
        #expect(try Data(contentsOf: file) == afterEdit)

        // An edit the core refuses (a self-relation) changes nothing and says why.
        let refused = try post(server, "/api/articles/seed-003/edits", ["version": newVersion, "edits": [["op": "relate", "from": "u1", "type": "supports", "to": "u1"]]])
        #expect(refused.status == 422)
        #expect((refused.json["error"] as? String)?.contains("itself") == true)
        #expect(try Data(contentsOf: file) == afterEdit)
        let malformed = try post(server, "/api/articles/seed-003/edits", ["version": newVersion, "edits": [["op": "add", "type": "opinion", "start": 0, "end": 3]]])
        #expect(malformed.status == 400)
        #expect((malformed.json["error"] as? String)?.hasPrefix("edit 1: \"type\" must be one of") == true)

        // Undo goes back byte for byte; redo comes back; both survive a reload (server-side history).
        let undo = try post(server, "/api/articles/seed-003/undo", ["version": newVersion])
        #expect(undo.status == 200, "\(undo.text)")
        #expect(try Data(contentsOf: file) == original)
        let reloaded = try get(server, "/api/articles/seed-003")
        #expect((reloaded.json["history"] as? [String: Int])?["redo"] == 1)
        let redo = try post(server, "/api/articles/seed-003/redo", ["version": reloaded.json["version"] as! String])
        #expect(redo.status == 200)
        #expect(try Data(contentsOf: file) == afterEdit)

        // A change made by the command line shows in the version the page polls.
        let cli = try ArgmarkProcess.run(["set", file.path, "u1", "--note", "from the shell"])
        #expect(cli.status == 0, "\(cli.standardError)")
        let polled = try get(server, "/api/articles/seed-003/version")
        #expect(polled.json["version"] as? String != newVersion)
        let undoAfterCLI = try post(server, "/api/articles/seed-003/undo", ["version": polled.json["version"] as! String])
        #expect(undoAfterCLI.status == 409, "undo must not silently drop the command line's change")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("from the shell"))
    }

    /// An edit's answer carries the annotations without the text and the map; the map of the
    /// new version comes from `…/map`; the page's first load can leave the map out.
    @Test func editAnswersAreLeanAndTheMapFollows() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess([folder.path, "--port", "0"])
        defer { server.stop() }
        let full = try get(server, "/api/articles/seed-002")
        let version = try #require(full.json["version"] as? String)
        let lean = try get(server, "/api/articles/seed-002?map=0")
        #expect(lean.json["map"] == nil && lean.json["text"] as? String == full.json["text"] as? String)
        let edit = try post(server, "/api/articles/seed-002/edits", ["version": version, "edits": [["op": "set", "unit": "u1", "note": "lean"]]])
        #expect(edit.status == 200, "\(edit.text)")
        let article = try #require(edit.json["article"] as? [String: Any])
        #expect(article["text"] == nil && article["map"] == nil)
        #expect(article["textDigest"] as? String == full.json["textDigest"] as? String)
        let newVersion = try #require(edit.json["version"] as? String)
        #expect(article["version"] as? String == newVersion)
        #expect((article["units"] as? [[String: Any]])?.first { $0["id"] as? String == "u1" }?["note"] as? String == "lean")
        let map = try get(server, "/api/articles/seed-002/map")
        #expect(map.json["version"] as? String == newVersion)
        #expect((map.json["map"] as? String)?.hasPrefix("<svg") == true)
        #expect(try get(server, "/api/articles/seed-002/map").text == map.text, "asked again, the same map")
    }

    /// The corpus's model through the API: trained on request into FOLDER/.argmark/model, which
    /// `argmark suggest --model` reads; a retrain asked for during one is queued, not run beside it.
    @Test func theCorpusModelTrainsOnRequest() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess([folder.path, "--port", "0", "--retrain-after", "0"])
        defer { server.stop() }
        let before = try get(server, "/api/model").json
        #expect(before["trained"] as? Bool == false && before["retrainAfter"] as? Int == 0 && before["path"] as? String == ".argmark/model")
        let started = try post(server, "/api/model/train", [String: Any]())
        #expect(started.status == 200)
        #expect(started.json["training"] as? Bool == true)
        let again = try post(server, "/api/model/train", [String: Any]()).json
        #expect(again["training"] as? Bool == false || again["queued"] as? Bool == true, "a second request during a training is queued")
        var status = try get(server, "/api/model").json
        while status["training"] as? Bool == true {
            usleep(100_000)
            status = try get(server, "/api/model").json
        }
        #expect(status["trained"] as? Bool == true, "\(status)")
        #expect(status["articles"] as? Int == 5 && (status["generation"] as? Int ?? 0) >= 1, "\(status)")
        let model = folder.appendingPathComponent(".argmark/model")
        #expect(FileManager.default.fileExists(atPath: model.path))
        let scratch = try ArgmarkProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in ["seed-001.xml", "corpus.xml"] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: scratch.appendingPathComponent(name))
        }
        let suggest = try ArgmarkProcess.run(["suggest", scratch.appendingPathComponent("seed-001.xml").path, "--model", model.path])
        #expect(suggest.status == 0, "\(suggest.standardError)")
        // The article list does not take the model folder for an article.
        let names = (try get(server, "/api/articles").json["articles"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"])
        let badOption = try ArgmarkProcess.run(["serve", folder.path, "--retrain-after", "-1"])
        #expect(badOption.status == 2 && badOption.standardError.contains("--retrain-after"))
    }

    @Test func servesNothingOutsideTheFolder() throws {
        let folder = try Self.folder()
        let outside = try ArgmarkProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.copyItem(at: folder.appendingPathComponent("seed-000.xml"), to: outside.appendingPathComponent("secret.xml"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("linked.xml").path, withDestinationPath: outside.appendingPathComponent("secret.xml").path)
        let server = try ServeProcess([folder.path, "--port", "0"])
        defer { server.stop() }
        let attempts = [
            "/api/articles/..%2f..%2fetc%2fpasswd", "/api/articles/%2e%2e", "/api/articles/%2e%2e%2fsecret",
            "/api/articles/..", "/../../etc/passwd", "/article/..%2f..%2fetc%2fpasswd", "/assets/..%2f..%2fPackage.swift",
            "/api/articles/linked", "/article/linked", "/api/articles/corpus", "/api/articles/.seed-000",
            "/api/articles/%252e%252e",
        ]
        for path in attempts {
            let reply = try get(server, path)
            #expect(reply.status == 404 || reply.status == 400, "\(path) answered \(reply.status)")
            #expect(!reply.text.contains("root:"), "\(path)")
            #expect(!reply.text.contains("<text"), "\(path)")
        }
        let listed = try get(server, "/api/articles").json["articles"] as? [[String: Any]] ?? []
        #expect(!listed.contains { $0["name"] as? String == "linked" })
        let edit = try post(server, "/api/articles/linked/edits", ["edits": [["op": "remove", "id": "u1", "cascade": true]]])
        #expect(edit.status == 404)
        // A request body over the limit is refused before it is read whole.
        let huge = try RawHTTP.request(port: server.port, method: "POST", path: "/api/articles/seed-000/edits",
                                       headers: [("X-Argmark-Token", server.token)], body: Data(repeating: UInt8(ascii: " "), count: 2 << 20))
        #expect(huge.status == 413)
    }

    @Test func aTakenPortIsAClearErrorAndSIGTERMLeavesNoLockHeld() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess([folder.path, "--port", "0"])
        let second = try ArgmarkProcess.run(["serve", folder.path, "--port", String(server.port)])
        #expect(second.status == 1)
        #expect(second.standardError.contains("port \(server.port) is already in use"), "\(second.standardError)")
        #expect(second.standardOutput.isEmpty)

        let version = try get(server, "/api/articles/seed-001").json["version"] as! String
        #expect(try post(server, "/api/articles/seed-001/edits", ["version": version, "edits": [["op": "set", "unit": "u1", "note": "n"]]]).status == 200)
        #expect(server.stop() == 0)
        #expect(server.standardError.contains("argmark: stopped"))
        let lock = folder.appendingPathComponent(".seed-001.xml.lock").path
        let descriptor = open(lock, O_RDWR)
        if descriptor >= 0 {
            defer { close(descriptor) }
            #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0, "the lock is still held after the server stopped")
        }
    }

    @Test func aMissingFolderOrBadAnnotatorIsAUsageError() throws {
        let missing = try ArgmarkProcess.run(["serve", "/nonexistent/folder", "--port", "0"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no such folder"))
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let annotator = try ArgmarkProcess.run(["serve", folder.path, "--annotator", "../x"])
        #expect(annotator.status == 2)
        #expect(annotator.standardError.contains("annotator name"))
    }

    @Test func annotatorsWorkOnTheirOwnCopiesAndCurationTakesIntoGold() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gold = folder.appendingPathComponent("seed-002.xml")
        let goldBefore = try Data(contentsOf: gold)
        // The seed's last two units in the text (read from the file, so re-annotating it does not
        // break the test): both annotators drop the last, only bob the one before it.
        let units = try Self.explicitUnits(goldBefore)
        try #require(units.count >= 2)
        let (last, beforeLast) = (units[units.count - 1], units[units.count - 2])
        let total = try Self.unitCount(goldBefore)
        for (name, note) in [("ann", "by ann"), ("bob", "by bob")] {
            let server = try ServeProcess([folder.path, "--port", "0", "--annotator", name])
            let version = try get(server, "/api/articles/seed-002").json["version"] as! String
            var edits: [[String: Any]] = [["op": "remove", "id": last.id, "cascade": true]]
            if name == "bob" { edits.append(["op": "remove", "id": beforeLast.id, "cascade": true]) }
            edits.append(["op": "set", "unit": "u1", "note": note])
            let reply = try post(server, "/api/articles/seed-002/edits", ["version": version, "edits": edits])
            #expect(reply.status == 200, "\(reply.text)")
            server.stop()
        }
        #expect(try Data(contentsOf: gold) == goldBefore, "annotators never touch the shared file")
        let annFile = folder.appendingPathComponent("annotators/ann/seed-002.xml")
        #expect(try String(contentsOf: annFile, encoding: .utf8).contains("note=\"by ann\""))

        let server = try ServeProcess([folder.path, "--port", "0"])
        defer { server.stop() }
        let curation = try get(server, "/api/curation/seed-002")
        #expect(curation.status == 200)
        #expect(curation.json["annotators"] as? [String] == ["ann", "bob"])
        #expect(curation.json["agreedUnits"] as? Int == total - 2)
        let conflicts = curation.json["conflicts"] as? [[String: Any]] ?? []
        #expect(conflicts.contains { ($0["kind"] as? String) == "unit" && ($0["annotators"] as? [String]) == ["ann"] })
        #expect((curation.json["agreement"] as? [String: Any])?["pairs"] != nil)

        // Start the gold from nothing: merge what both agree on, then take ann's extra unit.
        let reset = try ArgmarkProcess.run(["merge", annFile.path, folder.appendingPathComponent("annotators/bob/seed-002.xml").path, "-o", gold.path])
        #expect(reset.status == 0, "\(reset.standardError)")
        #expect(reset.standardOutput.contains("\(total - 2) units"), "\(reset.standardOutput)")
        #expect(reset.standardOutput.contains("conflict: unit \(beforeLast.type) \(beforeLast.start)-\(beforeLast.end)"), "\(reset.standardOutput)")
        let goldVersion = try get(server, "/api/articles/seed-002").json["version"] as! String
        let take = try post(server, "/api/curation/seed-002/take", ["version": goldVersion, "annotator": "ann", "id": beforeLast.id])
        #expect(take.status == 200, "\(take.text)")
        let merged = try String(contentsOf: gold, encoding: .utf8)
        #expect(merged.contains("start=\"\(beforeLast.start)\" end=\"\(beforeLast.end)\""))
        #expect(try ArgmarkProcess.run(["validate", gold.path]).status == 0)
        let again = try post(server, "/api/curation/seed-002/take", ["version": goldVersion, "annotator": "ann", "id": beforeLast.id])
        #expect(again.status == 409, "the gold changed: the stale take is refused")
    }
}
