//! The commands the UI may call are those of docs/ipc.md, and the shell answers exactly the
//! core's command table: this test fails when the docs promise a command the table lacks, or
//! when the table holds a command the docs do not describe. Registration itself cannot drift:
//! the shell's one invoke handler serves every entry of the table by name.

use std::collections::BTreeSet;
use std::path::Path;

use turnus::session::commands::COMMANDS;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()))
}

/// The command names of the table under "## Commands" in docs/ipc.md.
fn contract() -> BTreeSet<String> {
    let doc = read("../docs/ipc.md");
    let table = doc
        .split("## Commands")
        .nth(1)
        .expect("docs/ipc.md has a section «## Commands»");
    table
        .lines()
        .take_while(|l| !l.starts_with("## ") || l.starts_with("## Commands"))
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('|').nth(1))
        .flat_map(|cell| cell.split('/'))
        .map(|name| name.trim().trim_matches('`').to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

fn table() -> BTreeSet<String> {
    COMMANDS.iter().map(|c| c.name.to_string()).collect()
}

#[test]
fn every_command_of_the_ipc_contract_is_in_the_command_table() {
    let contract = contract();
    assert!(
        contract.len() > 20,
        "the contract's table was read: {contract:?}"
    );
    let table = table();
    let missing: Vec<&String> = contract.difference(&table).collect();
    assert!(
        missing.is_empty(),
        "docs/ipc.md promises these commands, but the core's command table lacks them: {missing:?}"
    );
}

#[test]
fn every_command_of_the_table_is_described_in_the_ipc_contract() {
    let table = table();
    let contract = contract();
    let undocumented: Vec<&String> = table.difference(&contract).collect();
    assert!(
        undocumented.is_empty(),
        "the command table serves these commands, but docs/ipc.md does not describe them: {undocumented:?}"
    );
}

#[test]
fn the_shell_registers_the_table_and_no_command_of_its_own() {
    let lib = read("src/lib.rs");
    assert!(
        lib.contains(".invoke_handler(commands::handle)"),
        "src/lib.rs hands every invoke to the table's adapter"
    );
    assert!(
        !lib.contains("generate_handler!"),
        "a command registered beside the table would be a second declaration"
    );
}
