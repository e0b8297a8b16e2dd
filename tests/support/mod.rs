//! Shared by the command-line tests: run `turnus` in-process, as a user would from a terminal,
//! and capture what it prints and its exit code.

#![allow(dead_code)]

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Once;

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

static HOME: Once = Once::new();

/// Run `turnus ARGS…` with backups and config kept in a fresh folder named after `home`, "today"
/// 1 June 2026, and `extra` environment settings (such as the user's name). The first call of
/// a test program sets them up; every test of that program shares them.
pub fn turnus_at_home(home: &str, extra: &[(&str, &str)], args: &[&str]) -> Outcome {
    HOME.call_once(|| {
        let root = std::env::temp_dir().join(format!("{home}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::env::set_var("TURNUS_DATA_DIR", root.join("data"));
        std::env::set_var("TURNUS_CONFIG_DIR", root.join("config"));
        std::env::set_var("TURNUS_TODAY", "2026-06-01");
        for (key, value) in extra {
            std::env::set_var(key, value);
        }
    });
    turnus(args)
}
