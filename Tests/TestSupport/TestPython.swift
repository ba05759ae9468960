import Foundation

/// The Python the tests drive (aiosmtpd, icalendar): `SESSIONDESK_TEST_PYTHON` (`scripts/test.sh`
/// sets it) or the project's `.build-python`, made by `scripts/python-env.sh`.
public enum TestPython {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func executable() throws -> String {
        if let python = ProcessInfo.processInfo.environment["SESSIONDESK_TEST_PYTHON"], !python.isEmpty { return python }
        let local = projectRoot + "/.build-python/bin/python"
        guard FileManager.default.isExecutableFile(atPath: local) else {
            throw TestPythonError(
                description: "no Python with the test tools: run scripts/python-env.sh (make test does) or set SESSIONDESK_TEST_PYTHON")
        }
        return local
    }

    /// Runs `Tests/<script>` with `arguments` and returns what it printed; throws if it failed.
    public static func run(_ script: String, _ arguments: [String]) throws -> String {
        let process = try ChildProcess(try executable(), [projectRoot + "/Tests/" + script] + arguments)
        try process.input.close()
        let data = process.output.readDataToEndOfFile()
        let status = process.wait()
        guard status == 0 else { throw TestPythonError(description: "\(script) failed with status \(status) (its error is above)") }
        return String(decoding: data, as: UTF8.self)
    }
}

public struct TestPythonError: Error, CustomStringConvertible {
    public let description: String
}
