// Compiles Localization/ into the Swift source of the built-in content, at build time
// (run by Plugins/BuiltInContentPlugin):
//   goodbye-compile-content LOCALIZATION_FOLDER OUTPUT.swift
// Everything `goodbye check` checks is checked here: any problem is printed as
// `FILE:LINE:COLUMN: error: ...` and fails the build, so a program is never built with
// content that `goodbye check` would refuse.
import ContentGeneration
import ContentLoading
import DialogueCore
import FoundationEssentials
import LetterComposition
import Vocabulary

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

func fail(_ lines: [String]) -> Never {
    for line in lines {
        let text = line + "\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
    }
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else { fail(["usage: goodbye-compile-content LOCALIZATION_FOLDER OUTPUT.swift"]) }
let folder = URL(fileURLWithPath: arguments[1])
let files: [String: String]
do {
    files = try ContentLoader.read(folder)
} catch {
    fail(error.diagnostics.map { "\(folder.path)/\($0.description)" })
}
let (content, diagnostics) = ContentCompiler.compile(files: files, thorough: true)
guard let content, diagnostics.isEmpty else {
    let messages = content?.texts[ContentCompiler.reference] ?? TextTable(language: ContentCompiler.reference)
    fail(
        diagnostics.map { diagnostic in
            "\(folder.path)/\(diagnostic.file):\(max(diagnostic.line, 1)):\(max(diagnostic.column, 1)): error: "
                + "\(diagnostic.code.rawValue) \(messages.render(diagnostic.message)) (goodbye check)"
        })
}
// The fonts of the PDF letter (Localization/fonts/, SIL Open Font License), as base64.
var fonts: [String] = []
for name in ["LiberationSans-Regular", "LiberationSans-Bold"] {
    let path = folder.appendingPathComponent("fonts/\(name).ttf").path
    guard let data = FileManager.default.contents(atPath: path) else {
        fail(["\(path):1:1: error: the font of the PDF letters is missing (Localization/fonts/, see its LICENSE)"])
    }
    do { _ = try TrueTypeFont(Array(data)) } catch {
        fail(["\(path):1:1: error: not a TrueType font the PDF letters can use: \(error)"])
    }
    fonts.append(data.base64EncodedString())
}
do {
    let source =
        BuiltInSource.swift(files: files, content: content) + """

            enum BuiltInFonts_generated {
                static let regular = "\(fonts[0])"
                static let bold = "\(fonts[1])"
            }

            """
    // Written only when it changes, so that an unchanged content rebuilds nothing.
    if let old = FileManager.default.contents(atPath: arguments[2]), old == Data(source.utf8) { exit(0) }
    try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
} catch {
    fail(["goodbye-compile-content: \(arguments[2]): \(error)"])
}
