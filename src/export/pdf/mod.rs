//! PDF documents of a plan: the turnusplan for the wall, an assistant's arbeidsplan and
//! timeliste, the timeregnskap against the vedtak, the lovsjekk, and the year's ferieliste.
//!
//! Every document is A4, in bokmål or English, with the plan's name, the period, the date it was
//! made and "Side n av m" on every page, and prints the same in black and white (greys and
//! symbols, never colour alone). The date made is a parameter: nothing here reads the clock.
//!
//! ```
//! use chrono::NaiveDate;
//! use turnus::export::pdf::{render_pdf, PdfKind, PdfOptions};
//! let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
//! let plan = turnus::demo::demo_plan(d(11, 22));
//! let options = PdfOptions::new(PdfKind::Turnusplan, d(11, 23), d(11, 29), d(11, 22));
//! let bytes = render_pdf(&plan, &options).unwrap();
//! assert!(bytes.starts_with(b"%PDF"));
//! ```
//!
//! [`preview`] draws the first page of the same layout as SVG for the app.
//!
//! Left out on purpose: writing files (the caller does, atomically).

mod arbeidsplan;
mod canvas;
mod ferieliste;
mod fonts;
mod frame;
mod lovsjekk;
mod timeliste;
mod timeregnskap;
mod turnusplan;

use chrono::NaiveDate;

use crate::model::AssistantId;
pub use crate::rules::explain::Lang;

/// The month's name and year, as documents print it: `november 2026`, `November 2026`.
pub fn month_name(d: NaiveDate, lang: Lang) -> String {
    frame::month(d, lang)
}

/// The kinds of document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PdfKind {
    /// Every assistant's shifts, week by week, landscape.
    Turnusplan,
    /// One assistant's shifts in the period, with hours per week.
    Arbeidsplan,
    /// One assistant's hours in one month, for signing.
    Timeliste,
    /// The vedtak's budget against used and planned hours.
    Timeregnskap,
    /// The law check: the profile's values and every finding.
    Lovsjekk,
    /// Who is away when in one year, and each assistant's holiday balance.
    Ferieliste,
}

impl PdfKind {
    /// Every kind, in menu order.
    pub const ALL: [PdfKind; 6] = [
        PdfKind::Turnusplan,
        PdfKind::Arbeidsplan,
        PdfKind::Timeliste,
        PdfKind::Timeregnskap,
        PdfKind::Lovsjekk,
        PdfKind::Ferieliste,
    ];

    /// The key used on the command line.
    pub fn key(self) -> &'static str {
        match self {
            PdfKind::Turnusplan => "turnusplan",
            PdfKind::Arbeidsplan => "arbeidsplan",
            PdfKind::Timeliste => "timeliste",
            PdfKind::Timeregnskap => "timeregnskap",
            PdfKind::Lovsjekk => "lovsjekk",
            PdfKind::Ferieliste => "ferieliste",
        }
    }

    /// Parse a command-line key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The document's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PdfKind::Turnusplan, Lang::Nb) => "Turnusplan",
            (PdfKind::Turnusplan, Lang::En) => "Rota",
            (PdfKind::Arbeidsplan, Lang::Nb) => "Arbeidsplan",
            (PdfKind::Arbeidsplan, Lang::En) => "Work schedule",
            (PdfKind::Timeliste, Lang::Nb) => "Timeliste",
            (PdfKind::Timeliste, Lang::En) => "Timesheet",
            (PdfKind::Timeregnskap, Lang::Nb) => "Timeregnskap",
            (PdfKind::Timeregnskap, Lang::En) => "Hour accounts",
            (PdfKind::Lovsjekk, Lang::Nb) => "Lovsjekk",
            (PdfKind::Lovsjekk, Lang::En) => "Law check",
            (PdfKind::Ferieliste, Lang::Nb) => "Ferieliste",
            (PdfKind::Ferieliste, Lang::En) => "Holiday list",
        }
    }

    /// True when the kind is about one assistant.
    pub fn needs_assistant(self) -> bool {
        matches!(self, PdfKind::Arbeidsplan | PdfKind::Timeliste)
    }
}

