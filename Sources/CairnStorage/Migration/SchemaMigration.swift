// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

/// One numbered change to the database schema.
///
/// Migrations are applied in order, each in its own transaction together with the row
/// that records it in `schema_migrations`. A migration, once released, never changes:
/// a fix is a new migration with the next number.
struct SchemaMigration: Sendable {
    /// The migration's number; the schema version after it has run.
    let version: Int
    /// A short kebab-case name, recorded for people reading the table.
    let name: String
    /// The SQL script to run.
    let sql: String
}
