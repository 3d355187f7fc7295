import XCTest
import InspraakSource

final class UTF8OrderTests: XCTestCase {
    /// The byte-wise order equals walking the UTF-8 bytes one by one, on prefixes, empty
    /// strings, accents (composed and not), and characters outside the BMP.
    func testSameOrderAsTheUTF8Bytes() {
        let words = ["", "a", "ab", "a/b", "a-b", "a.b", "B", "b", "é", "e\u{301}", "zee", "ü/x", "advice/index.html",
                     "advice/2021-05-25/index.html", "😀", "ﬀ", "a\u{0}b", "Z", "~"]
        for left in words {
            for right in words {
                XCTAssertEqual(left.precedesInUTF8(right), left.utf8.lexicographicallyPrecedes(right.utf8), "\(left) < \(right)")
            }
        }
        let sorted = words.sorted { $0.precedesInUTF8($1) }
        XCTAssertEqual(sorted, words.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
