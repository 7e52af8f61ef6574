// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

public import CairnStorage

extension TemporaryDirectory {
    /// Opens an `SQLiteStore` on a database file inside the folder, creating it.
    ///
    /// - Parameters:
    ///   - name: The database file's name; open the same name again to reopen it.
    ///   - options: The store's options.
    /// - Returns: The migrated store.
    /// - Throws: `CairnStorageError` when the store cannot be opened.
    public func makeStore(
        named name: String = "cairn.db",
        options: SQLiteStore.Options = SQLiteStore.Options()
    ) throws -> SQLiteStore {
        try SQLiteStore(path: self.path(name), options: options)
    }
}
