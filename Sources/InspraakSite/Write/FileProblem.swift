import Foundation
import InspraakSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed: which path, doing what, and the system's reason (`errno`),
/// told in words a secretary can act on instead of "NSCocoaErrorDomain error 512".
struct FileProblem: Error, Equatable {
    enum Action: Equatable {
        case reading, writing, makingFolder, moving, removing
    }

    let path: String
    let action: Action
    /// The `errno` of the failed call; 0 when it is not known.
    let code: Int32
    /// Not an `errno`: the path is a folder, pipe or device where a file was expected.
    static let notRegularFile: Int32 = -1

    init(_ action: Action, _ path: String, code: Int32 = errno) {
        self.action = action
        self.path = path
        self.code = code
    }

    /// The problem of a Foundation call (`removeItem`, …), at the path Foundation names (the
    /// file inside `path` that failed) or else `path`: the system's reason is in the underlying
    /// POSIX error where Foundation keeps one, else read from its own code.
    init(_ action: Action, _ path: String, error: Error) {
        var code: Int32 = 0
        let cocoa = error as NSError
        if let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            code = Int32(underlying.code)
        } else if cocoa.domain == NSPOSIXErrorDomain {
            code = Int32(cocoa.code)
        } else if cocoa.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: cocoa.code) {
            case .fileWriteOutOfSpace: code = ENOSPC
            case .fileWriteVolumeReadOnly: code = EROFS
            case .fileWriteNoPermission, .fileReadNoPermission: code = EACCES
            case .fileNoSuchFile, .fileReadNoSuchFile: code = ENOENT
            case .fileWriteFileExists: code = EEXIST
            case .fileWriteInvalidFileName, .fileReadInvalidFileName: code = ENAMETOOLONG
            default: code = 0
            }
        }
        self.init(action, cocoa.userInfo[NSFilePathErrorKey] as? String ?? path, code: code)
    }

    /// One sentence: what failed, where, and why.
    var sentence: String { sentence(showing: { $0 }) }

    /// The sentence with the path shown as `show` gives it (a file in the staging folder is
    /// shown where it would have been in the output).
    func sentence(showing show: (String) -> String) -> String {
        let shown = show(path)
        let folder = show(Self.folder(of: path))
        switch code {
        case ENOSPC: return WriteMessage.diskFull(shown)
        case EDQUOT: return WriteMessage.quotaFull(shown)
        case EROFS: return WriteMessage.readOnlyFileSystem(shown)
        case EACCES, EPERM:
            switch action {
            case .reading: return WriteMessage.noPermissionToRead(shown)
            case .removing, .moving: return WriteMessage.noPermissionToChange(shown, in: folder)
            case .writing, .makingFolder: return WriteMessage.noPermissionToWrite(in: folder)
            }
        case EIO: return WriteMessage.diskError(shown, reading: action == .reading)
        case ENOTDIR: return WriteMessage.partOfPathIsFile(shown)
        case ENOENT: return WriteMessage.pathMissing(shown)
        case ENAMETOOLONG: return WriteMessage.nameTooLong(shown)
        case EMFILE, ENFILE: return WriteMessage.tooManyOpenFiles(shown)
        case EBUSY: return WriteMessage.inUse(shown)
        case Self.notRegularFile: return WriteMessage.otherFileProblem(shown, doing: WriteMessage.doing(action), cause: Message.notARegularFile)
        default:
            let cause = code == 0 ? Message.unknownCause : String(cString: strerror(code)).lowercased()
            return WriteMessage.otherFileProblem(shown, doing: WriteMessage.doing(action), cause: cause)
        }
    }

    /// Why a file the message already names could not be read, in words.
    static func cause(reading code: Int32) -> String {
        code == notRegularFile ? Message.notARegularFile : FileKind.cause(code)
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
