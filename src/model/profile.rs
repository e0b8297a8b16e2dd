//! Rule profiles: the four presets of RULES.md §2 and the user's edits to any value.
//!
//! A [`Profile`] is what the user chose (a preset and overrides); [`ProfileValues`] is every
//! value in force, resolved and validated, in seconds where it is a duration.

use std::collections::BTreeMap;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::time::HOUR;

/// One of the four presets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// P0: plain law (arbeidsmiljøloven).
    Aml,
    /// P1: plain law with written individual agreements.
    AmlIndividual,
    /// P2: tariff-bound, with a written agreement with the union representative.
    Tariff,
    /// P3: the BPA tariff with an aml § 10-12 (4) long-shift agreement.
    TariffLongShifts,
}

impl Preset {
    /// Every preset, in order.
    pub const ALL: [Preset; 4] = [
        Preset::Aml,
        Preset::AmlIndividual,
        Preset::Tariff,
        Preset::TariffLongShifts,
    ];

    /// The preset's key in plan JSON.
    pub fn key(self) -> &'static str {
        match self {
            Preset::Aml => "aml",
            Preset::AmlIndividual => "aml_individual",
            Preset::Tariff => "tariff",
            Preset::TariffLongShifts => "tariff_long_shifts",
        }
    }

    /// Parse a preset key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The Norwegian name.
    pub fn name_nb(self) -> &'static str {
        match self {
            Preset::Aml => "Arbeidsmiljøloven",
            Preset::AmlIndividual => "Arbeidsmiljøloven med individuelle avtaler",
            Preset::Tariff => "Tariffavtale",
            Preset::TariffLongShifts => "Tariffavtale med langvakter",
        }
    }
}

/// What Sunday and holiday work is held against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SundayRule {
    /// Work on a red day → the next red day off (aml § 10-10 (4)).
    NextOff,
    /// Averaged by written agreement: at most half in 26 weeks, one off in every 4 weeks.
    Average,
}

/// A profile as chosen: a preset plus edited values, kept as the user wrote them.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub preset: Preset,
    pub overrides: BTreeMap<Param, ParamValue>,
}

impl Profile {
    /// A preset with no edits.
    pub fn preset(preset: Preset) -> Self {
        Profile {
            preset,
            overrides: BTreeMap::new(),
        }
    }

    /// Every value in force: the preset's, with the overrides on top.
    pub fn values(&self) -> ProfileValues {
        let mut values = ProfileValues::preset(self.preset);
        for (param, value) in &self.overrides {
            values.apply(*param, value);
        }
        values
    }

    /// Build a profile from a preset key and raw override values, validating every value.
    pub fn from_raw(
        preset: &str,
        overrides: &BTreeMap<String, serde_json::Value>,
    ) -> Result<Self, ProfileError> {
        let preset = Preset::from_key(preset)
            .ok_or_else(|| ProfileError::UnknownPreset(preset.to_string()))?;
        let mut parsed = BTreeMap::new();
        for (key, raw) in overrides {
            let param =
                Param::from_key(key).ok_or_else(|| ProfileError::UnknownParam(key.clone()))?;
            parsed.insert(param, ParamValue::parse(param, raw)?);
        }
        let profile = Profile {
            preset,
            overrides: parsed,
        };
        profile.values().validate()?;
        Ok(profile)
    }

    /// The overrides as raw JSON values, for writing back.
    pub fn raw_overrides(&self) -> BTreeMap<String, serde_json::Value> {
        self.overrides
            .iter()
            .map(|(p, v)| (p.key().to_string(), v.to_json()))
            .collect()
    }
}

impl Default for Profile {
    fn default() -> Self {
        Profile::preset(Preset::Aml)
    }
}

/// Why a profile cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    #[error("unknown rule profile «{0}»; use aml, aml_individual, tariff or tariff_long_shifts")]
    UnknownPreset(String),
    #[error("unknown profile value «{0}»")]
    UnknownParam(String),
    #[error("profile value {param} = {value} is not allowed: {why}")]
    Invalid {
        param: &'static str,
        value: String,
        why: &'static str,
    },
}

