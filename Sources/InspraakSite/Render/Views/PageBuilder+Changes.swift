import InspraakTemplates

/// Following status changes from the pages: `<link rel="alternate">` in the head, and on a
/// meeting's or advice's page the "Volg" link to its own `changes.xml`.
extension PageBuilder {
    /// The change feeds a page announces (RSS, and Atom where there is one).
    func changeFeedLinks(_ scopes: [ChangeFeed.Scope]) -> TemplateValue {
        .list(scopes.map { scope in
            let feed = ChangeFeed.feed(scope, builder: self)
            return ["title": .text(feed.title), "href": .text(paths.absolute(feed.path)),
                    "atomHref": .optional(feed.atomPath.map(paths.absolute))]
        })
    }

    /// "Volg wat er met deze punten gebeurt (RSS)": also when nothing happened yet, so a
    /// subscription made today keeps working.
    /// The feed sits in the page's own folder.
    func followLink() -> TemplateValue {
        ["href": .text(ChangeFeed.fileName)]
    }
}
