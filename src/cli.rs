//! The `turnus` command line: `check`, `hours`, `demo`, `import`, `export json|pdf|ics|csv`,
//! `import-busy`, `backup`, `absence`, `cover`, `holidays`, `merge`, `password`, `suggest`,
//! `worked`, `month` and `egenandel`. A plan file with a password is opened with
//! `TURNUS_PASSWORD` or a prompt (`password_cmd`).
//!
//! This is the imperative shell around the core: it reads files, reads the clock for "today",
//! prints, and turns every failure into one line on stderr and an exit code. Text output is in
//! Norwegian (`--lang en` for English).

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use crate::model::{Plan, Preset};
use crate::rules::explain::{explain, rule_title, severity_label, Lang};
use crate::rules::CheckOptions;
use crate::time::{parse_day, Instant, OSLO};

mod cover_cmd;
mod holidays_cmd;
mod merge_cmd;
mod password_cmd;
mod suggest_cmd;
mod worked_cmd;

/// Exit code: success, no violations.
pub const EXIT_OK: i32 = 0;
/// Exit code: the plan breaks at least one rule.
pub const EXIT_VIOLATIONS: i32 = 1;
/// Exit code: the input could not be used.
pub const EXIT_INPUT: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "turnus",
    version,
    about = "Turnus: turnusplan, timeregnskap og lovsjekk for BPA",
    long_about = "Turnus: turnusplan, timeregnskap og lovsjekk for BPA.\n\nUten underkommando åpner `turnus` programvinduet."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    Nb,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nb => Lang::Nb,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Sjekk en plan mot arbeidsmiljøloven og vedtaket (exit 0: ingen brudd, 1: brudd, 2: feil i input)
    Check {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: PathBuf,
        /// Første dag som sjekkes (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Siste dag som sjekkes, med dagen selv (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Språk for tekst
        #[arg(long, value_enum, default_value = "nb")]
        lang: LangArg,
    },
    /// Timeregnskap mot vedtaket: budsjett, brukt, planlagt, igjen og prognose for året
    Hours {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: PathBuf,
        /// Kalenderåret (standard: i år)
        #[arg(long, value_name = "YYYY")]
        year: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Skriv en demoplan med fire assistenter og en vikar
    Demo {
        /// Filen som skal skrives: en ny .turnus-fil, ellers plan-JSON
        out: PathBuf,
        /// Erstatt en JSON-fil som finnes fra før (en planfil erstattes aldri)
        #[arg(long)]
        force: bool,
    },
    /// Lag en ny planfil (.turnus) fra plan-JSON
    Import {
        /// Plan-JSON som skal leses
        json: PathBuf,
        /// Den nye planfilen (finnes den fra før, blir den ikke overskrevet)
        plan: PathBuf,
    },
    /// Skriv en planfil ut i et annet format
    Export {
        #[command(subcommand)]
        format: ExportFormat,
    },
    /// Sikkerhetskopier av en planfil: vis dem, eller legg en tilbake
    Backup {
        #[command(subcommand)]
        action: BackupAction,
    },
    /// Les en assistents andre kalender (.ics) inn i planen som opptatt tid
    ImportBusy {
        /// Planen: en .turnus-fil eller plan-JSON; en ny import fra samme kalender erstatter den forrige
        plan: PathBuf,
        /// Assistentens id i planen
        #[arg(long, value_name = "ID")]
        assistant: String,
        /// Kalenderfilen (.ics)
        calendar: PathBuf,
    },
    /// Fravær (ferie, sykdom, permisjon): legg inn eller vis
    Absence {
        #[command(subcommand)]
        action: cover_cmd::AbsenceAction,
    },
    /// Hvem kan dekke en vakt: alle som kan ta den, rangert etter lovsjekk og timer; eller gi den bort med --assign
    Cover {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: PathBuf,
        /// Vaktens id (uten: vis vaktene som trenger dekning)
        #[arg(long, value_name = "ID")]
        shift: Option<String>,
        /// Gi vakten til denne assistenten (id)
        #[arg(long, value_name = "ID", requires = "shift")]
        assign: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Feriesaldo etter ferieloven: rett, overført, booket, igjen og om hovedferien er lagt
    Holidays {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: PathBuf,
        /// Ferieåret (kalenderåret; standard: i år)
        #[arg(long, value_name = "YYYY")]
        year: Option<String>,
        /// Virkedager avtalt overført fra året før (høyst 12), for én assistent; kan gjentas
        #[arg(long, value_name = "ID=DAYS")]
        carried: Vec<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Språk for tekst
        #[arg(long, value_enum, default_value = "nb")]
        lang: LangArg,
    },
    /// Slå sammen en annen kopi av planen (en konfliktkopi fra synkroniseringen) med planen
    Merge {
        /// Planen det skal slås sammen inn i (.turnus)
        plan: PathBuf,
        /// Den andre kopien (.turnus); den blir bare lest
        other: PathBuf,
        /// Hvilken side som gjelder ved konflikter: ours (planen) eller theirs (kopien)
        #[arg(long, value_enum)]
        take: Option<merge_cmd::TakeArg>,
    },
    /// Passord på en planfil: sett, bytt eller fjern det (filen og sikkerhetskopiene krypteres)
    Password {
        #[command(subcommand)]
        action: password_cmd::PasswordAction,
    },
    /// Foreslå en lovlig, rettferdig turnus fra en forespørsel (exit 0: forslag, 1: kan ikke oppfylles, 2: feil i input)
    Suggest {
        /// Forespørselen (JSON, se docs/suggest.md)
        request: PathBuf,
        /// Skriv planen (plan-JSON med forslaget) til denne filen i stedet for til skjermen
        #[arg(short = 'o', long = "out", value_name = "PLAN.json")]
        out: Option<PathBuf>,
        /// Hvor lenge det søkes, i sekunder (et fast antall forsøk per sekund, så svaret bare avhenger av frøet)
        #[arg(long, value_name = "N", default_value = "2")]
        seconds: String,
        /// Frøet til søkets tilfeldige valg: samme frø, samme forslag
        #[arg(long, value_name = "N", default_value_t = 1)]
        seed: u64,
        /// Form på meldingene på skjermen (grunnene når det ikke går, sammendraget med -o)
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Språk for tekst
        #[arg(long, value_enum, default_value = "nb")]
        lang: LangArg,
        /// Gi poeng til en gitt fordeling ({"slots": [...]}) i stedet for å søke
        #[arg(long, value_name = "SLOTS.json")]
        score: Option<PathBuf>,
        /// Erstatt filen om den finnes fra før
        #[arg(long)]
        force: bool,
    },
    /// Bekreft månedens vakter som arbeidet, eller rett en vakts arbeidede tid
    Worked {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: PathBuf,
        /// Måneden (YYYY-MM)
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        /// Bare denne assistentens vakter (med --confirm-all)
        #[arg(long, value_name = "ID")]
        assistant: Option<String>,
        /// Bekreft alle vakter i måneden som ikke er bekreftet, som arbeidet slik de var planlagt
        #[arg(long, conflicts_with_all = ["shift", "start", "end"])]
        confirm_all: bool,
        /// Vakten som ble arbeidet på andre tider
        #[arg(long, value_name = "ID", requires_all = ["start", "end"])]
        shift: Option<String>,
        /// Når vakten begynte (HH:MM på arbeidsdagen, eller YYYY-MM-DDTHH:MM)
        #[arg(long, value_name = "T", requires = "shift")]
        start: Option<String>,
        /// Når vakten sluttet (HH:MM, neste dag når den ikke er etter start; eller YYYY-MM-DDTHH:MM)
        #[arg(long, value_name = "T", requires = "shift")]
        end: Option<String>,
        /// Pause i minutter (standard: som planlagt)
        #[arg(long = "break", value_name = "M", requires = "shift")]
        break_minutes: Option<u32>,
        /// Passiv tid i minutter (standard: som planlagt)
        #[arg(long = "passive", value_name = "M", requires = "shift")]
        passive_minutes: Option<u32>,
    },
    /// Lukk en måned (timelistene blir endelige), eller åpne den igjen med en begrunnelse
    Month {
        #[command(subcommand)]
        action: worked_cmd::MonthAction,
    },
    /// Anslag over egenandelen for en måned (kommunens vedtak avgjør den), eller tabellene med --list
    Egenandel {
        /// Planen: en .turnus-fil eller plan-JSON (med --list: valgfri, for planens egne tabeller)
        plan: Option<PathBuf>,
        /// Måneden (YYYY-MM)
        #[arg(long, value_name = "YYYY-MM")]
        month: Option<String>,
        /// Tabellens id (standard: planens valg)
        #[arg(long, value_name = "ID")]
        table: Option<String>,
        /// Inntektsgruppens id i tabellen
        #[arg(long, value_name = "ID")]
        bracket: Option<String>,
        /// Vis tabellene og inntektsgruppene
        #[arg(long, conflicts_with_all = ["month", "table", "bracket"])]
        list: bool,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum PdfKindArg {
    Turnusplan,
    Arbeidsplan,
    Timeliste,
    Timeregnskap,
    Lovsjekk,
    Ferieliste,
}

#[derive(Subcommand, Debug)]
enum ExportFormat {
    /// Som plan-JSON (til skjermen, eller til en fil med --out)
    Json {
        /// Planfilen (.turnus)
        plan: PathBuf,
        /// Skriv til denne filen i stedet for til skjermen
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Erstatt filen om den finnes fra før (en planfil erstattes aldri)
        #[arg(long)]
        force: bool,
    },
    /// Skriv et PDF-dokument: turnusplan, arbeidsplan, timeliste, timeregnskap, lovsjekk eller ferieliste
    Pdf {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: PathBuf,
        #[arg(long, value_enum)]
        kind: PdfKindArg,
        /// Første dag (YYYY-MM-DD; standard: mandag denne uken)
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Siste dag, med dagen selv (YYYY-MM-DD; standard: fire uker fra første dag)
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Assistentens id (for arbeidsplan og timeliste)
        #[arg(long, value_name = "ID")]
        assistant: Option<String>,
        #[arg(long, value_enum, default_value = "nb")]
        lang: LangArg,
        /// PDF-filen som skal skrives
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: PathBuf,
        /// Erstatt filen om den finnes fra før (en planfil erstattes aldri)
        #[arg(long)]
        force: bool,
    },
    /// Skriv kalendere (.ics): én fil, eller alle assistentenes i en mappe
    Ics {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: PathBuf,
        /// Bare denne assistentens vakter
        #[arg(long, value_name = "ID")]
        assistant: Option<String>,
        /// En .ics-fil, eller en mappe som får én fil per assistent
        #[arg(short = 'o', long = "out", value_name = "FILE_OR_DIR")]
        out: PathBuf,
        /// Erstatt en fil som finnes fra før og som Turnus ikke har skrevet (en planfil erstattes aldri)
        #[arg(long)]
        force: bool,
    },
    /// Lønnsgrunnlag som CSV: én rad per assistent og dag med tilleggskategoriene
    Csv {
        /// Planen: en .turnus-fil eller plan-JSON
        plan: PathBuf,
        /// Måneden (YYYY-MM)
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        /// Bare denne assistenten
        #[arg(long, value_name = "ID")]
        assistant: Option<String>,
        /// CSV-filen som skal skrives
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: PathBuf,
        /// Erstatt filen om den finnes fra før (en planfil erstattes aldri)
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand, Debug)]
enum BackupAction {
    /// Vis sikkerhetskopiene av en planfil, nyeste først
    List {
        /// Planfilen (.turnus)
        plan: PathBuf,
    },
    /// Legg en sikkerhetskopi tilbake i stedet for planfilen (filen slik den er nå, blir tatt vare på)
    Restore {
        /// Planfilen (.turnus)
        plan: PathBuf,
        /// Navnet på sikkerhetskopien, slik `turnus backup list` viser det
        backup: String,
    },
}

/// A failure that ends the command with exit code 2: one line for stderr.
#[derive(Debug)]
pub struct InputFailure(pub String);

impl<E: std::fmt::Display> From<E> for InputFailure {
    fn from(e: E) -> Self {
        InputFailure(e.to_string())
    }
}

/// Run the command line with `args` (the first is the program name) on the process's own
/// stdout and stderr; returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    // Only the program run from a terminal asks for a password; `run_with` (tests, other
    // callers) never waits on a prompt.
    MAY_ASK.with(|ask| ask.set(std::io::IsTerminal::is_terminal(&std::io::stdin())));
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    run_with(args, &mut stdout, &mut stderr)
}

/// Run the command line writing to `out` and `err`; returns the exit code.
pub fn run_with(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            return if e.use_stderr() {
                let _ = writeln!(err, "{}", error_line(&usage_error(&e)));
                EXIT_INPUT
            } else {
                // --help and --version: printed as clap renders them.
                let _ = write!(out, "{}", e.render());
                EXIT_OK
            };
        }
    };
    let result = execute(cli.command, out);
    password_cmd::forget();
    let _ = out.flush();
    for note in NOTES.with(|notes| std::mem::take(&mut *notes.borrow_mut())) {
        let _ = writeln!(err, "{}", error_line(&note));
    }
    match result {
        Ok(code) => code,
        Err(InputFailure(message)) => {
            let _ = writeln!(err, "{}", error_line(&message));
            EXIT_INPUT
        }
    }
}

