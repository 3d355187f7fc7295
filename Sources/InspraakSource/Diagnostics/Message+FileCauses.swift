/// The system's reason a file could not be read, in words (`FileKind.cause`); the write stage's
/// sentences about files are in the site target (Write/Message+Files.swift).
extension Message {
    package static let unknownCause = "the system gave no reason"
    static let noPermissionCause = "no permission to read it; ask for read permission"
    static let diskErrorCause = "the disk reported an error (input/output error); check the disk"
    static let missingCause = "it does not exist (any more)"
    static let linkLoopCause = "it is a link that leads back to itself"
    static let nameTooLongCause = "its name is too long"
    static let tooManyOpenFilesCause = "too many files are open at once; close some programs and try again"
}
