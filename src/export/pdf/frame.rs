//! What every page shares: the header (title, plan, period, date made), the footer ("Side 1 av
//! 3"), a cursor that flows content onto new pages, a simple table, and the formatting of
//! dates, clock times and hours in bokmål and English.
//!
//! Left out on purpose: anything about one kind of document.

use chrono::{Datelike, NaiveDate};

use super::canvas::{self, fit, wrap, Align, Page, A4_LONG, A4_SHORT};
use super::fonts::Weight;
use super::{Lang, PdfError, PdfOptions};
use crate::model::Plan;
use crate::time::Instant;

/// Page margin, millimetres.
pub const MARGIN: f32 = 12.0;
/// Where content starts below the header.
pub const BODY_TOP: f32 = 29.0;
/// Body text size, points.
pub const BODY: f32 = 9.0;

/// Pick the bokmål or English text.
pub fn tr(lang: Lang, nb: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// A date as people write it: `22.11.2026`, or `22 Nov 2026`.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Nb => d.format("%d.%m.%Y").to_string(),
        Lang::En => d.format("%-d %b %Y").to_string(),
    }
}

/// A short date without the year: `22.11`, or `22 Nov`.
pub fn short_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Nb => d.format("%d.%m").to_string(),
        Lang::En => d.format("%-d %b").to_string(),
    }
}

/// The weekday's short name: `man`, or `Mon`.
pub fn weekday(d: NaiveDate, lang: Lang) -> &'static str {
    let nb = ["man", "tir", "ons", "tor", "fre", "lør", "søn"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Nb => nb[i],
        Lang::En => en[i],
    }
}

/// The month's name: `november 2026`, or `November 2026`.
pub fn month(d: NaiveDate, lang: Lang) -> String {
    let nb = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    match lang {
        Lang::Nb => format!("{} {}", nb[d.month0() as usize], d.year()),
        Lang::En => d.format("%B %Y").to_string(),
    }
}

/// The local clock time of an instant: `08:00`.
pub fn clock(t: Instant) -> String {
    t.local().format("%H:%M").to_string()
}

/// Hours with one decimal: `7,5` in bokmål, `7.5` in English.
pub fn hours(h: f64, lang: Lang) -> String {
    let tenths = (h * 10.0).round() as i64;
    let sign = if tenths < 0 { "−" } else { "" };
    let t = tenths.unsigned_abs();
    let sep = tr(lang, ",", ".");
    format!("{sign}{}{sep}{}", t / 10, t % 10)
}

/// Whole minutes as hours and minutes: `0:30`.
pub fn minutes(m: i64) -> String {
    if m == 0 {
        return "–".into();
    }
    format!("{}:{:02}", m / 60, m % 60)
}

/// A document being laid out: its pages and where the next content goes.
pub struct Doc {
    title: String,
    subtitle: String,
    plan_name: String,
    period: String,
    made: String,
    made_at: i64,
    lang: Lang,
    width: f32,
    height: f32,
    pages: Vec<Page>,
    reserved: f32,
    /// The y of the next content on the last page.
    pub y: f32,
}

impl Doc {
    /// A document for `options` about `subtitle` (an assistant's name, or the whole plan).
    pub fn new(plan: &Plan, options: &PdfOptions, subtitle: String, landscape: bool) -> Self {
        let lang = options.lang;
        let (width, height) = if landscape {
            (A4_LONG, A4_SHORT)
        } else {
            (A4_SHORT, A4_LONG)
        };
        let plan_name = if plan.settings.name.trim().is_empty() {
            tr(lang, "Plan uten navn", "Untitled plan").to_string()
        } else {
            plan.settings.name.clone()
        };
        let period = if options.from == options.to {
            date(options.from, lang)
        } else {
            format!("{}–{}", date(options.from, lang), date(options.to, lang))
        };
        let mut doc = Doc {
            title: options.kind.title(lang).to_string(),
            subtitle,
            plan_name,
            period,
            made: format!("{} {}", tr(lang, "Laget", "Made"), date(options.made, lang)),
            made_at: Instant::start_of_day(options.made).unix(),
            lang,
            width,
            height,
            pages: Vec::new(),
            reserved: 0.0,
            y: BODY_TOP,
        };
        doc.new_page();
        doc
    }

    /// Replace the period printed on every page (a timeliste's month, a timeregnskap's year).
    pub fn set_period(&mut self, period: String) {
        self.period = period;
    }

