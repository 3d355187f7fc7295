import Foundation

/// What sections drew, kept by the key their value gave (`TemplateObject.fragmentKey`), for the
/// pages of one build: the navigation and the feed links of ten thousand record pages are then
/// drawn a few dozen times, and copied the rest.
///
/// A section's bytes are kept only when they depend on nothing but its value: the renderer
/// watches every name looked up inside it, and a lookup that reaches past the section's value
/// (a theme writing the page's `{{title}}` inside `{{#nav}}`, say), a block, or a long page
/// handed on in pieces while it drew, leaves it drawn anew each time.
package final class FragmentCache: @unchecked Sendable {  // `drawn` only under `lock`
    struct Key: Hashable {
        /// The section's body, by its address in the frozen program.
        let node: Int
        let fragment: String
        /// Whether `{{name}}` escaped HTML where the section began.
        let escaping: Bool

        /// By bytes: a String hashes and compares by its Unicode normal form, which for a key
        /// with one non-ASCII letter (a feed's title) cost more than drawing the section.
        func hash(into hasher: inout Hasher) {
            hasher.combine(node)
            hasher.combine(escaping)
            var fragment = fragment
            fragment.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            guard lhs.node == rhs.node, lhs.escaping == rhs.escaping else { return false }
            var (left, right) = (lhs.fragment, rhs.fragment)
            return left.withUTF8 { left in right.withUTF8 { right in left.elementsEqual(right) } }
        }
    }

    private var drawn: [Key: [UInt8]] = [:]
    private let lock = NSLock()

    package init() {}

    func bytes(_ key: Key) -> [UInt8]? {
        lock.withLock { drawn[key] }
    }

    func keep(_ bytes: [UInt8], for key: Key) {
        lock.withLock { drawn[key] = bytes }
    }

    /// How many sections it holds (tests).
    package var count: Int { lock.withLock { drawn.count } }
}
