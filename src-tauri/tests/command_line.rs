//! The `turnus` binary hands every call with arguments to the core's command line, without
//! opening a window (these tests run with no display at all).

use std::process::Command;

fn turnus() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_turnus"));
    command.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    command
}

#[test]
fn version_flag_prints_the_version_and_exits_zero() {
    let output = turnus().arg("--version").output().expect("the binary runs");
    assert_eq!(output.status.code(), Some(0), "--version is a success");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("turnus "),
        "the core's command line answered, not the window: {stdout:?}"
    );
}

#[test]
fn unknown_subcommand_is_an_input_error_with_exit_code_two() {
    let output = turnus()
        .arg("no-such-command")
        .output()
        .expect("the binary runs");
    assert_eq!(
        output.status.code(),
        Some(2),
        "exit code 2 means the input could not be used"
    );
    assert!(!output.stderr.is_empty(), "the reason is written to stderr");
}
