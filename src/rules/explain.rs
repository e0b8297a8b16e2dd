//! Plain-language explanations of findings, in bokmål and English.
//!
//! Sentences are rendered from a finding's fields; nothing ever parses them back. The same
//! text serves the command line, the app's law-check list and the PDF.

use super::finding::{Detail, Finding, Rule, Severity, Unit};

/// The language of user-facing text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Norwegian bokmål, the default.
    #[default]
    Nb,
    En,
}

/// A duration of whole minutes as people say it: `10 t 59 min`, `11 t`, `45 min`.
pub fn duration(minutes: i64, lang: Lang) -> String {
    let sign = if minutes < 0 { "−" } else { "" };
    let m = minutes.abs();
    let (h, rest) = (m / 60, m % 60);
    let hour = match lang {
        Lang::Nb => "t",
        Lang::En => "h",
    };
    match (h, rest) {
        (0, r) => format!("{sign}{r} min"),
        (h, 0) => format!("{sign}{h} {hour}"),
        (h, r) => format!("{sign}{h} {hour} {r} min"),
    }
}

/// The severity as a short label.
pub fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Violation, Lang::Nb) => "Brudd",
        (Severity::Warning, Lang::Nb) => "Advarsel",
        (Severity::Info, Lang::Nb) => "Merknad",
        (Severity::Violation, Lang::En) => "Violation",
        (Severity::Warning, Lang::En) => "Warning",
        (Severity::Info, Lang::En) => "Note",
    }
}

