//! `clinic-edu validate [DIR]`: checks the built-in content, or DIR layered over it,
//! and reports every error with where it is.

use std::path::Path;

use clinic_edu::Language;
use clinic_edu::content::{self, ContentFiles};
use clinic_edu::text::{FontOptions, TextSystem};

use super::print_out;

pub fn validate(dir: Option<&Path>) -> anyhow::Result<()> {
    // The folder's own languages first: its content may be written in them.
    let language_errors = dir.map_or_else(Vec::new, |d| {
        let mut errors = content::languages::load_dir(d).1;
        errors.extend(content::languages::check_fonts(d));
        errors
    });
    let mut files = ContentFiles::embedded();
    if let Some(dir) = dir {
        match ContentFiles::from_dir(dir) {
            Ok(over) => files = files.layered(over),
            Err(errors) => {
                for error in &errors {
                    print_out(&format!("{error}\n"))?;
                }
                anyhow::bail!("{} could not be read", dir.display());
            }
        }
    }
    // Only the bundled fonts count: a clinic's kiosk may have no others.
    let mut system = TextSystem::new(FontOptions {
        system_fonts: false,
    });
    let mut check = |text: &str, lang: Language| system.missing_glyph(text, lang);
    let mut loaded = content::load(&files, Some(&mut check));
    loaded.errors.splice(0..0, language_errors);
    for error in &loaded.errors {
        print_out(&format!("{error}\n"))?;
    }
    missing_strings(dir)?;
    let narration_problems = narration_notes(dir, &loaded.library)?;
    review_notes(&files, &loaded.library)?;
    print_out(&format!("{}\n", loaded.summary()))?;
    anyhow::ensure!(loaded.errors.is_empty(), "the content has errors");
    anyhow::ensure!(
        narration_problems == 0,
        "{narration_problems} narration clip(s) are stale or bad"
    );
    Ok(())
}

/// A line per language on the narration in `dir`, or the built-in narration without
/// one (clips present, by whom, missing), and a `PATH: why` line for each stale or
/// bad clip; returns how many those are.
fn narration_notes(dir: Option<&Path>, library: &content::Library) -> anyhow::Result<usize> {
    use content::narration;
    // Without a clinic folder, the narration that ships with the app is checked.
    let builtin;
    let dir = match dir {
        Some(dir) => dir,
        None => match narration::builtin_dir() {
            Some(found) => {
                builtin = found;
                print_out(&format!("narration built in: {}\n", builtin.display()))?;
                &builtin
            }
            None => {
                print_out(
                    "narration: none built in (a clinic adds clips to its folder: README, \"Read aloud\")\n",
                )?;
                return Ok(0);
            }
        },
    };
    let strings = clinic_edu::i18n::Strings::load(Some(dir))?;
    let mut problems = 0;
    for lang in library.languages() {
        let report = narration::report(dir, library, &strings, lang);
        for problem in &report.problems {
            print_out(&format!("{problem}\n"))?;
        }
        problems += report.problems.len();
        let present = report.recorded + report.computer;
        let mut line = format!(
            "{}: narration {}: {present} of {} texts have a clip ({} recorded, {} computer voice), {} missing, {} stale or bad",
            dir.display(),
            lang.code(),
            report.texts,
            report.recorded,
            report.computer,
            report.missing.len(),
            report.problems.len()
        );
        // A language being narrated lists what it still lacks.
        if present > 0 && !report.missing.is_empty() {
            line.push_str(&format!("; missing: {}", report.missing.join(", ")));
        }
        print_out(&format!("{line}\n"))?;
    }
    Ok(problems)
}

/// A note per language naming the UI strings it lacks (shown in English instead).
fn missing_strings(dir: Option<&Path>) -> anyhow::Result<()> {
    let strings = clinic_edu::i18n::Strings::load(dir)?;
    let english = strings.ids(Language::fallback());
    for lang in Language::all() {
        let ids = strings.ids(lang);
        let missing: Vec<&str> = english
            .iter()
            .filter(|id| !ids.contains(id))
            .map(String::as_str)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let clinic = dir.map(|d| d.join("languages").join(lang.code()).join("main.ftl"));
        let path = match clinic.filter(|p| p.exists()) {
            Some(p) => p.display().to_string(),
            None => format!("assets/languages/{}/main.ftl", lang.code()),
        };
        print_out(&format!(
            "{path}: note: {} of {} UI strings missing in {}, shown in English: {}\n",
            missing.len(),
            english.len(),
            lang.code(),
            missing.join(", ")
        ))?;
    }
    Ok(())
}

/// A note per topic and language on its clinical review, and the counts.
fn review_notes(
    files: &ContentFiles,
    library: &clinic_edu::content::Library,
) -> anyhow::Result<()> {
    use clinic_edu::content::review::{DEFAULT_VALID_MONTHS, Date, ReviewStatus};
    let months = clinic_edu::config::config_path(None)
        .ok()
        .filter(|p| p.exists())
        .and_then(|p| clinic_edu::config::Config::load(&p).ok())
        .map_or(DEFAULT_VALID_MONTHS, |c| c.review_valid_months);
    let today = Date::today();
    let mut counts = [0usize; 4];
    for topic in library.topics() {
        for lang in Language::all() {
            let status = library.review_status(topic, lang, today, months);
            counts[match status {
                ReviewStatus::Reviewed { .. } => 0,
                ReviewStatus::ChangedSinceReview { .. } => 1,
                ReviewStatus::Overdue { .. } => 2,
                ReviewStatus::NeverReviewed => 3,
            }] += 1;
            let rel = format!("{}/{}.ron", topic.id, lang.code());
            let path = files.get(&rel).map_or(rel.clone(), |f| f.path.clone());
            print_out(&format!("{path}: note: {}\n", status.describe()))?;
        }
    }
    print_out(&format!(
        "reviews: {} reviewed, {} changed since review, {} overdue, {} never reviewed (reviews stand {months} months)\n",
        counts[0], counts[1], counts[2], counts[3]
    ))?;
    Ok(())
}
