/// One annotated article: its text, who speaks in it, its argument units and their relations.
public struct Article: Sendable, Equatable {
    /// The version of the file format this model reads and writes.
    public static let formatVersion = "1"

    public var id: String
    public var metadata: ArticleMetadata
    /// The full text exactly as given; offsets of every unit count its Unicode code points.
    public var text: String
    public var speakers: [Speaker]
    public var units: [ArgumentUnit]
    public var relations: [Relation]
    /// The highest unit number (`uN`) this article has ever given out, kept only while it is above
    /// every `uN` in use (after the highest was removed or renamed), so ids are never reused.
    public var unitHighWaterMark: Int?
    /// The same for relations (`rN`).
    public var relationHighWaterMark: Int?

    public init(id: String, metadata: ArticleMetadata = ArticleMetadata(), text: String,
                speakers: [Speaker] = [], units: [ArgumentUnit] = [], relations: [Relation] = []) {
        self.id = id
        self.metadata = metadata
        self.text = text
        self.speakers = speakers
        self.units = units
        self.relations = relations
    }

    /// Records, after a change to `before`, the unit and relation numbers it had given out (to
    /// units other than suggestions) that the article no longer uses, so ``ArticleEditor/nextID(prefix:among:after:)`` never gives
    /// them out again.
    public mutating func keepHighWaterMarks(of before: Article) {
        func highest(_ ids: [String], _ prefix: String) -> Int { ids.compactMap { Article.idNumber($0, prefix: prefix) }.max() ?? 0 }
        // A rejected suggestion's id was only proposed, never part of the annotation: rejecting
        // every suggestion gives back the file as it was.
        let issuedUnits = max(before.unitHighWaterMark ?? 0, highest(before.units.filter { $0.status != .suggested }.map(\.id.rawValue), "u"))
        unitHighWaterMark = issuedUnits > highest(units.map(\.id.rawValue), "u") ? issuedUnits : nil
        let issuedRelations = max(before.relationHighWaterMark ?? 0, highest(before.relations.map(\.id.rawValue), "r"))
        relationHighWaterMark = issuedRelations > highest(relations.map(\.id.rawValue), "r") ? issuedRelations : nil
    }

    /// `N` for an id `prefix` + N (up to nine digits), else nil.
    public static func idNumber(_ id: String, prefix: String) -> Int? {
        guard id.hasPrefix(prefix) else { return nil }
        let digits = id.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// The SHA-256 of the text's UTF-8 bytes, lowercase hex.
    public var textDigest: String { SHA256.hexDigest(of: Array(text.utf8)) }

    public func unit(_ id: UnitID) -> ArgumentUnit? { units.first { $0.id == id } }
    public func relation(_ id: RelationID) -> Relation? { relations.first { $0.id == id } }
    public func speaker(_ id: SpeakerID) -> Speaker? { speakers.first { $0.id == id } }
}

/// Where an article comes from. Everything is optional: imported corpora rarely have it all.
public struct ArticleMetadata: Sendable, Equatable {
    public var title: String?
    public var outlet: String?
    public var author: String?
    /// A calendar date, `YYYY-MM-DD`.
    public var published: String?
    public var url: String?
    public var genre: Genre?
    /// A BCP 47 language tag such as `en` or `de`.
    public var language: String?
    /// Metadata a source corpus had that has no field here, kept so imports stay lossless.
    public var properties: [MetadataProperty]

    public init(title: String? = nil, outlet: String? = nil, author: String? = nil, published: String? = nil,
                url: String? = nil, genre: Genre? = nil, language: String? = nil, properties: [MetadataProperty] = []) {
        self.title = title
        self.outlet = outlet
        self.author = author
        self.published = published
        self.url = url
        self.genre = genre
        self.language = language
        self.properties = properties
    }
}

/// A name–value pair of source metadata.
public struct MetadataProperty: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The kind of text an article is.
public enum Genre: String, Sendable, CaseIterable, Codable {
    case news, opinion, interview, blog, essay, comment, forum, microtext, other
}

/// A person or group who holds a view in the article: the author, or someone quoted or paraphrased.
public struct Speaker: Sendable, Equatable {
    public var id: SpeakerID
    public var name: String
    /// For example `author`, `interviewer`, `quoted`, or a description such as "founder of #MeToo".
    public var role: String?

    public init(id: SpeakerID, name: String, role: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
    }
}
