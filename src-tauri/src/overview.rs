//! Short views of a plan for the UI, built from the core's types. Pure functions: no window, no
//! clock, no files, so they are tested as plain Rust.
//!
//! It leaves out anything a view does not show; the full plan stays in the core.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;
use turnus::model::Plan;
use turnus::rules::{self, CheckOptions, Summary};

/// What the start page shows after a plan is opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanOverview {
    /// The plan's name.
    pub name: String,
    /// The arbeidsleder's name.
    pub arbeidsleder: String,
    /// The assistants' names, in the plan's order.
    pub assistants: Vec<String>,
    /// Shifts that count: planned or worked, not cancelled.
    pub shifts: u32,
    /// Findings of the law check that break a rule.
    pub violations: u32,
    /// Findings of the law check that need a look but break no rule.
    pub warnings: u32,
}

impl PlanOverview {
    /// The overview of `plan`, with the counts from the `summary` of its law check.
    pub fn new(plan: &Plan, summary: &Summary) -> Self {
        let shifts = plan.shifts.iter().filter(|s| s.counts()).count();
        PlanOverview {
            name: plan.settings.name.clone(),
            arbeidsleder: plan.settings.arbeidsleder.clone(),
            assistants: plan.assistants.iter().map(|a| a.name.clone()).collect(),
            shifts: saturating_u32(shifts),
            violations: saturating_u32(summary.violations),
            warnings: saturating_u32(summary.warnings),
        }
    }
}

/// The core's demo plan as of `today`, checked against every rule.
pub fn demo(today: NaiveDate) -> PlanOverview {
    let plan = turnus::demo::demo_plan(today);
    let report = rules::check(&plan, &CheckOptions::default());
    PlanOverview::new(&plan, &report.summary)
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use turnus::model::{Assistant, AssistantId, ServiceType, Shift, ShiftId, ShiftStatus};
    use turnus::time::Instant;

    fn shift(id: &str, status: ShiftStatus) -> Shift {
        Shift {
            id: ShiftId(id.to_string()),
            assistant: Some(AssistantId("A".to_string())),
            start: Instant::parse("2026-06-08T08:00").expect("a valid local time"),
            end: Instant::parse("2026-06-08T16:00").expect("a valid local time"),
            break_minutes: 0,
            passive_minutes: 0,
            long_shift: false,
            service: ServiceType::PersonligAssistanse,
            status,
            note: String::new(),
            shift_type: None,
            created_at: None,
            updated_at: None,
        }
    }

    #[test]
    fn overview_names_the_people_and_counts_only_shifts_that_count() {
        let mut plan = Plan::default();
        plan.settings.name = "Sommer".to_string();
        plan.settings.arbeidsleder = "Ola".to_string();
        plan.assistants = vec![Assistant::new("A", "Kari"), Assistant::new("B", "Åse")];
        plan.shifts = vec![
            shift("s1", ShiftStatus::Planned),
            shift("s2", ShiftStatus::Worked),
            shift("s3", ShiftStatus::Cancelled),
        ];
        let summary = Summary {
            violations: 1,
            warnings: 2,
            infos: 3,
        };

        let overview = PlanOverview::new(&plan, &summary);

        assert_eq!(
            overview.assistants,
            ["Kari", "Åse"],
            "names keep the plan's order"
        );
        assert_eq!(
            overview.shifts, 2,
            "a cancelled shift is not part of the turnus"
        );
        assert_eq!((overview.violations, overview.warnings), (1, 2));
        assert_eq!(
            (overview.name.as_str(), overview.arbeidsleder.as_str()),
            ("Sommer", "Ola")
        );
    }

    #[test]
    fn demo_overview_shows_the_core_demo_plan_and_its_findings() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a real date");
        let plan = turnus::demo::demo_plan(today);

        let overview = demo(today);

        assert_eq!(overview.name, plan.settings.name);
        assert_eq!(overview.assistants.len(), plan.assistants.len());
        assert!(overview.shifts > 0, "the demo plan has shifts");
        assert!(
            overview.violations > 0,
            "the demo plan is built to show the law check finding something"
        );
    }
}