/// A short title of the rule.
pub fn rule_title(rule: Rule, lang: Lang) -> &'static str {
    let (nb, en) = match rule {
        Rule::NhD => ("Normal arbeidstid per dag", "Normal hours per day"),
        Rule::TotD => ("Samlet arbeidstid per dag", "Total hours per day"),
        Rule::Brk => ("Pauser", "Breaks"),
        Rule::NhW => ("Normal arbeidstid per uke", "Normal hours per week"),
        Rule::NhAvg => ("Gjennomsnittlig arbeidstid", "Average weekly hours"),
        Rule::NhBase => ("Kortere normal arbeidstid", "Shorter normal week"),
        Rule::OtW => ("Overtid per uke", "Overtime per week"),
        Rule::Ot4w => ("Overtid over fire uker", "Overtime over four weeks"),
        Rule::Ot52w => ("Overtid over 52 uker", "Overtime over 52 weeks"),
        Rule::TotW => ("Samlet arbeidstid per uke", "Total hours per week"),
        Rule::RestD => ("Daglig hvile", "Daily rest"),
        Rule::RestW => ("Ukehvile", "Weekly rest"),
        Rule::SunNext => (
            "Fri etter søn- og helgedag",
            "Off after a Sunday or holiday",
        ),
        Rule::SunAvg => (
            "Søn- og helgedager i snitt",
            "Sundays and holidays on average",
        ),
        Rule::Sun4w => ("Fri søn- eller helgedag", "A Sunday or holiday off"),
        Rule::NightAvg => ("Nattarbeid", "Night work"),
        Rule::OverlapSelf => ("Dobbeltbooking", "Double booking"),
        Rule::DoubleStaff => ("Dobbel bemanning", "Double staffing"),
        Rule::VedtakNight => ("Natt utenfor vedtaket", "Night outside the vedtak"),
        Rule::VedtakFrame => ("Timerammen i vedtaket", "The vedtak's hour frame"),
        Rule::Family => ("Nærstående assistent", "Close family as assistant"),
        Rule::Contract => ("Merarbeid", "Hours above contract"),
        Rule::Plan14 => ("Kort varsel", "Short notice"),
        Rule::HolidayWork => ("Vakt i ferien", "Shift in a holiday"),
        Rule::HolidayMain => ("Hovedferie ikke planlagt", "Main holiday not planned"),
        Rule::HolidayOver => ("Mer ferie enn saldoen", "More holiday than the balance"),
    };
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// One sentence saying what is wrong, with the measured value and the limit.
pub fn explain(f: &Finding, lang: Lang) -> String {
    let m = value(f.measured, f.unit, lang);
    let l = value(f.limit, f.unit, lang);
    let nb = lang == Lang::Nb;
    let pick = |nb_text: String, en_text: String| if nb { nb_text } else { en_text };
    match (f.rule, f.detail) {
        (Rule::NhD, _) => pick(
            format!("Arbeidsdagen er {m}, over grensen for normal arbeidstid på {l}."),
            format!("The working day is {m}, above the normal daily limit of {l}."),
        ),
        (Rule::TotD, _) => pick(
            format!("Arbeidsdagen er {m}; samlet arbeidstid kan ikke være over {l}."),
            format!("The working day is {m}; total working time may not exceed {l}."),
        ),
        (Rule::Brk, _) if f.limit >= 30 => pick(
            format!("En arbeidsøkt på minst 8 timer har {m} pause; den skal ha minst {l}."),
            format!("A work period of 8 hours or more has {m} of breaks; it needs at least {l}."),
        ),
        (Rule::Brk, _) => pick(
            "En arbeidsøkt på over 5 t 30 min har ingen pause; den skal ha en pause.".into(),
            "A work period over 5 h 30 min has no break; it needs one.".into(),
        ),
        (Rule::NhW, _) => pick(
            format!("Uken har {m} arbeid, over grensen for normal arbeidstid på {l}."),
            format!("The week has {m} of work, above the normal weekly limit of {l}."),
        ),
        (Rule::NhAvg, Some(Detail::PeriodNotComplete)) => pick(
            format!(
                "Snittet så langt i perioden er {m} i uken, over {l}; timene må jevnes ut før perioden er over."
            ),
            format!(
                "The average so far is {m} a week, above {l}; the hours must even out before the period ends."
            ),
        ),
        (Rule::NhAvg, _) => pick(
            format!("Gjennomsnittlig arbeidstid i perioden er {m} i uken, over {l}."),
            format!("The average over the period is {m} a week, above {l}."),
        ),
        (Rule::NhBase, _) => pick(
            format!(
                "Turnusen ser ut som arbeid der normal arbeidstid er {l} i uken, men profilen bruker {m}; vurder å senke den."
            ),
            format!(
                "The rota looks like work with a normal week of {l}, but the profile uses {m}; consider lowering it."
            ),
        ),
        (Rule::OtW, _) => pick(
            format!("Overtiden i uken er {m}; den kan ikke være over {l}."),
            format!("Overtime in the week is {m}; it may not exceed {l}."),
        ),
        (Rule::Ot4w, _) => pick(
            format!("Overtiden i fire uker er {m}; den kan ikke være over {l}."),
            format!("Overtime in four weeks is {m}; it may not exceed {l}."),
        ),
        (Rule::Ot52w, _) => pick(
            format!("Overtiden i 52 uker er {m}; den kan ikke være over {l}."),
            format!("Overtime in 52 weeks is {m}; it may not exceed {l}."),
        ),
        (Rule::TotW, Some(Detail::Average)) => pick(
            format!("Snittet av samlet arbeidstid er {m} i uken; det kan ikke være over {l}."),
            format!("The average total working time is {m} a week; it may not exceed {l}."),
        ),
        (Rule::TotW, Some(Detail::SingleWeek)) => pick(
            format!("Uken har {m} arbeid; selv med gjennomsnitt er grensen for én uke {l}."),
            format!("The week has {m} of work; even when averaging, one week may not exceed {l}."),
        ),
        (Rule::TotW, _) => pick(
            format!("Uken har {m} arbeid; samlet arbeidstid kan ikke være over {l}."),
            format!("The week has {m} of work; total working time may not exceed {l}."),
        ),
        (Rule::RestD, Some(Detail::ReducedRest)) => pick(
            format!("Hvilen er redusert til {m} (vanlig krav {l}); neste hvile må bli lengre for å veie opp."),
            format!("Rest is reduced to {m} (normally {l}); the next rest must be longer to make up for it."),
        ),
        (Rule::RestD, Some(Detail::Compensation)) => pick(
            format!("Hvilen etter en redusert hvile er {m}; den skal være minst {l} for å veie opp."),
            format!("The rest after a reduced rest is {m}; it must be at least {l} to make up for it."),
        ),
        (Rule::RestD, Some(Detail::AfterLongShift)) => pick(
            format!("Hvilen etter langvakten er {m}; den skal være minst {l}."),
            format!("The rest after the long shift is {m}; it must be at least {l}."),
        ),
        (Rule::RestD, _) => pick(
            format!("Den lengste hvilen i døgnet fra arbeidet startet er {m}; den skal være minst {l}."),
            format!("The longest rest in the 24 hours from the start of work is {m}; it must be at least {l}."),
        ),
        (Rule::RestW, Some(Detail::AcrossWeekBoundary)) => pick(
            format!("Den lengste fritiden i uken er {m}; en ukehvile på minst {l} ligger over ukeskiftet."),
            format!("The longest time off in the week is {m}; a weekly rest of at least {l} lies across the week boundary."),
        ),
        (Rule::RestW, Some(Detail::NoSunday)) => pick(
            "Ukehvilen omfatter ingen søndag; den bør ta med søndagen når det lar seg gjøre.".into(),
            "The weekly rest holds no Sunday; it should include Sunday where possible.".into(),
        ),
        (Rule::RestW, _) => pick(
            format!("Den lengste sammenhengende fritiden i uken er {m}; ukehvilen skal være minst {l}."),
            format!("The longest continuous time off in the week is {m}; weekly rest must be at least {l}."),
        ),
        (Rule::SunNext, _) => pick(
            format!("Arbeid på denne søn- eller helgedagen ({m}) rett etter arbeid på forrige; denne dagen skulle vært fri."),
            format!("Work on this Sunday or holiday ({m}) right after work on the previous one; this day should be off."),
        ),
        (Rule::SunAvg, _) => pick(
            format!("{} søn- og helgedager av dem i 26 uker er arbeidet; høyst {} er tillatt.", f.measured, f.limit),
            format!("{} Sundays and holidays in 26 weeks are worked; at most {} are allowed.", f.measured, f.limit),
        ),
        (Rule::Sun4w, _) => pick(
            format!("Alle {} søn- og helgedager i fire uker er arbeidet; minst én skal være fri.", f.measured),
            format!("All {} Sundays and holidays in four weeks are worked; at least one must be off.", f.measured),
        ),
        (Rule::NightAvg, _) => pick(
            format!("Med jevnlig nattarbeid er normal arbeidstid i fire uker {m}; grensen er {l}."),
            format!("With regular night work, normal hours in four weeks are {m}; the limit is {l}."),
        ),
        (Rule::OverlapSelf, _) if f.shifts.len() > 2 => pick(
            format!("Assistenten står på flere av disse {} vaktene samtidig i til sammen {m}.", f.shifts.len()),
            format!("The assistant is on more than one of these {} shifts at once for {m} in all.", f.shifts.len()),
        ),
        (Rule::OverlapSelf, _) => pick(
            format!("Assistenten står på to vakter samtidig i {m}."),
            format!("The assistant is on two shifts at once for {m}."),
        ),
        (Rule::DoubleStaff, _) if f.shifts.len() > 2 => pick(
            format!("{} assistenter arbeider samtidig i til sammen {m}, men vedtaket gir ikke dobbel bemanning.", f.assistants.len()),
            format!("{} assistants work at the same time for {m} in all, but the vedtak does not grant double staffing.", f.assistants.len()),
        ),
        (Rule::DoubleStaff, _) => pick(
            format!("To assistenter arbeider samtidig i {m}, men vedtaket gir ikke dobbel bemanning."),
            format!("Two assistants work at the same time for {m}, but the vedtak does not grant double staffing."),
        ),
        (Rule::VedtakNight, _) => pick(
            format!("{m} arbeid om natten, men vedtaket omfatter ikke hjelp om natten."),
            format!("{m} of night work, but the vedtak does not include night help."),
        ),
        (Rule::VedtakFrame, Some(Detail::Forecast)) => pick(
            format!("Med dagens tempo blir forbruket {m} i året, over rammen i vedtaket på {l}."),
            format!("At the current pace the year's use will be {m}, above the vedtak's frame of {l}."),
        ),
        (Rule::VedtakFrame, _) => pick(
            format!("Brukte og planlagte timer er {m}, over rammen i vedtaket på {l}."),
            format!("Used and planned hours are {m}, above the vedtak's frame of {l}."),
        ),
        (Rule::Family, _) => pick(
            "Assistenten er nærstående, men kommunens skriftlige godkjenning er ikke registrert.".into(),
            "The assistant is close family, but the municipality's written approval is not recorded.".into(),
        ),
        (Rule::Contract, _) => pick(
            format!("Uken har {m} arbeid, over avtalt arbeidstid på {l} (merarbeid)."),
            format!("The week has {m} of work, above the contracted {l} (extra hours)."),
        ),
        (Rule::Plan14, _) => pick(
            format!("Vakten ble satt opp eller endret {m} før den starter; arbeidsplanen skal være kjent minst {l} før."),
            format!("The shift was set up or changed {m} before it starts; the rota should be known {l} ahead."),
        ),
        (Rule::HolidayWork, _) => pick(
            format!("{m} av vakten ligger i assistentens ferie; vakten trenger en vikar, eller ferien må flyttes etter avtale."),
            format!("{m} of the shift lies in the assistant's booked holiday; the shift needs a vikar, or the holiday must be moved by agreement."),
        ),
        (Rule::HolidayMain, _) => pick(
            format!("Fristen for å planlegge hovedferien er passert, og den lengste sammenhengende ferien mellom 1. juni og 30. september er {m}; hovedferien skal være {l} i ett strekk. Legg inn sommerferien."),
            format!("The deadline for planning the main holiday has passed, and the longest holiday in one stretch between 1 June and 30 September is {m}; the main holiday is {l} in one stretch. Book the summer holiday."),
        ),
        (Rule::HolidayOver, _) => pick(
            format!("Det er lagt inn {m} ferie i ferieåret, men assistenten har {l} (rett pluss overført, minus det som er flyttet til neste år). Flytt eller kort ned ferien, eller avtal overføring."),
            format!("{m} of holiday are booked in the holiday year, but the assistant has {l} (entitlement plus carried over, less any moved to the next year). Move or shorten the holiday, or agree a carry-over."),
        ),
    }
}

