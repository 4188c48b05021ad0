import ArgumentParser

/// What `argmark serve` takes, declared once for both programs that read it: `argmark`, which
/// shows the help, checks the arguments and then hands them on unchanged, and `argmark-serve`,
/// which runs the workbench (it is its own executable so that the other commands do not load
/// the HTTP server at start-up; ARCHITECTURE.md).
package struct ServeArguments: ParsableArguments {
    /// `serve`'s name, summary and help, the same in both programs.
    package static func configuration(commandName: String) -> CommandConfiguration {
        CommandConfiguration(
            commandName: commandName,
            abstract: "Open a folder of articles in the browser workbench (annotate, review suggestions, curate).",
            discussion: """
                Serves FOLDER on 127.0.0.1 only. The first line printed is the address to open, with a \
                random access token: http://127.0.0.1:PORT/?token=… (anyone without it is refused). \
                Every change goes through the same locked, validated, atomic edit as the command line. \
                With --annotator NAME, the articles are that annotator's copies under \
                FOLDER/annotators/NAME/ (made on first open), so several annotators' work can be \
                compared and curated (the curation page writes the shared FOLDER/NAME.xml). \
                Suggestions come from the corpus's own model once it is trained: it learns from \
                the articles' gold annotations, in the background after --retrain-after accepted \
                or rejected suggestions or on the page's Retrain button, and is kept in \
                FOLDER/.argmark/model (FOLDER/annotators/NAME/.argmark/model with --annotator), \
                where argmark suggest --model finds it. \
                Ctrl-C (or SIGTERM) stops the server after the requests in progress.
                """
        )
    }

    @Argument(help: "The folder of annotation files (with its corpus.xml).") package var folder: String = "."
    @Option(help: "The port on 127.0.0.1; 0 picks a free one.") package var port: Int = 8417
    @Option(help: "Work as this annotator, on copies under FOLDER/annotators/NAME/.") package var annotator: String?
    @Option(help: "Retrain the corpus's model after this many accepted or rejected suggestions (0: only on the button).")
    package var retrainAfter: Int = 20

    package init() {}

    package func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard retrainAfter >= 0 else { throw ValidationError("--retrain-after must be 0 (only on the button) or a number of reviews") }
    }
}
