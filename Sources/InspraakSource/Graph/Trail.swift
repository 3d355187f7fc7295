extension SiteGraph {
    /// The chain a record belongs to: everything it builds on (all the way back) and everything
    /// that follows from it (all the way forward), itself included, in date order.
    public func trail(of id: String) -> [Record] {
        var seen: Set<String> = [id]
        var queue = [id]
        while let current = queue.popLast() {
            for link in links[current] ?? [] where seen.insert(link.target).inserted {
                queue.append(link.target)
            }
        }
        var forward = [id]
        while let current = forward.popLast() {
            for follower in backlinks[current] ?? [] where seen.insert(follower).inserted {
                forward.append(follower)
            }
        }
        return seen.compactMap(record).sorted { ($0.date.epochSeconds, $0.id) < ($1.date.epochSeconds, $1.id) }
    }

    /// A record's item (input point or recommendation) by key.
    public func item(_ key: ItemKey) -> Item? {
        guard let itemID = key.item else { return nil }
        return record(key.record)?.items.first { $0.id == itemID }
    }
}
