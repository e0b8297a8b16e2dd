//! The `turnus` command line: `check`, `hours` and `demo`.
//!
//! This is the imperative shell around the core: it reads files, reads the clock for "today",
//! prints, and turns every failure into one line on stderr and an exit code.

use std::ffi::OsString;

use clap::{Parser, Subcommand};

/// Exit code: success, no violations.
pub const EXIT_OK: i32 = 0;
/// Exit code: the plan breaks at least one rule.
pub const EXIT_VIOLATIONS: i32 = 1;
/// Exit code: the input could not be used.
pub const EXIT_INPUT: i32 = 2;

#[derive(Parser, Debug)]
#[command(name = "turnus", version, about = "Turnus: turnus og lovsjekk for BPA")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Sjekk en plan mot arbeidstidsreglene
    Check { plan: std::path::PathBuf },
}

/// Run the command line with `args` (the first is the program name); returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    match Cli::try_parse_from(args) {
        Ok(cli) => match cli.command {
            Command::Check { plan } => {
                eprintln!("turnus: cannot check {} yet", plan.display());
                EXIT_INPUT
            }
        },
        Err(e) => {
            let _ = e.print();
            if e.use_stderr() {
                EXIT_INPUT
            } else {
                EXIT_OK
            }
        }
    }
}
