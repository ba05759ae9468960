import Foundation

/// Opened once the database is migrated (and seeded): background services wait here so that they
/// never touch a schema that is still being created. A waiting task that is cancelled (the server
/// shutting down before it started) stops waiting.
public actor StartupGate {
    private var isOpen = false
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    private var cancelled: Set<UUID> = []

    public init() {}

    public func open() {
        isOpen = true
        for waiter in waiters.values { waiter.resume() }
        waiters.removeAll()
    }

    public func wait() async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                if isOpen || cancelled.remove(id) != nil {
                    continuation.resume()
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.stopWaiting(id) }
        }
    }

    private func stopWaiting(_ id: UUID) {
        if let waiter = waiters.removeValue(forKey: id) {
            waiter.resume()
        } else {
            cancelled.insert(id)
        }
    }
}