thread_local! {
    /// Whether a password may be asked for on the terminal (set by [`run`]).
    static MAY_ASK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// What opening a plan file did that the user should know of, printed on stderr when the
    /// command ends.
    static NOTES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keep a note of a journal that opening `path` set aside.
fn note_set_aside(path: &Path, file: &crate::store::PlanFile) {
    if let Some(aside) = file.set_aside_journal() {
        let note = format!(
            "merk: journalfilen ved siden av {} hørte til en annen fil og er flyttet til {}; planen er ikke endret av den",
            path.display(),
            aside.display()
        );
        NOTES.with(|notes| notes.borrow_mut().push(note));
    }
}

/// The one line printed on stderr for a failure: `turnus: ` and the message, with every
/// control character escaped (a line break as `\n`, a tab as `\t`, others as `\u{…}`), so
/// a file name or a value holding a line break can never make it two lines.
///
/// ```
/// assert_eq!(turnus::cli::error_line("a\nb"), "turnus: a\\nb");
/// ```
pub fn error_line(message: &str) -> String {
    let mut line = String::from("turnus: ");
    line.push_str(&escape_control(message.trim_end()));
    line
}

/// `text` with control characters written as escapes: `\n`, `\r`, `\t`, `\u{1b}`.
pub fn escape_control(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// A usage error from clap as one sentence: its message without the usage block and tips,
/// and where to look: `unexpected argument '--x' found; see `turnus --help``.
fn usage_error(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut parts: Vec<String> = Vec::new();
    for line in rendered.lines() {
        let line = line.trim();
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if line.is_empty() || line.starts_with("tip:") {
            continue;
        }
        parts.push(
            line.strip_prefix("error:")
                .unwrap_or(line)
                .trim()
                .to_string(),
        );
    }
    let message = parts.join(" ");
    let message = message.trim_end_matches('.');
    format!("{message}; see `turnus --help`")
}

fn execute(command: Command, out: &mut dyn Write) -> Result<i32, InputFailure> {
    match command {
        Command::Hours { plan, year, format } => hours(&plan, year.as_deref(), format, out),
        Command::Demo { out: path, force } => demo(&path, force, out),
        Command::Import { json, plan } => import(&json, &plan, out),
        Command::Export {
            format:
                ExportFormat::Json {
                    plan,
                    out: file,
                    force,
                },
        } => export_json(&plan, file.as_deref(), force, out),
        Command::Export { format } => export_document(format, out),
        Command::ImportBusy {
            plan,
            assistant,
            calendar,
        } => import_busy(&plan, &assistant, &calendar, out),
        Command::Holidays {
            plan,
            year,
            carried,
            format,
            lang,
        } => holidays_cmd::holidays(&plan, year.as_deref(), &carried, format, lang, out),
        Command::Backup {
            action: BackupAction::List { plan },
        } => backup_list(&plan, out),
        Command::Backup {
            action: BackupAction::Restore { plan, backup },
        } => backup_restore(&plan, &backup, out),
        Command::Absence { action } => cover_cmd::absence(action, out),
        Command::Merge { plan, other, take } => merge_cmd::merge(&plan, &other, take, out),
        Command::Password { action } => password_cmd::password(action, out),
        Command::Worked {
            plan,
            month,
            assistant,
            confirm_all,
            shift,
            start,
            end,
            break_minutes,
            passive_minutes,
        } => worked_cmd::worked(
            &plan,
            &worked_cmd::WorkedArgs {
                month: &month,
                assistant: assistant.as_deref(),
                confirm_all,
                shift: shift.as_deref(),
                start: start.as_deref(),
                end: end.as_deref(),
                break_minutes,
                passive_minutes,
            },
            out,
        ),
        Command::Month { action } => worked_cmd::month(action, out),
        Command::Egenandel {
            plan,
            month,
            table,
            bracket,
            list,
            format,
        } => worked_cmd::egenandel(
            plan.as_deref(),
            month.as_deref(),
            table.as_deref(),
            bracket.as_deref(),
            list,
            format,
            out,
        ),
        Command::Cover {
            plan,
            shift,
            assign,
            format,
        } => match shift {
            Some(shift) => cover_cmd::cover(&plan, &shift, assign.as_deref(), format, out),
            None => cover_cmd::uncovered(&plan, format, out),
        },
        Command::Suggest {
            request,
            out: file,
            seconds,
            seed,
            format,
            lang,
            score,
            force,
        } => suggest_cmd::run(
            suggest_cmd::SuggestArgs {
                request: &request,
                out_file: file.as_deref(),
                seconds: &seconds,
                seed,
                format,
                lang,
                score: score.as_deref(),
                force,
            },
            out,
        ),
        Command::Check {
            plan,
            from,
            to,
            format,
            lang,
        } => {
            let loaded = load_plan(&plan)?;
            let from = from.as_deref().map(|d| date_arg("--from", d)).transpose()?;
            let to = to.as_deref().map(|d| date_arg("--to", d)).transpose()?;
            if let (Some(f), Some(t)) = (from, to) {
                if t < f {
                    return Err(InputFailure(format!(
                        "--to: {t} is before --from {f}; give the last day of the period"
                    )));
                }
            }
            let options = CheckOptions {
                from: from.map(Instant::start_of_day),
                to: to.map(|d| Instant::start_of_day(d + Duration::days(1))),
                today: Some(today()?),
            };
            let report = crate::rotation::check_plan(&loaded, &options);
            match format {
                Format::Json => writeln!(out, "{}", report.to_json())?,
                Format::Text => write!(
                    out,
                    "{}",
                    check_text(&loaded, &report, from, to, lang.into())
                )?,
            }
            Ok(if report.has_violations() {
                EXIT_VIOLATIONS
            } else {
                EXIT_OK
            })
        }
    }
}

fn hours(
    path: &Path,
    year: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let plan = load_plan(path)?;
    let today = today()?;
    let year = match year {
        None => chrono::Datelike::year(&today),
        Some(text) => match text.trim().parse::<i32>() {
            Ok(y) if crate::time::year_supported(y) => y,
            _ => {
                return Err(InputFailure(format!(
                    "--year: «{text}» is not a year Turnus handles; give one from 1900 to 2200"
                )))
            }
        },
    };
    let report = crate::hours::year_report(&plan, year, today);
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&report)?)?,
        Format::Text => write!(out, "{}", crate::hours::render_text(&report))?,
    }
    Ok(EXIT_OK)
}

