import ArgmarkCore

/// Reads UIMA XMI as written by DKPro / INCEpTION with the DKPro argumentation type system
/// (Habernal & Gurevych's web discourse corpus). The mapping is documented in the README.
package enum XMIImporter {
    static let xmiNamespace = "http://www.omg.org/XMI"
    static let casNamespace = "http:///uima/cas.ecore"
    static let argumentationNamespace = "http:///de/tudarmstadt/ukp/dkpro/argumentation/types.ecore"
    static let metadataNamespace = "http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore"

    /// Argument component types and the argmark unit type each becomes.
    package static let unitTypes: [String: UnitType] = [
        "Claim": .position, "MajorClaim": .position, "Premise": .claim, "Backing": .evidence,
        "Rebuttal": .counterclaim, "Refutation": .rebuttal,
    ]

    /// Reads one file with `options`.
    package static func importFile(_ path: String) throws(FormatError) -> Article {
        try importDocument(path).article
    }

    /// Whether an element is linguistic preprocessing (DKPro tokens, sentences, POS, ...) or CAS
    /// bookkeeping: neither argumentation nor something a mapping is expected to cover.
    static func isInfrastructure(_ element: XMLElement) -> Bool {
        guard let namespace = element.namespace else { return true }
        return namespace == casNamespace || namespace == xmiNamespace || (namespace.contains("/dkpro/core/api/") && namespace != metadataNamespace)
    }

    /// Reads one XMI document (a single view); the article id is `doc-<documentId>`. Annotations
    /// become units and relations by `options.xmiMapping`, by argmark's own types (from
    /// `export --to xmi`), or by the DKPro argumentation types; any other annotation is kept as a
    /// property and counted. A document with annotations none of which maps is an error.
    package static func importDocument(_ path: String, options: ImportOptions = ImportOptions()) throws(FormatError) -> ImportedDocument {
        let bytes = try InputFile.read(path)
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

        var speakers: [Speaker] = []
        var targets: [StanceTarget] = []
        var propositions: [Proposition] = []
        var ownRelations: [XMLElement] = []
        var mappedRelations: [(element: XMLElement, rule: XMIMapping.Rule)] = []
        var unmapped: [String: Int] = [:]
        var matched = 0
        var relationOfXMIID: [String: RelationID] = [:]
        func keepUnmapped(_ element: XMLElement, typeName: String) throws(FormatError) {
            guard let id = xmiID(element) else { return }
            var description: [String] = []
            if element[attribute: "begin"] != nil || element[attribute: "end"] != nil {
                description.append(try codePointSpan(element, offsets: offsets, path: path).description)
            }
            description += element.attributes.filter { $0.namespace == nil && !["sofa", "begin", "end"].contains($0.name) }.map { "\($0.name)=\($0.value)" }
            properties.append(MetadataProperty(name: "\(typeName) \(id)", value: description.joined(separator: "; ")))
            unmapped[typeName, default: 0] += 1
        }
        func makeUnit(_ element: XMLElement, type: UnitType, label: String, implicitQuote: String?) throws(FormatError) -> ArgumentUnit? {
            guard let id = xmiID(element) else { throw FormatError(path, line: element.line, "<\(element.name)> has no xmi:id") }
            let span = try codePointSpan(element, offsets: offsets, path: path)
            let unitID = UnitID(Names.identifier("u" + id, prefix: "u"))
            var unit = ArgumentUnit(id: unitID, type: type, span: nil, quote: "", sourceLabel: label, sourceID: id)
            if span.start == span.end {
                guard let implicitQuote, implicitQuote.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return nil }
                unit.quote = implicitQuote
            } else {
                unit.span = span
                unit.quote = text[span]
            }
            unitIDs[id] = unitID
            unitLabels[id] = element.name
            return unit
        }

        for element in root.children {
            if element.namespace == metadataNamespace, element.name == "DocumentMetaData" {
                if let language = element[attribute: "language"], !language.isEmpty, language != "x-unspecified" { metadata.language = language }
                if let documentID = element[attribute: "documentId"], !documentID.isEmpty {
                    articleID = Names.identifier(documentID, prefix: "doc-")
                }
                continue
            }
            if isInfrastructure(element) { continue }
            let typeName = XMIMapping.typeName(namespace: element.namespace, name: element.name)
            if let mapping = options.xmiMapping {
                guard let rule = mapping.match(typeName: typeName, features: { element[attribute: $0] }) else {
                    try keepUnmapped(element, typeName: typeName)
                    continue
                }
                matched += 1
                switch rule.result {
                case .unit(let type):
                    let features = element.attributes.filter { $0.namespace == nil && !["sofa", "begin", "end"].contains($0.name) && $0.name != rule.feature?.name }
                    guard var unit = try makeUnit(element, type: type, label: rule.feature?.value ?? typeName, implicitQuote: nil) else {
                        try keepUnmapped(element, typeName: typeName)
                        continue
                    }
                    if !features.isEmpty { unit.note = features.map { "\($0.name)=\($0.value)" }.joined(separator: "; ") }
                    units.append(unit)
                case .relation:
                    mappedRelations.append((element, rule))
                }
                continue
            }
            if element.namespace == XMIExporter.namespace {
                matched += 1
                switch element.name {
                case "Article":
                    metadata.title = element[attribute: "title"]
                    metadata.outlet = element[attribute: "outlet"]
                    metadata.author = element[attribute: "author"]
                    metadata.published = element[attribute: "published"]
                    metadata.url = element[attribute: "url"]
                    metadata.genre = element[attribute: "genre"].flatMap(Genre.init(rawValue:))
                    metadata.language = element[attribute: "language"]
                    if let id = element[attribute: "articleId"], !id.isEmpty { articleID = Names.identifier(id, prefix: "doc-") }
                    for line in (element[attribute: "properties"] ?? "").split(separator: "\n") {
                        let pair = line.split(separator: "=", maxSplits: 1).map(String.init)
                        properties.append(MetadataProperty(name: pair[0], value: pair.count > 1 ? pair[1] : ""))
                    }
                case "Unit":
                    guard let type = element[attribute: "unitType"].flatMap(UnitType.init(rawValue:)) else {
                        throw FormatError(path, line: element.line, "argmark Unit has unitType \(element[attribute: "unitType"] ?? "(none)"); expected \(UnitType.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    guard var unit = try makeUnit(element, type: type, label: element[attribute: "sourceLabel"] ?? "", implicitQuote: element[attribute: "quote"]) else {
                        throw FormatError(path, line: element.line, "argmark Unit at 0-0 is implicit but has no quote (its paraphrase)")
                    }
                    if let id = element[attribute: "unitId"], UnitID.isValid(id) { unit.id = UnitID(id); unitIDs[xmiID(element)!] = unit.id }
                    unit.sourceLabel = element[attribute: "sourceLabel"]
                    unit.sourceID = element[attribute: "sourceId"]
                    unit.note = element[attribute: "note"]
                    unit.stance = element[attribute: "stance"].flatMap(Stance.init(rawValue:))
                    if let speaker = element[attribute: "speaker"], SpeakerID.isValid(speaker) {
                        unit.speaker = SpeakerID(speaker)
                        if !speakers.contains(where: { $0.id.rawValue == speaker }) {
                            speakers.append(Speaker(id: SpeakerID(speaker), name: element[attribute: "speakerName"] ?? speaker, role: element[attribute: "speakerRole"]))
                        }
                    }
                    if let target = element[attribute: "target"], TargetID.isValid(target) {
                        unit.target = TargetID(target)
                        if !targets.contains(where: { $0.id.rawValue == target }) { targets.append(StanceTarget(id: TargetID(target), name: element[attribute: "targetName"] ?? target)) }
                    }
                    if let proposition = element[attribute: "proposition"], PropositionID.isValid(proposition) {
                        unit.proposition = PropositionID(proposition)
                        if !propositions.contains(where: { $0.id.rawValue == proposition }) {
                            propositions.append(Proposition(id: PropositionID(proposition), statement: element[attribute: "propositionStatement"] ?? unit.quote))
                        }
                    }
                    if element[attribute: "status"] == "suggested" { unit.status = .suggested }
                    unit.confidence = element[attribute: "confidence"].flatMap(Double.init)
                    if let fragments = element[attribute: "fragments"] {
                        var pieces: [Span] = []
                        for piece in fragments.split(separator: " ") {
                            let bounds = piece.split(separator: "-").compactMap { Int($0) }
                            guard bounds.count == 2, let start = offsets.codePointOffset(ofUTF16: bounds[0]), let end = offsets.codePointOffset(ofUTF16: bounds[1]) else {
                                throw FormatError(path, line: element.line, "argmark Unit has malformed fragments \"\(fragments)\"; write BEGIN-END pairs separated by spaces")
                            }
                            pieces.append(Span(start: start, end: end))
                        }
                        unit.fragments = pieces
                    }
                    units.append(unit)
                case "Relation":
                    ownRelations.append(element)
                default:
                    try keepUnmapped(element, typeName: typeName)
                }
                continue
            }
            guard element.namespace == argumentationNamespace else {
                try keepUnmapped(element, typeName: typeName)
                continue
            }
            matched += 1
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
                    unmapped[element.name, default: 0] += 1
                    matched -= 1
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
        func end(_ element: XMLElement, _ feature: String) throws(FormatError) -> RelationEndpoint {
            guard let reference = element[attribute: feature] else {
                throw FormatError(path, line: element.line, "<\(element.name)> \(xmiID(element) ?? "") has no \(feature) feature; a relation needs both ends")
            }
            if let unit = unitIDs[reference] { return .unit(unit) }
            if let relation = relationOfXMIID[reference] { return .relation(relation) }
            throw FormatError(path, line: element.line, "<\(element.name)> \(xmiID(element) ?? "")'s \(feature) is \(reference), which is not a unit or relation of this document")
        }
        // argmark's own relations: ids first, since an undercut may point to a later relation.
        for element in ownRelations {
            if let id = xmiID(element) { relationOfXMIID[id] = RelationID(element[attribute: "relationId"].flatMap { RelationID.isValid($0) ? $0 : nil } ?? Names.identifier("r" + id, prefix: "r")) }
        }
        for element in ownRelations {
            guard let type = element[attribute: "relationType"].flatMap(RelationType.init(rawValue:)) else {
                throw FormatError(path, line: element.line, "argmark Relation has relationType \(element[attribute: "relationType"] ?? "(none)"); expected \(RelationType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard case .unit(let from) = try end(element, "Governor") else { throw FormatError(path, line: element.line, "argmark Relation's Governor must be a unit") }
            relations.append(Relation(id: relationOfXMIID[xmiID(element)!]!, type: type, from: from, to: try end(element, "Dependent"),
                                      sourceLabel: element[attribute: "sourceLabel"], sourceID: element[attribute: "sourceId"], note: element[attribute: "note"]))
        }
        for (element, _) in mappedRelations {
            guard let id = xmiID(element) else { continue }
            relationOfXMIID[id] = RelationID(Names.identifier("r" + id, prefix: "r"))
        }
        for (element, rule) in mappedRelations {
            guard case .relation(let type, let sourceFeature, let targetFeature) = rule.result, let id = xmiID(element) else { continue }
            let source = sourceFeature ?? (element[attribute: "Governor"] != nil ? "Governor" : "source")
            let target = targetFeature ?? (element[attribute: "Dependent"] != nil ? "Dependent" : "target")
            guard case .unit(let from) = try end(element, source) else { throw FormatError(path, line: element.line, "the \(source) of \(element.name) \(id) is a relation; a relation starts at a unit") }
            let features = element.attributes.filter { $0.namespace == nil && !["sofa", "begin", "end", source, target].contains($0.name) && $0.name != rule.feature?.name }
            relations.append(Relation(id: relationOfXMIID[id]!, type: type, from: from, to: try end(element, target), sourceLabel: XMIMapping.typeName(namespace: element.namespace, name: element.name), sourceID: id,
                                      note: features.isEmpty ? nil : features.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")))
        }
        let unmappedCount = unmapped.values.reduce(0, +)
        if units.isEmpty && relations.isEmpty && unmappedCount > 0 && matched == 0 {
            let found = unmapped.keys.sorted().map { "\($0) (\(unmapped[$0]!))" }.joined(separator: ", ")
            let message = "none of the \(unmappedCount) annotations matches a unit or relation type (found \(found))"
            guard options.xmiMapping != nil else { throw FormatError(path, line: root.line, message, remedies: [.typeMapping]) }
            throw FormatError(path, line: root.line, message + "; add rules for these types to the mapping (UIMA_TYPE[@FEATURE=VALUE]<TAB>UNIT_TYPE)")
        }
        metadata.properties = properties
        let article = Article(id: articleID, metadata: metadata, text: sofaString, speakers: speakers, units: units, relations: relations)
        var document = ImportedDocument(article: article, targets: targets, propositions: propositions)
        document.unmappedAnnotations = unmappedCount
        return document
    }

    /// The quote of an implicit unit whose source gives no wording.
    package static func missingWording(_ label: String) -> String {
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
            let scalars = Array(line.unicodeScalars)
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                var character = scalar
                if scalar == "\\" {
                    guard index < scalars.count else { break }
                    let next = scalars[index]
                    index += 1
                    switch next {
                    case "n": character = "\n"
                    case "t": character = "\t"
                    case "r": character = "\r"
                    case "u":
                        // Java writes a character beyond the BMP as two \\u escapes (a surrogate pair).
                        guard let unit = hex4(scalars, &index) else { character = "\u{FFFD}"; break }
                        if (0xD800..<0xDC00).contains(unit), index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" {
                            var after = index + 2
                            if let low = hex4(scalars, &after), (0xDC00..<0xE000).contains(low) {
                                index = after
                                character = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
                                break
                            }
                        }
                        character = Unicode.Scalar(unit) ?? "\u{FFFD}"
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

    /// Four hex digits at `index` (advanced past them), or nil.
    private static func hex4(_ scalars: [Unicode.Scalar], _ index: inout Int) -> UInt32? {
        guard index + 4 <= scalars.count else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[index..<index + 4] {
            guard scalar.isASCII, let digit = Int(String(scalar), radix: 16) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }
}
