//! The error that crosses IPC: `{ code, message, details }` with a closed set of codes, so the
//! UI switches on `code` and never parses text. It is defined in the core
//! (`turnus::session::error`), where the command bodies that raise it are tested without a
//! window; the shell only passes it on.

pub use turnus::session::{ErrorCode, IpcError};
