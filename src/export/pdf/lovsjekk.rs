//! The lovsjekk: the rule profile in force (its preset and every value, for the plan and for
//! each assistant with a profile of their own) and every finding of the checker in the period,
//! with the measured value, the limit and the law, in the sentences of `rules::explain`. With
//! no violations it says so plainly.
//!
//! Left out on purpose: any rule text of its own; the sentences are `rules::explain`'s.

use chrono::Duration;

use super::canvas::Align;
use super::fonts::Weight;
use super::frame::{self, tr, Column, Doc, Row};
use super::{Lang, PdfOptions};
use crate::model::{Plan, Preset, Profile, ProfileValues, SundayRule};
use crate::rules::explain::{duration, explain, rule_title, severity_label};
use crate::rules::{check, CheckOptions, Finding, Severity, Unit};
use crate::time::{Instant, MINUTE};

pub fn build(plan: &Plan, options: &PdfOptions) -> Doc {
    let lang = options.lang;
    let mut doc = Doc::new(plan, options, frame::whole_plan(lang), false);
    let report = check(
        plan,
        &CheckOptions {
            from: Some(Instant::start_of_day(options.from)),
            to: Some(Instant::start_of_day(options.to + Duration::days(1))),
            today: Some(options.made),
        },
    );
    let s = report.summary;
    let verdict = if s.violations == 0 {
        tr(
            lang,
            "Ingen brudd funnet i perioden.",
            "No violations found in the period.",
        )
        .to_string()
    } else {
        format!(
            "{}, {} {} {} {}.",
            count(
                s.violations,
                "brudd",
                "brudd",
                "violation",
                "violations",
                lang
            ),
            count(
                s.warnings,
                "advarsel",
                "advarsler",
                "warning",
                "warnings",
                lang
            ),
            tr(lang, "og", "and"),
            count(s.infos, "merknad", "merknader", "note", "notes", lang),
            tr(lang, "i perioden", "in the period"),
        )
    };
    doc.paragraph(&verdict, 12.0, Weight::Bold, 0.0);
    if s.violations == 0 && s.warnings + s.infos > 0 {
        let more = match lang {
            Lang::Nb => format!(
                "{} og {} står nedenfor.",
                count(s.warnings, "advarsel", "advarsler", "", "", lang),
                count(s.infos, "merknad", "merknader", "", "", lang)
            ),
            Lang::En => format!(
                "{} and {} are listed below.",
                count(s.warnings, "", "", "warning", "warnings", lang),
                count(s.infos, "", "", "note", "notes", lang)
            ),
        };
        doc.paragraph(&more, 9.5, Weight::Regular, 0.0);
    }
    doc.y += 3.0;

    if !report.findings.is_empty() {
        doc.heading(tr(lang, "Funn", "Findings"), 20.0);
        doc.paragraph(
            tr(
                lang,
                "■ brudd (en grense er overskredet)   ▲ advarsel   ○ merknad",
                "■ violation (a limit is exceeded)   ▲ warning   ○ note",
            ),
            8.0,
            Weight::Regular,
            0.0,
        );
        doc.y += 2.0;
        for finding in &report.findings {
            finding_block(&mut doc, plan, finding, lang);
        }
    }

    profile_table(
        &mut doc,
        &plan.profile,
        tr(
            lang,
            "planen (alle uten egen profil)",
            "the plan (everyone without their own)",
        ),
        lang,
    );
    for a in &plan.assistants {
        if let Some(p) = &a.profile {
            profile_table(&mut doc, p, &a.name, lang);
        }
    }
    doc
}

