/// One annotated article: its text, who speaks in it, its argument units and their relations.
public struct Article: Sendable, Equatable {
    /// The version of the file format this model reads and writes.
    package static let formatVersion = "1"

    /// The article's id (its file name without `.xml`, unless given).
    public var id: String
    /// Title, outlet, author, date and the like.
    public var metadata: ArticleMetadata
    /// The full text exactly as given; offsets of every unit count its Unicode code points.
    public var text: String
    /// The people quoted, in file order.
    public var speakers: [Speaker]
    /// The argument units, in file order.
    public var units: [ArgumentUnit]
    /// The relations between units, in file order.
    public var relations: [Relation]
    /// The highest unit number (`uN`) this article has ever given out, kept only while it is above
    /// every `uN` in use (after the highest was removed or renamed), so ids are never reused.
    package var unitHighWaterMark: Int?
    /// The same for relations (`rN`).
    package var relationHighWaterMark: Int?

    package init(id: String, metadata: ArticleMetadata = ArticleMetadata(), text: String,
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
    package mutating func keepHighWaterMarks(of before: Article) {
        func highest(_ ids: [String], _ prefix: String) -> Int { ids.compactMap { Article.idNumber($0, prefix: prefix) }.max() ?? 0 }
        // A rejected suggestion's id was only proposed, never part of the annotation: rejecting
        // every suggestion gives back the file as it was.
        let issuedUnits = max(before.unitHighWaterMark ?? 0, highest(before.units.filter { $0.status != .suggested }.map(\.id.rawValue), "u"))
        unitHighWaterMark = issuedUnits > highest(units.map(\.id.rawValue), "u") ? issuedUnits : nil
        let issuedRelations = max(before.relationHighWaterMark ?? 0, highest(before.relations.map(\.id.rawValue), "r"))
        relationHighWaterMark = issuedRelations > highest(relations.map(\.id.rawValue), "r") ? issuedRelations : nil
    }

    /// `N` for an id `prefix` + N (up to nine digits), else nil.
    /// Read as bytes: an ASCII digit is one byte and a character of its own, so this reads what
    /// a character-wise reading does, without its cost (1.8 M instructions, 3 % of `add` on the
    /// 63 KB interview, went into reading its ids as characters).
    package static func idNumber(_ id: String, prefix: String) -> Int? {
        let bytes = id.utf8
        guard bytes.starts(with: prefix.utf8) else { return nil }
        var number = 0
        var count = 0
        for byte in bytes.dropFirst(prefix.utf8.count) {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < 9 else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
            count += 1
        }
        return count > 0 ? number : nil
    }

    /// The SHA-256 of the text's UTF-8 bytes, lowercase hex.
    package var textDigest: String { SHA256.hexDigest(of: Array(text.utf8)) }

    /// The unit with this id, if any.
    public func unit(_ id: UnitID) -> ArgumentUnit? { units.first { $0.id == id } }
    /// The relation with this id, if any.
    public func relation(_ id: RelationID) -> Relation? { relations.first { $0.id == id } }
    /// The speaker with this id, if any.
    public func speaker(_ id: SpeakerID) -> Speaker? { speakers.first { $0.id == id } }
}

/// Where an article comes from. Everything is optional: imported corpora rarely have it all.
public struct ArticleMetadata: Sendable, Equatable {
    /// The headline.
    public var title: String?
    /// The publication.
    public var outlet: String?
    /// The byline.
    public var author: String?
    /// A calendar date, `YYYY-MM-DD`.
    public var published: String?
    /// Where the article was published.
    public var url: String?
    /// News, opinion, editorial and so on.
    public var genre: Genre?
    /// A BCP 47 language tag such as `en` or `de`.
    public var language: String?
    /// Metadata a source corpus had that has no field here, kept so imports stay lossless.
    public var properties: [MetadataProperty]

    package init(title: String? = nil, outlet: String? = nil, author: String? = nil, published: String? = nil,
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
    /// The property's name.
    public var name: String
    /// Its value.
    public var value: String
    package init(name: String, value: String) {
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
    /// The speaker's id in its article (`s1`).
    public var id: SpeakerID
    /// The speaker's name as the article gives it.
    public var name: String
    /// For example `author`, `interviewer`, `quoted`, or a description such as "founder of #MeToo".
    public var role: String?

    package init(id: SpeakerID, name: String, role: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
    }
}
