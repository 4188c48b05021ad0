import ArgmarkCore
public enum AIFImporter {
    public static func importFile(_ path: String) throws(FormatError) -> Article { throw FormatError(path, line: nil, "not yet") }
}
public enum AIFExporter {
    public static func export(_ article: Article, path: String) throws(FormatError) -> [ExportedFile] { throw FormatError(path, line: nil, "not yet") }
}
