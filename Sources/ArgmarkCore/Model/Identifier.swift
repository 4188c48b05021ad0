/// A typed id: a unit's id cannot be passed where a speaker's is expected.
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The id as written in the file.
    public var rawValue: String
    /// An id as written in the file (not checked; ids from files are valid).
    public init(rawValue: String) { self.rawValue = rawValue }
    /// An id as written in the file (`UnitID("u1")`).
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// An id written as a literal (`let id: UnitID = "u1"`).
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The id as written in the file.
    public var description: String { rawValue }
    /// Ids sort by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of an ``ArgumentUnit``.
public typealias UnitID = Identifier<ArgumentUnit>
/// The id of a ``Relation``.
public typealias RelationID = Identifier<Relation>
/// The id of a ``Speaker``.
public typealias SpeakerID = Identifier<Speaker>
/// The id of a ``StanceTarget``.
public typealias TargetID = Identifier<StanceTarget>
/// The id of a ``Proposition``.
public typealias PropositionID = Identifier<Proposition>

extension Identifier {
    /// Whether `value` is an XML NCName made of ASCII letters, digits, `-`, `_` and `.`,
    /// starting with a letter or `_`: the ids argmark writes and accepts from the command line.
    package static func isValid(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" else { return false }
        return value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
        }
    }
}