fn demo(path: &Path, force: bool, out: &mut dyn Write) -> Result<i32, InputFailure> {
    let today = today()?;
    let plan = crate::demo::demo_plan(today);
    // The demo spans weeks around today: near the ends of 1900–2200 it would reach outside.
    crate::interchange::validate(&plan).map_err(|e| {
        InputFailure(format!(
            "TURNUS_TODAY: a demo plan around {today} reaches outside the years Turnus handles ({e}); give a date further inside 1900–2200"
        ))
    })?;
    check_output(path, None, force)?;
    if is_plan_file_name(path) {
        crate::store::transfer::import_plan(&plan, path, &store_options()?)
            .map_err(InputFailure::from)?
            .close()?;
    } else {
        write_new_file(path, crate::interchange::write_plan(&plan).as_bytes())?;
    }
    writeln!(
        out,
        "Demoplanen er skrevet til {} ({} assistenter, {} vakter).",
        path.display(),
        plan.assistants.len(),
        plan.shifts.len()
    )?;
    Ok(EXIT_OK)
}

/// Refuse to write an output over a file that must not be replaced: the plan being read
/// (`input`, also through another name or a link), any Turnus plan file (even with
/// `--force`), or, without `--force`, any file that exists.
fn check_output(path: &Path, input: Option<&Path>, force: bool) -> Result<(), InputFailure> {
    let same = |a: &Path, b: &Path| matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b);
    if input.is_some_and(|input| same(path, input)) {
        return Err(InputFailure(format!(
            "{}: that is the plan being read, which an export never replaces; choose another file name",
            path.display()
        )));
    }
    if crate::store::is_plan_file(path) {
        return Err(InputFailure(format!(
            "{}: that is a Turnus plan file, which is never written over (not even with --force); choose another file name",
            path.display()
        )));
    }
    if !force && std::fs::symlink_metadata(path).is_ok() && !path.is_dir() {
        return Err(InputFailure(format!(
            "{}: the file exists already; choose another name, or add --force to replace it",
            path.display()
        )));
    }
    Ok(())
}

