/// The vocabulary shared by the articles of one folder, stored in `corpus.xml` beside them.
public struct Corpus: Sendable, Equatable {
    /// The file name argmark looks for beside article files.
    public static let fileName = "corpus.xml"

    public var targets: [StanceTarget]
    public var propositions: [Proposition]

    public init(targets: [StanceTarget] = [], propositions: [Proposition] = []) {
        self.targets = targets
        self.propositions = propositions
    }

    public func target(_ id: TargetID) -> StanceTarget? { targets.first { $0.id == id } }
    public func proposition(_ id: PropositionID) -> Proposition? { propositions.first { $0.id == id } }
}

/// Something a unit can be for or against, named once so that sources can be compared on it.
public struct StanceTarget: Sendable, Equatable {
    public var id: TargetID
    /// A short name such as "the #MeToo movement".
    public var name: String
    public var description: String?

    public init(id: TargetID, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// A claim that several sources make, in the corpus's own words.
public struct Proposition: Sendable, Equatable {
    public var id: PropositionID
    public var statement: String
    /// The target the proposition takes a stance on, if any.
    public var target: TargetID?
    public var stance: Stance?

    public init(id: PropositionID, statement: String, target: TargetID? = nil, stance: Stance? = nil) {
        self.id = id
        self.statement = statement
        self.target = target
        self.stance = stance
    }
}
