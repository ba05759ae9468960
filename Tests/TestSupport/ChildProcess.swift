import Foundation
import Glibc
import Synchronization

/// A program the tests run beside them (the Python SMTP server, checks in Python), started with
/// `posix_spawn`, its standard input and output on pipes.
///
/// Not Foundation's `Process`: on Linux its `run()` lists `/proc/self/fd` by copying whole
/// `dirent` records and now and then reads past the end of a buffer, which killed the test
/// process with a segmentation fault (swift-corelibs-foundation#5472, fixed after Swift 6.3.1).
/// Every pipe end is close-on-exec, so no other child inherits one and keeps a pipe open.
final class ChildProcess: Sendable {
    private let pid: pid_t
    /// Writing to it feeds the child's standard input; closing it ends that input.
    let input: FileHandle
    /// The child's standard output.
    let output: FileHandle

    init(_ executable: String, _ arguments: [String]) throws {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The pipes are made close-on-exec in two steps (Glibc's pipe2 is not visible to Swift);
        // the lock keeps another test's child from being spawned in between and inheriting them.
        let (pid, stdin, stdout) = try Self.spawning.withLock { _ in
            let stdin = try Self.pipe()
            let stdout: (read: Int32, write: Int32)
            do {
                stdout = try Self.pipe()
            } catch {
                close(stdin.read)
                close(stdin.write)
                throw error
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            // dup2 leaves the copies at 0 and 1 open across exec; the originals close with it.
            posix_spawn_file_actions_adddup2(&actions, stdin.read, 0)
            posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
            var pid: pid_t = 0
            let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            close(stdin.read)
            close(stdout.write)
            guard status == 0 else {
                close(stdin.write)
                close(stdout.read)
                throw ChildProcessError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
            }
            return (pid, stdin, stdout)
        }
        self.pid = pid
        input = FileHandle(fileDescriptor: stdin.write, closeOnDealloc: true)
        output = FileHandle(fileDescriptor: stdout.read, closeOnDealloc: true)
    }

    /// Waits for the child to end and returns its exit status (128 + the signal if one ended it).
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    func terminate() { kill(pid, SIGTERM) }

    private static let spawning = Mutex(())

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw ChildProcessError(description: "cannot make a pipe: \(String(cString: strerror(errno)))") }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return (ends[0], ends[1])
    }
}

struct ChildProcessError: Error, CustomStringConvertible {
    let description: String
}
