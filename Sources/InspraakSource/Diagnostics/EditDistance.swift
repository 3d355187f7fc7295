/// Suggestions for misspelt names: "did you mean …?".
package enum EditDistance {
    /// Levenshtein distance, on Unicode scalars.
    package static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate within a distance that still reads as a typo, ties broken by name.
    package static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let limit = Swift.max(2, name.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let distance = between(name, candidate)
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.name) {
                best = (distance, candidate)
            }
        }
        return best?.name
    }
}
