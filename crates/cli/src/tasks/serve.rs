//! `crosscheck serve`: the web UI and JSON API over a store.

use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// The store to serve (see `crosscheck add`).
    #[arg(long, default_value = "crosscheck.db")]
    pub db: PathBuf,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Allow a non-loopback address (the server has no authentication).
    #[arg(long)]
    pub public: bool,
    /// How often to check the store for changes, in milliseconds.
    #[arg(long, default_value_t = 1000)]
    pub poll_ms: u64,
    /// Sentence-embeddings model directory for the cross-check (as in
    /// `brief --embeddings`); default $CROSSCHECK_EMBEDDINGS. Needs a build
    /// with `--features embeddings`.
    #[arg(long, value_name = "DIR")]
    pub embeddings: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    crosscheck_serve::check_addr(args.addr, args.public)?;
    let embedder = super::run::load_embeddings(args.embeddings.as_deref(), false)?;
    let compare = crosscheck_compare::CompareOptions {
        encoder: embedder.map(|e| e as std::sync::Arc<dyn crosscheck_compare::SentenceEncoder>),
        ..Default::default()
    };
    if !args.db.exists() {
        anyhow::bail!(
            "no store at {} (create one with `crosscheck add FILES --db {}`)",
            args.db.display(),
            args.db.display()
        );
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let local = listener.local_addr()?;
        let db = args.db.clone();
        let poll = Duration::from_millis(args.poll_ms.max(50));
        let state = tokio::task::spawn_blocking(move || {
            crosscheck_serve::AppState::open_with(&db, poll, compare)
        })
        .await
        .context("building the brief")?
        .with_context(|| format!("opening store {}", args.db.display()))?;
        eprintln!(
            "crosscheck: serving {} ({} documents) at http://{local}/",
            args.db.display(),
            state.documents_in_brief()
        );
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        crosscheck_serve::serve_with_shutdown(listener, state, shutdown).await?;
        Ok(())
    })
}
