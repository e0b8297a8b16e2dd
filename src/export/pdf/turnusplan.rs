//! The turnusplan: landscape, one block per ISO week with the assistants as rows and the seven
//! days as columns, each cell holding the shift codes and times, and each row the week's hours.
//!
//! Red days are marked three ways, so the plan reads the same printed in black and white: a ✱
//! before the day, a bold header with the holiday's name, and a grey column; a legend on every
//! page says so and lists the shift types.
//!
//! Left out on purpose: cancelled shifts (they are not worked) and absences.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::canvas::{fit, wrap, Align, Page};
use super::fonts::{self, Weight};
use super::frame::{self, clock, hours, short_date, tr, weekday, Doc, MARGIN};
use super::{Lang, PdfOptions};
use crate::calendar::{holidays_on, is_red_day, Holiday, Week};
use crate::model::{AssistantId, Plan, Role, Shift};

const NAME_W: f32 = 44.0;
const HOURS_W: f32 = 15.0;
const HEADER_H: f32 = 9.0;
const LINE_H: f32 = 4.0;
const CELL_SIZE: f32 = 8.0;

/// The red-day mark, or `*` should the font lack it.
fn red_mark() -> &'static str {
    if fonts::has_glyph(Weight::Bold, '✱') {
        "✱"
    } else {
        "*"
    }
}

struct Row<'a> {
    label: String,
    assistant: Option<&'a AssistantId>,
}

pub fn build(plan: &Plan, options: &PdfOptions) -> Doc {
    let lang = options.lang;
    let mut doc = Doc::new(plan, options, frame::whole_plan(lang), true);
    let legend = legend(plan, &doc, lang);
    let legend_h = legend.len() as f32 * 3.8 + 2.0;
    doc.reserve_bottom(legend_h);

    let mut shifts: Vec<&Shift> = plan
        .shifts
        .iter()
        .filter(|s| s.counts())
        .filter(|s| {
            let d = s.start.local_date();
            options.from <= d && d <= options.to
        })
        .collect();
    shifts.sort_by_key(|s| (s.start, s.end));

    let working: Vec<&crate::model::Assistant> = plan
        .assistants
        .iter()
        .filter(|a| shifts.iter().any(|s| s.assistant.as_ref() == Some(&a.id)))
        .collect();
    let shown: Vec<&crate::model::Assistant> = if working.is_empty() {
        plan.assistants.iter().collect()
    } else {
        working
    };
    let mut rows: Vec<Row> = shown
        .into_iter()
        .map(|a| Row {
            label: match a.role {
                Role::Vikar => format!("{} ({})", a.name, tr(lang, "vikar", "sub")),
                Role::Fast => a.name.clone(),
            },
            assistant: Some(&a.id),
        })
        .collect();
    if shifts.iter().any(|s| s.assistant.is_none()) {
        rows.push(Row {
            label: tr(lang, "Ikke besatt", "Not staffed").to_string(),
            assistant: None,
        });
    }

    let mut by_day: ByDay = HashMap::new();
    for s in &shifts {
        by_day
            .entry((s.assistant.as_ref(), s.start.local_date()))
            .or_default()
            .push(s);
    }
    let mut week = Week::containing(options.from);
    let last = Week::containing(options.to);
    // Rows of one week that do not fit on one page continue on the next, under the header.
    let capacity = doc.bottom() - frame::BODY_TOP - HEADER_H - 4.0;
    while week <= last {
        let mut start = 0;
        while start < rows.len() {
            let mut used = 0.0;
            let mut end = start;
            while end < rows.len() {
                let h = row_height(&rows[end], &by_day, week);
                if end > start && used + h > capacity {
                    break;
                }
                used += h;
                end += 1;
            }
            week_block(&mut doc, &rows[start..end], &by_day, week, options, lang);
            start = end;
        }
        week = week.plus(1);
    }

    doc.each_page(|page, bottom| {
        let mut y = bottom + 4.0;
        for line in &legend {
            page.text(MARGIN, y, 7.5, Weight::Regular, Align::Left, line);
            y += 3.8;
        }
    });
    doc
}