fn value(n: i64, unit: Unit, lang: Lang) -> String {
    match (unit, lang) {
        (Unit::Minutes, _) if n >= 48 * 60 && n % (24 * 60) == 0 => match lang {
            Lang::Nb => format!("{} døgn", n / (24 * 60)),
            Lang::En => format!("{} days", n / (24 * 60)),
        },
        (Unit::Minutes, _) => duration(n, lang),
        (Unit::Days, Lang::Nb) if n == 1 => "1 dag".into(),
        (Unit::Days, Lang::Nb) => format!("{n} dager"),
        (Unit::Days, Lang::En) if n == 1 => "1 day".into(),
        (Unit::Days, Lang::En) => format!("{n} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration(659, Lang::Nb), "10 t 59 min");
        assert_eq!(duration(660, Lang::Nb), "11 t");
        assert_eq!(duration(45, Lang::En), "45 min");
        assert_eq!(duration(-90, Lang::En), "−1 h 30 min");
    }

    #[test]
    fn every_rule_has_a_sentence_in_both_languages_with_its_numbers() {
        for rule in Rule::ALL {
            let f = Finding {
                rule,
                severity: Severity::Warning,
                assistants: vec![],
                start: crate::time::Instant::from_unix(0),
                end: crate::time::Instant::from_unix(0),
                measured: 659,
                limit: 660,
                unit: Unit::Minutes,
                shifts: vec![],
                detail: None,
            };
            for lang in [Lang::Nb, Lang::En] {
                let text = explain(&f, lang);
                assert!(text.ends_with('.'), "{text}");
                assert!(!rule_title(rule, lang).is_empty());
                let numbers = text.contains("10 t 59 min")
                    || text.contains("10 h 59 min")
                    || matches!(rule, Rule::Family | Rule::Brk | Rule::SunAvg | Rule::Sun4w);
                assert!(
                    numbers,
                    "{rule:?} in {lang:?} must show the measured value: {text}"
                );
            }
        }
    }
}
