import ArgumentParser
import ArgmarkCore

struct Meta: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meta", _superCommandName: "argmark",
        abstract: "Change an article's metadata: title, outlet, author, published, url, genre, language and properties.",
        discussion: """
            Only the options given change. --property NAME=VALUE sets a property (repeatable), \
            --remove-property NAME removes one, --clear FIELD removes a field (title, outlet, \
            author, published, url, genre, language, or properties for all of them).
            """
    )

    @Argument(help: "The annotation file.") var file: String
    @OptionGroup var fields: MetadataOptions
    @Option(help: "NAME=VALUE: set a property (repeatable).") var property: [String] = []
    @Option(help: "Remove the property of this name (repeatable).") var removeProperty: [String] = []
    @Option(help: "Remove a field: title, outlet, author, published, url, genre, language or properties (repeatable).") var clear: [String] = []

    func run() throws {
        try EditReporting.run { () throws(EditError) in
            var change = MetadataChange(try fields.metadata(), removedProperties: removeProperty)
            for assignment in property {
                guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                    throw EditError(.usage, "--property \(assignment) is not NAME=VALUE; write it as --property source=TheWrap")
                }
                change.values.properties.append(MetadataProperty(name: String(assignment[..<equals]), value: String(assignment[assignment.index(after: equals)...])))
            }
            for name in clear {
                guard let field = MetadataChange.Field(rawValue: name) else {
                    throw EditError(.usage, "--clear \(name): unknown field; use one of \(MetadataChange.Field.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if fields.given[field] != nil {
                    throw EditError(.usage, "--clear \(name) and --\(name) contradict each other; pass one of them")
                }
                change.clear.insert(field)
            }
            if change == MetadataChange() { throw EditError(.usage, "nothing to change; pass --title, --outlet, --author, --published, --url, --genre, --language, --property, --remove-property or --clear") }
            let outcome = try ArticleEditor.apply([.meta(change)], to: file)
            EditReporting.warn(outcome.warnings)
            if !outcome.changed { EditReporting.note("nothing to change; the metadata already has these values", path: file) }
        }
    }
}
