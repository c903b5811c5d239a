import ContentLoading

/// The content compiled into the program from `Localization/` when it was built
/// (Plugins/BuiltInContentPlugin generates `compiled`): what a session uses unless
/// `--content` or `GOODBYE_CONTENT` names a folder.
public enum BuiltInContent {
    public static var compiled: CompiledContent { BuiltInContent_generated.compiled }
}
