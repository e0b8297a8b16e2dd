//! The browser tests' backend: a small loopback HTTP server (test-only; the package never
//! installs it) that serves the built UI and answers the app's IPC commands with the real core,
//! through the same command table the Tauri shell adapts (`turnus::session::commands`).
//!
//! ```text
//! ui_test_server --ui ui/dist --root test-output/ui-server [--port 4173]
//! ```
//!
//! - `GET /…` serves the file of `--ui` (`/` is `index.html`).
//! - `POST /api/session` with `{ "today": "YYYY-MM-DD", "fail": "io", "delay_ms": N,
//!   "first_start": true, "launch": "/x/passord.turnus" }` (each
//!   optional) starts a fresh app of its own in a new folder under `--root`, and answers
//!   `{ "id", "root" }`. Every page load of the UI asks for one, so no two tests, and no two
//!   test files, ever share a plan, a recent list or a setting.
//! - `POST /api/<id>/<command>` with the command's arguments answers its JSON (200), or its
//!   `{ code, message, details }` error (400).
//!
//! Each session's folder is a small world the tests point the UI's dialogs at (the dialogs are
//! answered by the test, never shown): a recent plan, plan files that are damaged, not plans,
//! from a newer Turnus, in use elsewhere or read-only, calendars to import, and folders. See
//! [`World`]. "Today" is fixed per session (the test's, or the browser's own date); `now` is
//! the clock's, as in the app. `fail: "io"` makes the data folder a file, so writing the demo
//! plan fails as a full or broken disk would; `delay_ms` makes every answer that slow, as a slow
//! network folder would.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use serde_json::{json, Value};
use tiny_http::{Header, Method, Request, Response, Server};
use turnus::session::{commands, App};
use turnus::store::{Folders, OpenOptions};
use turnus::time::Instant;

/// What a session was asked to be.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionOptions {
    today: Option<String>,
    fail: Option<String>,
    delay_ms: Option<u64>,
    /// The computer's first start: no user name saved yet (otherwise the user is "Ingrid").
    first_start: Option<bool>,
    /// The plan file the program is started with (`turnus PLAN.turnus`), a path inside the
    /// session's folder when it starts with `/`.
    launch: Option<String>,
}

struct Session {
    app: Mutex<App>,
    today: NaiveDate,
    delay: Duration,
}

struct Server_ {
    ui: PathBuf,
    root: PathBuf,
    sessions: Mutex<HashMap<String, Arc<Session>>>,
    next: AtomicU64,
}

fn main() {
    let mut ui = PathBuf::from("ui/dist");
    let mut root = std::env::temp_dir().join("turnus-ui-test-server");
    let mut port: u16 = 4173;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--ui", Some(v)) => ui = PathBuf::from(v),
            ("--root", Some(v)) => root = PathBuf::from(v),
            ("--port", Some(v)) => port = v.parse().unwrap_or_else(|_| usage(&arg)),
            _ => usage(&arg),
        }
    }
    if !ui.join("index.html").is_file() {
        eprintln!(
            "ui_test_server: {} holds no index.html; build the UI first (make ui)",
            ui.display()
        );
        std::process::exit(2);
    }
    // A fresh root for every run: nothing of an earlier run can leak into this one.
    let _ = std::fs::remove_dir_all(&root);
    if let Err(e) = std::fs::create_dir_all(&root) {
        eprintln!("ui_test_server: cannot create {}: {e}", root.display());
        std::process::exit(2);
    }
    let root = root.canonicalize().unwrap_or(root);
    let server = match Server::http(("127.0.0.1", port)) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("ui_test_server: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(2);
        }
    };
    eprintln!(
        "ui_test_server: http://127.0.0.1:{port}/ serving {}",
        ui.display()
    );
    let state = Arc::new(Server_ {
        ui,
        root,
        sessions: Mutex::new(HashMap::new()),
        next: AtomicU64::new(1),
    });
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || handle(&state, request));
    }
}

fn usage(arg: &str) -> ! {
    eprintln!(
        "ui_test_server: unexpected {arg}; usage: ui_test_server --ui DIR --root DIR [--port N]"
    );
    std::process::exit(2);
}

fn handle(state: &Server_, mut request: Request) {
    let url = request.url().split('?').next().unwrap_or("/").to_string();
    let response = match (request.method(), url.strip_prefix("/api/")) {
        (Method::Post, Some(rest)) => {
            let mut body = String::new();
            if let Err(e) = std::io::Read::read_to_string(request.as_reader(), &mut body) {
                json_response(400, &json!({ "error": e.to_string() }))
            } else {
                api(state, rest, &body)
            }
        }
        (Method::Get, None) => file(&state.ui, &url),
        _ => not_found(),
    };
    let _ = request.respond(response);
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name, value).expect("a valid header")
}

