/// The vocabulary shared by the articles of one folder, stored in `corpus.xml` beside them.
public struct Corpus: Sendable, Equatable {
    /// The file name argmark looks for beside article files.
    package static let fileName = "corpus.xml"

    /// The stance targets units may refer to.
    public var targets: [StanceTarget]
    /// The propositions units of several articles may share.
    public var propositions: [Proposition]

    package init(targets: [StanceTarget] = [], propositions: [Proposition] = []) {
        self.targets = targets
        self.propositions = propositions
    }

    /// The target with this id, if any.
    public func target(_ id: TargetID) -> StanceTarget? { targets.first { $0.id == id } }
    /// The proposition with this id, if any.
    public func proposition(_ id: PropositionID) -> Proposition? { propositions.first { $0.id == id } }
}

/// Something a unit can be for or against, named once so that sources can be compared on it.
public struct StanceTarget: Sendable, Equatable {
    /// The target's id (`metoo`).
    public var id: TargetID
    /// A short name such as "the #MeToo movement".
    public var name: String
    /// What the target covers, for annotators.
    public var description: String?

    package init(id: TargetID, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// A claim that several sources make, in the corpus's own words.
public struct Proposition: Sendable, Equatable {
    /// The proposition's id (`p1`).
    public var id: PropositionID
    /// The proposition in one sentence.
    public var statement: String
    /// The target the proposition takes a stance on, if any.
    public var target: TargetID?
    /// Its stance toward its target.
    public var stance: Stance?

    package init(id: PropositionID, statement: String, target: TargetID? = nil, stance: Stance? = nil) {
        self.id = id
        self.statement = statement
        self.target = target
        self.stance = stance
    }
}
