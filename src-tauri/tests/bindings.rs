//! The TypeScript types in `ui/src/lib/bindings/` are generated from the Rust types that cross
//! IPC. This test fails when a committed file differs from what the Rust types generate now;
//! `make bindings` (which sets `TURNUS_WRITE_BINDINGS=1`) rewrites them.

use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};
use turnus_app::error::{ErrorCode, IpcError};
use turnus_app::overview::PlanOverview;

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

fn generated<T: TS + 'static>() -> (String, String) {
    let text = T::export_to_string(&Config::new())
        .unwrap_or_else(|e| panic!("{} cannot be exported: {e}", T::name(&Config::new())));
    (format!("{}.ts", T::name(&Config::new())), text)
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let files = [
        generated::<ErrorCode>(),
        generated::<IpcError>(),
        generated::<PlanOverview>(),
    ];
    let dir = bindings_dir();
    let write = std::env::var_os("TURNUS_WRITE_BINDINGS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, text) in files {
        let path = dir.join(&name);
        if write {
            std::fs::create_dir_all(&dir).expect("the bindings folder can be created");
            std::fs::write(&path, &text).expect("the bindings file can be written");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "these files in ui/src/lib/bindings are out of date with the Rust types: {stale:?}; run `make bindings` and commit the result"
    );
}
