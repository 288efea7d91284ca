//! Take-home handouts: a topic as a PDF in the patient's language (beside the staff
//! member's, if asked), laid out by the same text engine as the screen and written
//! with krilla from the engine's own shaped glyphs. A handout carries content only,
//! never answers, and is written to the chosen file and nowhere else.

mod compose;
mod draw_text;
mod glyph_text;
mod handout;
pub mod page;
pub mod print;
mod write;

use std::io::Write as _;
use std::path::{Path, PathBuf};

pub use page::{Composed, GlyphRun, Item, Paper, RunGlyph, TextItem, line_runs};

use crate::content::review::Date;
use crate::content::{Library, SectionId};
use crate::i18n::Strings;
use crate::lang::Language;
use crate::text::TextSystem;

/// What a handout shows.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoutRequest {
    pub topic: String,
    /// The patient's language.
    pub lang: Language,
    /// A second column in the staff member's language.
    pub staff_lang: Option<Language>,
    /// The sections, in the order they are shown.
    pub sections: Vec<SectionId>,
    pub paper: Paper,
    /// The clinic's name, from the config, when there is one.
    pub clinic_name: Option<String>,
    /// The print date (shown `YYYY-MM-DD`, in the language's own digits).
    pub date: Date,
    /// How many months a clinician's review stands (the config's `review_valid_months`).
    pub review_months: u32,
}

/// Why a handout could not be made or saved.
#[derive(Debug, thiserror::Error)]
pub enum HandoutError {
    #[error("no topic \"{id}\"; the topics are: {known}")]
    UnknownTopic { id: String, known: String },
    #[error("no section \"{name}\"; the sections are: {known}")]
    UnknownSection { name: String, known: String },
    #[error("no sections chosen")]
    NoSections,
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    #[error("could not write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// The section named `name` in the content files (`what_it_is`, `side_effects`…).
pub fn parse_section(name: &str) -> Result<SectionId, HandoutError> {
    SectionId::ALL
        .into_iter()
        .find(|s| s.field() == name || s.field().replace('_', "-") == name)
        .ok_or_else(|| HandoutError::UnknownSection {
            name: name.to_owned(),
            known: SectionId::ALL.map(|s| s.field()).join(", "),
        })
}

/// Lays out the handout `request` asks for.
pub fn compose(
    library: &Library,
    strings: &Strings,
    text: &mut TextSystem,
    request: &HandoutRequest,
) -> Result<Composed, HandoutError> {
    let topic = library
        .topic(&request.topic)
        .ok_or_else(|| HandoutError::UnknownTopic {
            id: request.topic.clone(),
            known: library
                .topics()
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    if request.sections.is_empty() {
        return Err(HandoutError::NoSections);
    }
    Ok(handout::compose(text, strings, library, topic, request))
}

/// The handout's PDF file, as bytes.
pub fn make(
    library: &Library,
    strings: &Strings,
    text: &mut TextSystem,
    request: &HandoutRequest,
) -> Result<Vec<u8>, HandoutError> {
    let composed = compose(library, strings, text, request)?;
    write::write(&composed, text, request.date).map_err(HandoutError::Pdf)
}

/// Writes `bytes` to `path` whole or not at all: into a temporary file beside it,
/// then renamed over it, so a failure never leaves half a PDF behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), HandoutError> {
    let error = |source| HandoutError::Write {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| error(std::io::Error::other("not a file name")))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.part", std::process::id()));
    let temp = dir.join(temp_name);
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(error(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_by_field_name() {
        assert_eq!(
            parse_section("side_effects").unwrap(),
            SectionId::SideEffects
        );
        assert_eq!(
            parse_section("side-effects").unwrap(),
            SectionId::SideEffects
        );
        assert!(
            parse_section("dosage")
                .unwrap_err()
                .to_string()
                .contains("what_it_is")
        );
    }
}
