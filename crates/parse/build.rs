//! Embeds `models/parse.ccm` when it exists, so the crate still builds
//! before a model has been trained.
use std::path::Path;

fn main() {
    println!("cargo:rustc-check-cfg=cfg(parse_builtin_model)");
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/parse.ccm");
    println!("cargo:rerun-if-changed={}", model.display());
    if model.exists() {
        println!("cargo:rustc-cfg=parse_builtin_model");
    }
}
