//! How a finding's limit is made up, where it is not the plain one: the daily normal hours
//! raised by half the passive time (aml § 10-4 (2)), a long shift's own caps, the averaging
//! of a tariff profile, the rest owed after a shortened or long one. One short note per
//! finding, in the UI's language, read from the finding and the assistant's profile.
//!
//! What it leaves out: the rules themselves (src/rules decides the limit; this only says how
//! it came about) and findings whose limit is the profile's plain value (no note then).

use super::Language;
use crate::model::{Plan, ProfileValues};
use crate::rules::explain::duration;
use crate::rules::{Detail, Finding, Rule, Unit};
use crate::time::MINUTE;

/// The note saying how `f`'s limit is made up, or `None` when it is the plain limit.
///
/// A day of 10 h 30 min with 4 h of passive time under the aml profile: "9 t + 2 t for passiv
/// tid (halvparten av 4 t passiv tid, høyst 2 t)".
pub(crate) fn limit_note(plan: &Plan, f: &Finding, lang: Language) -> Option<String> {
    if f.unit != Unit::Minutes {
        return None;
    }
    let assistant = plan.assistant(f.assistants.first()?)?;
    let p: ProfileValues = plan.profile_of(assistant).values();
    let d = |minutes: i64| duration(minutes, lang.lang());
    let min = |secs: i64| secs / MINUTE;
    let shifts = || plan.shifts.iter().filter(|s| f.shifts.contains(&s.id));
    let long = shifts().any(|s| s.long_shift);
    let say = |nb: String, en: String| Some(lang.pick(&nb, &en).to_string());
    match (f.rule, f.detail) {
        (Rule::NhD, _) | (Rule::TotD, _)
            if long && p.long_shift_max.is_some_and(|m| min(m) == f.limit) =>
        {
            let plain = if f.rule == Rule::NhD {
                p.daily_normal_max
            } else {
                p.total_day_max
            };
            say(
                format!("{} for langvakt (ellers {})", d(f.limit), d(min(plain))),
                format!(
                    "{} for a long shift (otherwise {})",
                    d(f.limit),
                    d(min(plain))
                ),
            )
        }
        (Rule::NhD, _) if p.passive_extension && f.limit > min(p.daily_normal_max) => {
            let base = min(p.daily_normal_max);
            let passive: i64 = shifts().map(|s| i64::from(s.passive_minutes)).sum();
            let extra = f.limit - base;
            let capped = extra >= 120;
            say(
                format!(
                    "{} + {} for passiv tid (halvparten av {} passiv tid{})",
                    d(base),
                    d(extra),
                    d(passive),
                    if capped { ", høyst 2 t" } else { "" }
                ),
                format!(
                    "{} + {} for passive time (half of {} passive time{})",
                    d(base),
                    d(extra),
                    d(passive),
                    if capped { ", at most 2 h" } else { "" }
                ),
            )
        }
        (Rule::NhW, _) if p.passive_extension && f.limit > min(p.weekly_normal_max) => {
            let base = min(p.weekly_normal_max);
            let extra = f.limit - base;
            say(
                format!(
                    "{} + {} for passiv tid (halvparten av ukens passive tid, høyst 10 t og til sammen høyst 48 t)",
                    d(base),
                    d(extra)
                ),
                format!(
                    "{} + {} for passive time (half of the week's passive time, at most 10 h and 48 h in all)",
                    d(base),
                    d(extra)
                ),
            )
        }
        (Rule::TotW, Some(Detail::Average)) => {
            let n = p.total_week_average_weeks;
            say(
                format!("{} i snitt per uke over {n} uker", d(f.limit)),
                format!("{} a week on average over {n} weeks", d(f.limit)),
            )
        }
        (Rule::TotW, Some(Detail::SingleWeek)) => {
            let n = p.total_week_average_weeks;
            say(
                format!(
                    "{} i én uke når arbeidstiden regnes i snitt over {n} uker (snittet høyst {})",
                    d(f.limit),
                    d(min(p.total_week_max))
                ),
                format!(
                    "{} in one week when hours are averaged over {n} weeks (the average at most {})",
                    d(f.limit),
                    d(min(p.total_week_max))
                ),
            )
        }
        (Rule::NhAvg, _) => {
            let n = p.averaging_weeks.filter(|n| *n > 1)?;
            say(
                format!("{} i snitt per uke over {n} uker", d(f.limit)),
                format!("{} a week on average over {n} weeks", d(f.limit)),
            )
        }
        (Rule::RestD, Some(Detail::AfterLongShift)) => say(
            format!(
                "{} etter langvakt (ellers {})",
                d(f.limit),
                d(min(p.daily_rest_min))
            ),
            format!(
                "{} after a long shift (otherwise {})",
                d(f.limit),
                d(min(p.daily_rest_min))
            ),
        ),
        (Rule::RestD, Some(Detail::Compensation)) if f.limit > min(p.daily_rest_min) => {
            let base = min(p.daily_rest_min);
            say(
                format!(
                    "{} + {} for å veie opp den kortere hvilen før",
                    d(base),
                    d(f.limit - base)
                ),
                format!(
                    "{} + {} to make up for the shorter rest before",
                    d(base),
                    d(f.limit - base)
                ),
            )
        }
        (Rule::RestD, Some(Detail::Window)) if f.limit < min(p.daily_rest_min) => say(
            format!(
                "{} etter avtale om kortere hvile (ellers {})",
                d(f.limit),
                d(min(p.daily_rest_min))
            ),
            format!(
                "{} under an agreement on shorter rest (otherwise {})",
                d(f.limit),
                d(min(p.daily_rest_min))
            ),
        ),
        _ => None,
    }
}
