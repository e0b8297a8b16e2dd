//! The egenandel (user fee) estimate of RULES.md §7: only hours of praktisk bistand og
//! opplæring (personlig assistanse not marked personlig stell) and støttekontakt can carry a
//! fee; personlig stell and avlastning never do. The fee of a month is the chosen table's
//! bracket: min(hours × rate, cap), or a flat monthly fee when any fee-bearing hour was given;
//! in a bracket under 2 G never above the state maximum of that year. Always an estimate: the
//! municipality's vedtak decides.
//!
//! The tables are data (`src/data/egenandel.json`, embedded): the two presets of RULES.md with
//! their source, valid-from date and G, and the state maximum under 2 G by year. Tables the
//! user adds live in the plan ([`Plan::egenandel_tables`]).

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::model::{EgenandelFee, EgenandelTable, Month, Plan, ServiceType, Shift};
use crate::time::MINUTE;

#[derive(Deserialize)]
struct Data {
    state_max_under_2g: Vec<StateMax>,
    tables: Vec<EgenandelTable>,
}

/// The state maximum per month for households under 2 G, from a date on.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct StateMax {
    pub from: NaiveDate,
    pub monthly_kr: f64,
    pub source: String,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(include_str!("data/egenandel.json"))
            .expect("the embedded egenandel tables are valid JSON (a test reads them)")
    })
}

/// The preset tables, built in.
pub fn presets() -> &'static [EgenandelTable] {
    &data().tables
}

/// Every table the plan can use: the presets, then the user's own.
pub fn tables(plan: &Plan) -> Vec<&EgenandelTable> {
    presets()
        .iter()
        .chain(plan.egenandel_tables.iter())
        .collect()
}

/// The state maximum per month under 2 G in force on `date`, if Turnus knows one.
pub fn state_max_under_2g(date: NaiveDate) -> Option<&'static StateMax> {
    data()
        .state_max_under_2g
        .iter()
        .filter(|m| m.from <= date)
        .max_by_key(|m| m.from)
}

/// True when the shift's hours can carry a fee.
pub fn carries_fee(shift: &Shift) -> bool {
    match shift.service {
        ServiceType::PersonligAssistanse => !shift.personlig_stell,
        ServiceType::Stottekontakt => true,
        ServiceType::Avlastning => false,
    }
}

/// The fee-bearing minutes of `month`: counted shifts whose work day lies in it, at their
/// effective times.
pub fn fee_minutes(plan: &Plan, month: Month) -> i64 {
    plan.shifts
        .iter()
        .filter(|s| s.counts() && carries_fee(s) && month.holds(s.work_day()))
        .map(|s| s.effective_interval().len() / MINUTE)
        .sum()
}

/// An estimate of one month's fee.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub month: Month,
    pub table: String,
    pub bracket: String,
    pub fee_hours: f64,
    /// The hourly rate, or 0 for a flat fee.
    pub rate_kr: f64,
    /// The monthly cap (the flat fee for a flat bracket; the state maximum when it is lower);
    /// `None`: no cap.
    pub cap_kr: Option<f64>,
    pub estimate_kr: f64,
    /// True when the state maximum under 2 G lowered the fee.
    pub state_max_applied: bool,
}

/// Why an estimate cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EstimateError {
    UnknownTable(String),
    UnknownBracket(String),
}

