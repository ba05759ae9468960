import Foundation

/// A system command run to its end, such as `mount` for a test that needs a small file system.
public enum Command {
    /// Whether `executable` ran and exited with 0. Its output is read and dropped.
    public static func succeeds(_ executable: String, _ arguments: [String]) -> Bool {
        guard let child = try? ChildProcess(executable, arguments) else { return false }
        try? child.input.close()
        _ = try? child.output.readToEnd()
        return child.wait() == 0
    }
}