/// Every editable value of a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Param {
    DailyNormalMaxH,
    WeeklyNormalMaxH,
    WeeklyNormalAvgH,
    AveragingWeeks,
    PassiveExtension,
    OvertimeWeekMaxH,
    Overtime4wMaxH,
    Overtime52wMaxH,
    TotalDayMaxH,
    LongShiftMaxH,
    TotalWeekMaxH,
    TotalWeekAverageWeeks,
    TotalWeekSingleMaxH,
    DailyRestMinH,
    DailyRestFloorH,
    RestAfterLongShiftH,
    WeeklyRestMinH,
    SundayRule,
    NightStart,
    NightEnd,
}

/// The kind of value a parameter takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Hours, may be absent (null) where the preset has none.
    Hours,
    Weeks,
    Flag,
    Sunday,
    Clock,
}

impl Param {
    /// Every parameter, in the order of RULES.md §2.
    pub const ALL: [Param; 20] = [
        Param::DailyNormalMaxH,
        Param::WeeklyNormalMaxH,
        Param::WeeklyNormalAvgH,
        Param::AveragingWeeks,
        Param::PassiveExtension,
        Param::OvertimeWeekMaxH,
        Param::Overtime4wMaxH,
        Param::Overtime52wMaxH,
        Param::TotalDayMaxH,
        Param::LongShiftMaxH,
        Param::TotalWeekMaxH,
        Param::TotalWeekAverageWeeks,
        Param::TotalWeekSingleMaxH,
        Param::DailyRestMinH,
        Param::DailyRestFloorH,
        Param::RestAfterLongShiftH,
        Param::WeeklyRestMinH,
        Param::SundayRule,
        Param::NightStart,
        Param::NightEnd,
    ];

    /// The key in plan JSON.
    pub fn key(self) -> &'static str {
        match self {
            Param::DailyNormalMaxH => "daily_normal_max_h",
            Param::WeeklyNormalMaxH => "weekly_normal_max_h",
            Param::WeeklyNormalAvgH => "weekly_normal_avg_h",
            Param::AveragingWeeks => "averaging_weeks",
            Param::PassiveExtension => "passive_extension",
            Param::OvertimeWeekMaxH => "overtime_week_max_h",
            Param::Overtime4wMaxH => "overtime_4w_max_h",
            Param::Overtime52wMaxH => "overtime_52w_max_h",
            Param::TotalDayMaxH => "total_day_max_h",
            Param::LongShiftMaxH => "long_shift_max_h",
            Param::TotalWeekMaxH => "total_week_max_h",
            Param::TotalWeekAverageWeeks => "total_week_average_weeks",
            Param::TotalWeekSingleMaxH => "total_week_single_max_h",
            Param::DailyRestMinH => "daily_rest_min_h",
            Param::DailyRestFloorH => "daily_rest_floor_h",
            Param::RestAfterLongShiftH => "rest_after_long_shift_h",
            Param::WeeklyRestMinH => "weekly_rest_min_h",
            Param::SundayRule => "sunday_rule",
            Param::NightStart => "night_start",
            Param::NightEnd => "night_end",
        }
    }

    /// Parse a plan JSON key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    fn kind(self) -> Kind {
        match self {
            Param::AveragingWeeks | Param::TotalWeekAverageWeeks => Kind::Weeks,
            Param::PassiveExtension => Kind::Flag,
            Param::SundayRule => Kind::Sunday,
            Param::NightStart | Param::NightEnd => Kind::Clock,
            _ => Kind::Hours,
        }
    }
}

/// A user's value for one parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    /// Hours (or null: "not used").
    Hours(Option<f64>),
    Weeks(Option<u32>),
    Flag(bool),
    Sunday(SundayRule),
    Clock(NaiveTime),
}

