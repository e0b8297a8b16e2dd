//! The TypeScript types in `ui/src/lib/bindings/` are generated from the Rust types that cross
//! IPC, found from the core's command table. This test fails when a committed file differs from what the Rust types generate now,
//! or when a file there no longer belongs to any type; `make bindings` (which sets
//! `TURNUS_WRITE_BINDINGS=1`) rewrites them.

use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};
use turnus::session::*;

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings")
}

fn generated<T: TS + 'static>() -> (String, String) {
    let text = T::export_to_string(&Config::new())
        .unwrap_or_else(|e| panic!("{} cannot be exported: {e}", T::name(&Config::new())));
    (format!("{}.ts", T::name(&Config::new())), text)
}

/// Every type that crosses IPC: what the command table's arguments and answers need (found
/// from the table, so a new command brings its types along), the error, and `Commands.ts`,
/// which types the UI's one `call` by the table.
fn all() -> Vec<(String, String)> {
    let cfg = Config::new();
    let mut files = vec![generated::<ErrorCode>(), generated::<IpcError>()];
    for command in commands::COMMANDS {
        for file in (command.bindings)(&cfg).files {
            if !files.iter().any(|(name, _)| *name == file.0) {
                files.push(file);
            }
        }
    }
    files.push(("Commands.ts".to_string(), commands::commands_ts(&cfg)));
    files
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let files = all();
    let dir = bindings_dir();
    let write = std::env::var_os("TURNUS_WRITE_BINDINGS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, text) in &files {
        let path = dir.join(name);
        if write {
            std::fs::create_dir_all(&dir).expect("the bindings folder can be created");
            std::fs::write(&path, text).expect("the bindings file can be written");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let known: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let entries = std::fs::read_dir(&dir).expect("the bindings folder exists");
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".ts") && !known.contains(&name.as_str()) {
            if write {
                std::fs::remove_file(entry.path()).expect("a stale bindings file can be removed");
            } else {
                stale.push(name);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "these files in ui/src/lib/bindings are out of date with the Rust types: {stale:?}; run `make bindings` and commit the result"
    );
}

#[test]
fn every_type_a_binding_imports_is_generated_too() {
    let files = all();
    let known: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    for (name, text) in &files {
        for line in text.lines().filter(|l| l.starts_with("import type")) {
            let Some(target) = line.split(['"', '\'']).nth(1) else {
                continue;
            };
            let file = format!("{}.ts", target.trim_start_matches("./"));
            assert!(
                known.contains(&file.as_str()),
                "{name} imports {file}, which the bindings test does not generate; every type a command needs should be reachable from the table"
            );
        }
    }
}
