import Synchronization

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The operating system's cryptographic random bytes, read 4 KiB at a time.
///
/// `SystemRandomNumberGenerator` makes one system call per eight bytes. A request and its answer
/// draw some 30 identifiers and two 32-byte secrets inside the write transaction, and those
/// system calls cost the single writer more than a third of the move's own SQL. The bytes come
/// from the same source (`/dev/urandom`, the kernel's generator behind getrandom); each is
/// handed out once.
enum SystemRandom {
    private static let pool = Mutex(Pool())

    private struct Pool: ~Copyable {
        static let size = 4096
        let device = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        var bytes = [UInt8](repeating: 0, count: size)
        var used = size

        /// Eight unused bytes, refilling the pool when it runs out.
        mutating func word() -> UInt64 {
            if used + 8 > Self.size { refill() }
            defer { used += 8 }
            return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: used, as: UInt64.self) }
        }

        private mutating func refill() {
            defer { used = 0 }
            if device >= 0, bytes.withUnsafeMutableBytes({ Self.fill($0, from: device) }) { return }
            // Without the device (a bare chroot), the standard generator: slower, as good.
            var generator = SystemRandomNumberGenerator()
            for offset in stride(from: 0, to: Self.size, by: 8) {
                let word = generator.next()
                bytes.withUnsafeMutableBytes { $0.storeBytes(of: word, toByteOffset: offset, as: UInt64.self) }
            }
        }

        private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from device: Int32) -> Bool {
            var filled = 0
            while filled < buffer.count {
                let count = read(device, buffer.baseAddress! + filled, buffer.count - filled)
                if count > 0 {
                    filled += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }

    static func word() -> UInt64 { pool.withLock { $0.word() } }
}

/// A `RandomNumberGenerator` over `SystemRandom`, for identifiers and secrets.
struct SystemRandomGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { SystemRandom.word() }
}
