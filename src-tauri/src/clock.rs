//! The shell's only clock: now and "today" in Norway, handed to the core as parameters (the
//! core never reads the clock itself).

use chrono::NaiveDate;
use turnus::time::Instant;

/// Now, to the second.
pub fn now() -> Instant {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Instant::from_unix(i64::try_from(since_epoch).unwrap_or(i64::MAX))
}

/// Today's date in Europe/Oslo.
pub fn today() -> NaiveDate {
    now().local_date()
}