impl ParamValue {
    fn parse(param: Param, raw: &serde_json::Value) -> Result<Self, ProfileError> {
        let invalid = |why| ProfileError::Invalid {
            param: param.key(),
            value: raw.to_string(),
            why,
        };
        match param.kind() {
            Kind::Hours => match raw {
                serde_json::Value::Null => Ok(ParamValue::Hours(None)),
                serde_json::Value::Number(n) => {
                    let h = n.as_f64().ok_or_else(|| invalid("not a number"))?;
                    if !h.is_finite() || h < 0.0 {
                        Err(invalid("hours cannot be negative"))
                    } else if h > 24.0 * 7.0 * 52.0 {
                        Err(invalid("more hours than a year has"))
                    } else {
                        Ok(ParamValue::Hours(Some(h)))
                    }
                }
                _ => Err(invalid("give a number of hours")),
            },
            Kind::Weeks => match raw {
                serde_json::Value::Null => Ok(ParamValue::Weeks(None)),
                serde_json::Value::Number(n) => match n.as_u64() {
                    Some(w) if w <= 520 => Ok(ParamValue::Weeks(Some(w as u32))),
                    _ => Err(invalid("give a whole number of weeks, 0 to 520")),
                },
                _ => Err(invalid("give a whole number of weeks")),
            },
            Kind::Flag => raw
                .as_bool()
                .map(ParamValue::Flag)
                .ok_or_else(|| invalid("give true or false")),
            Kind::Sunday => match raw.as_str() {
                Some("next_off") => Ok(ParamValue::Sunday(SundayRule::NextOff)),
                Some("average") => Ok(ParamValue::Sunday(SundayRule::Average)),
                _ => Err(invalid("give next_off or average")),
            },
            Kind::Clock => raw
                .as_str()
                .and_then(|s| NaiveTime::parse_from_str(s, "%H:%M").ok())
                .map(ParamValue::Clock)
                .ok_or_else(|| invalid("give a time of day as HH:MM")),
        }
    }

    fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            ParamValue::Hours(h) => json!(h),
            ParamValue::Weeks(w) => json!(w),
            ParamValue::Flag(b) => json!(b),
            ParamValue::Sunday(SundayRule::NextOff) => json!("next_off"),
            ParamValue::Sunday(SundayRule::Average) => json!("average"),
            ParamValue::Clock(t) => json!(t.format("%H:%M").to_string()),
        }
    }
}

/// Every value in force for one assistant. Durations are in seconds.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileValues {
    pub daily_normal_max: i64,
    pub weekly_normal_max: i64,
    pub weekly_normal_avg: Option<i64>,
    /// `None` with `weekly_normal_avg` set means each week stands alone (no averaging
    /// agreement): the average is checked over periods of one week. (design)
    pub averaging_weeks: Option<u32>,
    pub passive_extension: bool,
    pub overtime_week_max: i64,
    pub overtime_4w_max: i64,
    pub overtime_52w_max: i64,
    pub total_day_max: i64,
    pub long_shift_max: Option<i64>,
    pub total_week_max: i64,
    pub total_week_average_weeks: u32,
    pub total_week_single_max: Option<i64>,
    pub daily_rest_min: i64,
    pub daily_rest_floor: Option<i64>,
    pub rest_after_long_shift: Option<i64>,
    pub weekly_rest_min: i64,
    pub sunday_rule: SundayRule,
    pub night_start: NaiveTime,
    pub night_end: NaiveTime,
}

fn h(hours: f64) -> i64 {
    (hours * HOUR as f64).round() as i64
}

fn clock(hour: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, 0, 0).expect("a valid hour")
}

