//! The user's own app settings: language, name for the change log, text size and theme. They
//! live in the config folder's `config.json` (`store::config`), beside the recent files; the
//! keys the store does not know (`text_size`, `theme`, `opened`) go into its map of other
//! keys, which it keeps.
//!
//! Plan settings (names, carry-over) are not here: they belong to the plan file.

use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::error::IpcError;
use crate::rules::explain::Lang;
use crate::store::config::Config;

/// The language of the UI and of every sentence the core writes for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Norwegian bokmål, the default.
    #[default]
    Nb,
    En,
}

impl Language {
    /// The bokmål or the English text.
    pub fn pick<'a>(self, nb: &'a str, en: &'a str) -> &'a str {
        match self {
            Language::Nb => nb,
            Language::En => en,
        }
    }

    /// The language of `rules::explain`.
    pub fn lang(self) -> Lang {
        match self {
            Language::Nb => Lang::Nb,
            Language::En => Lang::En,
        }
    }

    /// `nb` or `en`.
    pub fn key(self) -> &'static str {
        match self {
            Language::Nb => "nb",
            Language::En => "en",
        }
    }

    /// Read a key; anything but `en` is bokmål.
    pub fn from_key(key: &str) -> Self {
        if key == "en" {
            Language::En
        } else {
            Language::Nb
        }
    }
}

/// The colours of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Light or dark as the computer is set, following it when it changes.
    #[default]
    System,
    Light,
    Dark,
    HighContrast,
}

impl Theme {
    fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::HighContrast => "high_contrast",
        }
    }

    fn from_key(key: &str) -> Self {
        match key {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            "high_contrast" => Theme::HighContrast,
            _ => Theme::System,
        }
    }
}

/// The smallest and largest text size, in percent of the normal size.
pub const TEXT_SIZES: std::ops::RangeInclusive<u32> = 100..=200;

/// The user's app settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppSettings {
    pub language: Language,
    /// The user's name, written into the change log and shown to others in the lock notice.
    pub user_name: String,
    /// Text size in percent of normal, 100 to 200.
    pub text_size: u32,
    pub theme: Theme,
}

impl Default for AppSettings {
    fn default() -> Self {
        AppSettings {
            language: Language::Nb,
            user_name: String::new(),
            text_size: 100,
            theme: Theme::System,
        }
    }
}

impl AppSettings {
    /// The settings held in `config`.
    pub fn from_config(config: &Config) -> Self {
        let text_size = config
            .other
            .get("text_size")
            .and_then(|v| v.as_u64())
            .and_then(|v| u32::try_from(v).ok())
            .filter(|v| TEXT_SIZES.contains(v))
            .unwrap_or(100);
        let theme = config
            .other
            .get("theme")
            .and_then(|v| v.as_str())
            .map(Theme::from_key)
            .unwrap_or_default();
        AppSettings {
            language: Language::from_key(&config.language),
            user_name: config.user_name.clone(),
            text_size,
            theme,
        }
    }

    /// Check the values a user chose; the language of the message is the new one.
    pub fn validate(&self) -> Result<(), IpcError> {
        let lang = self.language;
        if !TEXT_SIZES.contains(&self.text_size) {
            return Err(IpcError::field(
                "text_size",
                self.text_size,
                lang.pick(
                    "Tekststørrelsen må være mellom 100 og 200 prosent.",
                    "The text size must be between 100 and 200 percent.",
                ),
            ));
        }
        if self.user_name.chars().count() > 100 {
            return Err(IpcError::field(
                "user_name",
                self.user_name.clone(),
                lang.pick(
                    "Navnet er for langt. Bruk høyst 100 tegn.",
                    "The name is too long. Use at most 100 characters.",
                ),
            ));
        }
        Ok(())
    }

    /// Write these settings into `config`, keeping everything else in it.
    pub fn write_into(&self, config: &mut Config) {
        config.language = self.language.key().to_string();
        config.user_name = self.user_name.trim().to_string();
        config
            .other
            .insert("text_size".into(), json!(self.text_size));
        config.other.insert("theme".into(), json!(self.theme.key()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_trip_through_the_config_and_keep_its_other_keys() {
        let mut config = Config::default();
        config.other.insert("from_newer_turnus".into(), json!(true));
        let chosen = AppSettings {
            language: Language::En,
            user_name: "Kari".into(),
            text_size: 150,
            theme: Theme::HighContrast,
        };
        chosen.write_into(&mut config);
        assert_eq!(AppSettings::from_config(&config), chosen);
        assert_eq!(
            config.other.get("from_newer_turnus"),
            Some(&json!(true)),
            "keys of another Turnus version are kept"
        );
    }

    #[test]
    fn without_a_saved_theme_the_window_follows_the_computer_and_a_chosen_one_is_kept() {
        assert_eq!(
            AppSettings::from_config(&Config::default()).theme,
            Theme::System
        );
        let mut config = Config::default();
        config.other.insert("theme".into(), json!("light"));
        assert_eq!(AppSettings::from_config(&config).theme, Theme::Light);
    }

    #[test]
    fn a_text_size_outside_100_to_200_names_the_field() {
        let settings = AppSettings {
            text_size: 300,
            ..AppSettings::default()
        };
        let e = settings.validate().expect_err("300 % is too large");
        assert_eq!(e.details["field"], "text_size");
    }
}
