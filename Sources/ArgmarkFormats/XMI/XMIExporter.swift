import ArgmarkCore

/// Writes argmark articles as UIMA CAS XMI (`<id>.xmi`) with one `TypeSystem.xml` for the folder,
/// as INCEpTION and dkpro-cassis read them. Types (namespace `org.argmark`):
///
/// - `org.argmark.Article`: over the whole text; the article id and metadata.
/// - `org.argmark.Unit`: one per unit, `begin`/`end` in UTF-16 code units (as Java counts), with
///   `unitType`, `unitId`, `speaker`/`speakerName`, `stance`, `target`/`targetName`,
///   `proposition`/`propositionStatement`, `note`, `fragments`, `implicit` and `quote` (the
///   paraphrase of an implicit unit, which sits at 0–0).
/// - `org.argmark.Relation`: one per relation, INCEpTION's relation-layer shape: `Governor` (the
///   source unit) and `Dependent` (the target unit, or the relation an undercut attacks), at the
///   `Dependent`'s offsets, with `relationType`, `relationId` and `note`.
package enum XMIExporter {
    static let namespace = "http:///org/argmark.ecore"
    static let typePrefix = "org.argmark."

    /// `<id>.xmi`, and what XMI leaves out (only speakers that no unit refers to).
    package static func export(_ input: ExportInput) -> (files: [ExportedFile], losses: [ExportLoss]) {
        let article = input.article
        let corpus = input.corpus
        var losses = LossCollector()
        let utf16 = UTF16Positions(article.text)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:cas=\"http:///uima/cas.ecore\" xmlns:argmark=\"\(namespace)\" xmi:version=\"2.0\">\n"
        out += "  <cas:NULL xmi:id=\"0\"/>\n"
        let sofa = 1
        var nextID = 2
        var members: [Int] = []
        func element(_ name: String, _ attributes: [(String, String?)]) -> Int {
            let id = nextID
            nextID += 1
            members.append(id)
            out += "  <argmark:\(name) xmi:id=\"\(id)\" sofa=\"\(sofa)\""
            for (key, value) in attributes {
                guard let value else { continue }
                out += " \(key)=\"\(ExportXML.attribute(value))\""
            }
            out += "/>\n"
            return id
        }
        let metadata = article.metadata
        _ = element("Article", [
            ("begin", "0"), ("end", String(utf16.count)), ("articleId", article.id), ("title", metadata.title), ("outlet", metadata.outlet),
            ("author", metadata.author), ("published", metadata.published), ("url", metadata.url), ("genre", metadata.genre?.rawValue),
            ("language", metadata.language),
            ("properties", metadata.properties.isEmpty ? nil : metadata.properties.map { "\($0.name)=\($0.value)" }.joined(separator: "\n")),
        ])
        var idOfUnit: [UnitID: Int] = [:]
        var spanOfUnit: [UnitID: (Int, Int)] = [:]
        for unit in ArticleWriter.canonicalOrder(article.units) {
            let begin = unit.span.map { utf16[$0.start] } ?? 0
            let end = unit.span.map { utf16[$0.end] } ?? 0
            spanOfUnit[unit.id] = (begin, end)
            let fragments = unit.fragments.isEmpty ? nil : unit.fragments.map { "\(utf16[$0.start])-\(utf16[$0.end])" }.joined(separator: " ")
            idOfUnit[unit.id] = element("Unit", [
                ("begin", String(begin)), ("end", String(end)), ("unitType", unit.type.rawValue), ("unitId", unit.id.rawValue),
                ("speaker", unit.speaker?.rawValue), ("speakerName", unit.speaker.flatMap { article.speaker($0)?.name }), ("speakerRole", unit.speaker.flatMap { article.speaker($0)?.role }),
                ("stance", unit.stance?.rawValue), ("target", unit.target?.rawValue), ("targetName", unit.target.flatMap { corpus?.target($0)?.name }),
                ("proposition", unit.proposition?.rawValue), ("propositionStatement", unit.proposition.flatMap { corpus?.proposition($0)?.statement }),
                ("note", unit.note), ("fragments", fragments), ("implicit", unit.isImplicit ? "true" : nil), ("quote", unit.isImplicit ? unit.quote : nil),
                ("status", unit.status == .suggested ? unit.status.rawValue : nil), ("confidence", unit.confidence.map { String($0) }),
                ("sourceLabel", unit.sourceLabel), ("sourceId", unit.sourceID),
            ])
        }
        // Relations: ids first, so an undercut can point to a relation written after it.
        var idOfRelation: [RelationID: Int] = [:]
        let firstRelationID = nextID + 0
        for (index, relation) in article.relations.enumerated() { idOfRelation[relation.id] = firstRelationID + index }
        for relation in article.relations {
            let dependent: Int?
            var offsets = (0, 0)
            switch relation.to {
            case .unit(let target):
                dependent = idOfUnit[target]
                offsets = spanOfUnit[target] ?? (0, 0)
            case .relation(let target):
                dependent = idOfRelation[target]
                var current = target
                var seen: Set<RelationID> = []
                while seen.insert(current).inserted, let other = article.relation(current) {
                    if case .unit(let unit) = other.to { offsets = spanOfUnit[unit] ?? (0, 0); break }
                    if case .relation(let next) = other.to { current = next }
                }
            }
            _ = element("Relation", [
                ("begin", String(offsets.0)), ("end", String(offsets.1)), ("relationType", relation.type.rawValue), ("relationId", relation.id.rawValue),
                ("Governor", idOfUnit[relation.from].map(String.init)), ("Dependent", dependent.map(String.init)), ("note", relation.note),
                ("sourceLabel", relation.sourceLabel), ("sourceId", relation.sourceID),
            ])
        }
        out += "  <cas:Sofa xmi:id=\"\(sofa)\" sofaNum=\"1\" sofaID=\"_InitialView\" mimeType=\"text\" sofaString=\"\(ExportXML.attribute(article.text))\"/>\n"
        out += "  <cas:View sofa=\"\(sofa)\" members=\"\(members.map(String.init).joined(separator: " "))\"/>\n"
        out += "</xmi:XMI>\n"
        let used = Set(article.units.compactMap(\.speaker))
        losses.add("speakers no unit refers to (XMI carries speakers on their units)", count: article.speakers.filter { !used.contains($0.id) }.count)
        return ([ExportedFile(name: article.id + ".xmi", text: out)], losses.losses)
    }

    /// Features of each type, in order, for `TypeSystem.xml`: name, range, description.
    static let types: [(name: String, description: String, features: [(String, String, String)])] = [
        ("Article", "An argmark article: its id and metadata, over the whole text.", [
            ("articleId", "uima.cas.String", "argmark article id"), ("title", "uima.cas.String", ""), ("outlet", "uima.cas.String", ""),
            ("author", "uima.cas.String", ""), ("published", "uima.cas.String", "ISO date"), ("url", "uima.cas.String", ""),
            ("genre", "uima.cas.String", "news, opinion, interview, ..."), ("language", "uima.cas.String", "BCP 47"),
            ("properties", "uima.cas.String", "other metadata, NAME=VALUE lines"),
        ]),
        ("Unit", "An argument unit (position, claim, counterclaim, rebuttal, evidence).", [
            ("unitType", "uima.cas.String", "position, claim, counterclaim, rebuttal or evidence"), ("unitId", "uima.cas.String", "argmark unit id"),
            ("speaker", "uima.cas.String", "speaker id"), ("speakerName", "uima.cas.String", ""), ("speakerRole", "uima.cas.String", ""), ("stance", "uima.cas.String", "favor, against or neutral"),
            ("target", "uima.cas.String", "stance target id"), ("targetName", "uima.cas.String", ""), ("proposition", "uima.cas.String", "shared proposition id"),
            ("propositionStatement", "uima.cas.String", ""), ("note", "uima.cas.String", ""),
            ("fragments", "uima.cas.String", "discontinuous pieces, BEGIN-END separated by spaces (UTF-16 offsets)"),
            ("implicit", "uima.cas.Boolean", "no span in the text; quote holds the paraphrase"), ("quote", "uima.cas.String", "paraphrase of an implicit unit"),
            ("status", "uima.cas.String", "suggested, for unreviewed machine suggestions"), ("confidence", "uima.cas.Double", "of a suggestion"),
            ("sourceLabel", "uima.cas.String", "label in the source the unit was imported from"), ("sourceId", "uima.cas.String", ""),
        ]),
        ("Relation", "A relation between units (supports, attacks, rebuts, restates), or an undercut of a relation.", [
            ("Governor", "uima.tcas.Annotation", "the source unit"), ("Dependent", "uima.tcas.Annotation", "the target unit, or the relation an undercut attacks"),
            ("relationType", "uima.cas.String", "supports, attacks, rebuts, undercuts or restates"), ("relationId", "uima.cas.String", "argmark relation id"),
            ("note", "uima.cas.String", ""), ("sourceLabel", "uima.cas.String", ""), ("sourceId", "uima.cas.String", ""),
        ]),
    ]

    /// The `TypeSystem.xml` that declares the types of every exported `.xmi`.
    package static func typeSystem() -> ExportedFile {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<typeSystemDescription xmlns=\"http://uima.apache.org/resourceSpecifier\">\n"
        out += "  <name>argmark</name>\n  <description>argmark argument annotation (argmark export --to xmi)</description>\n  <types>\n"
        for type in types {
            out += "    <typeDescription>\n      <name>\(typePrefix)\(type.name)</name>\n      <description>\(ExportXML.attribute(type.description))</description>\n"
            out += "      <supertypeName>uima.tcas.Annotation</supertypeName>\n      <features>\n"
            for (name, range, description) in type.features {
                out += "        <featureDescription>\n          <name>\(name)</name>\n          <description>\(ExportXML.attribute(description))</description>\n          <rangeTypeName>\(range)</rangeTypeName>\n        </featureDescription>\n"
            }
            out += "      </features>\n    </typeDescription>\n"
        }
        out += "  </types>\n</typeSystemDescription>\n"
        return ExportedFile(name: "TypeSystem.xml", text: out)
    }
}

/// UTF-16 offsets (UIMA, Java) of each code point offset of a text.
struct UTF16Positions {
    private var offsets: [Int] = [0]

    init(_ text: String) {
        var position = 0
        for scalar in text.unicodeScalars {
            position += scalar.utf16.count
            offsets.append(position)
        }
    }

    var count: Int { offsets.last! }

    subscript(codePoint: Int) -> Int { offsets[min(max(codePoint, 0), offsets.count - 1)] }
}
