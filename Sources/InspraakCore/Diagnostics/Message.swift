/// Every sentence inspraak says about a site, in one place, written for the person who edits
/// the records (a council secretary, not a developer): what is wrong, and what to do.
enum Message {
    // MARK: Git history
    static let shallowClone = "this is a shallow git clone: it lacks the history that tells when each record was last changed, so every \"updated\" date would be wrong. Fetch the full history: `fetch-depth: 0` in GitHub Actions (actions/checkout), `GIT_DEPTH: 0` in GitLab CI, or `git fetch --unshallow` on your own computer"
    static let shallowCloneHint = "or build with --allow-shallow to use each record's `date` instead"
    static let shallowCloneAllowed = "this is a shallow git clone (--allow-shallow): \"updated\" dates are not read from git; each record's `date` stands in"

    // MARK: Files and front matter
    static let emptyFile = "this file is empty; a record starts with front matter between `---` lines"
    static let noFrontMatter = "this file has no front matter: a record must start with a line `---` (YAML) or `+++` (TOML)"
    static let noFrontMatterHint = "did you forget to add `---` on the first line?"
    static func unterminatedFrontMatter(_ fence: String) -> String {
        "the front matter that starts here is never closed with a line `\(fence)`"
    }
    static func unterminatedFrontMatterHint(_ fence: String) -> String {
        "add a line `\(fence)` after the last field, before the text"
    }
    static func invalidUTF8(column: Int) -> String {
        "this line holds bytes that are not UTF-8 text (column \(column)); save the file as UTF-8"
    }
    static func invalidYAML(_ problem: String) -> String { "the front matter is not valid YAML: \(problem)" }
    static let invalidYAMLHint = "check the indentation, and put text with a `:` or `#` between quotes"
    static func invalidTOML(_ problem: String) -> String { "not valid TOML: \(problem)" }
    static let invalidTOMLHint = "text values need quotes, e.g. title = \"Stamtafel\""
    static let unclosedTextHint = "text values go between quotes on one line, e.g. title = \"Stamtafel\""
    static func givenTwice(_ key: String, firstLine: Int) -> String { "the field `\(key)` is given twice (first on line \(firstLine)); keep only one" }
    static let frontMatterNotMapping = "the front matter must be a list of `key: value` fields"
    static func duplicateKey(_ key: String) -> String { "the field `\(key)` is written twice" }
    static let yamlAlias = "YAML anchors and aliases (`*name`) are not supported in records; write the value out"
    static func tooLarge(megabytes: Int) -> String {
        "this file is larger than \(megabytes) MB; split it or move attachments into a page bundle"
    }
    static func unreadable(_ reason: String) -> String { "this file cannot be read: \(reason)" }

    // MARK: Content folder
    static let noContentFolder = "there is no `content/` folder; records go in content/meetings, content/advice and content/feedback"
    static func unknownContentFolder(_ name: String, known: [String]) -> String {
        "the folder `content/\(name)` is not a known record type (known: \(known.joined(separator: ", ")))"
    }
    static let strayContentFile = "files directly under `content/` are not published; put records in content/meetings, content/advice or content/feedback"
    static let bundleWithoutIndex = "this folder is not a record: a page bundle needs an `index.md`"
    static let notMarkdown = "this file is not published: records are `.md` files"
    static let symlinkOutside = "this is a link to a file outside the site's folder; copy the file in instead"

    // MARK: Config
    static func unknownConfigKey(_ key: String) -> String { "unknown setting `\(key)` in site.toml" }
    static func configWrongType(_ key: String, expected: String, found: String) -> String {
        "the setting `\(key)` should be \(expected), not \(found)"
    }
    static func missingConfigKey(_ key: String) -> String { "site.toml must set `\(key)`" }
    static let missingConfig = "there is no `site.toml` in the source folder"
    static func invalidBaseURL(_ url: String) -> String {
        "`base_url` must be an absolute http or https address, like https://participatie.voorbeeldstad.nl/ (found \"\(url)\")"
    }
    static func unknownLanguage(_ language: String) -> String {
        "`language` must be \"nl\" or \"en\" (found \"\(language)\")"
    }
    static func unknownTimeZone(_ zone: String) -> String {
        "`timezone` \"\(zone)\" is not a known time zone; use a name like \"Europe/Amsterdam\""
    }
    static func notPositive(_ key: String) -> String { "the setting `\(key)` must be a whole number above zero" }
    static func didYouMean(_ name: String) -> String { "did you mean `\(name)`?" }
}
