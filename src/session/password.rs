//! Setting, changing and removing an open plan file's password (see `crate::store`'s
//! `password` module for what the file holds). Each answers with the view of the window, whose
//! `file.has_password` then says whether the plan has one; each refusal is one sentence with
//! `details.field` naming the box it is about (`password`, `old` or `new`). The passwords are
//! taken by value and zeroed when dropped; none is ever sent back in an answer or an error.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::{validate, IpcError, PlanView, Session, Window};
use crate::store::{Password, StoreError};
use crate::time::Instant;

impl Session {
    /// Protect the plan file (and its backups) with `password`, at least eight characters.
    pub fn set_password(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        password: Password,
    ) -> Result<PlanView, IpcError> {
        validate::window(window, self.lang)?;
        self.refuse_if_lost()?;
        let done = self.file.set_password(&password, now);
        self.password_done(done, "password", "password", today, window)
    }

    /// Replace the plan file's password `old` by `new`.
    pub fn change_password(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        old: Password,
        new: Password,
    ) -> Result<PlanView, IpcError> {
        validate::window(window, self.lang)?;
        self.refuse_if_lost()?;
        let done = self.file.change_password(&old, &new, now);
        self.password_done(done, "old", "new", today, window)
    }

    /// Store the plan file (and its backups) without a password; `password` must be its own.
    pub fn remove_password(
        &mut self,
        now: Instant,
        today: NaiveDate,
        window: &Window,
        password: Password,
    ) -> Result<PlanView, IpcError> {
        validate::window(window, self.lang)?;
        self.refuse_if_lost()?;
        let done = self.file.remove_password(&password, now);
        self.password_done(done, "password", "password", today, window)
    }

    fn refuse_if_lost(&self) -> Result<(), IpcError> {
        match &self.lost {
            Some(notice) => Err(IpcError::from_store(
                &StoreError::LockLost(notice.clone()),
                self.lang,
            )),
            None => Ok(()),
        }
    }

    /// The view after a password change, or the refusal with the field it is about: `current`
    /// for a wrong password, `new` for one too short.
    fn password_done(
        &mut self,
        done: crate::store::Result<()>,
        current: &str,
        new: &str,
        today: NaiveDate,
        window: &Window,
    ) -> Result<PlanView, IpcError> {
        match done {
            Ok(()) => self.view(window, today),
            Err(e) => {
                if let StoreError::LockLost(notice) = &e {
                    self.lost = Some(notice.clone());
                }
                let field = match &e {
                    StoreError::WrongPassword(_) => Some(current),
                    StoreError::PasswordTooShort { .. } => Some(new),
                    _ => None,
                };
                let mut error = IpcError::from_store(&e, self.lang);
                if let (Some(field), Value::Object(details)) = (field, &mut error.details) {
                    details.insert("field".into(), json!(field));
                }
                Err(error)
            }
        }
    }
}
