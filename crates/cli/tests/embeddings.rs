//! `brief --embeddings DIR` (and `serve --embeddings`) in both builds: refused clearly without the
//! `embeddings` feature; with it, run on the example corpus when
//! CROSSCHECK_TEST_EMBEDDINGS names a model directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kestrel-bay")
}

fn brief(extra: &[&str], env: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.arg("brief").arg(example()).args(extra);
    c.env_remove("CROSSCHECK_EMBEDDINGS");
    if let Some(v) = env {
        c.env("CROSSCHECK_EMBEDDINGS", v);
    }
    c.output().expect("run crosscheck")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[cfg(not(feature = "embeddings"))]
#[test]
fn lean_build_refuses_the_flag() {
    let o = brief(&["--embeddings", "/no/such/model", "--quiet"], None);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("--features embeddings"), "{e}");
}

fn serve(extra: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.arg("serve")
        .args(["--db", "/no/such/store.db", "--addr", "127.0.0.1:0"])
        .args(extra);
    c.env_remove("CROSSCHECK_EMBEDDINGS");
    c.output().expect("run crosscheck")
}

#[cfg(not(feature = "embeddings"))]
#[test]
fn lean_build_refuses_the_flag_in_serve() {
    let o = serve(&["--embeddings", "/no/such/model"]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("--features embeddings"), "{e}");
}

#[cfg(feature = "embeddings")]
#[test]
fn serve_names_a_missing_model_directory() {
    let o = serve(&["--embeddings", "/no/such/model"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("/no/such/model"), "{}", stderr(&o));
}

#[cfg(not(feature = "embeddings"))]
#[test]
fn lean_build_ignores_the_variable_with_a_warning() {
    let o = brief(&[], Some("/no/such/model"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("CROSSCHECK_EMBEDDINGS ignored"));
    let quiet = brief(&["--quiet"], Some("/no/such/model"));
    assert!(quiet.status.success());
    assert!(!stderr(&quiet).contains("CROSSCHECK_EMBEDDINGS"));
}

#[cfg(feature = "embeddings")]
#[test]
fn a_missing_model_directory_is_an_error() {
    let o = brief(&["--embeddings", "/no/such/model", "--quiet"], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("/no/such/model"), "{}", stderr(&o));
}

#[cfg(feature = "embeddings")]
#[test]
fn brief_with_embeddings() {
    let Some(dir) = std::env::var_os("CROSSCHECK_TEST_EMBEDDINGS") else {
        eprintln!("skipping: set CROSSCHECK_TEST_EMBEDDINGS to a model directory");
        return;
    };
    let dir = dir.to_string_lossy().to_string();
    for o in [brief(&["--embeddings", &dir], None), brief(&[], Some(&dir))] {
        let e = stderr(&o);
        assert!(o.status.success(), "{e}");
        assert!(e.contains("sentences/s"), "{e}");
        let b: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON brief");
        assert!(!b["propositions"].as_array().unwrap().is_empty());
    }
}
