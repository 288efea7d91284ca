//! Take-home handouts: a topic as a PDF in the patient's language (beside the staff
//! member's, if asked), laid out by the same text engine as the screen and written
//! with krilla from the engine's own shaped glyphs. A handout carries content only,
//! never answers, and is written to the chosen file and nowhere else.

mod compose;
mod handout;
pub mod page;
pub mod print;
mod write;

use std::io::Write as _;
use std::path::{Path, PathBuf};

pub use page::{Composed, GlyphRun, Item, Paper, RunGlyph, TextItem, line_runs};
pub use write::Day;

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
    /// The print date as `YYYY-MM-DD` (digits are put in the language's own).
    pub date: String,
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
    Ok(handout::compose(text, strings, topic, request))
}

/// The handout's PDF file, as bytes.
pub fn make(
    library: &Library,
    strings: &Strings,
    text: &mut TextSystem,
    request: &HandoutRequest,
) -> Result<Vec<u8>, HandoutError> {
    let composed = compose(library, strings, text, request)?;
    let day = parse_day(&request.date).unwrap_or(Day {
        year: 1970,
        month: 1,
        day: 1,
    });
    write::write(&composed, text, day).map_err(HandoutError::Pdf)
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

/// Today's date (UTC) as `YYYY-MM-DD`; `SOURCE_DATE_EPOCH`, when set, stands for
/// now, as in reproducible builds, so tests and snapshots get a fixed date.
pub fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn parse_day(date: &str) -> Option<Day> {
    let mut parts = date.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some(Day { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_788), (2026, 12, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

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
