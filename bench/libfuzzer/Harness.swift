// libFuzzer entry point for argmark's reader and validator. Compiled together with the sources of
// ArgmarkCore by bench/libfuzzer.sh (not part of the package: no product, no target).
// Everything the suite's FuzzOracle checks for one input is checked here too, so a violation
// stops the run with the input saved by libFuzzer.

@_cdecl("LLVMFuzzerTestOneInput")
public func argmarkFuzzOneInput(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    let validator = Validator()
    let (document, diagnostics) = validator.validate(bytes: bytes, path: "fuzz.xml", corpus: nil)
    for diagnostic in diagnostics where diagnostic.description.contains(where: \.isNewline) {
        fatalError("finding spans several lines: \(diagnostic.description)")
    }
    if document == nil && !diagnostics.contains(where: { $0.severity == .error }) { fatalError("no document and no error") }
    guard case .article(let decoded)? = document else { return 0 }
    let article = decoded.article
    _ = MarkedText.segments(of: article)
    _ = ArgumentOutline.outline(of: article)
    _ = article.listingJSON()
    _ = Reanchor.planInPlace(article)
    guard !diagnostics.contains(where: { $0.severity == .error }) else { return 0 }
    guard let encoded = try? ArticleWriter.encode(article) else { fatalError("a valid article cannot be written") }
    let (again, againDiagnostics) = validator.validate(bytes: encoded, path: "fuzz.xml", corpus: nil)
    if againDiagnostics.contains(where: { $0.severity == .error }) { fatalError("canonical form of a valid article is invalid") }
    guard case .article(let reread)? = again, reread.article == article else { fatalError("canonical write and read changed the article") }
    // Reanchor onto a text with the first tenth cut out: the result must stay valid.
    let scalars = Array(article.text.unicodeScalars)
    let cut = String(String.UnicodeScalarView(scalars[(scalars.count / 10)...]))
    let plan = Reanchor.plan(article, newText: cut, options: Reanchor.Options(orphans: .keep))
    var moved = article
    do {
        _ = try Reanchor.apply(plan, newText: cut, to: &moved, options: Reanchor.Options(orphans: .keep), path: "fuzz.xml")
        let (_, movedDiagnostics) = validator.validate(bytes: try ArticleWriter.encode(moved), path: "fuzz.xml", corpus: nil)
        if movedDiagnostics.contains(where: { $0.severity == .error }) { fatalError("reanchored article is invalid: \(movedDiagnostics)") }
    } catch {
        fatalError("reanchor threw \(error)")
    }
    return 0
}
