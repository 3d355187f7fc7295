import Foundation
import PackagePlugin

/// Embeds the version from `git describe` (scripts/version.sh) in the executable as
/// `let buildVersion = "…"`, generated into the plugin's work folder (never into the tree).
/// The command runs again when git's HEAD, index, reflog or refs change or a source file of the
/// package does (for `-dirty`); the script rewrites the file only when the version changed, so
/// an unchanged version compiles nothing again. `make dist` deletes the file first, so a release
/// always carries the version of its tree.
@main
struct BuildVersion: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let script = root.appendingPathComponent("scripts/version.sh")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuildVersion.swift")
        let sources = context.package.targets.compactMap { $0 as? SourceModuleTarget }.flatMap { $0.sourceFiles.map(\.url) }
        return [
            .buildCommand(
                displayName: "Version from git describe",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path, "--swift", output.path],
                inputFiles: [script] + gitFiles(root) + sources,
                outputFiles: [output]
            ),
        ]
    }

    /// The files git changes on a commit, checkout, reset or tag, in a repository or a worktree.
    func gitFiles(_ root: URL) -> [URL] {
        let dotGit = root.appendingPathComponent(".git")
        var gitDir = dotGit
        if let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") {
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitDir = URL(fileURLWithPath: path, relativeTo: root).standardizedFileURL
        }
        var commonDir = gitDir
        if let text = try? String(contentsOf: gitDir.appendingPathComponent("commondir"), encoding: .utf8) {
            commonDir = URL(fileURLWithPath: text.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: gitDir.appendingPathComponent("x")).standardizedFileURL
        }
        let candidates = [
            gitDir.appendingPathComponent("HEAD"), gitDir.appendingPathComponent("index"), gitDir.appendingPathComponent("logs/HEAD"),
            commonDir.appendingPathComponent("packed-refs"), commonDir.appendingPathComponent("refs/tags"),
        ]
        return candidates.filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}
