/// The catalogue's sentences about the output folder and files on disk (the write stage and
/// the command line); the rest are in Message.swift.
extension Message {
    // MARK: Output folder (the write stage)
    package static func outputIs(_ what: String) -> String {
        "a build replaces its output folder whole, and this is \(what); choose a folder of its own, e.g. --output public"
    }
    package static func outputHolds(_ what: String) -> String {
        "a build replaces its output folder whole, and this folder holds \(what); choose a folder of its own, e.g. --output public"
    }
    package static func outputInside(_ what: String) -> String {
        "a build replaces its output folder whole, and this one is inside \(what); choose a folder outside it, e.g. --output public"
    }
    package static let outputIsFile = "a build replaces its output folder whole, and this is a file, not a folder (it would be deleted); choose a folder, e.g. --output public"
    package static func outputHoldsOtherFiles(_ names: [String], more: Int) -> String {
        let list = names.map { "`\($0)`" }.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
        return "a build replaces its output folder whole, and this folder holds files an inspraak build did not make (\(list)), which would be deleted; choose a new or empty folder, or move those files away"
    }
    package static let outputHoldsOtherFilesHint = "a folder an inspraak build made carries a `.inspraak-output` file; an output of an older version without it: delete the folder once and build again"
    package static func outputUnusable(_ problem: String) -> String { "this output folder cannot be used: \(problem)" }
    package static func outputLeadsTo(_ path: String) -> String { "it leads to \(path)" }
    package static let theSiteFolder = "the site's own folder"
    package static let theSettingsFile = "the site's settings file site.toml"
    package static let theContentFolder = "the site's content/ folder"
    package static let theThemesFolder = "the site's themes/ folder"
    package static func siteNotWritten(_ problem: String) -> String {
        "the site could not be written: \(problem); the previous output is left as it was"
    }
    package static func oldOutputNotRemoved(_ path: String, problem: String) -> String {
        "the new site is in place, but the previous output, moved aside to \(path), could not be removed: \(problem); delete that folder by hand"
    }
    package static func previousOutputStranded(_ path: String, problem: String) -> String {
        "the new site could not take the output's place (\(problem)), and the previous output, moved aside to \(path), could not be moved back; rename that folder back by hand"
    }
    package static func leftoverNotRemoved(_ path: String, problem: String) -> String {
        "a folder an earlier build left behind, \(path), could not be removed: \(problem); delete it by hand"
    }

    // MARK: Files on disk: the system's reason in words
    package static func diskFull(_ path: String) -> String { "the disk is full while writing \(path); free some space and build again" }
    package static func quotaFull(_ path: String) -> String { "the disk quota is used up while writing \(path); free some space and build again" }
    package static func readOnlyFileSystem(_ path: String) -> String { "\(path) is on a read-only file system; write the site to a disk that can be written" }
    package static func noPermissionToRead(_ path: String) -> String { "no permission to read \(path); ask for read permission" }
    package static func noPermissionToWrite(in folder: String) -> String {
        "no permission to write in \(folder); choose another --output or ask for write permission there"
    }
    package static func noPermissionToChange(_ path: String, in folder: String) -> String {
        "no permission to move or delete \(path) (check the permissions of \(folder) and of what is in it)"
    }
    package static func diskError(_ path: String, reading: Bool) -> String {
        "the disk reported an error while \(reading ? "reading" : "writing") \(path) (input/output error); check the disk"
    }
    package static func partOfPathIsFile(_ path: String) -> String { "a part of the path \(path) is a file, not a folder" }
    package static func pathMissing(_ path: String) -> String { "\(path) does not exist (any more)" }
    package static func nameTooLong(_ path: String) -> String { "the name \(path) is too long for the file system" }
    package static func tooManyOpenFiles(_ path: String) -> String { "too many files are open to open \(path); close other programs and build again" }
    package static func inUse(_ path: String) -> String { "\(path) is in use (a mount point, or held open by another program)" }
    package static let unknownCause = "the system gave no reason"
    package static func otherFileProblem(_ path: String, doing: String, cause: String) -> String { "\(doing) \(path) failed: \(cause)" }
    package static let notARegularFile = "it is not a regular file (a folder, pipe or device)"
    static let noPermissionCause = "no permission to read it; ask for read permission"
    static let diskErrorCause = "the disk reported an error (input/output error); check the disk"
    static let missingCause = "it does not exist (any more)"
    static let linkLoopCause = "it is a link that leads back to itself"
    static let nameTooLongCause = "its name is too long"
    static let tooManyOpenFilesCause = "too many files are open at once; close some programs and try again"
}
