/// What the graph stage says about references, for the people who write them.
enum GraphMessage {
    static func danglingRef(_ from: String, _ ref: String, target: String) -> String {
        "`\(from)` refers to `\(ref)`, but there is no record `\(target)`"
    }
    static func unknownItem(_ from: String, _ ref: Ref, existing: [String]) -> String {
        let list = existing.isEmpty ? "it has no input points or recommendations" : "it has \(existing.joined(separator: ", "))"
        return "`\(from)` refers to `\(ref)`, but `\(ref.target)` has no item `\(ref.item ?? "")` (\(list))"
    }
    static func refToDraft(_ from: String, _ ref: String) -> String {
        "`\(from)` refers to `\(ref)`, which is a draft and not published; publish it (remove `draft: true`) or remove the reference"
    }
    static func duplicateID(_ id: String, other: String) -> String {
        "the id `\(id)` is used twice: here and in \(other); ids must be unique across the whole site"
    }
    static func implementationBeforeAdoption(_ ref: String, outcome: String?) -> String {
        let state = outcome.map { "its outcome is `\($0)`" } ?? "it has no outcome yet"
        return "this reports the implementation of `\(ref)`, but \(state); only what is adopted or partially-adopted is carried out (give an `outcome` first)"
    }
    static func answersItself(_ id: String) -> String { "feedback `\(id)` answers itself" }
    static func buildsOnItself(_ id: String) -> String {
        "advice `\(id)` is based on itself; `based_on` names the meetings or advice it builds on"
    }
    static func cycle(_ ids: [String]) -> String {
        "these records refer to each other in a circle: \(ids.joined(separator: " → "))"
    }
    static func undefinedTheme(_ slug: String) -> String {
        "the theme `\(slug)` does not exist; add content/themes/\(slug).md or use an existing theme"
    }
    static func feedbackBeforeSource(_ feedback: String, _ source: String) -> String {
        "feedback `\(feedback)` is dated before `\(source)`, which it answers"
    }
    static let noTheme = "this record has no `themes`, and refers to nothing it could take them from"
}

extension GraphMessage {
    static func undefinedPlace(_ slug: String) -> String {
        "the place `\(slug)` does not exist; add content/places/\(slug).md or use an existing place"
    }
    static func unknownCouncil(_ slug: String) -> String {
        "there is no council `\(slug)` (no file content/councils/\(slug).md); use the file name of an existing council, or write the council's full name"
    }
    static func councilWithoutSlug(_ name: String) -> String {
        "the council \"\(name)\" has no letters or digits, so it cannot get a page; write the council's name"
    }
    static func definedTwice(_ slug: String, folder: String, other: String) -> String {
        "`\(slug)` is defined twice: here and in \(other); keep one file per slug in content/\(folder)"
    }
}
