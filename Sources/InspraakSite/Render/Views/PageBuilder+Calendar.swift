import InspraakTemplates

/// "Zet in agenda": links to a calendar file, to subscribe (webcal://, the app keeps it up to
/// date) or to download once.
extension PageBuilder {
    func calendarLinks(from path: String, file: String) -> TemplateValue {
        let absolute = paths.absolute(file)
        let webcal = absolute.replacingPrefix("https://", with: "webcal://") ?? absolute.replacingPrefix("http://", with: "webcal://") ?? absolute
        return ["subscribeHref": .text(webcal), "downloadHref": .text(SitePaths.relative(from: path, to: file))]
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String? {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : nil
    }
}
