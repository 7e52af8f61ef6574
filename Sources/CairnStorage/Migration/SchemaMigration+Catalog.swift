// Cairn — a durable workflow engine for the Amazon States Language.
// SPDX-License-Identifier: Apache-2.0

// Conventions for every table:
// - Times are INTEGER milliseconds since 1970-01-01T00:00:00Z (UTC). They compare and
//   index as numbers; for people, `strftime('%Y-%m-%dT%H:%M:%fZ', t / 1000.0,
//   'unixepoch')` shows them as ISO 8601.
// - JSON is TEXT in compact form (`JSONValue.compactText`).
// - Status columns hold the AWS spelling and are checked in Swift, not with CHECK
//   constraints, so that a later migration can add a status without rebuilding a table.
//

extension SchemaMigration {
    /// Every migration this build knows, in order; the last one's number is the newest
    /// schema version this build can use.
    static let all: [SchemaMigration] = [executions, modelRegistry, workQueue, triggers]

    /// Executions, their history and their checkpoints.
    static let executions = SchemaMigration(
        version: 1,
        name: "executions-history-checkpoints",
        sql: """
            CREATE TABLE executions (
                id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                workflow_name TEXT NOT NULL,
                workflow_file_path TEXT,
                definition TEXT NOT NULL,
                definition_sha256 TEXT NOT NULL,
                status TEXT NOT NULL,
                input TEXT NOT NULL,
                output TEXT,
                error TEXT,
                cause TEXT,
                started_at INTEGER NOT NULL,
                stopped_at INTEGER,
                redrive_count INTEGER NOT NULL DEFAULT 0,
                parent_execution_id TEXT REFERENCES executions(id) ON DELETE SET NULL
            );
            CREATE INDEX executions_by_started_at ON executions(started_at);
            CREATE INDEX executions_by_status ON executions(status, started_at);
            CREATE INDEX executions_by_workflow ON executions(workflow_name, started_at);
            CREATE INDEX executions_by_parent ON executions(parent_execution_id);

            CREATE TABLE history_events (
                execution_id TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
                event_id INTEGER NOT NULL CHECK (event_id >= 1),
                previous_event_id INTEGER NOT NULL,
                timestamp INTEGER NOT NULL,
                type TEXT NOT NULL,
                details TEXT NOT NULL,
                PRIMARY KEY (execution_id, event_id)
            ) WITHOUT ROWID;

            CREATE TABLE checkpoints (
                execution_id TEXT NOT NULL PRIMARY KEY
                    REFERENCES executions(id) ON DELETE CASCADE,
                checkpoint TEXT NOT NULL
            ) WITHOUT ROWID;
            """
    )

    /// The model registry: models and their numbered versions.
    static let modelRegistry = SchemaMigration(
        version: 2,
        name: "model-registry",
        sql: """
            CREATE TABLE models (
                name TEXT NOT NULL PRIMARY KEY,
                latest_version INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL
            ) WITHOUT ROWID;

            -- execution_id is deliberately not a foreign key: a model version outlives
            -- the execution that produced it when old executions are cleaned up.
            CREATE TABLE model_versions (
                name TEXT NOT NULL REFERENCES models(name),
                version INTEGER NOT NULL CHECK (version >= 1),
                artifact_path TEXT NOT NULL,
                artifact_sha256 TEXT NOT NULL,
                metrics TEXT NOT NULL,
                parameters TEXT NOT NULL,
                execution_id TEXT,
                status TEXT NOT NULL,
                status_reason TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (name, version)
            ) WITHOUT ROWID;
            CREATE INDEX model_versions_by_execution ON model_versions(execution_id);
            """
    )

    /// The queue of ready and future work with leases, the inbox of requests from
    /// other processes, and unique execution names per workflow.
    static let workQueue = SchemaMigration(
        version: 3,
        name: "work-queue-inbox",
        sql: """
            CREATE TABLE work_items (
                execution_id TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
                item_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                payload TEXT NOT NULL,
                token TEXT,
                leases INTEGER NOT NULL DEFAULT 0,
                lease_owner TEXT,
                lease_expires_at INTEGER,
                PRIMARY KEY (execution_id, item_id)
            ) WITHOUT ROWID;
            CREATE INDEX work_items_by_due_at ON work_items(due_at) WHERE lease_owner IS NULL;
            CREATE INDEX work_items_by_owner ON work_items(lease_owner)
                WHERE lease_owner IS NOT NULL;
            CREATE UNIQUE INDEX work_items_by_token ON work_items(token) WHERE token IS NOT NULL;

            CREATE TABLE inbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                execution_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );

            CREATE UNIQUE INDEX executions_by_workflow_and_name
                ON executions(workflow_name, name);
            """
    )

    /// Triggers: their state (paused, last due time), the history of their
    /// fires, the file contents that fired, and the trigger of each execution.
    static let triggers = SchemaMigration(
        version: 4,
        name: "triggers",
        sql: """
            CREATE TABLE trigger_state (
                trigger_name TEXT NOT NULL PRIMARY KEY,
                paused INTEGER NOT NULL DEFAULT 0,
                last_due_at INTEGER,
                updated_at INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE trigger_fires (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                trigger_name TEXT NOT NULL,
                fired_at INTEGER NOT NULL,
                due_at INTEGER,
                execution_id TEXT,
                outcome TEXT NOT NULL,
                detail TEXT NOT NULL
            );
            CREATE INDEX trigger_fires_by_trigger ON trigger_fires(trigger_name, id);

            CREATE TABLE file_drops (
                trigger_name TEXT NOT NULL,
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size INTEGER NOT NULL,
                modified_at INTEGER NOT NULL,
                execution_id TEXT,
                PRIMARY KEY (trigger_name, path, sha256)
            ) WITHOUT ROWID;

            ALTER TABLE executions ADD COLUMN trigger_name TEXT;
            ALTER TABLE executions ADD COLUMN trigger_due_at INTEGER;
            """
    )
}
