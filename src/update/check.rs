//! Checking a content folder in full before it is published or installed: every
//! file parses, the bundled fonts cover every character, narration clips are sound;
//! and what its clinicians' reviews say (unreviewed texts, the review-by date).

use std::path::Path;

use crate::content::review::{DEFAULT_VALID_MONTHS, Date, ReviewStatus};
use crate::content::{self, ContentFiles, Library};
use crate::lang::Language;
use crate::text::{FontOptions, TextSystem};

/// A content folder that passed every check.
pub struct Checked {
    pub library: Library,
    /// The folder's texts (`topic/lang`) that are not reviewed, or changed since.
    pub unreviewed: Vec<String>,
    /// The earliest day one of the folder's reviews runs out.
    pub review_by: Option<Date>,
    /// The languages the content is complete in.
    pub languages: Vec<String>,
}

/// Checks `dir` layered over the built-in content as `clinic-edu validate` does;
/// the errors, one a line, when there are any.
pub fn check_folder(dir: &Path, today: Date) -> Result<Checked, Vec<String>> {
    let mut errors: Vec<String> = content::languages::load_dir(dir)
        .1
        .iter()
        .map(ToString::to_string)
        .collect();
    errors.extend(
        content::languages::check_fonts(dir)
            .iter()
            .map(ToString::to_string),
    );
    let files = match ContentFiles::from_dir(dir) {
        Ok(over) => ContentFiles::embedded().layered(over),
        Err(read) => {
            errors.extend(read.iter().map(ToString::to_string));
            return Err(errors);
        }
    };
    let mut system = TextSystem::new(FontOptions {
        system_fonts: false,
    });
    let mut glyphs = |text: &str, lang: Language| system.missing_glyph(text, lang);
    let loaded = content::load(&files, Some(&mut glyphs));
    errors.extend(loaded.errors.iter().map(ToString::to_string));
    match crate::i18n::Strings::load(Some(dir)) {
        Ok(strings) => {
            for lang in loaded.library.languages() {
                let report = content::narration::report(dir, &loaded.library, &strings, lang);
                errors.extend(report.problems);
            }
        }
        Err(e) => errors.push(format!("{}: {e:#}", dir.display())),
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let library = loaded.library;
    let (unreviewed, review_by) = reviews(dir, &library, today);
    let languages = library
        .languages()
        .iter()
        .map(|l| l.code().to_owned())
        .collect();
    Ok(Checked {
        library,
        unreviewed,
        review_by,
        languages,
    })
}

/// The folder's own texts that are not reviewed today, and the day the first of
/// its reviews runs out.
fn reviews(dir: &Path, library: &Library, today: Date) -> (Vec<String>, Option<Date>) {
    let mut unreviewed = Vec::new();
    let mut review_by: Option<Date> = None;
    for topic in library.topics() {
        for lang in Language::all() {
            let file = dir.join(&topic.id).join(format!("{}.ron", lang.code()));
            if !file.is_file() {
                continue;
            }
            let name = format!("{}/{}", topic.id, lang.code());
            match library.review_status(topic, lang, today, DEFAULT_VALID_MONTHS) {
                ReviewStatus::Reviewed { date, .. } => {
                    if let Some(day) = Date::parse(&date) {
                        let ends = day.plus_months(DEFAULT_VALID_MONTHS);
                        review_by = Some(review_by.map_or(ends, |d| d.min(ends)));
                    }
                }
                status => unreviewed.push(format!("{name}: {}", status.describe())),
            }
        }
    }
    (unreviewed, review_by)
}
