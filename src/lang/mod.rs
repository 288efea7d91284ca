//! Languages are data: each is a folder `languages/<tag>/` with a manifest
//! (`language.ron`, see [`manifest`]), its Fluent strings and, for a clinic's own
//! language, its fonts. The built-in ones are embedded from `assets/languages/`; a
//! clinic's folder adds or overrides one at startup ([`register`]). Code holds a
//! [`Language`], a small handle to a registered manifest, never a list of them.
//! [`PerLang`] is "a value in each language".

pub mod manifest;
mod per_lang;

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, LazyLock, RwLock, RwLockReadGuard};

use rust_embed::Embed;

pub use manifest::{Direction, FontFamily, Manifest, ManifestError};
pub use per_lang::PerLang;

/// The built-in languages: `assets/languages/<tag>/`.
#[derive(Embed)]
#[folder = "assets/languages/"]
struct BuiltIn;

/// A built-in language's file (`main.ftl` of `ar`), if it exists and is UTF-8.
pub fn builtin_file(tag: &str, name: &str) -> Option<String> {
    let file = BuiltIn::get(&format!("{tag}/{name}"))?;
    String::from_utf8(file.data.into_owned()).ok()
}

/// The tag of the language every other falls back to, and the one that must exist.
pub const FALLBACK: &str = "en";

/// A registered language: an index into the process's list of manifests.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language(u16);

struct Entry {
    tag: &'static str,
    name: &'static str,
    manifest: Arc<Manifest>,
}

static REGISTRY: LazyLock<RwLock<Vec<Entry>>> =
    LazyLock::new(|| RwLock::new(builtin_manifests().into_iter().map(entry).collect()));

/// The built-in languages' manifests as embedded (whatever a clinic overrides),
/// the fallback first, then by tag: the order the language switcher shows.
pub fn builtin_manifests() -> Vec<Manifest> {
    let mut tags: Vec<String> = BuiltIn::iter()
        .filter_map(|p| p.strip_suffix("/language.ron").map(str::to_owned))
        .collect();
    tags.sort_by_key(|t| (t != FALLBACK, t.clone()));
    tags.iter()
        .map(|tag| {
            let path = format!("assets/languages/{tag}/language.ron");
            let text = builtin_file(tag, "language.ron").unwrap_or_default();
            Manifest::parse(&path, tag, &text)
                .unwrap_or_else(|e| panic!("a built-in language manifest is broken: {e}"))
        })
        .collect()
}

fn entry(manifest: Manifest) -> Entry {
    // A handful of languages per process: their names live as long as it does.
    Entry {
        tag: Box::leak(manifest.tag.clone().into_boxed_str()),
        name: Box::leak(manifest.name.clone().into_boxed_str()),
        manifest: Arc::new(manifest),
    }
}

fn registry() -> RwLockReadGuard<'static, Vec<Entry>> {
    REGISTRY.read().unwrap_or_else(|p| p.into_inner())
}

/// Counts changes to the registry, so that what is derived from it can tell when
/// to derive it again.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How many times languages were registered since the process started.
pub fn generation() -> u64 {
    GENERATION.load(std::sync::atomic::Ordering::SeqCst)
}

/// Adds a clinic's language, or replaces the manifest of one with the same tag.
pub fn register(manifest: Manifest) -> Language {
    GENERATION.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let mut entries = REGISTRY.write().unwrap_or_else(|p| p.into_inner());
    if let Some(i) = entries.iter().position(|e| e.tag == manifest.tag) {
        entries[i] = entry(manifest);
        return Language(i as u16);
    }
    entries.push(entry(manifest));
    Language((entries.len() - 1) as u16)
}

impl Language {
    /// The fallback language (English), always registered.
    pub fn fallback() -> Language {
        Language::from_tag(FALLBACK).expect("the fallback language is built in")
    }

    /// The registered language with this BCP 47 tag.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim();
        registry()
            .iter()
            .position(|e| e.tag.eq_ignore_ascii_case(tag))
            .map(|i| Language(i as u16))
    }

    /// The registered language with this tag, for code and tests that name a
    /// built-in one.
    ///
    /// # Panics
    /// If no language with that tag is registered.
    pub fn builtin(tag: &str) -> Language {
        Language::from_tag(tag).unwrap_or_else(|| panic!("no language {tag:?} is registered"))
    }

    /// The language's place in the registry (0 is the fallback), which
    /// [`Language::all`] follows: for tables kept in that order.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Every registered language, the fallback first.
    pub fn all() -> Vec<Language> {
        (0..registry().len()).map(|i| Language(i as u16)).collect()
    }

    /// BCP 47 tag, as used in folder names and on the command line.
    pub fn code(self) -> &'static str {
        registry()[self.0 as usize].tag
    }

    /// The language's name written in the language itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        registry()[self.0 as usize].name
    }

    /// The language's manifest.
    pub fn manifest(self) -> Arc<Manifest> {
        registry()[self.0 as usize].manifest.clone()
    }

    /// Paragraphs in this language run right-to-left, whatever character they start with.
    pub fn is_rtl(self) -> bool {
        registry()[self.0 as usize].manifest.is_rtl()
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Language({})", self.code())
    }
}

/// The error for a language tag no manifest is registered for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: expected one of {known}", known = known())]
pub struct UnknownLanguage(pub String);

fn known() -> String {
    registry()
        .iter()
        .map(|e| e.tag)
        .collect::<Vec<_>>()
        .join(", ")
}

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::from_tag(s).ok_or_else(|| UnknownLanguage(s.to_owned()))
    }
}

impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // As the closed enum of built-in languages was: a bare identifier in RON
        // (`staff_language: ja`), a string in JSON.
        s.serialize_unit_variant("Language", u32::from(self.0), self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A bare identifier in RON (`languages: [ar, en]`) or a string in JSON.
        struct Tag;
        impl serde::de::Visitor<'_> for Tag {
            type Value = Language;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a language tag")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Language, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_identifier(Tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_the_fallback_comes_first() {
        let all = Language::all();
        assert_eq!(all[0].code(), FALLBACK);
        for lang in all {
            assert_eq!(lang.code().parse::<Language>(), Ok(lang));
        }
        assert!("fr".parse::<Language>().is_err());
        assert_eq!(Language::from_tag("AR").map(Language::code), Some("ar"));
    }

    #[test]
    fn direction_comes_from_the_manifest() {
        let rtl: Vec<_> = Language::all()
            .into_iter()
            .filter(|l| l.is_rtl())
            .map(Language::code)
            .collect();
        assert!(rtl.contains(&"ar"));
        assert!(!rtl.contains(&"en"));
    }

    #[test]
    fn identifiers_and_strings_deserialize() {
        let langs: Vec<Language> = ron::from_str("[ar, en]").unwrap();
        assert_eq!(
            langs.iter().map(|l| l.code()).collect::<Vec<_>>(),
            ["ar", "en"]
        );
        let lang: Language = serde_json::from_str("\"bn\"").unwrap();
        assert_eq!(lang.code(), "bn");
        assert!(ron::from_str::<Language>("xx").is_err());
    }
}
