import Foundation
import ArgumentParser
import CTCMalloc
import InspraakSite
import InspraakSource

extension Inspraak {
    /// `--version` comes from ArgumentParser (`CommandConfiguration.version`); `--version
    /// --verbose` adds the C libraries, which ArgumentParser has no place for, so it is read here.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.contains("--version") && arguments.contains("--verbose") && arguments.count == 2 {
            print(buildVersion)
            print("libcmark-gfm \(LibraryVersions.cmarkGFM)")
            print("libyaml \(LibraryVersions.libyaml)")
            // Also what links the allocator in: a program that called nothing of it could have
            // it dropped by a linker that links only what is used.
            print("tcmalloc \(String(cString: tc_version(nil, nil, nil)))")
            return
        }
        // A word that is no command would otherwise reach `build` (the default command) and be
        // reported as build's "unexpected argument", with build's usage.
        if let first = arguments.first, !first.hasPrefix("-"), !knownCommands.contains(first) {
            FileHandle.standardError.write(line: CLIMessage.notACommand(first, commands: Array(knownCommands.dropLast())))
            exit(withError: ExitCode(ExitStatus.usage))
        }
        main(arguments)
    }

    private static var knownCommands: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }
}
