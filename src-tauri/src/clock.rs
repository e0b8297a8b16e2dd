//! The shell's only clock: "today" in Norway, handed to the core as a parameter (the core
//! never reads the clock itself).

use chrono::NaiveDate;
use turnus::time::Instant;

/// Today's date in Europe/Oslo.
pub fn today() -> NaiveDate {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Instant::from_unix(i64::try_from(since_epoch).unwrap_or(i64::MAX)).local_date()
}
