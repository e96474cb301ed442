//! The embedded store behind `crosscheck add`, `brief --db` and `serve`.
//!
//! Each document is kept with its per-document findings, keyed by a hash of
//! its text, so adding the same article twice is a no-op and a later brief
//! only reruns the cross-document stages. Every add is one transaction: an
//! interrupted add leaves the store as it was.

mod schema;

use crosscheck_doc::Document;
use crosscheck_pipeline::{Findings, FINDINGS_VERSION};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("stored findings of {id} are unreadable: {source}")]
    Corrupt {
        id: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot encode findings of {id}: {source}")]
    Encode {
        id: String,
        #[source]
        source: serde_json::Error,
    },
    #[error(
        "the store was written by a newer crosscheck (schema {found}, this build knows {known})"
    )]
    TooNew { found: i64, known: i64 },
}

/// Content key of a document: SHA-256 of its text.
pub fn content_hash(doc: &Document) -> String {
    let d = Sha256::digest(doc.text().as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// One stored document, as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub id: String,
    pub hash: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub status: String,
    pub added_at: String,
}

/// A full-text search hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    /// Text around the match; matched terms wrapped in \u{2} … \u{3}
    /// (control characters no document can contain after rendering), so the
    /// caller escapes the text first and then marks the matches.
    pub snippet: String,
}

/// What an add did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AddReport {
    pub added: Vec<String>,
    pub already_stored: Vec<String>,
}

pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating and migrating as needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        Self::init(conn)
    }

    /// An in-memory store (tests, one-off runs).
    pub fn in_memory() -> Result<Store, StoreError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut s = Store { conn };
        schema::migrate(&mut s.conn)?;
        Ok(s)
    }

    /// True if a document with this text is stored.
    pub fn contains_hash(&self, hash: &str) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM documents WHERE hash = ?1",
            [hash],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// Stores analysed documents in one transaction. Documents whose text is
    /// already stored are skipped; a new document whose id is taken gets a
    /// `~N` suffix.
    pub fn add(&mut self, findings: &[Findings]) -> Result<AddReport, StoreError> {
        let tx = self.conn.transaction()?;
        let mut report = AddReport::default();
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        for f in findings {
            let hash = content_hash(&f.doc);
            let exists: Option<String> = tx
                .query_row("SELECT id FROM documents WHERE hash = ?1", [&hash], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(id) = exists {
                report.already_stored.push(id);
                continue;
            }
            let mut id = f.doc.id.clone();
            let mut n = 2;
            while tx
                .query_row("SELECT 1 FROM documents WHERE id = ?1", [&id], |r| {
                    r.get::<_, i64>(0)
                })
                .optional()?
                .is_some()
            {
                id = format!("{}~{n}", f.doc.id);
                n += 1;
            }
            let mut stored = f.clone();
            if stored.doc.id != id {
                rename(&mut stored, &id);
            }
            let json = serde_json::to_string(&stored).map_err(|source| StoreError::Encode {
                id: id.clone(),
                source,
            })?;
            let status = match stored.doc.status {
                crosscheck_doc::DocStatus::Analyzed => "analyzed",
                crosscheck_doc::DocStatus::Skipped => "skipped",
            };
            tx.execute(
                "INSERT INTO documents (hash, id, title, published, status, added_at, findings_version, findings)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    hash,
                    id,
                    stored.doc.meta.title,
                    stored.doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
                    status,
                    now,
                    FINDINGS_VERSION,
                    json
                ],
            )?;
            let rowid = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO documents_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
                params![
                    rowid,
                    stored.doc.meta.title.clone().unwrap_or_default(),
                    stored.doc.text()
                ],
            )?;
            report.added.push(id);
        }
        tx.commit()?;
        Ok(report)
    }

    /// Every stored document's findings, in the order they were added.
    pub fn load_all(&self) -> Result<Vec<Findings>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, findings FROM documents ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push(
                serde_json::from_str(&json).map_err(|source| StoreError::Corrupt { id, source })?,
            );
        }
        Ok(out)
    }

    /// Ids of documents whose findings were made by another analysis version.
    pub fn stale(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM documents WHERE findings_version != ?1 ORDER BY rowid")?;
        let rows = stmt.query_map([FINDINGS_VERSION], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Replaces the findings of a stored document (after re-analysis).
    pub fn update_findings(&mut self, f: &Findings) -> Result<(), StoreError> {
        let json = serde_json::to_string(f).map_err(|source| StoreError::Encode {
            id: f.doc.id.clone(),
            source,
        })?;
        self.conn.execute(
            "UPDATE documents SET findings = ?1, findings_version = ?2 WHERE id = ?3",
            params![json, FINDINGS_VERSION, f.doc.id],
        )?;
        Ok(())
    }

    /// One stored document's findings.
    pub fn get(&self, id: &str) -> Result<Option<Findings>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT findings FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match json {
            None => Ok(None),
            Some(j) => serde_json::from_str(&j)
                .map(Some)
                .map_err(|source| StoreError::Corrupt {
                    id: id.to_string(),
                    source,
                }),
        }
    }

    /// Stored documents, in the order they were added.
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, hash, title, published, status, added_at FROM documents ORDER BY rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Listed {
                id: r.get(0)?,
                hash: r.get(1)?,
                title: r.get(2)?,
                published: r.get(3)?,
                status: r.get(4)?,
                added_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Full-text search over titles and texts. The query is treated as plain
    /// words (each quoted), never as FTS syntax.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let terms: Vec<String> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(16)
            .map(|w| format!("\"{w}\""))
            .collect();
        if terms.is_empty() {
            return Ok(vec![]);
        }
        let fts = terms.join(" ");
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.title, snippet(documents_fts, 1, char(2), char(3), '…', 24)
             FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
             WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![fts, limit as i64], |r| {
            Ok(Hit {
                id: r.get(0)?,
                title: r.get(1)?,
                snippet: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A cheap value that changes whenever documents are added or their
    /// findings updated: (count, max rowid, SQLite `data_version`, which moves
    /// when another connection commits). Compare values from one `Store` only.
    pub fn fingerprint(&self) -> Result<(i64, i64, i64), StoreError> {
        let (n, max): (i64, i64) = self.conn.query_row(
            "SELECT COUNT(*), COALESCE(MAX(rowid), 0) FROM documents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let v: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok((n, max, v))
    }

    /// SQLite's own consistency check ("ok" when sound).
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// Gives stored findings a new document id (and rewrites the ids that embed it).
fn rename(f: &mut Findings, id: &str) {
    let old = f.doc.id.clone();
    f.doc.id = id.to_string();
    for t in &mut f.time_expressions {
        t.doc = id.to_string();
    }
    for q in &mut f.quotes {
        q.doc = id.to_string();
    }
    for c in &mut f.claims {
        c.doc = id.to_string();
        if let Some(rest) = c.id.strip_prefix(&old) {
            c.id = format!("{id}{rest}");
        }
    }
    for q in &mut f.quantities {
        q.doc = id.to_string();
        if let Some(c) = &mut q.claim {
            if let Some(rest) = c.strip_prefix(&old) {
                *c = format!("{id}{rest}");
            }
        }
    }
}

#[cfg(test)]
mod tests;
