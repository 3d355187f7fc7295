import InspraakTestSupport
import XCTest
@testable import InspraakSource

/// A folder's entries come in the order of their names' UTF-8 bytes, whatever the disk
/// lists: the sort by 16-byte prefixes must give exactly that order.
final class ListingOrderTests: XCTestCase {
    func testEntriesAreSortedByTheirNamesBytes() {
        let pieces = ["2016-01-01-", "2016-01-02-", "stamtafel-", "a", "b", "é", "e\u{301}", "Z", "0", "-", ".md", "~", "\u{7F}", "ab", "index", "ü", "😀"]
        var random = SeededRandom(seed: 33)
        for round in 0..<300 {
            var names = Set<String>()
            for _ in 0..<Int(random.next() % 40) {
                var name = ""
                for _ in 0..<(1 + Int(random.next() % 6)) { name += pieces[Int(random.next() % UInt64(pieces.count))] }
                names.insert(name)
            }
            let entries = names.shuffled(using: &random).map { SourceEntry(name: $0, kind: .regular) }
            let expected = entries.map(\.name).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            XCTAssertEqual(SourceEntry.sorted(entries).map(\.name), expected, "round \(round)")
        }
        // Names that agree in their first 16 bytes and differ after, and one that is a prefix of another.
        let long = ["2016-01-01-stamtafel-b.md", "2016-01-01-stamtafel-a.md", "2016-01-01-stamtafel", "2016-01-01-stamta", "2016-01-01-stamtaf"]
        XCTAssertEqual(SourceEntry.sorted(long.map { SourceEntry(name: $0, kind: .regular) }).map(\.name),
                       ["2016-01-01-stamta", "2016-01-01-stamtaf", "2016-01-01-stamtafel", "2016-01-01-stamtafel-a.md", "2016-01-01-stamtafel-b.md"])
    }
}