fn not_found() -> Answer {
    Response::from_string("not found").with_status_code(404)
}

fn json_response(status: u16, value: &Value) -> Answer {
    Response::from_string(value.to_string())
        .with_status_code(status)
        .with_header(header("Content-Type", "application/json"))
        .with_header(header("Cache-Control", "no-store"))
}

fn api(state: &Server_, rest: &str, body: &str) -> Answer {
    let args: Value = if body.trim().is_empty() {
        Value::Null
    } else {
        match serde_json::from_str(body) {
            Ok(args) => args,
            Err(e) => {
                return json_response(
                    400,
                    &json!({ "code": "internal", "message": "", "details": e.to_string() }),
                )
            }
        }
    };
    if rest == "session" {
        return match new_session(state, args) {
            Ok(answer) => json_response(200, &answer),
            Err(e) => json_response(400, &json!({ "error": e })),
        };
    }
    let Some((id, command)) = rest.split_once('/') else {
        return json_response(404, &json!({ "error": "no such address" }));
    };
    let Some(session) = state
        .sessions
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(id)
        .cloned()
    else {
        return json_response(404, &json!({ "error": format!("no session {id}") }));
    };
    std::thread::sleep(session.delay);
    if command == "test_another_program" {
        // Not a command of the app: "another program" (a sync client) replaces the plan file.
        return match another_program(&session.today, &args) {
            Ok(()) => json_response(200, &Value::Null),
            Err(e) => json_response(400, &json!({ "error": e.to_string() })),
        };
    }
    let now = now();
    let mut app = session.app.lock().unwrap_or_else(|p| p.into_inner());
    match commands::dispatch(&mut app, now, session.today, command, args) {
        Ok(answer) => json_response(200, &answer),
        Err(error) => json_response(400, &serde_json::to_value(error).unwrap_or(Value::Null)),
    }
}

/// `{ "path": "/…" }` (a path of the session's world, absolute here): as a sync client brings
/// Per Haugen's version, the file is copied beside the plan, Per adds an open shift at 10:00–14:00
/// today in the copy with the real core, and the copy is renamed over the plan.
fn another_program(today: &NaiveDate, args: &Value) -> Result<(), Box<dyn std::error::Error>> {
    let path = PathBuf::from(args["path"].as_str().ok_or("path is missing")?);
    let incoming = path.with_extension("turnus.sync-tmp");
    std::fs::copy(&path, &incoming)?;
    let options = OpenOptions {
        take_over: true,
        ..OpenOptions::new("Per Haugen", now())
    };
    let mut file = turnus::store::PlanFile::open(&incoming, &options)?;
    let at = |h: u32| {
        Instant::at_local(
            *today,
            chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default(),
        )
    };
    let shift = turnus::model::Shift {
        id: turnus::model::ShiftId("fra-per".into()),
        assistant: None,
        start: at(10),
        end: at(14),
        break_minutes: 0,
        passive_minutes: 0,
        long_shift: false,
        service: turnus::model::ServiceType::PersonligAssistanse,
        status: turnus::model::ShiftStatus::Planned,
        note: "Lagt inn av Per".into(),
        shift_type: None,
        created_at: None,
        updated_at: None,
        actual: None,
        not_worked_reason: None,
        unplanned: false,
        personlig_stell: false,
    };
    file.add_shift(now(), &shift)?;
    file.close()?;
    std::fs::rename(&incoming, &path)?;
    Ok(())
}

fn now() -> Instant {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Instant::from_unix(i64::try_from(seconds).unwrap_or(i64::MAX))
}

