//! The four languages the app speaks, and what each needs from the text engine.

use std::fmt;
use std::str::FromStr;

/// A language the app can show content and UI in.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "ar")]
    Arabic,
    #[serde(rename = "bn")]
    Bengali,
    #[serde(rename = "ja")]
    Japanese,
}

impl Language {
    /// Every language, in the order the language switcher shows them.
    pub const ALL: [Language; 4] = [
        Language::English,
        Language::Arabic,
        Language::Bengali,
        Language::Japanese,
    ];

    /// BCP 47 code, as used in file names and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Arabic => "ar",
            Language::Bengali => "bn",
            Language::Japanese => "ja",
        }
    }

    /// The language's name written in the language itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Arabic => "العربية",
            Language::Bengali => "বাংলা",
            Language::Japanese => "日本語",
        }
    }

    /// Paragraphs in this language run right-to-left, whatever character they start with.
    pub fn is_rtl(self) -> bool {
        matches!(self, Language::Arabic)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a language code the app does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: expected one of en, ar, bn, ja")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownLanguage(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Language::ALL {
            assert_eq!(lang.code().parse::<Language>(), Ok(lang));
        }
        assert!("fr".parse::<Language>().is_err());
    }

    #[test]
    fn only_arabic_is_rtl() {
        let rtl: Vec<_> = Language::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, [Language::Arabic]);
    }
}