    /// The lowest y content may reach.
    pub fn bottom(&self) -> f32 {
        self.height - 16.0 - self.reserved
    }

    /// Keep `mm` millimetres above the footer free on every page (for a legend).
    pub fn reserve_bottom(&mut self, mm: f32) {
        self.reserved = mm;
    }

    /// Draw on every page laid out so far.
    pub fn each_page(&mut self, mut f: impl FnMut(&mut Page, f32)) {
        let bottom = self.bottom();
        for page in &mut self.pages {
            f(page, bottom);
        }
    }

    /// The right edge of the content.
    pub fn right(&self) -> f32 {
        self.width - MARGIN
    }

    /// Start a new page; content continues at its top.
    pub fn new_page(&mut self) {
        self.pages.push(Page::new(self.width, self.height));
        self.y = BODY_TOP;
    }

    /// The page being drawn.
    pub fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Make sure `height` millimetres fit below the cursor; start a new page when not.
    /// Returns true when a new page was started.
    pub fn room(&mut self, height: f32) -> bool {
        if self.y + height > self.bottom() && self.y > BODY_TOP {
            self.new_page();
            true
        } else {
            false
        }
    }

    /// A heading on its own line, kept with at least `keep` millimetres of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        self.room(8.0 + keep);
        let y = self.y + 5.0;
        self.page()
            .text(MARGIN, y, 11.0, Weight::Bold, Align::Left, text);
        self.y += 8.0;
    }

    /// A paragraph wrapped to the page width.
    pub fn paragraph(&mut self, text: &str, size: f32, weight: Weight, indent: f32) {
        let max = self.right() - MARGIN - indent;
        let line_h = size * 0.45;
        for line in wrap(weight, size, max, text) {
            self.room(line_h);
            let y = self.y + line_h * 0.8;
            self.page()
                .text(MARGIN + indent, y, size, weight, Align::Left, &line);
            self.y += line_h;
        }
    }

    /// A table flowing over pages, its header repeated on each.
    pub fn table(&mut self, columns: &[Column], rows: &[Row]) {
        const ROW_H: f32 = 5.2;
        let total: f32 = columns.iter().map(|c| c.width).sum();
        let scale = (self.right() - MARGIN) / total;
        let xs: Vec<f32> = columns
            .iter()
            .scan(MARGIN, |x, c| {
                let here = *x;
                *x += c.width * scale;
                Some(here)
            })
            .collect();
        let draw_header = |doc: &mut Doc| {
            let y = doc.y;
            let right = doc.right();
            doc.page().fill(MARGIN, y, right - MARGIN, ROW_H, 0.85);
            for (c, x) in columns.iter().zip(&xs) {
                let w = c.width * scale;
                cell(doc.page(), *x, y, w, ROW_H, Weight::Bold, c.align, &c.title);
            }
            doc.y += ROW_H;
        };
        self.room(ROW_H * 3.0);
        draw_header(self);
        const EXTRA_LINE_H: f32 = 3.9;
        for row in rows {
            let weight = if row.bold {
                Weight::Bold
            } else {
                Weight::Regular
            };
            // Wrapping columns (notes) grow the row instead of cutting the text.
            let lines: Vec<Vec<String>> = columns
                .iter()
                .zip(&row.cells)
                .map(|(c, text)| {
                    if c.wrap {
                        let w = c.width * scale - 2.4;
                        let l = wrap(weight, BODY, w, text);
                        if l.is_empty() {
                            vec![String::new()]
                        } else {
                            l
                        }
                    } else {
                        vec![text.clone()]
                    }
                })
                .collect();
            let extra = lines.iter().map(Vec::len).max().unwrap_or(1).max(1) - 1;
            let row_h = ROW_H + extra as f32 * EXTRA_LINE_H;
            if self.room(row_h) {
                draw_header(self);
            }
            let y = self.y;
            let right = self.right();
            if row.shade {
                self.page().fill(MARGIN, y, right - MARGIN, row_h, 0.93);
            }
            if row.rule_above {
                self.page().line(MARGIN, y, right, y, 0.3);
            }
            for ((c, x), cell_lines) in columns.iter().zip(&xs).zip(&lines) {
                let w = c.width * scale;
                for (i, text) in cell_lines.iter().enumerate() {
                    let ly = y + i as f32 * EXTRA_LINE_H;
                    cell(self.page(), *x, ly, w, ROW_H, weight, c.align, text);
                }
            }
            self.y += row_h;
            let y = self.y;
            self.page().line(MARGIN, y, right, y, 0.1);
        }
        self.y += 3.0;
    }

    /// Stamp the header and footer on every page and write the PDF.
    pub fn render(mut self) -> Result<Vec<u8>, PdfError> {
        self.stamp();
        let title = format!("{} – {}", self.title, self.plan_name);
        canvas::render(&title, self.made_at, &self.pages)
    }

    /// Stamp the header and footer on every page and draw the first page as SVG; returns the
    /// SVG and the number of pages.
    pub fn preview(mut self) -> (String, usize) {
        self.stamp();
        let svg = self.pages.first().map(canvas::svg).unwrap_or_default();
        (svg, self.pages.len())
    }

    /// Put the title, plan name, period, date made and "Side n av m" on every page.
    fn stamp(&mut self) {
        let count = self.pages.len();
        let lang = self.lang;
        let right = self.right();
        for (i, page) in self.pages.iter_mut().enumerate() {
            page.text(MARGIN, 14.0, 15.0, Weight::Bold, Align::Left, &self.title);
            page.text_fit(
                right,
                14.0,
                11.0,
                Weight::Bold,
                Align::Right,
                right - MARGIN - 70.0,
                &self.plan_name,
            );
            let line = format!(
                "{}  ·  {} {}",
                self.subtitle,
                tr(lang, "Periode", "Period"),
                self.period
            );
            page.text_fit(
                MARGIN,
                20.5,
                9.5,
                Weight::Regular,
                Align::Left,
                right - MARGIN - 40.0,
                &line,
            );
            page.text(right, 20.5, 9.5, Weight::Regular, Align::Right, &self.made);
            page.line(MARGIN, 23.0, right, 23.0, 0.4);
            let foot = page.height - 8.0;
            page.line(MARGIN, foot - 4.0, right, foot - 4.0, 0.2);
            let left = format!("{}  ·  {}  ·  {}", self.plan_name, self.period, self.made);
            page.text_fit(
                MARGIN,
                foot,
                8.0,
                Weight::Regular,
                Align::Left,
                right - MARGIN - 35.0,
                &left,
            );
            let number = match lang {
                Lang::Nb => format!("Side {} av {count}", i + 1),
                Lang::En => format!("Page {} of {count}", i + 1),
            };
            page.text(right, foot, 8.0, Weight::Bold, Align::Right, &number);
        }
    }
}