fn new_session(state: &Server_, args: Value) -> Result<Value, String> {
    let options: SessionOptions = if args.is_null() {
        SessionOptions::default()
    } else {
        serde_json::from_value(args).map_err(|e| e.to_string())?
    };
    let today = match options.today.as_deref() {
        Some(day) => {
            NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|e| format!("today: {e}"))?
        }
        None => now().local_date(),
    };
    let id = state.next.fetch_add(1, Ordering::Relaxed).to_string();
    let root = state.root.join(&id);
    let folders = Folders::under(root.join("app"));
    let world = World {
        root: root.clone(),
        today,
    };
    world
        .make(&folders)
        .map_err(|e| format!("cannot make the test world: {e}"))?;
    if options.fail.as_deref() == Some("io") {
        // The data folder is a file: writing the demo plan there fails as a broken disk would.
        std::fs::remove_dir_all(&folders.data).map_err(|e| e.to_string())?;
        std::fs::write(&folders.data, b"").map_err(|e| e.to_string())?;
    }
    let mut app = App::new(folders, "Ingrid");
    if options.first_start != Some(true) {
        // Ingrid has used Turnus on this computer before: her name is saved.
        let mut settings = app.settings();
        settings.user_name = "Ingrid".into();
        app.save_settings(&settings).map_err(|e| e.message)?;
    }
    if let Some(launch) = &options.launch {
        let path = match launch.strip_prefix('/') {
            Some(inside) => root.join(inside).display().to_string(),
            None => launch.clone(),
        };
        app.open_at_start(now(), today, &path);
    }
    let session = Session {
        app: Mutex::new(app),
        today,
        delay: Duration::from_millis(options.delay_ms.unwrap_or(0)),
    };
    state
        .sessions
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(id.clone(), Arc::new(session));
    Ok(json!({ "id": id, "root": root.display().to_string() }))
}

/// The files of one session, under its root (paths as the tests name them, below the root):
///
/// | path | what |
/// |---|---|
/// | `home/ingrid/Dokumenter/Turnus for Ingrid.turnus` | a plan, opened once, so it is the recent plan |
/// | `x/skadet.turnus` | a damaged plan file |
/// | `x/ikke-plan.turnus` | another program's database |
/// | `x/nyere.turnus` | a plan from a newer Turnus |
/// | `x/skrivebeskyttet.turnus` | a plan the user may not write |
/// | `delt/i-bruk.turnus` | a plan Per Haugen holds on PER-BÆRBAR since 07:45 today |
/// | `x/passord.turnus` | the recent plan protected by the password [`PASSWORD`] |
/// | (`POST /api/<id>/test_another_program`) | another program (Per Haugen's sync client) changes a plan file |
/// | `home/ingrid/Dokumenter/sykehjem.ics` | three evenings of work from Monday this week, an all-day course, a repeating meeting |
/// | `home/ingrid/tom/sykehjem.ics` | the same calendar with no work in it: the course and the meeting |
/// | `home/ingrid/Dokumenter/skadet.ics` | not a calendar |
/// | `home/ingrid/Delt/Kalendere/`, `media/frakoblet/` | folders for calendars |
/// | `media/ikke-skrivbar` | a file where a folder is expected: nothing can be written into it |
struct World {
    root: PathBuf,
    today: NaiveDate,
}

/// The password of `x/passord.turnus`.
const PASSWORD: &str = "Ingrids-plan-2026";

/// The bytes of `x/passord.turnus` by "today": encrypting a plan takes a while, so the file is
/// encrypted once per server and day and copied into each session's world.
static ENCRYPTED: Mutex<Vec<(NaiveDate, Vec<u8>)>> = Mutex::new(Vec::new());

impl World {
    fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    fn dir(&self, relative: &str) -> std::io::Result<PathBuf> {
        let path = self.path(relative);
        std::fs::create_dir_all(&path)?;
        Ok(path)
    }

    fn make(&self, folders: &Folders) -> Result<(), Box<dyn std::error::Error>> {
        let docs = self.dir("home/ingrid/Dokumenter")?;
        self.dir("home/ingrid/tom")?;
        self.dir("home/ingrid/Delt/Kalendere")?;
        self.dir("media/frakoblet")?;
        self.dir("x")?;
        self.dir("delt")?;
        std::fs::write(self.path("media/ikke-skrivbar"), b"")?;

        let mut plan = turnus::demo::demo_plan(self.today);
        plan.settings.name = "Turnus for Ingrid".into();
        let recent = docs.join("Turnus for Ingrid.turnus");
        let options = OpenOptions::new("Ingrid", now());
        drop(turnus::store::transfer::import_plan(
            &plan, &recent, &options,
        )?);
        // Opened once, so the start page lists it as the recent plan.
        let mut app = App::new(folders.clone(), "Ingrid");
        app.open_plan(now(), self.today, &recent.display().to_string(), false)
            .map_err(|e| e.message)?;
        app.close_plan().map_err(|e| e.message)?;

        let plain = |name: &str| -> Result<PathBuf, Box<dyn std::error::Error>> {
            let path = self.path(name);
            std::fs::copy(&recent, &path)?;
            Ok(path)
        };
        let damaged = plain("x/skadet.turnus")?;
        damage(&damaged)?;
        let newer = plain("x/nyere.turnus")?;
        rusqlite::Connection::open(&newer)?.pragma_update(None, "user_version", 999)?;
        let other = self.path("x/ikke-plan.turnus");
        let conn = rusqlite::Connection::open(&other)?;
        conn.execute_batch("PRAGMA application_id = 1; CREATE TABLE notes (text TEXT);")?;
        drop(conn);
        let read_only = plain("x/skrivebeskyttet.turnus")?;
        let mut permissions = std::fs::metadata(&read_only)?.permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&read_only, permissions)?;
        let in_use = plain("delt/i-bruk.turnus")?;
        self.hold(&in_use)?;
        self.encrypted(&recent)?;

