import ArgmarkCore
public enum BratImporter {
    public static func importFile(_ path: String) throws(FormatError) -> Article { throw FormatError(path, line: nil, "not yet") }
}
public enum BratExporter {
    public static func export(_ article: Article, path: String) throws(FormatError) -> [ExportedFile] { throw FormatError(path, line: nil, "not yet") }
}
