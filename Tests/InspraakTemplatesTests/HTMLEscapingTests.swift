import XCTest
@testable import InspraakTemplates

/// `{{name}}` escaping, which skips eight bytes at a time, gives what escaping byte by byte gives,
/// wherever in a text and however close together the characters that need an entity are.
final class HTMLEscapingTests: XCTestCase {
    static func byteByByte(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { byte -> [UInt8] in
            switch byte {
            case 38: return Array("&amp;".utf8)
            case 60: return Array("&lt;".utf8)
            case 62: return Array("&gt;".utf8)
            case 34: return Array("&quot;".utf8)
            case 39: return Array("&#39;".utf8)
            default: return [byte]
            }
        }
    }

    static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        var page = PageBytes()
        bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &page) }
        var out: [UInt8] = []
        page.move(to: &out)
        page.free()
        return out
    }

    func testEveryPlaceAndNeighbourOfEachCharacter() {
        // Bytes next to each special one that a word-wide test could confuse with it (its
        // neighbours, a borrow from a zero byte, high bytes of UTF-8).
        let alphabet: [UInt8] = [38, 60, 62, 34, 39, 37, 39 + 1, 59, 61, 63, 33, 35, 0, 1, 0x80, 0xA6, 0xBC, 0xC3, 0xFF, 65, 32]
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            for _ in 0..<300 {
                let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                XCTAssertEqual(Self.escaped(text), Self.byteByByte(text), "\(text)")
            }
        }
        let prose = Array("Een \"proef\" met <b> & de 'buurt' – café's; 8 > 7 & 3 < 4.".utf8)
        XCTAssertEqual(String(decoding: Self.escaped(prose), as: UTF8.self),
                       "Een &quot;proef&quot; met &lt;b&gt; &amp; de &#39;buurt&#39; – café&#39;s; 8 &gt; 7 &amp; 3 &lt; 4.")
    }
}