/// What to print.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfOptions {
    pub kind: PdfKind,
    /// First day of the period. A timeliste covers the month holding `from`; a timeregnskap
    /// and a ferieliste the calendar year holding it.
    pub from: NaiveDate,
    /// Last day of the period, inclusive.
    pub to: NaiveDate,
    /// The assistant of an arbeidsplan or timeliste.
    pub assistant: Option<AssistantId>,
    pub lang: Lang,
    /// The date printed as "Laget …", and the day that splits used from planned hours.
    pub made: NaiveDate,
}

impl PdfOptions {
    /// Options for the whole plan in bokmål.
    pub fn new(kind: PdfKind, from: NaiveDate, to: NaiveDate, made: NaiveDate) -> Self {
        PdfOptions {
            kind,
            from,
            to,
            assistant: None,
            lang: Lang::Nb,
            made,
        }
    }
}

/// Why a document could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("the {0} is for one assistant; choose the assistant (--assistant ID)")]
    NeedsAssistant(&'static str),
    #[error("no assistant has the id «{0}» in this plan")]
    UnknownAssistant(String),
    #[error("the period ends ({to}) before it starts ({from})")]
    EmptyPeriod { from: NaiveDate, to: NaiveDate },
    #[error("the period from {from} to {to} is longer than {max} days; choose a shorter one")]
    TooLong {
        from: NaiveDate,
        to: NaiveDate,
        max: i64,
    },
    #[error("{0}")]
    Font(String),
}

/// The longest period one document covers: a little over a year.
pub const MAX_DAYS: i64 = 400;

/// Make the document `options` asks for.
pub fn render_pdf(plan: &crate::model::Plan, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    layout(plan, options)?.render()
}

/// The first page of a document, drawn as SVG for the app's preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// The first page as an SVG image, A4 in millimetres.
    pub svg: String,
    /// How many pages the whole document has.
    pub pages: usize,
}

/// The first page of the document `options` asks for, laid out exactly as in the PDF.
pub fn preview(plan: &crate::model::Plan, options: &PdfOptions) -> Result<Preview, PdfError> {
    let (svg, pages) = layout(plan, options)?.preview();
    Ok(Preview { svg, pages })
}

/// The document laid out, before it is written.
fn layout(plan: &crate::model::Plan, options: &PdfOptions) -> Result<frame::Doc, PdfError> {
    if options.to < options.from {
        return Err(PdfError::EmptyPeriod {
            from: options.from,
            to: options.to,
        });
    }
    if (options.to - options.from).num_days() >= MAX_DAYS {
        return Err(PdfError::TooLong {
            from: options.from,
            to: options.to,
            max: MAX_DAYS,
        });
    }
    let assistant = match (&options.assistant, options.kind.needs_assistant()) {
        (None, true) => return Err(PdfError::NeedsAssistant(options.kind.key())),
        (None, false) => None,
        (Some(id), _) => Some(
            plan.assistant(id)
                .ok_or_else(|| PdfError::UnknownAssistant(id.to_string()))?,
        ),
    };
    Ok(match (options.kind, assistant) {
        (PdfKind::Turnusplan, _) => turnusplan::build(plan, options),
        (PdfKind::Arbeidsplan, Some(a)) => arbeidsplan::build(plan, a, options),
        (PdfKind::Timeliste, Some(a)) => timeliste::build(plan, a, options),
        (PdfKind::Timeregnskap, _) => timeregnskap::build(plan, options),
        (PdfKind::Lovsjekk, _) => lovsjekk::build(plan, options),
        (PdfKind::Ferieliste, _) => ferieliste::build(plan, options),
        (kind, None) => return Err(PdfError::NeedsAssistant(kind.key())),
    })
}