/// Write `bytes` to `path` through a temporary file and a rename, so a failed write never
/// leaves half a file behind.
fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), InputFailure> {
    let fail = |e: std::io::Error| {
        InputFailure(format!("{}: cannot write the file ({e})", path.display()))
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| InputFailure(format!("{}: give a file name to write to", path.display())))?;
    let temp = dir.join(format!(".{}.tmp", name.to_string_lossy()));
    std::fs::write(&temp, bytes).map_err(fail)?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        fail(e)
    })
}

/// A date flag such as `--from`: a date in 1900–2200, or a one-line refusal naming the flag.
fn date_arg(flag: &str, text: &str) -> Result<NaiveDate, InputFailure> {
    parse_day(text).map_err(|e| InputFailure(format!("{flag}: {e}")))
}

/// Today's date in Oslo, or `TURNUS_TODAY` (YYYY-MM-DD) when set, for reproducible runs. A
/// `TURNUS_TODAY` that is not a date in 1900–2200 is an input error, never silently ignored.
pub fn today() -> Result<NaiveDate, InputFailure> {
    today_from(std::env::var("TURNUS_TODAY").ok().as_deref())
}

/// [`today`] with the value of `TURNUS_TODAY` given.
fn today_from(setting: Option<&str>) -> Result<NaiveDate, InputFailure> {
    match setting {
        None => Ok(Utc::now().with_timezone(&OSLO).date_naive()),
        Some(text) => parse_day(text).map_err(|e| InputFailure(format!("TURNUS_TODAY: {e}"))),
    }
}