fn finding_block(doc: &mut Doc, plan: &Plan, f: &Finding, lang: Lang) {
    doc.room(24.0);
    let names: Vec<String> = f
        .assistants
        .iter()
        .map(|id| {
            plan.assistant(id)
                .map_or(id.to_string(), |a| a.name.clone())
        })
        .collect();
    let mark = match f.severity {
        Severity::Violation => "■",
        Severity::Warning => "▲",
        Severity::Info => "○",
    };
    let head = format!(
        "{mark} {}: {} ({}){}{}",
        severity_label(f.severity, lang),
        rule_title(f.rule, lang),
        f.rule.id(),
        if names.is_empty() { "" } else { " · " },
        names.join(", ")
    );
    doc.paragraph(&head, 9.5, Weight::Bold, 0.0);
    let when = if f.start == f.end {
        f.start.display_local()
    } else {
        format!("{} – {}", f.start.display_local(), f.end.display_local())
    };
    doc.paragraph(
        &format!("{}: {when}", tr(lang, "Når", "When")),
        9.0,
        Weight::Regular,
        4.0,
    );
    doc.paragraph(&explain(f, lang), 9.0, Weight::Regular, 4.0);
    doc.paragraph(
        &format!(
            "{}: {}   ·   {}: {}   ·   {}: {}",
            tr(lang, "Målt", "Measured"),
            amount(f.measured, f.unit, lang),
            tr(lang, "Grense", "Limit"),
            amount(f.limit, f.unit, lang),
            tr(lang, "Lov", "Law"),
            f.law()
        ),
        9.0,
        Weight::Regular,
        4.0,
    );
    doc.y += 2.5;
}

/// `n` with the singular or plural noun of `lang`.
fn count(n: usize, nb_one: &str, nb_many: &str, en_one: &str, en_many: &str, lang: Lang) -> String {
    let noun = match (lang, n == 1) {
        (Lang::Nb, true) => nb_one,
        (Lang::Nb, false) => nb_many,
        (Lang::En, true) => en_one,
        (Lang::En, false) => en_many,
    };
    format!("{n} {noun}")
}

fn amount(n: i64, unit: Unit, lang: Lang) -> String {
    match (unit, lang) {
        (Unit::Minutes, _) => duration(n, lang),
        (Unit::Days, Lang::Nb) => format!("{n} {}", if n == 1 { "dag" } else { "dager" }),
        (Unit::Days, Lang::En) => format!("{n} {}", if n == 1 { "day" } else { "days" }),
    }
}

fn preset_name(p: Preset, lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => p.name_nb(),
        Lang::En => match p {
            Preset::Aml => "Working Environment Act",
            Preset::AmlIndividual => "Working Environment Act with individual agreements",
            Preset::Tariff => "Collective agreement",
            Preset::TariffLongShifts => "Collective agreement with long shifts",
        },
    }
}

fn profile_table(doc: &mut Doc, profile: &Profile, whose: &str, lang: Lang) {
    let heading = format!(
        "{} {whose}: {} ({})",
        tr(lang, "Regelprofil for", "Rule profile of"),
        preset_name(profile.preset, lang),
        profile.preset.key()
    );
    doc.heading(&heading, 40.0);
    let columns = [
        Column::new(tr(lang, "Verdi", "Value"), 90.0, Align::Left),
        Column::new(tr(lang, "I kraft", "In force"), 40.0, Align::Right),
        Column::new(tr(lang, "Endret", "Changed"), 20.0, Align::Centre),
    ];
    let changed: Vec<&str> = profile.overrides.keys().map(|p| p.key()).collect();
    let rows: Vec<Row> = values(&profile.values(), lang)
        .into_iter()
        .map(|(key, label, value)| {
            let edited = if changed.contains(&key) { "✓" } else { "" };
            Row::plain(vec![label.to_string(), value, edited.to_string()])
        })
        .collect();
    doc.table(&columns, &rows);
}

