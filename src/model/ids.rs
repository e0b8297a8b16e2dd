//! Identifiers. Plan JSON uses short ids ("A", "s1"); plan files use UUIDs. Both are strings.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }
    };
}

id_type!(
    /// The id of an assistant or vikar.
    AssistantId
);
id_type!(
    /// The id of a shift.
    ShiftId
);
id_type!(
    /// The id of a rotation (turnus pattern).
    RotationId
);
id_type!(
    /// The id of an absence.
    AbsenceId
);
