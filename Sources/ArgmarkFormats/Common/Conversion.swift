import ArgmarkCore

/// One article an importer made from a source file, before anything is written.
package struct ImportedArticle: Sendable {
    /// The file it came from (for diagnostics and the summary).
    package var sourcePath: String
    package var article: Article
    /// The folder under the output folder it goes to: the source file's folder relative to the
    /// folder named on the command line (so `corpus/en` and `corpus/de` stay apart), or empty.
    package var subfolder: String

    /// Definitions the source gives for targets and propositions the article refers to (added to
    /// the output folder's `corpus.xml` when it lacks them).
    package var targets: [StanceTarget] = []
    package var propositions: [Proposition] = []
    /// What the importer noticed (warnings) and left out (``ImportOptions/keepGoing``).
    package var warnings: [Diagnostic] = []
    package var dropped: [Diagnostic] = []
    package var unmappedAnnotations = 0

    package init(sourcePath: String, article: Article, subfolder: String = "") {
        self.sourcePath = sourcePath
        self.article = article
        self.subfolder = subfolder
    }

    package init(sourcePath: String, document: ImportedDocument, subfolder: String = "") {
        self.init(sourcePath: sourcePath, article: document.article, subfolder: subfolder)
        targets = document.targets
        propositions = document.propositions
        warnings = document.warnings
        dropped = document.dropped
        unmappedAnnotations = document.unmappedAnnotations
    }

    /// The output file name, relative to the output folder.
    package var outputName: String {
        subfolder.isEmpty ? article.id + ".xml" : subfolder + "/" + article.id + ".xml"
    }
}

/// A file an exporter made from an argmark article, before anything is written.
package struct ExportedFile: Sendable, Equatable {
    /// The file name inside the output folder.
    package var name: String
    package var bytes: [UInt8]

    package init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    package init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }
}

/// What an importer made of one source file: the article, the vocabulary the source defines for
/// it (stance targets and propositions with their names), and what it noticed on the way.
package struct ImportedDocument: Sendable {
    package var article: Article
    /// Targets the article's units refer to, with the names the source gives them.
    package var targets: [StanceTarget] = []
    /// Propositions the article's units refer to, with their statements.
    package var propositions: [Proposition] = []
    /// Things the source holds that argmark keeps in another form, or reads differently (warnings).
    package var warnings: [Diagnostic] = []
    /// Elements left out because argmark cannot represent them (only with ``ImportOptions/keepGoing``).
    package var dropped: [Diagnostic] = []
    /// XMI annotations that no mapping rule turned into a unit or relation (kept as properties).
    package var unmappedAnnotations = 0

    package init(article: Article, targets: [StanceTarget] = [], propositions: [Proposition] = [], warnings: [Diagnostic] = [], dropped: [Diagnostic] = []) {
        self.article = article
        self.targets = targets
        self.propositions = propositions
        self.warnings = warnings
        self.dropped = dropped
    }
}

/// How tolerant an import is.
package struct ImportOptions: Sendable {
    /// Leave out the elements argmark cannot represent (each reported in ``ImportedDocument/dropped``)
    /// instead of refusing the whole file.
    package var keepGoing: Bool
    /// For XMI: which UIMA types become which unit and relation types (nil: the DKPro argumentation types).
    package var xmiMapping: XMIMapping?

    package init(keepGoing: Bool = false, xmiMapping: XMIMapping? = nil) {
        self.keepGoing = keepGoing
        self.xmiMapping = xmiMapping
    }
}

/// The error an importer or exporter reports: where in the source file, and what to fix.
package struct FormatError: Error, Sendable, CustomStringConvertible {
    package var diagnostic: Diagnostic

    package init(_ path: String, line: Int?, _ message: String, remedies: [Remedy] = []) {
        diagnostic = Diagnostic(.error, .sourceFormat, message, at: SourceLocation(path: path, line: line), remedies: remedies)
    }

    package init(diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    package var description: String { diagnostic.description }
}

/// An importer's input file.
enum InputFile {
    /// Its bytes; a file that cannot be read is a ``FormatError`` naming it, with the reason.
    static func read(_ path: String) throws(FormatError) -> [UInt8] {
        do {
            return try FileSystem.read(path)
        } catch {
            throw FormatError(path, line: nil, error.reason)
        }
    }
}

/// Small helpers the importers share.
enum Names {
    /// A valid argmark identifier made from `raw` (a file name or a source id): invalid characters
    /// become `-`, and a name that does not start with a letter or `_` gets `prefix` in front.
    static func identifier(_ raw: String, prefix: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
            scalars.append(allowed ? scalar : "-")
        }
        var result = String(scalars)
        if !UnitID.isValid(result) { result = prefix + result }
        if result.unicodeScalars.count > 200 { result = String(String.UnicodeScalarView(result.unicodeScalars.prefix(200))) }
        return UnitID.isValid(result) ? result : prefix
    }

    /// The file name without folder and without `suffix`.
    static func stem(of path: String, dropping suffix: String) -> String {
        let base = FileSystem.baseName(of: path)
        return base.hasSuffix(suffix) ? String(base.dropLast(suffix.count)) : base
    }

    /// `path` with its extension `suffix` replaced by `replacement`.
    static func sibling(of path: String, replacing suffix: String, with replacement: String) -> String {
        path.hasSuffix(suffix) ? String(path.dropLast(suffix.count)) + replacement : path + replacement
    }
}

/// Decodes UTF-8 strictly: a source file with invalid bytes is an error, not silently repaired.
enum StrictUTF8 {
    static func decode(_ bytes: [UInt8]) -> String? {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// Escaping for the XML other tools read (arg-microtexts, XMI): the core's one escaper.
enum ExportXML {
    static func attribute(_ value: String) -> String { XMLEscaping.escapeShowingUnwritable(value, as: .attribute) }
    static func cdata(_ value: String) -> String { XMLEscaping.cdata(value) }
}
