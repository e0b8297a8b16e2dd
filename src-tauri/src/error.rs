//! The error that crosses IPC: `{ code, message, details }` with a closed set of codes, so the
//! UI switches on `code` and never parses text. Messages are for people, in bokmål.
//!
//! It deliberately carries no backtrace or Rust type names: the web view sees only what a user
//! may read.

use serde::Serialize;
use ts_rs::TS;

/// Every kind of failure the UI is prepared to handle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The input from the user could not be used (a date, a file's contents).
    InvalidInput,
    /// A plan file or entity the request names does not exist.
    NotFound,
    /// Reading or writing a file failed.
    Io,
    /// Something inside Turnus went wrong; not the user's fault.
    Internal,
}

/// An error as the UI receives it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    /// One sentence a user can read.
    pub message: String,
    /// Machine-readable context (the field, the value); `null` when there is none.
    #[ts(type = "unknown")]
    pub details: serde_json::Value,
}

impl IpcError {
    /// An error with `code` and `message` and no details.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
            details: serde_json::Value::Null,
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IpcError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_serialises_as_code_message_and_details() {
        let error = IpcError::new(ErrorCode::NotFound, "Fant ikke planen");
        let json = serde_json::to_value(&error).expect("a plain struct always serialises");
        assert_eq!(
            json,
            serde_json::json!({ "code": "not_found", "message": "Fant ikke planen", "details": null }),
            "the UI reads exactly these three keys, with a snake_case code"
        );
    }
}