impl ProfileValues {
    /// The values of a preset (RULES.md §2).
    pub fn preset(preset: Preset) -> Self {
        let tariff = matches!(preset, Preset::Tariff | Preset::TariffLongShifts);
        let long = preset == Preset::TariffLongShifts;
        ProfileValues {
            daily_normal_max: h(match preset {
                Preset::Aml => 9.0,
                Preset::AmlIndividual => 10.0,
                _ => 12.5,
            }),
            weekly_normal_max: h(match preset {
                Preset::Aml => 40.0,
                Preset::AmlIndividual => 48.0,
                _ => 54.0,
            }),
            weekly_normal_avg: (preset != Preset::Aml).then(|| h(40.0)),
            averaging_weeks: (preset != Preset::Aml).then_some(52),
            passive_extension: !tariff,
            overtime_week_max: h(if tariff { 20.0 } else { 10.0 }),
            overtime_4w_max: h(if tariff { 50.0 } else { 25.0 }),
            overtime_52w_max: h(if tariff { 300.0 } else { 200.0 }),
            total_day_max: h(if tariff { 16.0 } else { 13.0 }),
            long_shift_max: long.then(|| h(24.0)),
            total_week_max: h(48.0),
            total_week_average_weeks: if tariff { 8 } else { 0 },
            total_week_single_max: tariff.then(|| h(69.0)),
            daily_rest_min: h(11.0),
            daily_rest_floor: tariff.then(|| h(8.0)),
            rest_after_long_shift: long.then(|| h(22.0)),
            weekly_rest_min: h(if tariff { 28.0 } else { 35.0 }),
            sunday_rule: if preset == Preset::Aml {
                SundayRule::NextOff
            } else {
                SundayRule::Average
            },
            night_start: clock(21),
            night_end: clock(6),
        }
    }

    fn apply(&mut self, param: Param, value: &ParamValue) {
        let hours = |v: &ParamValue| match v {
            ParamValue::Hours(x) => x.map(h),
            _ => None,
        };
        let required = |current: i64, v: &ParamValue| hours(v).unwrap_or(current);
        match param {
            Param::DailyNormalMaxH => {
                self.daily_normal_max = required(self.daily_normal_max, value)
            }
            Param::WeeklyNormalMaxH => {
                self.weekly_normal_max = required(self.weekly_normal_max, value)
            }
            Param::WeeklyNormalAvgH => self.weekly_normal_avg = hours(value),
            Param::AveragingWeeks => {
                if let ParamValue::Weeks(w) = value {
                    self.averaging_weeks = w.filter(|w| *w > 0);
                }
            }
            Param::PassiveExtension => {
                if let ParamValue::Flag(b) = value {
                    self.passive_extension = *b;
                }
            }
            Param::OvertimeWeekMaxH => {
                self.overtime_week_max = required(self.overtime_week_max, value)
            }
            Param::Overtime4wMaxH => self.overtime_4w_max = required(self.overtime_4w_max, value),
            Param::Overtime52wMaxH => {
                self.overtime_52w_max = required(self.overtime_52w_max, value)
            }
            Param::TotalDayMaxH => self.total_day_max = required(self.total_day_max, value),
            Param::LongShiftMaxH => self.long_shift_max = hours(value),
            Param::TotalWeekMaxH => self.total_week_max = required(self.total_week_max, value),
            Param::TotalWeekAverageWeeks => {
                if let ParamValue::Weeks(w) = value {
                    self.total_week_average_weeks = w.unwrap_or(0);
                }
            }
            Param::TotalWeekSingleMaxH => self.total_week_single_max = hours(value),
            Param::DailyRestMinH => self.daily_rest_min = required(self.daily_rest_min, value),
            Param::DailyRestFloorH => self.daily_rest_floor = hours(value),
            Param::RestAfterLongShiftH => self.rest_after_long_shift = hours(value),
            Param::WeeklyRestMinH => self.weekly_rest_min = required(self.weekly_rest_min, value),
            Param::SundayRule => {
                if let ParamValue::Sunday(rule) = value {
                    self.sunday_rule = *rule;
                }
            }
            Param::NightStart => {
                if let ParamValue::Clock(t) = value {
                    self.night_start = *t;
                }
            }
            Param::NightEnd => {
                if let ParamValue::Clock(t) = value {
                    self.night_end = *t;
                }
            }
        }
    }

