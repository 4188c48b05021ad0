import ArgmarkCore
public enum ArgdownExporter {
    public static func export(_ article: Article) -> ExportedFile { ExportedFile(name: article.id + ".argdown", text: "") }
}