/// Read a plan from a plan file (`.turnus`, opened read-only) or from plan JSON.
pub fn load_plan(path: &Path) -> Result<Plan, InputFailure> {
    let bytes = std::fs::read(path)
        .map_err(|e| InputFailure(format!("{}: cannot read the file ({e})", path.display())))?;
    if bytes.starts_with(b"SQLite format 3\0")
        || is_plan_file_name(path)
        || crate::store::is_encrypted(path)
    {
        let options = crate::store::OpenOptions {
            read_only: true,
            password: password_cmd::for_opening(path)?,
            ..crate::store::OpenOptions::new(&user_name(), now())
        };
        let file = crate::store::PlanFile::open(path, &options)?;
        note_set_aside(path, &file);
        let plan = file.load_plan()?;
        // A plan file holds what plan JSON accepts; one that does not (written by an older or
        // a broken build) is refused here, naming the field, before a check or an export.
        crate::interchange::validate(&plan).map_err(|e| {
            InputFailure(format!(
                "{}: the plan file holds something Turnus cannot use ({e}); correct it in the app, or put back a backup (turnus backup list)",
                path.display()
            ))
        })?;
        return Ok(plan);
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        InputFailure(format!(
            "{}: this is neither plan JSON nor a Turnus plan file",
            path.display()
        ))
    })?;
    crate::interchange::read_plan(text)
        .map_err(|e| InputFailure(format!("{}: {e}", path.display())))
}

fn check_text(
    plan: &Plan,
    report: &crate::rotation::PlanCheck,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    lang: Lang,
) -> String {
    let nb = lang == Lang::Nb;
    let mut text = String::new();
    let title = if plan.settings.name.is_empty() {
        if nb { "planen" } else { "the plan" }.to_string()
    } else {
        plan.settings.name.clone()
    };
    let profile = plan.profile.preset;
    text.push_str(&if nb {
        format!(
            "Lovsjekk for {title}\nProfil: {} ({})",
            preset_name(profile, lang),
            profile.key()
        )
    } else {
        format!(
            "Law check of {title}\nProfile: {} ({})",
            preset_name(profile, lang),
            profile.key()
        )
    });
    if !plan.profile.overrides.is_empty() {
        let edits: Vec<String> = plan
            .profile
            .raw_overrides()
            .iter()
            .map(|(k, v)| format!("{k} = {v}"))
            .collect();
        text.push_str(&format!(
            "{} {}",
            if nb { ", endret:" } else { ", edited:" },
            edits.join(", ")
        ));
    }
    text.push('\n');
    let own: Vec<String> = plan
        .assistants
        .iter()
        .filter_map(|a| {
            a.profile
                .as_ref()
                .map(|p| format!("{} ({})", a.name_or_id(), p.preset.key()))
        })
        .collect();
    if !own.is_empty() {
        text.push_str(&format!(
            "{} {}\n",
            if nb { "Egen profil:" } else { "Own profile:" },
            own.join(", ")
        ));
    }
    let day = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    text.push_str(&match (from, to, nb) {
        (None, None, true) => "Periode: hele planen\n".to_string(),
        (None, None, false) => "Period: the whole plan\n".to_string(),
        (f, t, true) => format!(
            "Periode: {} – {}\n",
            f.map_or("start".into(), day),
            t.map_or("slutt".into(), day)
        ),
        (f, t, false) => format!(
            "Period: {} – {}\n",
            f.map_or("start".into(), day),
            t.map_or("end".into(), day)
        ),
    });
    for f in &report.calendar.findings {
        finding_text(plan, f, None, lang, &mut text);
    }
    if !report.rotations.is_empty() {
        text.push('\n');
        text.push_str(if nb {
            "Turnusmønstre sjekket hver for seg (hvert brudd én gang, der det ligger i mønsteret):\n"
        } else {
            "Rotation patterns checked on their own (each breach once, where it lies in the pattern):\n"
        });
    }
    for r in &report.rotations {
        finding_text(plan, &r.finding, Some(&r.place), lang, &mut text);
    }
    let s = report.summary;
    text.push('\n');
    if report.calendar.findings.is_empty() && report.rotations.is_empty() {
        text.push_str(if nb {
            "Ingen brudd, advarsler eller merknader funnet.\n"
        } else {
            "No violations, warnings or notes found.\n"
        });
    } else if nb {
        text.push_str(&format!(
            "Sammendrag: {} brudd, {} {}, {} {}.\n",
            s.violations,
            s.warnings,
            if s.warnings == 1 {
                "advarsel"
            } else {
                "advarsler"
            },
            s.infos,
            if s.infos == 1 { "merknad" } else { "merknader" },
        ));
    } else {
        text.push_str(&format!(
            "Summary: {} violation(s), {} warning(s), {} note(s).\n",
            s.violations, s.warnings, s.infos
        ));
    }
    text
}

