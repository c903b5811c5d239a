// Compiles Localization/ into the BuiltInContent module at build time: the program
// starts without reading or validating its content, and a build with content that
// `goodbye check` would refuse fails, naming the file and line.
import Foundation
import PackagePlugin

@main
struct BuiltInContentPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("Localization")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltInContent.generated.swift")
        // Every source file is an input: a change to any of them compiles the content again.
        var inputs: [URL] = []
        if let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let file as URL in walk where ["ini", "mustache", "ttf"].contains(file.pathExtension) {
                inputs.append(file)
            }
        }
        return [
            .buildCommand(
                displayName: "Compiling the built-in content (Localization/)",
                executable: try context.tool(named: "goodbye-compile-content").url,
                arguments: [folder.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
