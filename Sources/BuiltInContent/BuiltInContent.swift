import ContentLoading
import FoundationEssentials
import LetterComposition

/// The content compiled into the program from `Localization/` when it was built
/// (Plugins/BuiltInContentPlugin generates `compiled`): what a session uses unless
/// `--content` or `GOODBYE_CONTENT` names a folder.
public enum BuiltInContent {
    public static var compiled: CompiledContent { BuiltInContent_generated.compiled }

    /// Liberation Sans regular and bold, for the PDF letters: decoded when a PDF is
    /// first written, never at start-up.
    public static let fonts: LetterFonts = {
        func font(_ base64: String) -> TrueTypeFont? {
            Data(base64Encoded: base64).flatMap { try? TrueTypeFont(Array($0)) }
        }
        guard let regular = font(BuiltInFonts_generated.regular), let bold = font(BuiltInFonts_generated.bold) else {
            fatalError("the built-in fonts do not decode: the build wrote them from Localization/fonts/")
        }
        return LetterFonts(regular: regular, bold: bold)
    }()
}