fn legend(plan: &Plan, doc: &Doc, lang: Lang) -> Vec<String> {
    let mut types: Vec<String> = plan
        .shift_types
        .iter()
        .map(|t| {
            format!(
                "{} = {} {}–{}",
                t.code,
                t.name,
                t.start.format("%H:%M"),
                t.end.format("%H:%M")
            )
        })
        .collect();
    if types.is_empty() {
        types.push(tr(lang, "ingen vakttyper", "no shift types").into());
    }
    let first = format!(
        "{}: {}",
        tr(lang, "Vakttyper", "Shift types"),
        types.join("   ·   ")
    );
    let second = format!(
        "{} {}",
        red_mark(),
        tr(
            lang,
            "og grå kolonne: søn- eller helgedag (rød dag).   Timer: arbeidstid i uken, pauser medregnet.   Grå celle: utenfor perioden.",
            "and grey column: Sunday or public holiday.   Hours: working time in the week, breaks included.   Grey cell: outside the period."
        )
    );
    let max = doc.right() - MARGIN;
    let mut lines = wrap(Weight::Regular, 7.5, max, &first);
    lines.push(second);
    lines
}

/// The height of a row in `week`: one line per shift on its busiest day.
fn row_height(row: &Row, by_day: &ByDay, week: Week) -> f32 {
    let lines = week
        .days()
        .map(|day| on_day(by_day, row, day).len())
        .max()
        .unwrap_or(0)
        .max(1);
    lines as f32 * LINE_H + 2.2
}

/// The shifts of each assistant (or of nobody) on each day, in order of start.
type ByDay<'a> = HashMap<(Option<&'a AssistantId>, NaiveDate), Vec<&'a Shift>>;

fn on_day<'a>(by_day: &'a ByDay<'a>, row: &Row<'a>, day: NaiveDate) -> &'a [&'a Shift] {
    by_day.get(&(row.assistant, day)).map_or(&[], Vec::as_slice)
}

fn holiday_name(date: NaiveDate, lang: Lang) -> Option<&'static str> {
    holidays_on(date)
        .into_iter()
        .find(|h| *h != Holiday::Sunday)
        .map(|h| match lang {
            Lang::Nb => h.name_nb(),
            Lang::En => h.name_en(),
        })
}

