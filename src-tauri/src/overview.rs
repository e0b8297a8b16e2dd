//! Short views of a plan for the UI, built from the core's types. Pure functions: no window, no
//! clock, no files, so they are tested as plain Rust.
//!
//! It leaves out anything a view does not show; the full plan stays in the core.

use serde::Serialize;
use ts_rs::TS;
use turnus::model::Plan;

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

/// How many findings of each severity the law check reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FindingCounts {
    pub violations: u32,
    pub warnings: u32,
}

impl PlanOverview {
    /// The overview of `plan`, with the counts of its law check.
    pub fn new(plan: &Plan, findings: FindingCounts) -> Self {
        let shifts = plan.shifts.iter().filter(|s| s.counts()).count();
        PlanOverview {
            name: plan.settings.name.clone(),
            arbeidsleder: plan.settings.arbeidsleder.clone(),
            assistants: plan.assistants.iter().map(|a| a.name.clone()).collect(),
            shifts: u32::try_from(shifts).unwrap_or(u32::MAX),
            violations: findings.violations,
            warnings: findings.warnings,
        }
    }
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
        let findings = FindingCounts {
            violations: 1,
            warnings: 2,
        };

        let overview = PlanOverview::new(&plan, findings);

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
}
