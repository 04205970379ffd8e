extension PostgresConnection {
    /// `compute()`'s value, read once per transaction: inside `transaction` the first call
    /// computes and the next ones with the same `key` get that value until the transaction ends;
    /// outside a transaction it always computes.
    ///
    /// For reads a transaction repeats (a consumer batch looks up the same institution for each
    /// of its messages). Whoever writes what a key stands for in the same transaction calls
    /// `forget(_:)`, so the transaction reads its own write.
    public func memoized<T: Sendable>(_ key: String, _ compute: () throws -> T) rethrows -> T {
        // Unwrapped step by step: a missing key must not read as a remembered nil when T is optional.
        if let memo = transactionMemo, let stored = memo[key], let value = stored as? T { return value }
        let value = try compute()
        transactionMemo?[key] = value // nothing outside a transaction
        return value
    }

    /// Drops what `memoized` remembers under `key` in this transaction.
    public func forget(_ key: String) {
        transactionMemo?[key] = nil
    }
}
