//! Versioned schema. Each migration runs once, in order, inside a
//! transaction; `user_version` records how far a store has come.

use crate::StoreError;
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    // 1: documents with their findings, and a full-text index.
    "CREATE TABLE documents (
        hash TEXT PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        published TEXT,
        status TEXT NOT NULL,
        added_at TEXT NOT NULL,
        findings_version INTEGER NOT NULL,
        findings TEXT NOT NULL
     );
     CREATE VIRTUAL TABLE documents_fts USING fts5(title, body);",
];

pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if current > known {
        return Err(StoreError::TooNew {
            found: current,
            known,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