/// The estimate of `month` under `table_id` and `bracket_id`.
pub fn estimate(
    plan: &Plan,
    month: Month,
    table_id: &str,
    bracket_id: &str,
) -> Result<Estimate, EstimateError> {
    let table = tables(plan)
        .into_iter()
        .find(|t| t.id == table_id)
        .ok_or_else(|| EstimateError::UnknownTable(table_id.to_string()))?;
    let bracket = table
        .brackets
        .iter()
        .find(|b| b.id == bracket_id)
        .ok_or_else(|| EstimateError::UnknownBracket(bracket_id.to_string()))?;
    let minutes = fee_minutes(plan, month);
    let hours = minutes as f64 / 60.0;
    let (rate, mut cap, raw) = match &bracket.fee {
        EgenandelFee::Hourly { rate_kr, cap_kr } => {
            let full = hours * rate_kr;
            (*rate_kr, *cap_kr, cap_kr.map_or(full, |c| full.min(c)))
        }
        EgenandelFee::Flat { monthly_kr } => (
            0.0,
            Some(*monthly_kr),
            if minutes > 0 { *monthly_kr } else { 0.0 },
        ),
    };
    let mut estimate = raw;
    let mut state_max_applied = false;
    if bracket.to_g.is_some_and(|to| to <= 2.0) {
        if let Some(max) = state_max_under_2g(month.last_day()) {
            if estimate > max.monthly_kr {
                estimate = max.monthly_kr;
                state_max_applied = true;
            }
            if cap.is_none_or(|c| c > max.monthly_kr) {
                cap = Some(max.monthly_kr);
            }
        }
    }
    Ok(Estimate {
        month,
        table: table.id.clone(),
        bracket: bracket.id.clone(),
        fee_hours: (hours * 100.0).round() / 100.0,
        rate_kr: rate,
        cap_kr: cap,
        estimate_kr: (estimate * 100.0).round() / 100.0,
        state_max_applied,
    })
}

/// Check a user's table: an id, a name, brackets with ids, non-negative amounts, ordered
/// bounds. Returns the field and what is wrong.
pub fn check_table(table: &EgenandelTable) -> Result<(), (String, String)> {
    let bad = |field: &str, why: &str| Err((field.to_string(), why.to_string()));
    if table.id.trim().is_empty() {
        return bad("id", "the table needs an id");
    }
    if presets().iter().any(|p| p.id == table.id) {
        return bad("id", "a built-in table has this id");
    }
    if table.name.trim().is_empty() {
        return bad("name", "the table needs a name");
    }
    if table.source.trim().is_empty() {
        return bad("source", "say where the figures come from");
    }
    if !(table.g_kr > 0.0 && table.g_kr.is_finite()) {
        return bad("g_kr", "G must be a positive amount");
    }
    if table.brackets.is_empty() {
        return bad("brackets", "the table needs at least one bracket");
    }
    for (i, b) in table.brackets.iter().enumerate() {
        let field = |name: &str| format!("brackets[{i}].{name}");
        if b.id.trim().is_empty() {
            return Err((field("id"), "the bracket needs an id".into()));
        }
        if table.brackets[..i].iter().any(|o| o.id == b.id) {
            return Err((field("id"), "two brackets have this id".into()));
        }
        if !(b.from_g >= 0.0 && b.from_g.is_finite()) || b.to_g.is_some_and(|to| to <= b.from_g) {
            return Err((
                field("to_g"),
                "the bracket must end above where it starts".into(),
            ));
        }
        let amounts: Vec<f64> = match &b.fee {
            EgenandelFee::Hourly { rate_kr, cap_kr } => {
                std::iter::once(*rate_kr).chain(*cap_kr).collect()
            }
            EgenandelFee::Flat { monthly_kr } => vec![*monthly_kr],
        };
        if amounts.iter().any(|a| !(a.is_finite() && *a >= 0.0)) {
            return Err((field("fee"), "amounts must be zero or more kroner".into()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_presets_are_the_two_tables_of_the_rules() {
        let p = presets();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].brackets.len(), 4);
        assert_eq!(p[1].brackets.len(), 5);
        assert_eq!(
            p[0].brackets[3].fee,
            EgenandelFee::Hourly {
                rate_kr: 561.0,
                cap_kr: Some(2805.0)
            }
        );
        assert_eq!(
            p[1].brackets[0].fee,
            EgenandelFee::Flat { monthly_kr: 210.0 }
        );
        for t in p {
            let mut t = t.clone();
            t.id.push_str("-copy");
            assert_eq!(check_table(&t), Ok(()), "{}", t.id);
        }
    }

    #[test]
    fn the_state_maximum_follows_the_year() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            state_max_under_2g(d(2024, 6, 30)).map(|m| m.monthly_kr),
            Some(230.0)
        );
        assert_eq!(
            state_max_under_2g(d(2019, 6, 30)).map(|m| m.monthly_kr),
            Some(210.0)
        );
        assert_eq!(state_max_under_2g(d(2010, 6, 30)), None);
    }
}
