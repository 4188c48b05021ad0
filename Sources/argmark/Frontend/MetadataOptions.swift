import ArgumentParser
import ArgmarkCore

/// The article metadata options `new` and `meta` share.
struct MetadataOptions: ParsableArguments {
    @Option(help: "Title.") var title: String?
    @Option(help: "Outlet (newspaper, site, station).") var outlet: String?
    @Option(help: "Author.") var author: String?
    @Option(help: "Publication date, YYYY-MM-DD.") var published: String?
    @Option(help: "Address of the original.") var url: String?
    @Option(help: "news, opinion, interview, blog, essay, comment, forum, microtext or other.") var genre: String?
    @Option(help: "BCP 47 language tag, e.g. en.") var language: String?

    /// The fields given, as metadata (an unknown genre is refused).
    func metadata() throws(EditError) -> ArticleMetadata {
        ArticleMetadata(title: title, outlet: outlet, author: author, published: published, url: url,
                        genre: try Vocabulary.genre(genre), language: language)
    }

    /// The fields given, by field.
    var given: [MetadataChange.Field: String] {
        var fields: [MetadataChange.Field: String] = [:]
        for (field, value) in [(MetadataChange.Field.title, title), (.outlet, outlet), (.author, author), (.published, published),
                               (.url, url), (.genre, genre), (.language, language)] {
            if let value { fields[field] = value }
        }
        return fields
    }
}