fn week_block(
    doc: &mut Doc,
    rows: &[Row],
    by_day: &ByDay,
    week: Week,
    options: &PdfOptions,
    lang: Lang,
) {
    let days: Vec<NaiveDate> = week.days().collect();
    let in_period = |d: NaiveDate| options.from <= d && d <= options.to;
    // Each row's cells: the lines of each day.
    let cells: Vec<Vec<Vec<(String, String)>>> = rows
        .iter()
        .map(|row| {
            days.iter()
                .map(|day| {
                    on_day(by_day, row, *day)
                        .iter()
                        .map(|s| {
                            let code = s.shift_type.clone().unwrap_or_default();
                            let times = format!("{}–{}", clock(s.start), clock(s.end));
                            (code, times)
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let row_heights: Vec<f32> = rows.iter().map(|r| row_height(r, by_day, week)).collect();
    let block_h = HEADER_H + row_heights.iter().sum::<f32>() + 4.0;
    doc.room(block_h);

    let left = MARGIN;
    let right = doc.right();
    let day_w = (right - left - NAME_W - HOURS_W) / 7.0;
    let day_x = |i: usize| left + NAME_W + day_w * i as f32;
    let top = doc.y;
    let bottom = top + block_h - 4.0;
    let page: &mut Page = doc.page();

    // Backgrounds first: header band, red-day columns, days outside the period.
    page.fill(left, top, right - left, HEADER_H, 0.88);
    for (i, day) in days.iter().enumerate() {
        if !in_period(*day) {
            page.fill(
                day_x(i),
                top + HEADER_H,
                day_w,
                bottom - top - HEADER_H,
                0.8,
            );
        } else if is_red_day(*day) {
            page.fill(day_x(i), top, day_w, HEADER_H, 0.72);
            page.fill(
                day_x(i),
                top + HEADER_H,
                day_w,
                bottom - top - HEADER_H,
                0.92,
            );
        }
    }

    let (iso_year, iso_week) = week.iso();
    page.text(
        left + 1.2,
        top + 4.0,
        10.0,
        Weight::Bold,
        Align::Left,
        &format!("{} {iso_week}", tr(lang, "Uke", "Week")),
    );
    page.text(
        left + 1.2,
        top + 7.8,
        7.0,
        Weight::Regular,
        Align::Left,
        &iso_year.to_string(),
    );
    for (i, day) in days.iter().enumerate() {
        let x = day_x(i) + 1.2;
        let red = is_red_day(*day);
        let label = if red {
            format!(
                "{} {} {}",
                red_mark(),
                weekday(*day, lang),
                short_date(*day, lang)
            )
        } else {
            format!("{} {}", weekday(*day, lang), short_date(*day, lang))
        };
        let weight = if red { Weight::Bold } else { Weight::Regular };
        page.text_fit(x, top + 4.0, 8.5, weight, Align::Left, day_w - 2.4, &label);
        if let Some(name) = holiday_name(*day, lang) {
            page.text_fit(
                x,
                top + 7.8,
                6.5,
                Weight::Bold,
                Align::Left,
                day_w - 2.4,
                name,
            );
        }
    }
    page.text(
        right - 1.2,
        top + 4.0,
        8.5,
        Weight::Bold,
        Align::Right,
        tr(lang, "Timer", "Hours"),
    );

    let mut y = top + HEADER_H;
    page.line(left, top, right, top, 0.4);
    page.line(left, y, right, y, 0.4);
    for ((row, days_cells), h) in rows.iter().zip(&cells).zip(&row_heights) {
        page.text_fit(
            left + 1.2,
            y + 4.2,
            8.5,
            Weight::Bold,
            Align::Left,
            NAME_W - 2.4,
            &row.label,
        );
        let week_seconds: i64 = days
            .iter()
            .flat_map(|d| on_day(by_day, row, *d))
            .map(|s| s.working_seconds())
            .sum();
        for (i, lines) in days_cells.iter().enumerate() {
            let x = day_x(i) + 1.2;
            for (n, (code, times)) in lines.iter().enumerate() {
                let ly = y + 4.2 + n as f32 * LINE_H;
                let mut tx = x;
                if !code.is_empty() {
                    let code = fit(Weight::Bold, CELL_SIZE, 8.0, code);
                    page.text(tx, ly, CELL_SIZE, Weight::Bold, Align::Left, &code);
                    tx += fonts::width_mm(Weight::Bold, CELL_SIZE, &code) + 1.2;
                }
                let room = day_x(i) + day_w - 1.0 - tx;
                page.text_fit(tx, ly, CELL_SIZE, Weight::Regular, Align::Left, room, times);
            }
        }
        let total = if week_seconds > 0 {
            hours(week_seconds as f64 / 3600.0, lang)
        } else {
            "–".to_string()
        };
        page.text(
            right - 1.2,
            y + 4.2,
            8.5,
            Weight::Bold,
            Align::Right,
            &total,
        );
        y += h;
        page.line(left, y, right, y, 0.15);
    }
    page.line(left, bottom, right, bottom, 0.4);
    for i in 0..=7 {
        let x = day_x(i);
        page.line(x, top, x, bottom, if i == 0 || i == 7 { 0.4 } else { 0.15 });
    }
    page.line(left, top, left, bottom, 0.4);
    page.line(right, top, right, bottom, 0.4);
    doc.y = top + block_h;
}
