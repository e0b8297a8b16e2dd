//! The commands the UI may call are those of docs/ipc.md: this test fails when a command of
//! its table is not registered with Tauri in src/lib.rs, or when a command module holds a
//! command that is not registered (a command the UI could never reach).

use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()))
}

/// The command names of the table under "## Commands" in docs/ipc.md.
fn contract() -> Vec<String> {
    let doc = read("../docs/ipc.md");
    let table = doc
        .split("## Commands")
        .nth(1)
        .expect("docs/ipc.md has a section «## Commands»");
    table
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('|').nth(1))
        .flat_map(|cell| cell.split('/'))
        .map(|name| name.trim().trim_matches('`').to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The names in `generate_handler![…]` of src/lib.rs.
fn registered() -> Vec<String> {
    let lib = read("src/lib.rs");
    let list = lib
        .split("generate_handler![")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("src/lib.rs registers its commands with generate_handler!");
    list.split(',')
        .map(|entry| entry.trim().rsplit("::").next().unwrap_or("").to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn every_command_of_the_ipc_contract_is_registered() {
    let registered = registered();
    let contract = contract();
    assert!(
        contract.len() > 20,
        "the contract's table was read: {contract:?}"
    );
    let missing: Vec<&String> = contract
        .iter()
        .filter(|c| !registered.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/ipc.md promises these commands, but src/lib.rs does not register them: {missing:?}"
    );
}

#[test]
fn every_command_written_in_a_command_module_is_registered() {
    let registered = registered();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut unregistered = Vec::new();
    for entry in std::fs::read_dir(&dir)
        .expect("src/commands exists")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).expect("a command module is readable");
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if !line.trim_start().starts_with("#[tauri::command") {
                continue;
            }
            let Some(signature) = lines.next() else { break };
            let name = signature
                .trim()
                .trim_start_matches("pub ")
                .trim_start_matches("async ")
                .trim_start_matches("fn ")
                .split('(')
                .next()
                .unwrap_or("")
                .to_string();
            if !registered.contains(&name) {
                unregistered.push(name);
            }
        }
    }
    assert!(
        unregistered.is_empty(),
        "these commands are written but the UI cannot call them: {unregistered:?}"
    );
}
