/// The shared part of the message catalogues: what more than one stage says, and the one
/// "did you mean …?". Each stage says everything else from its own catalogue (`LoadMessage`,
/// `ModelMessage`, `GraphMessage`, `RenderMessage`, `TemplateMessage`, `WriteMessage`,
/// `ScaffoldMessage`; the command line's `CLIMessage`), written for the person who edits the
/// records (a council secretary, not a developer): what is wrong, and what to do. No sentence
/// is written anywhere else (`MessageCatalogueTests` checks).
package enum Message {
    /// The one "did you mean …?": the candidate closest to `word` when one is close enough to be
    /// a typo of it (ties broken by name), as a hint; nil when none is.
    package static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String? {
        EditDistance.closest(to: word, in: candidates).map(didYouMean(nearest:))
    }

    /// The same question for a candidate already chosen as the nearest (however far it is).
    package static func didYouMean(nearest candidate: String) -> String { "did you mean `\(candidate)`?" }

    // MARK: Files on disk: the system's reason in words (reading a site, writing its output)
    package static let unknownCause = "the system gave no reason"
    package static let notARegularFile = "it is not a regular file (a folder, pipe or device)"
    package static let noPermissionCause = "no permission to read it; ask for read permission"
    package static let diskErrorCause = "the disk reported an error (input/output error); check the disk"
    package static let missingCause = "it does not exist (any more)"
    package static let linkLoopCause = "it is a link that leads back to itself"
    package static let nameTooLongCause = "its name is too long"
    package static let tooManyOpenFilesCause = "too many files are open at once; close some programs and try again"

    /// A whole number with thousands grouped by commas (1,000,000), the same on every machine.
    package static func number(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}
