//! `turnus export pdf`, `turnus export ics` and `turnus import-busy` as a user meets them:
//! files written, exit codes, and one-line errors.

mod support;

use std::path::PathBuf;

use support::turnus;
use turnus::cli::{EXIT_INPUT, EXIT_OK};

fn temp_dir(name: &str) -> PathBuf {
    support::temp_dir("turnus-export-cli", name)
}

const PLAN: &str = r#"{"format": "turnus-plan", "version": 1,
  "settings": {"name": "Testplan", "arbeidsleder": "Ragnhild Aasen"},
  "assistants": [{"id": "A", "name": "Kari Nordmann"}, {"id": "B", "name": "Áilu Čoalbmi"}],
  "shifts": [
    {"id": "s1", "assistant": "A", "start": "2030-06-10T08:00", "end": "2030-06-10T16:00"},
    {"id": "s2", "assistant": "B", "start": "2030-06-11T08:00", "end": "2030-06-11T16:00"}]}"#;

fn plan_file(dir: &std::path::Path) -> String {
    let path = dir.join("plan.json");
    std::fs::write(&path, PLAN).expect("write plan");
    path.to_string_lossy().into_owned()
}

#[test]
fn export_pdf_writes_a_pdf() {
    let dir = temp_dir("pdf");
    let plan = plan_file(&dir);
    let out = dir.join("turnus.pdf");
    let o = turnus(&[
        "export",
        "pdf",
        "--kind",
        "turnusplan",
        &plan,
        "--from",
        "2030-06-10",
        "--to",
        "2030-06-16",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    let bytes = std::fs::read(&out).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    assert!(o.out.contains("Turnusplan"), "{}", o.out);
}

#[test]
fn export_pdf_of_an_arbeidsplan_without_assistant_is_one_clear_line() {
    let dir = temp_dir("noassistant");
    let plan = plan_file(&dir);
    let out = dir.join("a.pdf");
    let o = turnus(&[
        "export",
        "pdf",
        "--kind",
        "arbeidsplan",
        &plan,
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.code, EXIT_INPUT, "missing input is exit 2");
    assert_eq!(o.err.lines().count(), 1, "one line: {}", o.err);
    assert!(o.err.starts_with("turnus: --assistant"), "{}", o.err);
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn export_ics_to_a_folder_writes_every_assistants_calendar() {
    let dir = temp_dir("ics");
    let plan = plan_file(&dir);
    let folder = dir.join("kalendere");
    std::fs::create_dir_all(&folder).expect("folder");
    let o = turnus(&["export", "ics", &plan, "-o", &folder.to_string_lossy()]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(
        folder.join("Kari-Nordmann-A.ics").exists(),
        "Kari's calendar"
    );
    assert!(
        folder.join("Áilu-Čoalbmi-B.ics").exists(),
        "Áilu's calendar"
    );
    assert!(
        folder.join(".turnus-kalender.json").exists(),
        "the export state"
    );
}

#[test]
fn export_ics_of_one_assistant_writes_one_file_and_its_state() {
    let dir = temp_dir("ics1");
    let plan = plan_file(&dir);
    let out = dir.join("kari.ics");
    let o = turnus(&[
        "export",
        "ics",
        &plan,
        "--assistant",
        "A",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(
        text.contains("UID:s1@turnus") && !text.contains("UID:s2@turnus"),
        "{text}"
    );
    assert!(
        dir.join(".kari.ics.turnus.json").exists(),
        "the state beside the file"
    );
}

#[test]
fn import_busy_adds_busy_time_to_the_plan() {
    let dir = temp_dir("busy");
    let plan = plan_file(&dir);
    let ics = dir.join("jobb.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:j1\r\nSUMMARY:Sykehjem\r\n\
         DTSTART:20260610T060000Z\r\nDTEND:20260610T140000Z\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:j2\r\nSUMMARY:Ferie\r\nDTSTART;VALUE=DATE:20260701\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n",
    )
    .expect("write ics");
    let o = turnus(&[
        "import-busy",
        &plan,
        "--assistant",
        "A",
        &ics.to_string_lossy(),
    ]);
    assert_eq!(o.code, EXIT_OK, "{}", o.err);
    assert!(o.out.contains("1 hendelse fra"), "{}", o.out);
    assert!(
        o.out.contains("Hoppet over «Ferie»"),
        "skipped events are told: {}",
        o.out
    );
    let text = std::fs::read_to_string(&plan).expect("plan written back");
    let plan = turnus::interchange::read_plan(&text).expect("still a valid plan");
    assert_eq!(plan.busy.len(), 1, "the busy time is in the plan");
    assert_eq!(
        plan.busy[0].id, "A:jobb.ics:j1",
        "the event's UID, kept apart from other assistants and calendars"
    );

    let again = turnus(&[
        "import-busy",
        &dir.join("plan.json").to_string_lossy(),
        "--assistant",
        "A",
        &ics.to_string_lossy(),
    ]);
    assert_eq!(again.code, EXIT_OK);
    let text = std::fs::read_to_string(dir.join("plan.json")).expect("plan");
    let plan = turnus::interchange::read_plan(&text).expect("valid");
    assert_eq!(
        plan.busy.len(),
        1,
        "importing the same calendar again replaces, not doubles"
    );
}

#[test]
fn import_busy_of_a_broken_calendar_changes_nothing() {
    let dir = temp_dir("broken");
    let plan = plan_file(&dir);
    let ics = dir.join("broken.ics");
    std::fs::write(&ics, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n").expect("write");
    let o = turnus(&[
        "import-busy",
        &plan,
        "--assistant",
        "A",
        &ics.to_string_lossy(),
    ]);
    assert_eq!(o.code, EXIT_INPUT);
    assert_eq!(o.err.lines().count(), 1, "{}", o.err);
    assert!(o.err.contains("line 2"), "{}", o.err);
    assert_eq!(
        std::fs::read_to_string(&plan).expect("plan"),
        PLAN,
        "the plan is untouched"
    );
}

#[test]
fn import_busy_refuses_a_file_that_is_no_plan_and_leaves_it_alone() {
    let dir = temp_dir("turnusfile");
    let plan = dir.join("plan.turnus");
    std::fs::write(&plan, b"SQLite format 3\0 not really").expect("write");
    let ics = dir.join("jobb.ics");
    std::fs::write(&ics, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").expect("write");
    let o = turnus(&[
        "import-busy",
        &plan.to_string_lossy(),
        "--assistant",
        "A",
        &ics.to_string_lossy(),
    ]);
    assert_eq!(o.code, EXIT_INPUT, "{}", o.out);
    assert!(o.err.contains("plan.turnus"), "names the file: {}", o.err);
    assert_eq!(
        std::fs::read(&plan).expect("still there"),
        b"SQLite format 3\0 not really",
        "the plan file is untouched"
    );
}
