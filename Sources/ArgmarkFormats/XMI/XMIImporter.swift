import ArgmarkCore

/// Reads UIMA XMI as written by DKPro / INCEpTION with the DKPro argumentation type system
/// (Habernal & Gurevych's web discourse corpus). The mapping is documented in the README.
public enum XMIImporter {
    static let xmiNamespace = "http://www.omg.org/XMI"
    static let casNamespace = "http:///uima/cas.ecore"
    static let argumentationNamespace = "http:///de/tudarmstadt/ukp/dkpro/argumentation/types.ecore"
    static let metadataNamespace = "http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore"

    /// Argument component types and the argmark unit type each becomes.
    public static let unitTypes: [String: UnitType] = [
        "Claim": .position, "MajorClaim": .position, "Premise": .claim, "Backing": .evidence,
        "Rebuttal": .counterclaim, "Refutation": .rebuttal,
    ]

    /// Reads one file with `options`.
    public static func importDocument(_ path: String, options: ImportOptions = ImportOptions()) throws(FormatError) -> ImportedDocument {
        ImportedDocument(article: try importFile(path))
    }

    /// Reads one XMI document (a single view); the article id is `doc-<documentId>`.
    public static func importFile(_ path: String) throws(FormatError) -> Article {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            throw FormatError(path, line: nil, error.reason)
        }
        let root: XMLElement
        switch SafeXMLParser.parse(bytes, path: path) {
        case .success(let parsed): root = parsed.root
        case .failure(let failure):
            throw FormatError(diagnostic: failure.diagnostics.first ?? Diagnostic(.error, .wellFormed, "file is not well-formed XML", at: SourceLocation(path: path)))
        }
        guard root.name == "XMI", root.namespace == xmiNamespace else {
            throw FormatError(path, line: root.line, "root element is <\(root.name)>, expected <xmi:XMI>; is this a UIMA XMI file?")
        }
        let sofas = root.children.filter { $0.name == "Sofa" && $0.namespace == casNamespace }
        guard let sofa = sofas.first, let sofaString = sofa[attribute: "sofaString"] else {
            throw FormatError(path, line: root.line, "no <cas:Sofa sofaString=...>: the document has no text")
        }
        if sofas.count > 1 {
            throw FormatError(path, line: sofas[1].line, "more than one Sofa (view); argmark imports single-view documents only")
        }
        let offsets = UTF16Offsets(sofaString)
        let text = CodePointText(sofaString)
        func xmiID(_ element: XMLElement) -> String? {
            element.attributes.first { $0.name == "id" && $0.namespace == xmiNamespace }?.value
        }

        var metadata = ArticleMetadata(genre: nil)
        let stem = Names.stem(of: path, dropping: ".xmi")
        var articleID = Names.identifier(stem, prefix: "doc-")
        var units: [ArgumentUnit] = []
        var unitIDs: [String: UnitID] = [:]
        var unitLabels: [String: String] = [:]
        var relationElements: [XMLElement] = []
        var properties: [MetadataProperty] = []

        for element in root.children {
            if element.namespace == metadataNamespace, element.name == "DocumentMetaData" {
                if let language = element[attribute: "language"], !language.isEmpty, language != "x-unspecified" { metadata.language = language }
                if let documentID = element[attribute: "documentId"], !documentID.isEmpty {
                    articleID = Names.identifier(documentID, prefix: "doc-")
                }
                continue
            }
            guard element.namespace == argumentationNamespace else { continue }
            switch element.name {
            case "WebArgumentMetadata":
                for attribute in element.attributes where attribute.namespace == nil {
                    let value = attribute.value
                    switch attribute.name {
                    case "sofa", "begin", "end": continue
                    case _ where value.isEmpty: continue
                    case "author": metadata.author = value
                    case "title": metadata.title = value
                    case "origUrl": metadata.url = value
                    case "docType":
                        metadata.genre = genre(ofDocType: value)
                        properties.append(MetadataProperty(name: "docType", value: value))
                    default:
                        properties.append(MetadataProperty(name: attribute.name, value: value))
                    }
                }
            case "ArgumentRelation":
                relationElements.append(element)
            default:
                guard let id = xmiID(element) else {
                    throw FormatError(path, line: element.line, "<types:\(element.name)> has no xmi:id")
                }
                let span = try codePointSpan(element, offsets: offsets, path: path)
                let javaProperties = JavaProperties.parse(element[attribute: "properties"] ?? "")
                guard let type = unitTypes[element.name] else {
                    // Components with no argumentative role (e.g. pathos ArgumentComponent) are kept
                    // as metadata, so the import loses nothing but does not invent units.
                    let description = ([span.description] + javaProperties.map { "\($0.key)=\($0.value)" }).joined(separator: "; ")
                    properties.append(MetadataProperty(name: "\(element.name) \(id)", value: description))
                    continue
                }
                let unitID = UnitID(Names.identifier("u" + id, prefix: "u"))
                var unit = ArgumentUnit(id: unitID, type: type, span: nil, quote: "", sourceLabel: element.name, sourceID: id)
                let rephrased = javaProperties.first { $0.key == "rephrasedContent" }?.value
                if span.start == span.end {
                    // An implicit unit is kept even when the annotator gave no wording (1199.xmi has
                    // one): its quote then says so, since argmark needs some paraphrase.
                    if let rephrased, rephrased.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
                        unit.quote = rephrased
                    } else {
                        unit.quote = missingWording(element.name)
                    }
                } else {
                    unit.span = span
                    unit.quote = text[span]
                }
                let noteItems = javaProperties.filter { !(span.start == span.end && $0.key == "rephrasedContent") }
                if !noteItems.isEmpty { unit.note = noteItems.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
                unitIDs[id] = unitID
                unitLabels[id] = element.name
                units.append(unit)
            }
        }

