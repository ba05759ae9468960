/// A fixed set of resources lent out one borrower at a time, first come first served.
///
/// A pool of one is the SQLite writer: transactions queue here instead of spinning on
/// `SQLITE_BUSY`, which keeps latency flat under concurrent writes.
actor AsyncPool<Resource: Sendable> {
    private var idle: [Resource]
    private var waiters: [CheckedContinuation<Resource, Never>] = []
    private var waiterHead = 0

    init(_ resources: [Resource]) { idle = resources }

    func borrow() async -> Resource {
        if let resource = idle.popLast() { return resource }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func giveBack(_ resource: Resource) {
        guard waiterHead < waiters.count else {
            idle.append(resource)
            return
        }
        let waiter = waiters[waiterHead]
        waiterHead += 1
        if waiterHead == waiters.count {
            waiters.removeAll(keepingCapacity: true)
            waiterHead = 0
        }
        waiter.resume(returning: resource)
    }

    /// Takes every resource back, waiting for borrowers to return them.
    func drain(count: Int) async -> [Resource] {
        var all: [Resource] = []
        for _ in 0..<count { all.append(await borrow()) }
        return all
    }

    /// Lends a resource for the duration of `body`, and always takes it back.
    nonisolated func with<T: Sendable>(_ body: (Resource) async throws -> T) async throws -> T {
        let resource = await borrow()
        do {
            let result = try await body(resource)
            await giveBack(resource)
            return result
        } catch {
            await giveBack(resource)
            throw error
        }
    }
}
