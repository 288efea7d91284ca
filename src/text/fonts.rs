//! The bundled Noto fonts, the one font system of the process built from them, and
//! the fallback order.
//!
//! The font files are read and parsed once per process, into one cosmic-text
//! `FontSystem` (its fontdb database and its cache of parsed faces) that the
//! screens, the tools, content validation and every handout share: each
//! `TextSystem` holds the same [`SharedFonts`] and locks it for one layout or one
//! glyph at a time.
//!
//! A family's files are read on first use, not at startup (`families`).
//!
//! Embedded fonts always come first. Installed system fonts, when asked for, are
//! appended after them (the first time the process asks) and only ever reached
//! through fallback, so a machine's own fonts can fill a gap but never replace a
//! bundled face.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use cosmic_text::{Fallback, FontSystem, fontdb};
use rust_embed::Embed;
use unicode_script::Script;

/// The font files under `fonts/`, compiled into the binary.
#[derive(Embed)]
#[folder = "fonts/"]
pub(super) struct FontFiles;

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

/// The process's font system, shared: lock it with [`lock`].
pub type SharedFonts = Arc<Mutex<FontSystem>>;

/// How many font files have been parsed into a font database in this process.
pub(super) static PARSES: AtomicUsize = AtomicUsize::new(0);
/// The one font system of the process, made on first use.
static SHARED: OnceLock<SharedFonts> = OnceLock::new();
/// Whether the installed system fonts are in [`SHARED`] yet.
static SYSTEM_FONTS_LOADED: AtomicBool = AtomicBool::new(false);

/// How many font files this process has parsed into a font database: each bundled
/// file once, then each installed file once if system fonts were asked for.
pub fn parse_count() -> usize {
    PARSES.load(Ordering::SeqCst)
}

/// The process's one font system: the bundled fonts, parsed the first time any
/// caller asks, and the installed system fonts after them once a caller asks with
/// `system_fonts`.
pub fn shared(options: FontOptions) -> SharedFonts {
    let fonts = SHARED.get_or_init(|| Arc::new(Mutex::new(font_system())));
    if options.system_fonts && !SYSTEM_FONTS_LOADED.load(Ordering::Acquire) {
        let mut system = lock(fonts);
        if !SYSTEM_FONTS_LOADED.load(Ordering::Acquire) {
            load_system_fonts(system.db_mut());
            SYSTEM_FONTS_LOADED.store(true, Ordering::Release);
        }
    }
    fonts.clone()
}

/// Locks `fonts`; a panic elsewhere while it was held leaves it usable (a layout
/// that panicked changed no font data).
pub fn lock(fonts: &Mutex<FontSystem>) -> MutexGuard<'_, FontSystem> {
    fonts
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// An empty font database that knows which family is sans-serif: families are
/// loaded into it as layouts use them ([`ensure`]).
fn bundled_database() -> fontdb::Database {
    let mut db = fontdb::Database::new();
    let latin = super::faces::faces().latin();
    db.set_sans_serif_family(latin);
    db.set_serif_family(latin);
    db
}

/// A face named Bold whose file declares a regular weight (Noto Nastaliq Urdu's
/// bold file says weight 400 in its OS/2 table) is entered as bold, as its name
/// says: otherwise bold Urdu would fall back to another family's bold.
pub(super) fn fix_bold_weights(db: &mut fontdb::Database) {
    let wrong: Vec<fontdb::FaceInfo> = db
        .faces()
        .filter(|f| f.weight < fontdb::Weight::SEMIBOLD && f.post_script_name.ends_with("-Bold"))
        .cloned()
        .collect();
    for mut face in wrong {
        db.remove_face(face.id);
        face.weight = fontdb::Weight::BOLD;
        db.push_face_info(face);
    }
}

/// Appends the machine's installed fonts to `db`, counting the files parsed.
fn load_system_fonts(db: &mut fontdb::Database) {
    let before: BTreeSet<fontdb::ID> = db.faces().map(|f| f.id).collect();
    db.load_system_fonts();
    let files: BTreeSet<std::path::PathBuf> = db
        .faces()
        .filter(|f| !before.contains(&f.id))
        .filter_map(|f| match &f.source {
            fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => Some(path.clone()),
            fontdb::Source::Binary(_) => None,
        })
        .collect();
    PARSES.fetch_add(files.len(), Ordering::SeqCst);
}

/// A cosmic-text font system over the bundled fonts with the bundled fallback order.
pub(super) fn font_system() -> FontSystem {
    // A fixed locale: the fallback below does not depend on it, and results must not
    // change with the machine's settings.
    FontSystem::new_with_locale_and_db_and_fallback(
        "en-US".to_owned(),
        bundled_database(),
        ManifestFallback::new(),
    )
}

/// The families cosmic-text is asked for when a run's chosen face lacks a glyph:
/// every language's own family, and by script the family of the first language
/// written in it, as the manifests registered when the font system was made say.
struct ManifestFallback {
    common: Vec<&'static str>,
    by_script: Vec<(Script, Vec<&'static str>)>,
}

impl ManifestFallback {
    fn new() -> Self {
        let faces = super::faces::faces();
        let en = crate::lang::Language::fallback();
        let by_script = [
            Script::Latin,
            Script::Arabic,
            Script::Bengali,
            Script::Devanagari,
            Script::Han,
            Script::Hiragana,
            Script::Katakana,
        ]
        .into_iter()
        .map(|script| (script, faces.for_script(en, script).into_iter().collect()))
        .collect();
        Self {
            common: faces.all(),
            by_script,
        }
    }
}

impl Fallback for ManifestFallback {
    fn common_fallback(&self) -> &[&'static str] {
        &self.common
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        &[]
    }

    fn script_fallback(&self, script: Script, _locale: &str) -> &[&'static str] {
        self.by_script
            .iter()
            .find(|(s, _)| *s == script)
            .map_or(&[], |(_, families)| families.as_slice())
    }
}