/// One finding of `turnus check` as text; a pattern finding says where in the pattern it lies.
fn finding_text(
    plan: &Plan,
    f: &crate::rules::Finding,
    place: Option<&crate::rotation::PatternPlace>,
    lang: Lang,
    text: &mut String,
) {
    let nb = lang == Lang::Nb;
    let who: Vec<String> = f
        .assistants
        .iter()
        .map(|id| {
            plan.assistant(id)
                .map_or(id.to_string(), |a| a.name_or_id())
        })
        .collect();
    text.push('\n');
    text.push_str(&format!(
        "{} · {} · {}{}\n",
        severity_label(f.severity, lang).to_uppercase(),
        f.rule.id(),
        rule_title(f.rule, lang),
        if who.is_empty() {
            String::new()
        } else {
            format!(" · {}", who.join(" og "))
        }
    ));
    if let Some(place) = place {
        text.push_str(&format!(
            "  {}{}\n",
            crate::rotation::place_sentence(plan, place, lang),
            match (place.on_calendar, nb) {
                (false, _) => "",
                (true, true) => " (står også i planen over, og telles der)",
                (true, false) => " (also in the plan above, and counted there)",
            }
        ));
    }
    text.push_str(&format!(
        "  {} – {}\n",
        local_label(f.start, lang),
        local_label(f.end, lang)
    ));
    text.push_str(&format!("  {}\n", explain(f, lang)));
    // A pattern finding's shifts are the pattern's own, not the plan's: the place says where.
    let shifts: Vec<&str> = match place {
        Some(_) => Vec::new(),
        None => f.shifts.iter().map(|s| s.as_str()).collect(),
    };
    if shifts.is_empty() {
        text.push_str(&format!("  {}\n", f.law()));
    } else {
        text.push_str(&format!(
            "  {} · {} {}\n",
            f.law(),
            if nb { "vakter:" } else { "shifts:" },
            shifts.join(", ")
        ));
    }
}

fn preset_name(preset: Preset, lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => preset.name_nb(),
        Lang::En => match preset {
            Preset::Aml => "Working Environment Act",
            Preset::AmlIndividual => "Working Environment Act with individual agreements",
            Preset::Tariff => "Collective agreement",
            Preset::TariffLongShifts => "Collective agreement with long shifts",
        },
    }
}

/// `ma. 08.06.2026 18:00` in Norwegian, `Mon 08.06.2026 18:00` in English.
fn local_label(t: Instant, lang: Lang) -> String {
    use chrono::Datelike;
    let local = t.local();
    let day = match lang {
        Lang::Nb => ["ma.", "ti.", "on.", "to.", "fr.", "lø.", "sø."],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    }[local.weekday().num_days_from_monday() as usize];
    format!("{day} {}", local.format("%d.%m.%Y %H:%M"))
}

// ---------------------------------------------------------------------------------------
// Plan files: import, export and backups (crate::store does the work).

/// Now, from the computer's clock, for the change log and backup names.
fn now() -> Instant {
    Instant::from_unix(Utc::now().timestamp())
}

/// The user's name from Turnus' config, else the login name.
fn user_name() -> String {
    let configured = crate::store::Folders::from_env()
        .ok()
        .map(|folders| crate::store::config::Config::load_or_default(&folders).user_name)
        .filter(|name| !name.trim().is_empty());
    configured
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .unwrap_or_else(|| String::from("turnus"))
}

fn is_plan_file_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("turnus"))
}

/// Options for opening a plan file from the command line, with backups in the data folder.
fn store_options() -> Result<crate::store::OpenOptions, InputFailure> {
    let folders = crate::store::Folders::from_env()?;
    Ok(crate::store::OpenOptions::new(&user_name(), now()).with_backups(folders))
}

fn import(json: &Path, plan: &Path, out: &mut dyn Write) -> Result<i32, InputFailure> {
    let text = std::fs::read_to_string(json)
        .map_err(|e| InputFailure(format!("{}: cannot read the file ({e})", json.display())))?;
    let file = crate::store::transfer::import(&text, plan, &store_options()?)
        .map_err(|e| InputFailure(format!("{}: {e}", json.display())))?;
    let loaded = file.load_plan()?;
    file.close()?;
    writeln!(
        out,
        "Planen er importert til {} ({} assistenter, {} vakter).",
        plan.display(),
        loaded.assistants.len(),
        loaded.shifts.len()
    )?;
    Ok(EXIT_OK)
}

fn export_json(
    plan: &Path,
    file: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    if let Some(file) = file {
        check_output(file, Some(plan), force)?;
    }
    let options = crate::store::OpenOptions {
        read_only: true,
        password: password_cmd::for_opening(plan)?,
        ..crate::store::OpenOptions::new(&user_name(), now())
    };
    let opened = crate::store::PlanFile::open(plan, &options)?;
    note_set_aside(plan, &opened);
    let json = crate::store::transfer::export_plan(&opened)?;
    // What is exported must import again.
    crate::interchange::read_plan(&json).map_err(|e| {
        InputFailure(format!(
            "{}: the plan file holds something plan JSON cannot hold ({e}); correct it in the app, or put back a backup (turnus backup list)",
            plan.display()
        ))
    })?;
    match file {
        Some(file) => {
            write_new_file(file, json.as_bytes())?;
            writeln!(
                out,
                "Planen er skrevet som plan-JSON til {}.",
                file.display()
            )?;
        }
        None => write!(out, "{json}")?,
    }
    Ok(EXIT_OK)
}