/// One text cell: clipped to its width, vertically centred in `h`.
#[allow(clippy::too_many_arguments)]
pub fn cell(
    page: &mut Page,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    weight: Weight,
    align: Align,
    text: &str,
) {
    let pad = 1.2;
    let ax = match align {
        Align::Left => x + pad,
        Align::Centre => x + w / 2.0,
        Align::Right => x + w - pad,
    };
    let shown = fit(weight, BODY, w - 2.0 * pad, text);
    page.text(ax, y + h / 2.0 + 1.2, BODY, weight, align, &shown);
}

/// A table column: its title, relative width and alignment.
pub struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
    /// Long text wraps onto more lines instead of being cut.
    pub wrap: bool,
}

impl Column {
    pub fn new(title: &str, width: f32, align: Align) -> Self {
        Column {
            title: title.to_string(),
            width,
            align,
            wrap: false,
        }
    }

    /// A column whose text wraps.
    pub fn wrapping(title: &str, width: f32) -> Self {
        Column {
            wrap: true,
            ..Column::new(title, width, Align::Left)
        }
    }
}

/// A table row.
#[derive(Default)]
pub struct Row {
    pub cells: Vec<String>,
    pub bold: bool,
    pub shade: bool,
    pub rule_above: bool,
}

impl Row {
    pub fn plain(cells: Vec<String>) -> Self {
        Row {
            cells,
            ..Row::default()
        }
    }

    pub fn total(cells: Vec<String>) -> Self {
        Row {
            cells,
            bold: true,
            shade: true,
            rule_above: true,
        }
    }
}

/// The name of a document about one kind for the whole plan.
pub fn whole_plan(lang: Lang) -> String {
    tr(lang, "Alle assistenter", "All assistants").to_string()
}
