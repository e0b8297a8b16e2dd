//! The payroll CSV of a month: one row per assistant and work day with the supplement
//! categories of [`crate::worked`], as Norwegian spreadsheet programs open it: UTF-8 with a
//! byte-order mark, `;` between fields, decimal comma, dates `dd.mm.yyyy`. Written with the
//! `csv` crate, so names with `;` or quotes are quoted correctly. Pure: returns the bytes.

use crate::model::{AssistantId, Month, Plan};
use crate::worked::{day_rows, CategoryMinutes};

/// The header, in bokmål (the payroll's language).
pub const HEADER: [&str; 12] = [
    "Assistent-ID",
    "Navn",
    "Dato",
    "Timer totalt",
    "Kveld",
    "Natt",
    "Lørdag",
    "Søn- og helligdag",
    "Passiv",
    "Overtid",
    "Ubekreftede vakter",
    "Måned lukket",
];

/// Minutes as hours with two decimals and a decimal comma: 450 → "7,50".
pub fn hours_text(minutes: i64) -> String {
    let hundredths = (minutes * 100 + 30) / 60;
    format!("{},{:02}", hundredths / 100, hundredths % 100)
}

fn fields(minutes: &CategoryMinutes) -> [String; 7] {
    [
        hours_text(minutes.total),
        hours_text(minutes.evening),
        hours_text(minutes.night),
        hours_text(minutes.saturday),
        hours_text(minutes.sunday),
        hours_text(minutes.passive),
        hours_text(minutes.overtime),
    ]
}

/// The CSV of `month` (one assistant's rows, or everyone's).
pub fn month_csv(
    plan: &Plan,
    month: Month,
    assistant: Option<&AssistantId>,
) -> Result<Vec<u8>, csv::Error> {
    let closed = if plan.is_closed(month) { "ja" } else { "nei" };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{feff}".as_bytes()));
    writer.write_record(HEADER)?;
    for row in day_rows(plan, month, assistant) {
        let name = plan
            .assistant(&row.assistant)
            .map(|a| a.name_or_id())
            .unwrap_or_default();
        let mut record = vec![
            row.assistant.to_string(),
            name,
            row.date.format("%d.%m.%Y").to_string(),
        ];
        record.extend(fields(&row.minutes));
        record.push(row.unconfirmed.to_string());
        record.push(closed.to_string());
        writer.write_record(&record)?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_have_a_decimal_comma_and_two_decimals() {
        assert_eq!(hours_text(450), "7,50");
        assert_eq!(hours_text(0), "0,00");
        assert_eq!(hours_text(20), "0,33");
        assert_eq!(hours_text(40), "0,67");
        assert_eq!(hours_text(600), "10,00");
    }
}
