//! The four languages the app speaks, what each needs from the text engine, and
//! [`PerLang`], the one shape of "a value in every language".

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

/// One value per language: a text in every language, a Fluent bundle each, a topic's
/// text in each. In RON it is written `(en: ..., ar: ..., bn: ..., ja: ...)`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLang<T> {
    pub en: T,
    pub ar: T,
    pub bn: T,
    pub ja: T,
}

impl<T> PerLang<T> {
    /// The value for each language from `f`.
    pub fn from_fn(mut f: impl FnMut(Language) -> T) -> Self {
        Self {
            en: f(Language::English),
            ar: f(Language::Arabic),
            bn: f(Language::Bengali),
            ja: f(Language::Japanese),
        }
    }

    pub fn get(&self, lang: Language) -> &T {
        match lang {
            Language::English => &self.en,
            Language::Arabic => &self.ar,
            Language::Bengali => &self.bn,
            Language::Japanese => &self.ja,
        }
    }

    pub fn get_mut(&mut self, lang: Language) -> &mut T {
        match lang {
            Language::English => &mut self.en,
            Language::Arabic => &mut self.ar,
            Language::Bengali => &mut self.bn,
            Language::Japanese => &mut self.ja,
        }
    }

    /// Each language with its value, in [`Language::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Language, &T)> {
        Language::ALL
            .into_iter()
            .map(move |lang| (lang, self.get(lang)))
    }
}

impl<T> PerLang<Option<T>> {
    /// Every language's value, or `None` if any language has none.
    pub fn all(self) -> Option<PerLang<T>> {
        Some(PerLang {
            en: self.en?,
            ar: self.ar?,
            bn: self.bn?,
            ja: self.ja?,
        })
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
    fn per_lang_reads_back_what_it_was_built_with() {
        let codes = PerLang::from_fn(Language::code);
        for (lang, code) in codes.iter() {
            assert_eq!(*code, lang.code());
        }
        let parsed: PerLang<String> =
            ron::from_str(r#"(en: "a", ar: "b", bn: "c", ja: "d")"#).unwrap();
        assert_eq!(parsed.get(Language::Bengali), "c");
        let partial = PerLang::from_fn(|l| (l != Language::Japanese).then_some(1));
        assert!(partial.all().is_none());
    }

    #[test]
    fn only_arabic_is_rtl() {
        let rtl: Vec<_> = Language::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, [Language::Arabic]);
    }
}
