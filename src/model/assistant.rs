//! Assistants and vikarer.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AssistantId, Profile};

/// A permanent assistant or a substitute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Fast assistent.
    Fast,
    /// Vikar (substitute).
    Vikar,
}

/// A person who works for the arbeidsleder.
#[derive(Clone, Debug, PartialEq)]
pub struct Assistant {
    pub id: AssistantId,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub role: Role,
    /// Contracted minutes per week, if a contract states them.
    pub contract_minutes_per_week: Option<i64>,
    /// `#rrggbb`, used beside the name; never the only sign.
    pub colour: String,
    /// `None` means the plan's profile; otherwise this profile replaces it completely.
    pub profile: Option<Profile>,
    /// For the extra holiday week in the year the assistant turns 60.
    pub birth_year: Option<i32>,
    /// 25 (ferieloven) or 30 virkedager (tariff or an agreed fifth week).
    pub holiday_entitlement: u32,
    /// Nærstående: a close family member of the user.
    pub close_family: bool,
    /// The date of the municipality's written approval of a close family member.
    pub family_approval: Option<NaiveDate>,
    pub start_date: Option<NaiveDate>,
}

impl Assistant {
    /// An assistant with only an id and a name; every other field at its default.
    pub fn new(id: &str, name: &str) -> Self {
        Assistant {
            id: AssistantId(id.to_string()),
            name: name.to_string(),
            phone: String::new(),
            email: String::new(),
            role: Role::Fast,
            contract_minutes_per_week: None,
            colour: String::new(),
            profile: None,
            birth_year: None,
            holiday_entitlement: 25,
            close_family: false,
            family_approval: None,
            start_date: None,
        }
    }
}

impl Assistant {
    /// The name, or the id when no name is given.
    pub fn name_or_id(&self) -> String {
        if self.name.trim().is_empty() {
            self.id.to_string()
        } else {
            self.name.clone()
        }
    }
}
