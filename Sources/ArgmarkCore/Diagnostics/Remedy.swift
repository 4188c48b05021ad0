/// A way to resolve a finding, named by what to do rather than how: the core never spells a
/// frontend's flag or command. The CLI words each remedy as the flag or command to use (see
/// `Sources/ArgmarkCommandLine/Wording.swift`); the workbench offers it as an action (the occurrences
/// of an ambiguous quote to click, a button that removes the dependents too).
public enum Remedy: Hashable, Sendable {
    /// Check the path (it names nothing).
    case checkPath
    /// Give a plain-text file (or a folder of them) to make articles from.
    case passTextFiles
    /// Give the corrected text as a plain-text file.
    case passCorrectedText
    /// Correct the units' quotes or offsets.
    case fixUnits
    /// Choose one of `count` occurrences of a quote (`facts` lists them).
    case chooseOccurrence(count: Int)
    /// Give a longer quote, one that occurs once.
    case longerQuote
    /// Copy the quote from the article's text.
    case copyQuoteFromText(path: String)
    /// Place the unit by code-point offsets instead of by quote.
    case giveOffsets
    /// Place the unit by quote instead of by offsets.
    case giveQuote(path: String)
    /// Remove this relation first.
    case removeRelation(id: String, path: String)
    /// Remove what depends on the thing first.
    case removeDependentsFirst
    /// Remove what depends on the thing too.
    case cascade
    /// Clear the speaker from the units it speaks in.
    case cascadeClearingSpeaker
    /// Reassign the `count` units a speaker speaks in.
    case reassignSpeaker(count: Int)
    /// Define a speaker in the article first.
    case defineSpeaker(id: String, path: String)
    /// Define a target in the folder's corpus file first.
    case defineTarget(id: String, folder: String?)
    /// Define a proposition in the folder's corpus file first.
    case defineProposition(id: String, folder: String?)
    /// List the ids the article has.
    case listIDs(path: String)
    /// Validate the file to see each finding.
    case validate(path: String)
    /// Create the article from its text.
    case createArticle
    /// Move the units onto the edited text, or restore the text.
    case reanchor
    /// Place a unit by hand, by offsets.
    case placeByOffsets
    /// Annotate the unit again.
    case annotateAgain
    /// Decide what becomes of units that cannot be placed (keep them implicit, drop them, or accept
    /// looser matches).
    case chooseOrphanPolicy
    /// Reanchor from the original file's text, which still tells the occurrences apart.
    case reanchorFromOriginalText
    /// Supply a value the request lacks (`field` names it: "name", "text", "stance", "target").
    case supply(field: String)
    /// Supply the two values that only go together.
    case supplyTogether(fields: [String])
    /// Give a valid value for `field`.
    case correct(field: String)
    /// Replace the files that already exist in the output folder.
    case overwrite
    /// Name a folder for the output.
    case outputFolder
    /// Write to another output folder (one without these files).
    case anotherOutputFolder
    /// Export anyway, without what the format cannot carry.
    case acceptLosses
    /// Export to a format that carries it.
    case formatThatCarriesIt
    /// Say which of the source's annotation types become which unit and relation types.
    case typeMapping
    /// Train the suggestion model again (from its training data).
    case retrainModel
    /// Give a suggestion model file written by training.
    case trainedModel
    /// Copy the file again from where it came from.
    case copyAgain
    /// Remove the existing output first, or write to another one.
    case anotherOutput
    /// Allow records (lines of a stream) of at least `bytes` bytes.
    case raiseRecordLimit(bytes: Int)
}

/// The facts behind a finding, as data a frontend can present (and tools can read).
public enum Fact: Hashable, Sendable {
    /// Where a quote occurs in the text: code-point offsets and 1-based line and column.
    case occurrences([TextPlace])
    /// Units a reanchor could not place, each with why and what would place it.
    case unplacedUnits([UnplacedUnit])
    /// The ids of what depends on the thing a request would remove.
    case dependents([String])
    /// A value that is not one of the allowed ones.
    case notAllowed(field: String, value: String, allowed: [String])
}

/// A place in an article's text.
public struct TextPlace: Hashable, Sendable {
    /// The first code point of the occurrence (0-based).
    public var start: Int
    /// The code point after the occurrence.
    public var end: Int
    /// The 1-based line of `start`.
    public var line: Int
    /// The 1-based column of `start`, in code points.
    public var column: Int
    /// The text around the place, to tell occurrences apart.
    public var context: String

    package init(start: Int, end: Int, line: Int, column: Int, context: String = "") {
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.context = context
    }
}

/// A unit that could not be placed on a new text.
public struct UnplacedUnit: Hashable, Sendable {
    /// The unit's id.
    public var unit: String
    /// Where the unit was in the old text (code points).
    public var start: Int
    /// The end of the unit in the old text.
    public var end: Int
    /// The unit's quote.
    public var quote: String
    /// Lowercase, e.g. `its text is not in the new text (closest passage 41% similar, below 80%)`.
    public var reason: String
    /// What would place it.
    public var remedies: [Remedy]

    package init(unit: String, start: Int, end: Int, quote: String, reason: String, remedies: [Remedy]) {
        self.unit = unit
        self.start = start
        self.end = end
        self.quote = quote
        self.reason = reason
        self.remedies = remedies
    }
}
