import ArgumentParser
import InspraakCore

extension Inspraak {
    /// `--version` comes from ArgumentParser (`CommandConfiguration.version`); `--version
    /// --verbose` adds the C libraries, which ArgumentParser has no place for, so it is read here.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.contains("--version") && arguments.contains("--verbose") && arguments.count == 2 {
            print(buildVersion)
            print("libcmark-gfm \(LibraryVersions.cmarkGFM)")
            print("libyaml \(LibraryVersions.libyaml)")
            return
        }
        main(arguments)
    }
}
