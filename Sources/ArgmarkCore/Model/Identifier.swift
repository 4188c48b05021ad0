/// A typed id: a unit's id cannot be passed where a speaker's is expected.
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias UnitID = Identifier<ArgumentUnit>
public typealias RelationID = Identifier<Relation>
public typealias SpeakerID = Identifier<Speaker>
public typealias TargetID = Identifier<StanceTarget>
public typealias PropositionID = Identifier<Proposition>

extension Identifier {
    /// Whether `value` is an XML NCName made of ASCII letters, digits, `-`, `_` and `.`,
    /// starting with a letter or `_`: the ids argmark writes and accepts from the command line.
    public static func isValid(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" else { return false }
        return value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
        }
    }
}