        var relations: [Relation] = []
        for element in relationElements {
            guard let id = xmiID(element) else { throw FormatError(path, line: element.line, "<types:ArgumentRelation> has no xmi:id") }
            guard let source = element[attribute: "source"], let from = unitIDs[source] else {
                throw FormatError(path, line: element.line, "ArgumentRelation \(id) has source \(element[attribute: "source"] ?? "(none)"), which is not an argument unit of this document")
            }
            guard let target = element[attribute: "target"], let to = unitIDs[target] else {
                throw FormatError(path, line: element.line, "ArgumentRelation \(id) has target \(element[attribute: "target"] ?? "(none)"), which is not an argument unit of this document")
            }
            let type: RelationType
            switch (unitLabels[source]!, unitLabels[target]!) {
            case ("Rebuttal", _): type = .attacks
            case ("Refutation", "Rebuttal"): type = .rebuts
            default: type = .supports
            }
            let javaProperties = JavaProperties.parse(element[attribute: "properties"] ?? "")
            let note = javaProperties.isEmpty ? nil : javaProperties.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            relations.append(Relation(id: RelationID(Names.identifier("r" + id, prefix: "r")), type: type, from: from, to: .unit(to),
                                      sourceLabel: "ArgumentRelation", sourceID: id, note: note))
        }
        metadata.properties = properties
        return Article(id: articleID, metadata: metadata, text: sofaString, units: units, relations: relations)
    }

    /// The quote of an implicit unit whose source gives no wording.
    public static func missingWording(_ label: String) -> String {
        "(implicit \(label.lowercased()); the source gives no wording)"
    }

    static func genre(ofDocType docType: String) -> Genre {
        switch docType {
        case "artcomment": .comment
        case "forumpost": .forum
        case "blogpost": .blog
        case "article": .news
        default: .other
        }
    }

    static func codePointSpan(_ element: XMLElement, offsets: UTF16Offsets, path: String) throws(FormatError) -> Span {
        guard let beginText = element[attribute: "begin"], let endText = element[attribute: "end"],
              let begin = Int(beginText), let end = Int(endText) else {
            throw FormatError(path, line: element.line, "<types:\(element.name)> needs integer begin and end attributes")
        }
        guard begin <= end else {
            throw FormatError(path, line: element.line, "\(element.name) has begin \(begin) after end \(end)")
        }
        guard let start = offsets.codePointOffset(ofUTF16: begin), let stop = offsets.codePointOffset(ofUTF16: end) else {
            throw FormatError(path, line: element.line, "\(element.name) offsets \(begin)-\(end) are outside the text (\(offsets.utf16Count) UTF-16 units) or split a surrogate pair")
        }
        return Span(start: start, end: stop)
    }
}

/// Maps UTF-16 offsets (UIMA, Java) to Unicode code point offsets (argmark).
struct UTF16Offsets {
    /// `codePoints[i]` is the code point offset of UTF-16 offset `i`, or -1 inside a surrogate pair.
    private var codePoints: [Int] = []

    init(_ text: String) {
        var index = 0
        for scalar in text.unicodeScalars {
            codePoints.append(index)
            if scalar.utf16.count == 2 { codePoints.append(-1) }
            index += 1
        }
        codePoints.append(index)
    }

    var utf16Count: Int { codePoints.count - 1 }

    func codePointOffset(ofUTF16 offset: Int) -> Int? {
        guard offset >= 0, offset < codePoints.count, codePoints[offset] >= 0 else { return nil }
        return codePoints[offset]
    }
}

/// `java.util.Properties` text, as DKPro stores it in the `properties` feature: `#` comment lines
/// (the save timestamp, dropped), `key=value` lines with backslash escapes.
enum JavaProperties {
    static func parse(_ text: String) -> [(key: String, value: String)] {
        var result: [(key: String, value: String)] = []
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("!") { continue }
            var key = ""
            var value = ""
            var inValue = false
            var scalars = line.unicodeScalars.makeIterator()
            while let scalar = scalars.next() {
                var character = scalar
                if scalar == "\\" {
                    guard let next = scalars.next() else { break }
                    switch next {
                    case "n": character = "\n"
                    case "t": character = "\t"
                    case "r": character = "\r"
                    case "u":
                        var hex = ""
                        for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                        character = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
                    default: character = next
                    }
                } else if !inValue && (scalar == "=" || scalar == ":") {
                    inValue = true
                    continue
                }
                if inValue { value.unicodeScalars.append(character) } else { key.unicodeScalars.append(character) }
            }
            result.append((key, value))
        }
        return result
    }
}
