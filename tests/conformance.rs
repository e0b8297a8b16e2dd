//! Rule cases: every file of `../shared/conformance/` (when that folder exists, as in CI) and
//! the project's own cases in `tests/cases/`, written from RULES.md.
//!
//! A case is a plan JSON file with four more keys: `name`, `description`, `expect` (findings
//! that must appear, compared on rule, severity, the set of assistants, start as an instant,
//! measured and limit) and `complete_for` (rules for which no other violation or warning may
//! appear).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use turnus::rules::{check, CheckOptions, Finding, Severity};
use turnus::time::Instant;

struct Expected {
    rule: String,
    severity: String,
    assistants: BTreeSet<String>,
    start: Instant,
    measured: i64,
    limit: i64,
}

impl Expected {
    fn matches(&self, f: &Finding) -> bool {
        f.rule.id() == self.rule
            && f.severity.key() == self.severity
            && f.assistants
                .iter()
                .map(|a| a.0.clone())
                .collect::<BTreeSet<_>>()
                == self.assistants
            && f.start == self.start
            && f.measured == self.measured
            && f.limit == self.limit
    }

    fn describe(&self) -> String {
        format!(
            "{} {} {:?} at {} measured {} limit {}",
            self.rule, self.severity, self.assistants, self.start, self.measured, self.limit
        )
    }
}

fn describe(f: &Finding) -> String {
    format!(
        "{} {} {:?} at {} measured {} limit {}",
        f.rule.id(),
        f.severity.key(),
        f.assistants
            .iter()
            .map(|a| a.0.as_str())
            .collect::<Vec<_>>(),
        f.start,
        f.measured,
        f.limit
    )
}

/// Run one case file; returns the problems found (empty when it passes).
fn run_case(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("a readable case file");
    let mut doc: Value = serde_json::from_str(&text).expect("a case is JSON");
    let top = doc.as_object_mut().expect("a case is an object");
    let expect = top.remove("expect").unwrap_or(Value::Array(vec![]));
    let complete: BTreeSet<String> = top
        .remove("complete_for")
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    top.remove("name");
    top.remove("description");
    let plan = match turnus::interchange::read_plan_value(doc) {
        Ok(plan) => plan,
        Err(e) => return vec![format!("the plan does not read: {e}")],
    };
    let expected: Vec<Expected> = expect
        .as_array()
        .expect("expect is a list")
        .iter()
        .map(|e| Expected {
            rule: e["rule"].as_str().expect("rule").to_string(),
            severity: e["severity"].as_str().expect("severity").to_string(),
            assistants: e["assistants"]
                .as_array()
                .expect("assistants")
                .iter()
                .map(|a| a.as_str().expect("an assistant id").to_string())
                .collect(),
            start: Instant::parse(e["start"].as_str().expect("start")).expect("a valid start"),
            measured: e["measured"].as_i64().expect("measured"),
            limit: e["limit"].as_i64().expect("limit"),
        })
        .collect();
    let report = check(&plan, &CheckOptions::default());
    let mut used = vec![false; report.findings.len()];
    let mut problems = Vec::new();
    for e in &expected {
        let hit = report
            .findings
            .iter()
            .enumerate()
            .position(|(i, f)| !used[i] && e.matches(f));
        match hit {
            Some(i) => used[i] = true,
            None => problems.push(format!("missing: {}", e.describe())),
        }
    }
    for (i, f) in report.findings.iter().enumerate() {
        let compared = f.severity != Severity::Info && complete.contains(f.rule.id());
        if compared && !used[i] {
            problems.push(format!("unexpected: {}", describe(f)));
        }
    }
    if !problems.is_empty() {
        problems.push(format!(
            "all findings: {:#?}",
            report.findings.iter().map(describe).collect::<Vec<_>>()
        ));
    }
    problems
}

fn case_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn run_all(dir: &Path) -> usize {
    let files = case_files(dir);
    let mut failures = Vec::new();
    for file in &files {
        let problems = run_case(file);
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", file.display(), problems.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases in {} failed:\n{}",
        failures.len(),
        files.len(),
        dir.display(),
        failures.join("\n")
    );
    files.len()
}

#[test]
fn shared_conformance_cases_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance");
    if !dir.is_dir() {
        eprintln!(
            "no shared conformance folder at {}; CI always has one",
            dir.display()
        );
        return;
    }
    let count = run_all(&dir);
    assert!(count > 0, "the shared conformance folder holds no cases");
}

#[test]
fn own_rule_cases_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let count = run_all(&dir);
    assert!(
        count >= 10,
        "the project's own rule cases are missing ({count} found)"
    );
}
