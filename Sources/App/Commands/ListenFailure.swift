import NIOCore

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Why `serve` could not listen where it was told to, as a sentence that names the setting.
enum ListenFailure {
    static func explain(_ error: any Error, hostname: String, port: Int) -> any Error {
        let fix = "choose another with --hostname/--port (or SESSIONDESK_HTTP_HOSTNAME/SESSIONDESK_HTTP_PORT)"
        if let error = error as? IOError {
            switch error.errnoCode {
            case EADDRINUSE: return ConfigurationError("Port \(port) on \(hostname) is already in use by another program: stop it, or \(fix).")
            case EACCES: return ConfigurationError("This user may not listen on port \(port) (below 1024 needs privileges): \(fix).")
            case EADDRNOTAVAIL: return ConfigurationError("\(hostname) is not an address of this machine: \(fix).")
            default: return error
            }
        }
        if error is SocketAddressError {
            return ConfigurationError("The address \(hostname) cannot be resolved to listen on: \(fix).")
        }
        return error
    }
}
