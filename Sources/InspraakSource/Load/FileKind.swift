#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path holds, as `stat` (following links) tells it, without opening it.
public enum FileKind: Equatable, Sendable {
    case regular
    case directory
    case namedPipe
    case socket
    case device
    case missing
    /// `stat` failed for another reason (its `errno`).
    case unknown(Int32)

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .namedPipe
        case S_IFSOCK: self = .socket
        default: self = .device
        }
    }

    static func of(_ path: String) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            // A dangling link, or a name that vanished since the folder was listed.
            return code == ENOENT || code == ENOTDIR ? .missing : .unknown(code)
        }
        return FileKind(mode: status.st_mode)
    }

    /// What this is, in words for a message ("a named pipe").
    var description: String {
        LoadMessage.fileKind(self)
    }

    /// Why the system refused to let a file be read, in words (the catalogue's sentences; the
    /// write stage uses the same ones for the files it copies).
    package static func cause(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return Message.noPermissionCause
        case EIO: return Message.diskErrorCause
        case ENOENT: return Message.missingCause
        case ELOOP: return Message.linkLoopCause
        case ENAMETOOLONG: return Message.nameTooLongCause
        case EMFILE, ENFILE: return Message.tooManyOpenFilesCause
        case 0: return Message.unknownCause
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
