import Foundation

/// Everything a build will write, by output path, sorted (but in `serve`): the render stage's
/// result and the write stage's only input.
public struct OutputPlan: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        /// A file copied as it is (a PDF in a page bundle), by its path in the source folder.
        case copy(sourcePath: String)
        /// Made when written (a page, a feed): the write stage renders and writes each on the
        /// same core, so pages are never all in memory at once and disk work overlaps rendering.
        /// `weight` says how big it is, so the biggest start first.
        /// It is made into the buffer it is given (emptied, capacity kept), one per core.
        case rendered(weight: Int, @Sendable (inout [UInt8]) -> Void)
    }

    public struct File: Sendable {
        public let path: String
        public let content: Content
        /// The same content made in pieces, each handed to `spill` as it is made (which writes
        /// and empties it): what the write stage uses for pages, so a page that lists thousands
        /// of records is not held whole. Nil for files made in one piece.
        let streamed: (@Sendable (_ buffer: inout [UInt8], _ spill: (inout [UInt8]) -> Void) -> Void)?
        /// What the write stage lets go of once this file is written, because no other file
        /// needs it (a record page's body): such files are written first. `serve` keeps all.
        let releasing: (@Sendable () -> Void)?

        init(path: String, content: Content,
             streamed: (@Sendable (_ buffer: inout [UInt8], _ spill: (inout [UInt8]) -> Void) -> Void)? = nil,
             releasing: (@Sendable () -> Void)? = nil) {
            self.path = path
            self.content = content
            self.streamed = streamed
            self.releasing = releasing
        }

        /// A file the write stage makes in pieces and `serve` makes whole, from one closure
        /// (whole: its pieces are not taken, so they stay in the buffer).
        init(path: String, weight: Int, releasing: (@Sendable () -> Void)? = nil,
             streamed: @escaping @Sendable (_ buffer: inout [UInt8], _ spill: (inout [UInt8]) -> Void) -> Void) {
            self.init(path: path, content: .rendered(weight: weight) { buffer in streamed(&buffer) { _ in } }, streamed: streamed, releasing: releasing)
        }

        /// How big the file is likely to be: pages that list many records are made first.
        var weight: Int {
            if case .rendered(let weight, _) = content { return weight }
            return 0
        }

        /// The bytes of a made file (rendering it if that has not happened); nil for a copy.
        public func bytes() -> [UInt8]? {
            switch content {
            case .bytes(let bytes): return bytes
            case .rendered(_, let make):
                var bytes: [UInt8] = []
                make(&bytes)
                return bytes
            case .copy: return nil
            }
        }
    }

    public let files: [File]
    /// Makes the map of what each file is made from; only when asked, so a build pays nothing.
    private let makeInputs: (@Sendable () -> DependencyMap)?
    /// Makes what many files are cut from (the open-data tables, the worded status changes).
    private let makeSharedValues: (@Sendable () -> Void)?

    /// `sorted`: false when nothing reads the files in order (`serve` looks them up by path).
    init(_ files: [File], sorted: Bool = true, inputs: (@Sendable () -> DependencyMap)? = nil, shared: (@Sendable () -> Void)? = nil) {
        // Positions are sorted, then the files gathered once: moving the files themselves
        // (paths and closures) while sorting cost a serial 50 ms at 10,000 records.
        self.files = sorted ? files.indices.sorted { files[$0].path.precedesInUTF8(files[$1].path) }.map { files[$0] } : files
        makeInputs = inputs
        makeSharedValues = shared
    }

    /// What each file of the plan (and the write stage's output marker) is made from.
    public func inputs() -> DependencyMap? { makeInputs?() }

    /// Makes, on all cores, what many files share, before they are made. Otherwise the first
    /// file to need it makes it on one core while the other core's files wait for it: perf
    /// showed one core idle for a tenth of a 10,000-record build. The write stage calls it
    /// after the files that release something, so the two are not held at once; `serve` does
    /// not call it, so an edit that reaches none of those files does not pay for them.
    func makeShared() {
        makeSharedValues?()
    }

    /// Number of HTML pages, for the summary line.
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}
