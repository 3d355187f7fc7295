/// JSON Feed 1.1 beside every RSS feed, with the same items.
extension RSSFeed {
    func json(_ context: RenderContext) -> String {
        let paths = context.paths
        let settings = context.settings
        let items: [JSONText] = items(context).map { item in
            .object([
                ("id", .string(item.url)),
                ("url", .string(item.url)),
                ("title", .string(item.title)),
                ("content_text", .string(item.summary)),
                ("date_published", .string(RFC3339.format(item.date))),
                ("tags", .array(item.categories.map(JSONText.string))),
                ("language", .string(settings.language)),
            ])
        }
        let feed: JSONText = .object([
            ("version", "https://jsonfeed.org/version/1.1"),
            ("title", .string(title)),
            ("description", .string(description)),
            ("home_page_url", .string(paths.absolute(pagePath))),
            ("feed_url", .string(paths.absolute(jsonPath))),
            ("language", .string(settings.language)),
            ("authors", .array([.object([("name", .string(settings.title)), ("url", .string(paths.absolute(SitePaths.home)))])])),
            ("items", .array(items)),
        ])
        return feed.encoded + "\n"
    }
}