fn backup_list(plan: &Path, out: &mut dyn Write) -> Result<i32, InputFailure> {
    let folders = crate::store::Folders::from_env()?;
    let backups = crate::store::backup::list(&folders, plan)?;
    if backups.is_empty() {
        writeln!(out, "Ingen sikkerhetskopier av {} ennå.", plan.display())?;
        return Ok(EXIT_OK);
    }
    writeln!(
        out,
        "Sikkerhetskopier av {} (nyeste først), i {}:",
        plan.display(),
        crate::store::backup::folder_for(&folders, plan).display()
    )?;
    for b in &backups {
        writeln!(
            out,
            "  {}  {}  {:.1} MB",
            b.name,
            b.taken_at.display_local(),
            b.bytes as f64 / 1_000_000.0
        )?;
    }
    Ok(EXIT_OK)
}

fn backup_restore(plan: &Path, name: &str, out: &mut dyn Write) -> Result<i32, InputFailure> {
    let folders = crate::store::Folders::from_env()?;
    // The backups of a plan with a password have its password; a plan without one may still
    // have an encrypted backup (from when it had one).
    let wanted = name.trim().trim_end_matches(".turnus");
    let chosen = crate::store::backup::list(&folders, plan)?
        .into_iter()
        .find(|b| b.name.trim_end_matches(".turnus") == wanted);
    let password = match password_cmd::for_opening(plan)? {
        Some(password) => Some(password),
        None => match &chosen {
            Some(backup) => password_cmd::for_opening(&backup.path)?,
            None => None,
        },
    };
    let restored = crate::store::backup::restore_with_password(
        &folders,
        plan,
        name,
        now(),
        password.as_ref(),
    )?;
    writeln!(
        out,
        "{} er lagt tilbake fra sikkerhetskopien {} (tatt {}). Filen slik den var, ligger blant sikkerhetskopiene.",
        plan.display(),
        restored.name,
        restored.taken_at.display_local()
    )?;
    Ok(EXIT_OK)
}

// ---------------------------------------------------------------------------------------
// Documents and calendars: PDF and iCalendar exports, busy-time import (crate::export and
// crate::import do the work).

fn export_document(format: ExportFormat, out: &mut dyn Write) -> Result<i32, InputFailure> {
    use crate::export::{ics, pdf};
    match format {
        ExportFormat::Csv {
            plan,
            month,
            assistant,
            out: path,
            force,
        } => {
            check_output(&path, Some(&plan), force)?;
            worked_cmd::export_csv(&plan, &month, assistant.as_deref(), &path, out)
        }
        ExportFormat::Json {
            plan,
            out: file,
            force,
        } => export_json(&plan, file.as_deref(), force, out),
        ExportFormat::Pdf {
            plan,
            kind,
            from,
            to,
            assistant,
            lang,
            out: path,
            force,
        } => {
            check_output(&path, Some(&plan), force)?;
            let loaded = load_plan(&plan)?;
            let kind = match kind {
                PdfKindArg::Turnusplan => pdf::PdfKind::Turnusplan,
                PdfKindArg::Arbeidsplan => pdf::PdfKind::Arbeidsplan,
                PdfKindArg::Timeliste => pdf::PdfKind::Timeliste,
                PdfKindArg::Timeregnskap => pdf::PdfKind::Timeregnskap,
                PdfKindArg::Lovsjekk => pdf::PdfKind::Lovsjekk,
                PdfKindArg::Ferieliste => pdf::PdfKind::Ferieliste,
            };
            if kind.needs_assistant() && assistant.is_none() {
                return Err(InputFailure(format!(
                    "--assistant: the {} is for one assistant; give their id, e.g. --assistant A",
                    kind.key()
                )));
            }
            let today = today()?;
            let from = match from.as_deref() {
                Some(d) => date_arg("--from", d)?,
                None => crate::calendar::week_monday(today),
            };
            let to = match to.as_deref() {
                Some(d) => date_arg("--to", d)?,
                // Four weeks, but never past the last day Turnus handles.
                None => (from + Duration::days(27))
                    .min(NaiveDate::from_ymd_opt(crate::time::LAST_YEAR, 12, 31).unwrap_or(from)),
            };
            if to < from {
                return Err(InputFailure(format!(
                    "--to: {to} is before --from {from}; give the last day of the period"
                )));
            }
            let mut options = pdf::PdfOptions::new(kind, from, to, today);
            options.assistant = assistant.map(crate::model::AssistantId);
            options.lang = lang.into();
            let bytes = pdf::render_pdf(&loaded, &options)?;
            write_new_file(&path, &bytes)?;
            writeln!(
                out,
                "{} er skrevet til {}.",
                kind.title(Lang::Nb),
                path.display()
            )?;
            Ok(EXIT_OK)
        }
        ExportFormat::Ics {
            plan,
            assistant,
            out: path,
            force,
        } => {
            // A calendar Turnus wrote (its export state lies beside it) is updated in place,
            // as is a calendar folder: that is how phones learn of moved shifts.
            let updates = path.is_dir() || ics::state_path_for(&path).is_file();
            check_output(&path, Some(&plan), force || updates)?;
            let loaded = load_plan(&plan)?;
            let now = now();
            if path.is_dir() {
                if assistant.is_some() {
                    return Err(InputFailure(
                        "--assistant: a folder gets every assistant's calendar; give a file name to write one".into(),
                    ));
                }
                let state = ics::read_state(&path)?;
                let (_, files) = ics::write_calendar_folder(&loaded, &path, &state, now)?;
                writeln!(
                    out,
                    "{} kalendere er skrevet til {}.",
                    files.len(),
                    path.display()
                )?;
                return Ok(EXIT_OK);
            }
            let scope = match assistant {
                None => ics::CalendarScope::Plan,
                Some(id) => {
                    let id = crate::model::AssistantId(id);
                    if loaded.assistant(&id).is_none() {
                        return Err(InputFailure(format!(
                            "--assistant: no assistant has the id «{id}» in this plan"
                        )));
                    }
                    ics::CalendarScope::Assistant(id)
                }
            };
            ics::write_calendar_file(&loaded, &path, &scope, now)?;
            writeln!(out, "Kalenderen er skrevet til {}.", path.display())?;
            Ok(EXIT_OK)
        }
    }
}