        std::fs::write(docs.join("sykehjem.ics"), self.calendar(true))?;
        std::fs::write(
            self.path("home/ingrid/tom/sykehjem.ics"),
            self.calendar(false),
        )?;
        std::fs::write(
            docs.join("skadet.ics"),
            b"BEGIN:VCALENDAR\nthis is not a calendar\n",
        )?;
        Ok(())
    }

    /// `x/passord.turnus`: a copy of `recent` protected by [`PASSWORD`].
    fn encrypted(&self, recent: &Path) -> Result<(), Box<dyn std::error::Error>> {
        let path = self.path("x/passord.turnus");
        let mut made = ENCRYPTED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, bytes)) = made.iter().find(|(day, _)| *day == self.today) {
            std::fs::write(&path, bytes)?;
            return Ok(());
        }
        std::fs::copy(recent, &path)?;
        let mut file = turnus::store::PlanFile::open(&path, &OpenOptions::new("Ingrid", now()))?;
        file.set_password(&turnus::store::Password::new(PASSWORD.into()), now())?;
        file.close()?;
        made.push((self.today, std::fs::read(&path)?));
        Ok(())
    }

    /// Per Haugen holds `path` on his laptop since 07:45 today, alive now.
    fn hold(&self, path: &Path) -> Result<(), Box<dyn std::error::Error>> {
        let since = Instant::at_local(
            self.today,
            chrono::NaiveTime::from_hms_opt(7, 45, 0).unwrap_or_default(),
        );
        let conn = rusqlite::Connection::open(path)?;
        conn.execute(
            "INSERT OR REPLACE INTO plan_lock (id, token, holder, computer, pid, since, heartbeat)
             VALUES (1, 'per', 'Per Haugen', 'PER-BÆRBAR', 4242, ?1, ?2)",
            rusqlite::params![since.unix(), now().unix() + 3600],
        )?;
        Ok(())
    }

    /// A calendar from the nursing home: with `work`, three evenings from Monday this week.
    fn calendar(&self, work: bool) -> String {
        let monday =
            self.today - chrono::Days::new(u64::from(self.today.weekday().num_days_from_monday()));
        let mut text = String::from(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sykehjemmet//Turnus test//NO\r\n",
        );
        if work {
            for day in 0..3u64 {
                let date = (monday + chrono::Days::new(day)).format("%Y%m%d");
                text.push_str(&format!(
                    "BEGIN:VEVENT\r\nUID:kveld-{day}@sykehjem\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Oslo:{date}T170000\r\nDTEND;TZID=Europe/Oslo:{date}T210000\r\nSUMMARY:Kveldsvakt\r\nEND:VEVENT\r\n"
                ));
            }
        }
        let date = monday.format("%Y%m%d");
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:kurs@sykehjem\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:{date}\r\nSUMMARY:Kurs\r\nEND:VEVENT\r\n"
        ));
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:mote@sykehjem\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Oslo:{date}T090000\r\nDTEND;TZID=Europe/Oslo:{date}T100000\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:Ukemøte\r\nEND:VEVENT\r\n"
        ));
        text.push_str("END:VCALENDAR\r\n");
        text
    }
}

/// Overwrite the schema page's cells, as a disk or a sync client that cuts a file would.
fn damage(path: &Path) -> std::io::Result<()> {
    let mut bytes = std::fs::read(path)?;
    let end = bytes.len().min(4096);
    for byte in bytes.iter_mut().take(end).skip(100) {
        *byte = 0x5a;
    }
    std::fs::write(path, bytes)
}

fn file(ui: &Path, url: &str) -> Answer {
    let relative = url.trim_start_matches('/');
    let relative = if relative.is_empty() {
        "index.html"
    } else {
        relative
    };
    if relative.split('/').any(|part| part == "..") {
        return not_found();
    }
    let path = ui.join(relative);
    let Ok(bytes) = std::fs::read(&path) else {
        return not_found();
    };
    let kind = match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" => "application/json",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        _ => "application/octet-stream",
    };
    Response::from_data(bytes)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}
