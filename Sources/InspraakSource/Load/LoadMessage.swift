/// What the load stage says about a site's files, front matter, content folder and git history.
enum LoadMessage {
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
    static let yamlTab = "the front matter is not valid YAML: this line holds a tab, and YAML allows only spaces for indentation; replace the tab with spaces"
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
    static func unreadableFolder(_ reason: String) -> String { "this folder cannot be read: \(reason)" }
    static func notRegularFile(_ kind: String) -> String {
        "this is \(kind), not an ordinary file, so it is not read; remove it, or put the file itself here"
    }
    static let brokenLink = "this is a link to a file or folder that does not exist; remove the link or copy the file in"
    static let linkLoop = "this is a link to a folder it stands in, so it is not followed; remove the link"
    static func tooDeep(limit: Int) -> String {
        "the fields are nested more than \(limit) levels deep here; a record or a setting needs only a few levels (fields, lists of points)"
    }
    static func unclosedQuote(_ quote: String) -> String { "the text that starts here with `\(quote)` is never closed" }
    static func unclosedQuoteHint(_ quote: String) -> String { "end the text with a `\(quote)` on the same line" }
    static func controlCharacter(_ code: String) -> String {
        "this text holds an invisible control character (\(code)); remove it (it often comes along when text is copied from another program)"
    }

    // MARK: Content folder
    static let noContentFolder = "there is no `content/` folder; records go in content/meetings, content/advice and content/feedback"
    static func unknownContentFolder(_ name: String, known: [String]) -> String {
        "the folder `content/\(name)` is not a known record type (known: \(known.joined(separator: ", ")))"
    }
    static let strayContentFile = "files directly under `content/` are not published; put records in content/meetings, content/advice or content/feedback"
    static let bundleWithoutIndex = "this folder is not a record: a page bundle needs an `index.md`"
    static let notMarkdown = "this file is not published: records are `.md` files"
    static let hiddenFile = "this file is not published: its name starts with a dot, which hides it"
    static let hiddenFolder = "this folder is not published: its name starts with a dot, which hides it"
    static func renameToPublish(_ name: String) -> String { "rename it to `\(name)` to publish it" }
    static let symlinkOutside = "this is a link to a file outside the site's folder; copy the file in instead"

    // MARK: Words inside the sentences above
    static let tomlTextNotClosed = "the text that starts here is never closed with a `\"`"
    static let tomlValueOfNoType = "this value is not text between quotes, a number, a date or true/false"
    static let outOfMemory = "out of memory"
    static let unknownYAMLProblem = "unknown problem"
    /// The name given to a YAML key that is a list or a mapping.
    static let keyThatIsNoText = "(a list or set of fields used as a name)"

    /// What a path holds, in words ("a named pipe").
    static func fileKind(_ kind: FileKind) -> String {
        switch kind {
        case .regular: "a file"
        case .directory: "a folder"
        case .namedPipe: "a named pipe (FIFO)"
        case .socket: "a socket"
        case .device: "a device"
        case .missing: "missing"
        case .unknown: "unknown"
        }
    }

    /// What a field's value is, in words for a message ("a list", "a number").
    static func fieldKind(_ value: Field.Value) -> String {
        switch value {
        case .string: "text"
        case .integer, .number: "a number"
        case .boolean: "true/false"
        case .null: "empty"
        case .list: "a list"
        case .table: "a set of fields"
        }
    }
}