    /// Reject values no rule can use: a night shorter than 8 h or not holding 00:00–06:00, a
    /// rest floor above the rest minimum, a daily limit of zero.
    pub fn validate(&self) -> Result<(), ProfileError> {
        let night = |why| ProfileError::Invalid {
            param: "night_start/night_end",
            value: format!(
                "{}–{}",
                self.night_start.format("%H:%M"),
                self.night_end.format("%H:%M")
            ),
            why,
        };
        if self.night_length() < 8 * HOUR {
            return Err(night("the night period must last at least 8 hours"));
        }
        let six = clock(6);
        let holds_small_hours = self.night_end >= six
            && (self.night_start == NaiveTime::MIN || self.night_start > self.night_end);
        if !holds_small_hours {
            return Err(night("the night period must hold 00:00–06:00"));
        }
        if let Some(floor) = self.daily_rest_floor {
            if floor > self.daily_rest_min {
                return Err(ProfileError::Invalid {
                    param: "daily_rest_floor_h",
                    value: format!("{}", floor as f64 / HOUR as f64),
                    why: "the reduced rest cannot be longer than the daily rest",
                });
            }
        }
        let positive = [
            ("daily_normal_max_h", self.daily_normal_max),
            ("weekly_normal_max_h", self.weekly_normal_max),
            ("total_day_max_h", self.total_day_max),
            ("total_week_max_h", self.total_week_max),
        ];
        for (param, value) in positive {
            if value <= 0 {
                return Err(ProfileError::Invalid {
                    param,
                    value: "0".into(),
                    why: "the limit must be more than 0 hours",
                });
            }
        }
        Ok(())
    }

    /// Length of the night period in seconds (on a day without a clock change).
    pub fn night_length(&self) -> i64 {
        let start = i64::from(chrono::Timelike::num_seconds_from_midnight(
            &self.night_start,
        ));
        let end = i64::from(chrono::Timelike::num_seconds_from_midnight(&self.night_end));
        if start == 0 {
            end
        } else {
            (end - start).rem_euclid(24 * HOUR)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn raw(v: serde_json::Value) -> BTreeMap<String, serde_json::Value> {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn presets_hold_the_table_of_rules_md() {
        let aml = ProfileValues::preset(Preset::Aml);
        assert_eq!(aml.daily_normal_max, 9 * HOUR);
        assert_eq!(aml.weekly_normal_avg, None);
        assert_eq!(aml.sunday_rule, SundayRule::NextOff);
        let tariff = ProfileValues::preset(Preset::Tariff);
        assert_eq!(tariff.daily_normal_max, 12 * HOUR + 30 * 60);
        assert_eq!(tariff.daily_rest_floor, Some(8 * HOUR));
        assert_eq!(tariff.total_week_average_weeks, 8);
        assert!(!tariff.passive_extension);
        let long = ProfileValues::preset(Preset::TariffLongShifts);
        assert_eq!(long.long_shift_max, Some(24 * HOUR));
        assert_eq!(long.rest_after_long_shift, Some(22 * HOUR));
    }

    #[test]
    fn overrides_replace_single_values() {
        let p = Profile::from_raw("aml", &raw(json!({"weekly_normal_avg_h": 38}))).unwrap();
        assert_eq!(p.values().weekly_normal_avg, Some(38 * HOUR));
        assert_eq!(p.values().daily_normal_max, 9 * HOUR);
    }

    #[test]
    fn unknown_preset_param_and_negative_hours_are_refused() {
        assert!(matches!(
            Profile::from_raw("strict", &BTreeMap::new()),
            Err(ProfileError::UnknownPreset(_))
        ));
        assert!(matches!(
            Profile::from_raw("aml", &raw(json!({"daily_max": 9}))),
            Err(ProfileError::UnknownParam(_))
        ));
        assert!(matches!(
            Profile::from_raw("aml", &raw(json!({"daily_normal_max_h": -1}))),
            Err(ProfileError::Invalid { .. })
        ));
    }

    #[test]
    fn night_shorter_than_8_hours_or_missing_small_hours_is_refused() {
        let short = raw(json!({"night_start": "23:00", "night_end": "06:00"}));
        assert!(Profile::from_raw("aml", &short).is_err());
        let late = raw(json!({"night_start": "01:00", "night_end": "10:00"}));
        assert!(
            Profile::from_raw("aml", &late).is_err(),
            "must hold 00:00–01:00"
        );
        let ok = raw(json!({"night_start": "22:00", "night_end": "06:00"}));
        assert!(Profile::from_raw("aml", &ok).is_ok());
        let midnight = raw(json!({"night_start": "00:00", "night_end": "08:00"}));
        assert!(Profile::from_raw("aml", &midnight).is_ok());
    }
}