fn import_busy(
    plan_path: &Path,
    assistant: &str,
    calendar: &Path,
    out: &mut dyn Write,
) -> Result<i32, InputFailure> {
    let id = crate::model::AssistantId(assistant.to_string());
    let unknown = || {
        InputFailure(format!(
            "--assistant: no assistant has the id «{assistant}» in this plan"
        ))
    };
    // The calendar is read first: a broken one is refused before the plan is opened, so the
    // plan file is not touched at all.
    let bytes = std::fs::read(calendar).map_err(|e| {
        InputFailure(format!(
            "{}: cannot read the file ({e})",
            calendar.display()
        ))
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let source = calendar.file_name().map_or_else(
        || calendar.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let import = crate::import::ics::read_busy(&text, &id, &source)?;
    // How many busy times an earlier import of this calendar gave the assistant.
    let earlier = |plan: &Plan| {
        plan.busy
            .iter()
            .filter(|b| b.assistant == id && b.source == source)
            .count()
    };
    let plan_bytes = std::fs::read(plan_path).unwrap_or_default();
    // Everything is decided with the plan only read: a refusal, or a calendar that changes
    // nothing, leaves the plan byte for byte as it was.
    let mut plan = load_plan(plan_path)?;
    let name = plan
        .assistant(&id)
        .map(|a| a.name.clone())
        .ok_or_else(unknown)?;
    let replaced = earlier(&plan);
    let change = crate::import::busy::replace(&plan.busy, &id, &source, &import.busy);
    if change.is_empty() {
        // Nothing to write.
    } else if is_plan_file_name(plan_path)
        || plan_bytes.starts_with(b"SQLite format 3\0")
        || crate::store::is_encrypted(plan_path)
    {
        // A plan file: the whole replacement is one edit in the change log, so the app's undo
        // takes it back in one step. No lock is written: the edit's own transaction checks
        // that no other program holds the file, so a refused edit leaves it unchanged.
        let options = crate::store::OpenOptions {
            lock_on_edit: true,
            password: password_cmd::for_opening(plan_path)?,
            ..store_options()?
        };
        let mut file = crate::store::PlanFile::open(plan_path, &options)
            .map_err(|e| InputFailure(format!("{}: {e}", plan_path.display())))?;
        note_set_aside(plan_path, &file);
        // Read again: another program may have changed the plan since.
        let now_plan = file.load_plan()?;
        now_plan.assistant(&id).ok_or_else(unknown)?;
        let change = crate::import::busy::replace(&now_plan.busy, &id, &source, &import.busy);
        if !change.is_empty() {
            file.apply(now(), "import busy time", &change.edits())
                .map_err(|e| InputFailure(format!("{}: {e}", plan_path.display())))?;
        }
        file.close()?;
    } else {
        change.apply_to(&mut plan.busy);
        write_new_file(plan_path, crate::interchange::write_plan(&plan).as_bytes())?;
    }
    let count = import.busy.len();
    let noun = if count == 1 { "hendelse" } else { "hendelser" };
    writeln!(
        out,
        "{count} {noun} fra {source} er lagt inn som opptatt tid for {name}."
    )?;
    if replaced > 0 {
        writeln!(
            out,
            "Det erstatter det som ble lest inn fra {source} tidligere ({replaced} {}).",
            if replaced == 1 {
                "hendelse"
            } else {
                "hendelser"
            }
        )?;
    }
    for s in &import.skipped {
        writeln!(
            out,
            "Hoppet over «{}»: {}.",
            s.event,
            s.reason.text(Lang::Nb)
        )?;
    }
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turnus_today_outside_the_supported_years_is_an_input_error() {
        let e = today_from(Some("2201-06-01")).expect_err("2201 is outside 1900–2200");
        assert!(e.0.starts_with("TURNUS_TODAY: «2201-06-01»"), "{}", e.0);
        assert!(today_from(Some("+262142-12-31")).is_err());
        assert!(today_from(Some("not a date")).is_err(), "never ignored");
        assert_eq!(
            today_from(Some("2026-06-01")).ok(),
            NaiveDate::from_ymd_opt(2026, 6, 1)
        );
    }

    #[test]
    fn a_demo_plan_reaching_past_2200_is_caught_before_it_is_written() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(crate::interchange::validate(&crate::demo::demo_plan(day(2200, 6, 1))).is_ok());
        assert!(
            crate::interchange::validate(&crate::demo::demo_plan(day(2200, 12, 28))).is_err(),
            "its weeks run into 2201"
        );
    }

    #[test]
    fn an_error_line_escapes_every_control_character() {
        assert_eq!(
            error_line("a\r\nb\tc\u{7}\u{1b}[31m\0"),
            "turnus: a\\r\\nb\\tc\\u{7}\\u{1b}[31m\\u{0}"
        );
    }
}
