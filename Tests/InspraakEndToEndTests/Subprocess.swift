import Foundation
import XCTest

/// The built `inspraak` beside the test binary (swift test runs it from the products folder).
var inspraakExecutable: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("inspraak")
}

/// Runs a program to its end and returns its exit status and what it printed. Both outputs are
/// read at once (standard error on another thread), so neither can fill up and block the program.
func runCapturing(_ executable: URL, _ arguments: [String], in folder: URL? = nil,
                  environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    nonisolated(unsafe) var errData = Data()
    let errRead = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        errRead.signal()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errRead.wait()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// How one run of the executable ended: a crash or a hang is an outcome to assert on, not
/// the end of the test run.
struct CommandOutcome {
    var status: Int32 = 0
    /// Killed by a signal (a crash), rather than exiting.
    var crashed = false
    /// Still running at the deadline, and stopped.
    var hung = false
    var out = ""
    var err = ""

    /// Finished on its own with exit status 0 or 1 (content errors).
    var endedNormally: Bool { !crashed && !hung && (status == 0 || status == 1) }
}

/// Runs `inspraak` with a deadline; output goes through files, so a large report cannot block it.
func runInspraak(_ arguments: [String], timeout: TimeInterval = 60) throws -> CommandOutcome {
    let folder = try temporaryFolder("run-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = inspraakExecutable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    var outcome = CommandOutcome()
    while process.isRunning {
        if Date() > deadline {
            outcome.hung = true
            process.terminate()
            break
        }
        Thread.sleep(forTimeInterval: 0.02)
    }
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    outcome.status = process.terminationStatus
    outcome.crashed = !outcome.hung && process.terminationReason == .uncaughtSignal
    outcome.out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    outcome.err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    return outcome
}
