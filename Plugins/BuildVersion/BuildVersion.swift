import Foundation
import PackagePlugin

/// Embeds the version from `git describe` (scripts/version.sh) in the executable: before every
/// build it writes `let buildVersion = "…"` into the plugin's work folder, rewriting the file
/// only when the version changed, so an unchanged tree compiles nothing again.
@main
struct BuildVersion: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let script = context.package.directoryURL.appendingPathComponent("scripts/version.sh")
        return [
            .prebuildCommand(
                displayName: "Version from git describe",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path, "--swift", output.appendingPathComponent("BuildVersion.swift").path],
                outputFilesDirectory: output
            ),
        ]
    }
}
