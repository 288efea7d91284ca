//! The bundled Noto fonts, the font database built from them, and the fallback order.
//!
//! Embedded fonts always come first. Installed system fonts, when asked for, are
//! appended after them and only ever reached through fallback, so a machine's own
//! fonts can fill a gap but never replace a bundled face.

use cosmic_text::{Fallback, FontSystem, fontdb};
use rust_embed::Embed;
use unicode_script::Script;

/// The font files under `fonts/`, compiled into the binary.
#[derive(Embed)]
#[folder = "fonts/"]
struct FontFiles;

/// Family name of the Latin face: Latin words and digits in every language.
pub const LATIN: &str = "Noto Sans";
/// Family name of the Arabic face (Naskh, the everyday book style).
pub const ARABIC: &str = "Noto Naskh Arabic";
/// Family name of the Bengali face.
pub const BENGALI: &str = "Noto Sans Bengali";
/// Family name of the Japanese face; kanji must come from here, never from a Chinese face.
pub const JAPANESE: &str = "Noto Sans JP";

/// Which fonts the database holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FontOptions {
    /// Also load the machine's installed fonts, after the bundled ones.
    pub system_fonts: bool,
}

/// Names of the bundled font files, sorted.
pub fn bundled_files() -> Vec<String> {
    let mut names: Vec<String> = FontFiles::iter()
        .map(|n| n.into_owned())
        .filter(|n| n.ends_with(".ttf"))
        .collect();
    names.sort();
    names
}

/// A font database with the bundled fonts first and, if asked, the system's after them.
pub fn database(options: FontOptions) -> fontdb::Database {
    let mut db = fontdb::Database::new();
    for name in bundled_files() {
        let file = FontFiles::get(&name).expect("listed bundled font is embedded");
        // The embedded bytes are shared, not copied: the 11 MB of Noto Sans JP then
        // cost memory only for the pages shaping and rasterising actually read.
        let data: std::sync::Arc<dyn AsRef<[u8]> + Sync + Send> = match file.data {
            std::borrow::Cow::Borrowed(bytes) => std::sync::Arc::new(bytes),
            std::borrow::Cow::Owned(bytes) => std::sync::Arc::new(bytes),
        };
        db.load_font_source(fontdb::Source::Binary(data));
    }
    if options.system_fonts {
        db.load_system_fonts();
    }
    db.set_sans_serif_family(LATIN);
    db.set_serif_family(LATIN);
    db
}

/// A cosmic-text font system over [`database`] with the bundled fallback order.
pub fn font_system(options: FontOptions) -> FontSystem {
    // A fixed locale: the fallback below does not depend on it, and results must not
    // change with the machine's settings.
    FontSystem::new_with_locale_and_db_and_fallback(
        "en-US".to_owned(),
        database(options),
        BundledFallback,
    )
}

/// The family cosmic-text is asked for when a run's chosen face lacks a glyph.
struct BundledFallback;

impl Fallback for BundledFallback {
    fn common_fallback(&self) -> &[&'static str] {
        &[LATIN, ARABIC, BENGALI, JAPANESE]
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        &[]
    }

    fn script_fallback(&self, script: Script, _locale: &str) -> &[&'static str] {
        match script {
            Script::Arabic => &[ARABIC],
            Script::Bengali => &[BENGALI],
            Script::Han | Script::Hiragana | Script::Katakana => &[JAPANESE],
            Script::Latin => &[LATIN],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_families_are_all_present() {
        let db = database(FontOptions::default());
        for family in [LATIN, ARABIC, BENGALI, JAPANESE] {
            for weight in [fontdb::Weight::NORMAL, fontdb::Weight::BOLD] {
                let id = db
                    .query(&fontdb::Query {
                        families: &[fontdb::Family::Name(family)],
                        weight,
                        ..Default::default()
                    })
                    .unwrap_or_else(|| panic!("{family} {weight:?} is not bundled"));
                let face = db.face(id).unwrap();
                assert_eq!(face.families[0].0, family);
                assert_eq!(face.weight, weight, "{family}");
            }
        }
        assert_eq!(db.len(), 8, "only the bundled faces without --system-fonts");
    }
}