/// Every value of a profile: its plan JSON key, its label and the value as printed.
fn values(v: &ProfileValues, lang: Lang) -> Vec<(&'static str, &'static str, String)> {
    let h = |secs: i64| duration(secs / MINUTE, lang);
    let opt =
        |secs: Option<i64>| secs.map_or_else(|| tr(lang, "ikke brukt", "not used").to_string(), h);
    let weeks = |w: u32| match lang {
        Lang::Nb => format!("{w} uker"),
        Lang::En => format!("{w} weeks"),
    };
    let yes_no = |b: bool| {
        tr(
            lang,
            if b { "ja" } else { "nei" },
            if b { "yes" } else { "no" },
        )
        .to_string()
    };
    vec![
        (
            "daily_normal_max_h",
            tr(lang, "Normal arbeidstid per dag", "Normal hours per day"),
            h(v.daily_normal_max),
        ),
        (
            "weekly_normal_max_h",
            tr(lang, "Normal arbeidstid per uke", "Normal hours per week"),
            h(v.weekly_normal_max),
        ),
        (
            "weekly_normal_avg_h",
            tr(lang, "Gjennomsnittlig normal uke", "Average normal week"),
            opt(v.weekly_normal_avg),
        ),
        (
            "averaging_weeks",
            tr(lang, "Gjennomsnittsperiode", "Averaging period"),
            v.averaging_weeks.map_or_else(
                || tr(lang, "hver uke for seg", "each week alone").to_string(),
                weeks,
            ),
        ),
        (
            "passive_extension",
            tr(
                lang,
                "Passiv tid forlenger arbeidstiden",
                "Passive time extends hours",
            ),
            yes_no(v.passive_extension),
        ),
        (
            "overtime_week_max_h",
            tr(lang, "Overtid per uke", "Overtime per week"),
            h(v.overtime_week_max),
        ),
        (
            "overtime_4w_max_h",
            tr(lang, "Overtid per fire uker", "Overtime per four weeks"),
            h(v.overtime_4w_max),
        ),
        (
            "overtime_52w_max_h",
            tr(lang, "Overtid per 52 uker", "Overtime per 52 weeks"),
            h(v.overtime_52w_max),
        ),
        (
            "total_day_max_h",
            tr(lang, "Samlet arbeidstid per dag", "Total hours per day"),
            h(v.total_day_max),
        ),
        (
            "long_shift_max_h",
            tr(lang, "Langvakt høyst", "Long shift at most"),
            opt(v.long_shift_max),
        ),
        (
            "total_week_max_h",
            tr(lang, "Samlet arbeidstid per uke", "Total hours per week"),
            h(v.total_week_max),
        ),
        (
            "total_week_average_weeks",
            tr(
                lang,
                "Snitt av samlet tid over",
                "Total hours averaged over",
            ),
            if v.total_week_average_weeks == 0 {
                tr(lang, "ikke brukt", "not used").to_string()
            } else {
                weeks(v.total_week_average_weeks)
            },
        ),
        (
            "total_week_single_max_h",
            tr(
                lang,
                "Samlet tid én uke høyst",
                "Total hours one week at most",
            ),
            opt(v.total_week_single_max),
        ),
        (
            "daily_rest_min_h",
            tr(lang, "Daglig hvile minst", "Daily rest at least"),
            h(v.daily_rest_min),
        ),
        (
            "daily_rest_floor_h",
            tr(lang, "Redusert hvile minst", "Reduced rest at least"),
            opt(v.daily_rest_floor),
        ),
        (
            "rest_after_long_shift_h",
            tr(lang, "Hvile etter langvakt", "Rest after a long shift"),
            opt(v.rest_after_long_shift),
        ),
        (
            "weekly_rest_min_h",
            tr(lang, "Ukehvile minst", "Weekly rest at least"),
            h(v.weekly_rest_min),
        ),
        (
            "sunday_rule",
            tr(lang, "Søn- og helgedager", "Sundays and holidays"),
            match v.sunday_rule {
                SundayRule::NextOff => tr(lang, "neste fri", "next one off").to_string(),
                SundayRule::Average => tr(lang, "gjennomsnitt", "averaged").to_string(),
            },
        ),
        (
            "night_start",
            tr(lang, "Natt fra", "Night from"),
            v.night_start.format("%H:%M").to_string(),
        ),
        (
            "night_end",
            tr(lang, "Natt til", "Night until"),
            v.night_end.format("%H:%M").to_string(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Param;

    #[test]
    fn every_profile_parameter_is_printed() {
        let printed: Vec<&str> = values(&ProfileValues::preset(Preset::Tariff), Lang::Nb)
            .into_iter()
            .map(|(key, _, _)| key)
            .collect();
        for p in Param::ALL {
            assert!(
                printed.contains(&p.key()),
                "{} must be on the lovsjekk",
                p.key()
            );
        }
    }
}
