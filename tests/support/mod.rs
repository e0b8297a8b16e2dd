//! Shared by the command-line tests: run `turnus` in-process, as a user would from a terminal,
//! and capture what it prints and its exit code.

#![allow(dead_code)]

use std::ffi::OsString;
use std::path::PathBuf;

use turnus::cli::run_with;

/// What one run of `turnus` gave.
pub struct Outcome {
    pub code: i32,
    pub out: String,
    pub err: String,
}

/// Run `turnus ARGS…` and capture stdout, stderr and the exit code.
pub fn turnus(args: &[&str]) -> Outcome {
    let mut argv: Vec<OsString> = vec!["turnus".into()];
    argv.extend(args.iter().map(OsString::from));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run_with(argv, &mut out, &mut err);
    Outcome {
        code,
        out: String::from_utf8(out).expect("utf-8 output"),
        err: String::from_utf8(err).expect("utf-8 errors"),
    }
}

/// A fresh, empty temporary folder for one test, unique to this test process.
pub fn temp_dir(prefix: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{prefix}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}
