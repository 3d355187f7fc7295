import Foundation

/// Everything a build will write, by output path, sorted: the render stage's result and the
/// write stage's only input.
public struct OutputPlan: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        /// A file copied as it is (a PDF in a page bundle), by its path in the source folder.
        case copy(sourcePath: String)
    }

    public struct File: Sendable {
        public let path: String
        public let content: Content
    }

    public let files: [File]

    init(_ files: [File]) {
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// Number of HTML pages, for the summary line.
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}
