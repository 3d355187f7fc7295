import InspraakSource

/// After an edit that leaves the site with the same outputs, listing the same records
/// (`LiveSnapshot.samePages`: a new outcome, a title, a date), the outputs to render again are
/// known from the map before: an output none of whose inputs changed is made from the same
/// inputs as before (`DependencyMap.make(_:theme:keeping:)`), so it is the same. Only the open
/// items page, which chooses its records by status, is asked anew. The new map, which the next
/// edit needs, is made after the new outputs are served.
struct LiveMapUpdate {
    /// Output paths to render again.
    let stale: Set<String>
    private let before: DependencyMap
    private let dirty: Set<OutputInput>
    private let pages: PagePlan
    private let theme: ThemeFiles

    init(before: DependencyMap, dirty: Set<OutputInput>, pages: PagePlan, theme: ThemeFiles) {
        var stale = Set<String>()
        // Few inputs change, and a theme page has thousands: each changed one is looked up,
        // on all cores. (The map's inverse would answer at once, but takes a second to make.)
        let reached = before.outputs.parallelMap { output in dirty.contains(where: output.inputs.contains) }
        for (output, reached) in zip(before.outputs, reached) where reached { stale.insert(output.path) }
        // Pages that choose their records by status (the open items) are made again when a
        // status, a date or the day may have changed which records they show, or when what they
        // showed changed; the new map (`map()`) asks them anew.
        let choosing = dirty.contains { input in
            switch input {
            case .record, .text, .file: return false
            default: return true
            }
        }
        for page in pages.all where page.choosesByStatus {
            let path = SitePaths.file(for: pages.path(of: page))
            if choosing || before.inputs(of: path).map({ !$0.inputs.isDisjoint(with: dirty) }) ?? true { stale.insert(path) }
        }
        self.stale = stale
        self.before = before
        self.dirty = dirty
        self.pages = pages
        self.theme = theme
    }

    /// The map of the site after the edit, equal to one made anew.
    func map() -> DependencyMap {
        let before = before, dirty = dirty
        let map = DependencyMap.make(pages, theme: theme) { path in
            before.inputs(of: path).flatMap { $0.inputs.isDisjoint(with: dirty) ? $0.inputs : nil }
        }
        assert(map.outputs == DependencyMap.make(pages, theme: theme).outputs, "a map updated after an edit differs from a new one")
        assert(map.outputs.allSatisfy { now in
            now.inputs.isDisjoint(with: dirty) && before.inputs(of: now.path)?.inputs == now.inputs || stale.contains(now.path)
        }, "an output made from a changed input was not rendered again")
        return map
    }
}
