import InspraakSource

/// Which inputs of the outputs (`OutputInput`) differ between two states of a site: the
/// records whose files were edited or whose graph facts changed, themes, templates, assets,
/// UI strings, groups of site.toml settings and the day.
enum LiveChanges {
    /// The inputs that changed from `old` to `new`, given the source paths edited in between.
    /// `only`: the records that may differ, when the graph was updated (`GraphUpdate.restated`);
    /// the others are then the same records, with the same facets.
    static func inputs(from old: LiveSnapshot, to new: LiveSnapshot, edited: Set<String>, only: Set<String>? = nil) -> Set<OutputInput> {
        var changed = Set<OutputInput>()
        let records = only.map { ids in ids.sorted().compactMap(new.graph.record) } ?? new.graph.records
        // Compared on all cores: ten thousand records' facets.
        let perRecord = records.parallelMap { record -> [OutputInput] in
            guard let before = old.graph.record(record.id), let was = old.facets[record.id], let now = new.facets[record.id] else {
                return [.record(record.id), .counted(record.id), .dated(record.id), .text(record.id)]
            }
            var changed: [OutputInput] = []
            // A record read again is a new one; one whose file reads as before is the same object.
            if before !== record || before.origin != record.origin || was != now {
                changed += [.record(record.id), .text(record.id)]
            }
            if was.counted != now.counted { changed.append(.counted(record.id)) }
            if was.counted.placed != now.counted.placed { changed.append(.dated(record.id)) }
            return changed
        }
        for inputs in perRecord where !inputs.isEmpty { changed.formUnion(inputs) }
        for record in only == nil ? old.graph.records : [] where new.graph.record(record.id) == nil {
            changed.formUnion([.record(record.id), .counted(record.id), .dated(record.id), .text(record.id)])
        }
        for slug in Set(old.graph.themes.map(\.slug) + new.graph.themes.map(\.slug)) {
            let before = old.graph.theme(slug), now = new.graph.theme(slug)
            if before?.title != now?.title || before?.description != now?.description || before?.order != now?.order
                || before?.body != now?.body || before?.location != now?.location {
                changed.insert(.theme(slug))
            }
        }
        for slug in Set(old.graph.places.map(\.slug) + new.graph.places.map(\.slug)) where old.graph.place(slug) != new.graph.place(slug) {
            changed.insert(.place(slug))
        }
        // A council's title comes from its file, else from the names its advice gives it.
        for slug in Set(old.graph.councils.map(\.slug) + new.graph.councils.map(\.slug)) where old.graph.council(slug) != new.graph.council(slug) {
            changed.insert(.council(slug))
        }
        changed.formUnion(themeFiles(old.theme.templates, new.theme.templates).map(OutputInput.template))
        changed.formUnion(themeFiles(old.theme.assets, new.theme.assets).map(OutputInput.asset))
        if old.theme.strings[old.config.language] != new.theme.strings[new.config.language] { changed.insert(.strings) }
        changed.formUnion(configSections(old.config, new.config).map(OutputInput.config))
        if old.graph.today != new.graph.today { changed.insert(.today) }
        changed.formUnion(edited.map(OutputInput.file))
        return changed
    }

    /// The inputs that changed when only the bodies of `records` did: their texts, and the
    /// records themselves where the first paragraph of a body stands in for a summary that
    /// changed with it.
    static func textInputs(_ records: [Record], from old: RenderedTexts, to new: RenderedTexts, edited: Set<String>) -> Set<OutputInput> {
        var changed = Set(edited.map(OutputInput.file))
        for record in records {
            changed.insert(.text(record.id))
            let before = old.records[record.id], now = new.records[record.id]
            if before?.summaryHTML != now?.summaryHTML || before?.summaryText != now?.summaryText { changed.insert(.record(record.id)) }
        }
        return changed
    }

    /// Names of theme files that were added, removed or changed.
    static func themeFiles(_ old: [String: ThemeFiles.File], _ new: [String: ThemeFiles.File]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0]?.bytes != new[$0]?.bytes || old[$0]?.path != new[$0]?.path }.sorted()
    }

    /// The groups of settings that differ; all of them when the two differ in a way no group
    /// names (a setting added to `SiteConfig` and not yet here).
    static func configSections(_ old: SiteConfig, _ new: SiteConfig) -> [ConfigSection] {
        guard old != new else { return [] }
        var sections: [ConfigSection] = []
        if old.title != new.title || old.description != new.description || old.baseURL != new.baseURL || old.language != new.language
            || old.timezone != new.timezone || old.theme != new.theme {
            sections.append(.topLevel)
        }
        if old.adviceAddressedTo != new.adviceAddressedTo || old.adviceResponseDays != new.adviceResponseDays { sections.append(.advice) }
        if old.feedbackExpectedDays != new.feedbackExpectedDays { sections.append(.feedback) }
        if old.feedsLimit != new.feedsLimit { sections.append(.feeds) }
        if old.formats != new.formats { sections.append(.formats) }
        if old.paginationSize != new.paginationSize { sections.append(.pagination) }
        if old.unsafeHTML != new.unsafeHTML { sections.append(.markdown) }
        if old.showHistory != new.showHistory { sections.append(.history) }
        if old.dataLicense != new.dataLicense { sections.append(.data) }
        if old.wooPublisher != new.wooPublisher { sections.append(.woo) }
        if old.searchEnabled != new.searchEnabled { sections.append(.search) }
        if old.organisation != new.organisation { sections.append(.organisation) }
        var located = old
        located.themeLocation = new.themeLocation
        if sections.isEmpty && located != new { return ConfigSection.allCases }
        return sections
    }
}

/// Source paths edited (created, changed, renamed or deleted), with the folders above them.
struct EditedPaths {
    let paths: Set<String>
    private let folders: Set<String>

    init(_ paths: Set<String>) {
        self.paths = paths
        var folders = Set<String>()
        for path in paths {
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                folders.insert(folder)
            }
        }
        self.folders = folders
    }

    /// Whether `path` was edited, lies in an edited folder, or (a folder) holds an edited path.
    func touch(_ path: String) -> Bool {
        if paths.contains(path) || folders.contains(path) { return true }
        var folder = path
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            if paths.contains(folder) { return true }
        }
        return false
    }
}
