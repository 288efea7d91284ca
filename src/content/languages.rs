//! A clinic's own languages: `DIR/languages/<tag>/` with its manifest
//! (`language.ron`), its Fluent strings (`main.ftl`) and its font files. Each
//! manifest is checked, its font files are made known to the process's fonts (and
//! read when a layout first uses them), and the language is registered (a new tag
//! adds a language; a built-in tag is replaced), before the content that uses it
//! is read. [`check_fonts`] reads them at once, for `validate`.

use std::path::Path;

use super::error::ContentError;
use crate::lang::{self, Language, Manifest};
use crate::text::families::{self, FontFile};
use crate::text::fonts;

/// The folder of a clinic's languages inside its content folder.
pub const LANGUAGES: &str = "languages";

/// Reads and registers the languages of the clinic folder `dir`, once per process
/// (a second call returns what the first found). A language with an error is not
/// registered; every error says where it is.
pub fn load_dir(dir: &Path) -> (Vec<Language>, Vec<ContentError>) {
    type Seen = Vec<(std::path::PathBuf, (Vec<Language>, Vec<ContentError>))>;
    static LOADED: std::sync::Mutex<Seen> = std::sync::Mutex::new(Vec::new());
    let mut loaded = LOADED.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, found)) = loaded.iter().find(|(d, _)| d == dir) {
        return found.clone();
    }
    let found = read_dir(dir);
    loaded.push((dir.to_owned(), found.clone()));
    found
}

fn read_dir(dir: &Path) -> (Vec<Language>, Vec<ContentError>) {
    let mut added = Vec::new();
    let mut errors = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir.join(LANGUAGES)) else {
        return (added, errors);
    };
    let mut folders: Vec<_> = entries.flatten().filter(|e| e.path().is_dir()).collect();
    folders.sort_by_key(|e| e.file_name());
    for entry in folders {
        let folder = entry.path();
        let tag = entry.file_name().to_string_lossy().into_owned();
        match load_one(&folder, &tag) {
            Ok(manifest) => added.push(lang::register(manifest)),
            Err(error) => errors.push(error),
        }
    }
    (added, errors)
}

fn load_one(folder: &Path, tag: &str) -> Result<Manifest, ContentError> {
    let path = folder.join("language.ron");
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| ContentError::new(&shown, None, format!("cannot read the manifest: {e}")))?;
    let manifest = Manifest::parse(&shown, tag, &text)
        .map_err(|e| ContentError::new(e.path, Some((e.line, e.column)), e.message))?;
    // Each family's files: in the language's folder, or among the bundled fonts.
    for family in &manifest.fonts {
        let mut files = Vec::new();
        for file in &family.files {
            let local = folder.join(file);
            if local.is_file() {
                files.push(FontFile::Path(local));
            } else if fonts::bundled_files().contains(file) {
                files.push(FontFile::Bundled(file.clone()));
            } else {
                return Err(ContentError::at_text(
                    &shown,
                    &text,
                    file,
                    format!(
                        "no font file {file} in {} or among the bundled fonts",
                        folder.display()
                    ),
                ));
            }
        }
        families::register_family(&family.family, files);
    }
    Ok(manifest)
}

/// Reads the font files of the clinic folder `dir`'s languages now (the app reads
/// them on first use) and says, at the manifest, which one cannot be read or does
/// not hold the family it is listed under.
pub fn check_fonts(dir: &Path) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for lang in load_dir(dir).0 {
        let path = dir.join(LANGUAGES).join(lang.code()).join("language.ron");
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for family in &lang.manifest().fonts {
            if let Err(message) = families::check_family(&family.family) {
                errors.push(ContentError::at_text(
                    &shown,
                    &text,
                    &family.family,
                    message,
                ));
            }
        }
    }
    errors
}
