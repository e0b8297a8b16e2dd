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

/// `turnus ARGS…` on a terminal of its own (util-linux `script` gives it a pseudo-terminal),
/// with `answers` typed at it one line at a time; everything the terminal showed comes back.
fn on_a_terminal(home: &std::path::Path, args: &[&str], answers: &[&str]) -> (Option<i32>, String) {
    use std::io::Write;
    let line = std::iter::once(env!("CARGO_BIN_EXE_turnus"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect::<Vec<_>>()
        .join(" ");
    let mut child = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("TURNUS_PASSWORD")
        .env_remove("TURNUS_NEW_PASSWORD")
        .env("TURNUS_DATA_DIR", home.join("data"))
        .env("TURNUS_CONFIG_DIR", home.join("config"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux script runs (Debian's bsdutils)");
    let mut stdin = child.stdin.take().expect("stdin");
    for answer in answers {
        // Each answer after the prompt has had time to turn echo off.
        std::thread::sleep(std::time::Duration::from_millis(700));
        writeln!(stdin, "{answer}").expect("typed");
    }
    let output = child.wait_with_output().expect("finished");
    let shown = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code(), shown)
}

#[test]
fn a_password_is_asked_at_the_terminal_twice_for_a_new_one_and_never_shown() {
    let home = std::env::temp_dir().join(format!("turnus-prompt-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).unwrap();
    let plan = home.join("plan.turnus");
    let plan_text = plan.to_string_lossy().into_owned();
    let made = turnus()
        .args(["demo", &plan_text])
        .env("TURNUS_DATA_DIR", home.join("data"))
        .env("TURNUS_CONFIG_DIR", home.join("config"))
        .output()
        .unwrap();
    assert_eq!(made.status.code(), Some(0), "{made:?}");

    let secret = "Fjellbekk-Sommer-1987";
    let (code, shown) = on_a_terminal(&home, &["password", "set", &plan_text], &[secret, secret]);
    assert_eq!(code, Some(0), "{shown}");
    assert!(shown.matches("assord").count() >= 2, "asked twice: {shown}");
    assert!(!shown.contains(secret), "typed without echo: {shown}");
    assert!(!std::fs::read(&plan)
        .unwrap()
        .starts_with(b"SQLite format 3\0"));

    // Opening it asks once; the wrong password is one sentence and exit 2.
    let (code, shown) = on_a_terminal(
        &home,
        &["holidays", &plan_text, "--year", "2026"],
        &["feil-passord"],
    );
    assert_eq!(code, Some(2), "{shown}");
    assert!(shown.contains("the password does not match"), "{shown}");
    let (code, shown) = on_a_terminal(
        &home,
        &["holidays", &plan_text, "--year", "2026"],
        &[secret],
    );
    assert_eq!(code, Some(0), "{shown}");
    assert!(shown.contains("Solveig Bråten"), "{shown}");
    assert!(!shown.contains(secret), "{shown}");
    let _ = std::fs::remove_dir_all(&home);
}
