//! Which files each font family is in, and loading a family into the process's
//! font system when a layout first uses it.
//!
//! The manifests say which files each family is in ([`register_family`]; the
//! built-in languages' bundled files are known from the start), and a layout first
//! loads the families its runs are set in ([`ensure`]). A screen in English never
//! reads the Japanese or Nastaliq files; a layout that still draws a missing-glyph
//! box loads every family and is laid out again, so fallback finds what it always
//! found.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, MutexGuard};

use cosmic_text::{FontSystem, fontdb};

use super::fonts::{FontFiles, FontOptions, PARSES, fix_bold_weights, lock, shared};

/// Where one of a family's font files is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FontFile {
    /// One of the bundled files under `fonts/`, by name.
    Bundled(String),
    /// A file a clinic's language brings, in its folder.
    Path(PathBuf),
}

/// A family the manifests name, and its files, each with whether it is in the
/// database yet.
struct FamilyFiles {
    family: String,
    files: Vec<(FontFile, bool)>,
}

impl FamilyFiles {
    /// The files not in the database yet, marked as in it from now on.
    fn take_unloaded(&mut self) -> Vec<FontFile> {
        self.files
            .iter_mut()
            .filter(|(_, loaded)| !*loaded)
            .map(|(file, loaded)| {
                *loaded = true;
                file.clone()
            })
            .collect()
    }
}

/// Every family the manifests name, built-in ones first; locked after the font
/// system when both are held.
static FAMILIES: Mutex<Vec<FamilyFiles>> = Mutex::new(Vec::new());

fn families() -> MutexGuard<'static, Vec<FamilyFiles>> {
    let mut families = FAMILIES.lock().unwrap_or_else(|p| p.into_inner());
    if families.is_empty() {
        // The built-in languages' families: their files are the bundled ones.
        for manifest in crate::lang::builtin_manifests() {
            for font in &manifest.fonts {
                let files = font.files.iter().cloned().map(FontFile::Bundled).collect();
                add_family(&mut families, &font.family, files);
            }
        }
    }
    families
}

/// Adds `files` to `family` (a new family, or new files of a known one, are not
/// loaded yet).
fn add_family(families: &mut Vec<FamilyFiles>, family: &str, files: Vec<FontFile>) {
    let index = match families.iter().position(|f| f.family == family) {
        Some(index) => index,
        None => {
            families.push(FamilyFiles {
                family: family.to_owned(),
                files: Vec::new(),
            });
            families.len() - 1
        }
    };
    let known = &mut families[index].files;
    for file in files {
        if !known.iter().any(|(f, _)| *f == file) {
            known.push((file, false));
        }
    }
}

/// Records that `family` is in `files` (a clinic language's manifest); nothing is
/// read until a layout uses the family.
pub fn register_family(family: &str, files: Vec<FontFile>) {
    add_family(&mut families(), family, files);
}

/// Loads the files of each of `wanted` not loaded yet into `system`. A file that
/// cannot be read, or does not hold the family its manifest lists it under, is
/// reported on stderr (`validate` reports it where the manifest names it).
pub fn ensure<'a>(system: &mut FontSystem, wanted: impl IntoIterator<Item = &'a str>) {
    let mut families = families();
    let mut pending = Vec::new();
    for name in wanted {
        if let Some(family) = families.iter_mut().find(|f| f.family == name) {
            for file in family.take_unloaded() {
                pending.push((family.family.clone(), file));
            }
        }
    }
    drop(families);
    if pending.is_empty() {
        return;
    }
    let db = system.db_mut();
    for (family, file) in pending {
        if let Err(message) = load_file(db, &file, &family) {
            eprintln!("clinic-edu: {message}");
        }
    }
    fix_bold_weights(db);
}

/// Loads every registered family into `system`.
pub fn ensure_all(system: &mut FontSystem) {
    let names: Vec<String> = families().iter().map(|f| f.family.clone()).collect();
    ensure(system, names.iter().map(String::as_str));
}

/// Whether every file of every registered family is loaded.
pub fn all_loaded() -> bool {
    families()
        .iter()
        .all(|f| f.files.iter().all(|(_, loaded)| *loaded))
}

/// Loads `family` now and says what is wrong with its files, if anything: for
/// `validate`, which reports it at the manifest.
pub fn check_family(family: &str) -> Result<(), String> {
    let fonts = shared(FontOptions::default());
    let mut system = lock(&fonts);
    let (loaded, unloaded) = {
        let mut families = families();
        let known = families
            .iter_mut()
            .find(|f| f.family == family)
            .ok_or_else(|| format!("no font files are known for the family {family:?}"))?;
        let unloaded = known.take_unloaded();
        let loaded: Vec<FontFile> = known
            .files
            .iter()
            .map(|(file, _)| file.clone())
            .filter(|file| !unloaded.contains(file))
            .collect();
        (loaded, unloaded)
    };
    let mut result = Ok(());
    // Files already in use are checked in a scratch database, so nothing is
    // loaded twice; the others go where a layout would have put them.
    let mut scratch = fontdb::Database::new();
    for file in &loaded {
        result = result.and(load_file(&mut scratch, file, family));
    }
    for file in &unloaded {
        result = result.and(load_file(system.db_mut(), file, family));
    }
    fix_bold_weights(system.db_mut());
    result
}

/// Parses `file` into `db`; an error if it cannot be read or holds no face of
/// `family`.
fn load_file(db: &mut fontdb::Database, file: &FontFile, family: &str) -> Result<(), String> {
    let before: BTreeSet<fontdb::ID> = db.faces().map(|f| f.id).collect();
    match file {
        FontFile::Bundled(name) => {
            let data = FontFiles::get(name)
                .ok_or_else(|| format!("{name} is not among the bundled fonts"))?
                .data;
            // The embedded bytes are shared, not copied: the 11 MB of Noto Sans JP
            // then cost memory only for the pages shaping and rasterising read.
            let data: Arc<dyn AsRef<[u8]> + Sync + Send> = match data {
                std::borrow::Cow::Borrowed(bytes) => Arc::new(bytes),
                std::borrow::Cow::Owned(bytes) => Arc::new(bytes),
            };
            db.load_font_source(fontdb::Source::Binary(data));
        }
        FontFile::Path(path) => {
            let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
        }
    }
    PARSES.fetch_add(1, Ordering::SeqCst);
    let found: Vec<String> = db
        .faces()
        .filter(|f| !before.contains(&f.id))
        .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
        .collect();
    if found.iter().any(|f| f == family) {
        return Ok(());
    }
    let shown = match file {
        FontFile::Bundled(name) => name.clone(),
        FontFile::Path(path) => path.display().to_string(),
    };
    let mut found = found;
    found.dedup();
    Err(format!(
        "{shown} holds the family {}, not {family:?}",
        if found.is_empty() {
            "none (it is not a font file)".to_owned()
        } else {
            found.join(", ")
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::{bundled_files, font_system};

    #[test]
    fn bundled_families_are_all_present() {
        let mut system = font_system();
        assert_eq!(system.db().len(), 0, "nothing is read before it is used");
        ensure_all(&mut system);
        let db = system.db();
        for family in [
            "Noto Sans",
            "Noto Naskh Arabic",
            "Noto Sans Bengali",
            "Noto Sans JP",
        ] {
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
        assert_eq!(
            db.len(),
            bundled_files().len(),
            "only the bundled faces without --system-fonts"
        );
    }
}
