//! `clinic-edu review`: records that a clinician reviewed a topic in one language,
//! in the content folder's `reviews.ron`, with the SHA-256 of the language file and
//! the screening file as they are now. Content files are never rewritten.

use std::path::{Path, PathBuf};

use clinic_edu::Language;
use clinic_edu::content::review::{Date, REVIEWS, ReviewRecord, reviewer_is_valid};
use clinic_edu::content::{self, ContentFiles};

use super::print_out;

pub fn review(
    topic: &str,
    lang: Language,
    reviewer: &str,
    date: Option<&str>,
    content: Option<&Path>,
) -> anyhow::Result<()> {
    let dir: PathBuf = match content {
        Some(dir) => dir.to_owned(),
        // In a source checkout the built-in content is this folder.
        None if Path::new("assets/content/questions.ron").is_file() => "assets/content".into(),
        None => anyhow::bail!(
            "give --content DIR: the content folder whose reviews.ron records the review"
        ),
    };
    anyhow::ensure!(
        reviewer_is_valid(reviewer),
        "--reviewer must be \"NAME, ROLE\" on one line, 1 to 120 characters"
    );
    let reviewer = reviewer.trim();
    let today = Date::today();
    let day = match date {
        Some(text) => Date::parse(text)
            .ok_or_else(|| anyhow::anyhow!("--date {text:?} is not a day written YYYY-MM-DD"))?,
        None => today,
    };
    anyhow::ensure!(day <= today, "--date {day} is in the future");

    let over = ContentFiles::from_dir(&dir).map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("{}\n{} could not be read", lines.join("\n"), dir.display())
    })?;
    let files = ContentFiles::embedded().layered(over);
    let loaded = content::load(&files, None);
    if !loaded.errors.is_empty() {
        for error in &loaded.errors {
            eprintln!("{error}");
        }
        anyhow::bail!("the content has errors; fix them before recording a review");
    }
    let library = &loaded.library;
    let Some(found) = library.topic(topic) else {
        let known: Vec<&str> = library.topics().iter().map(|t| t.id.as_str()).collect();
        anyhow::bail!("no topic {topic:?}; the topics are: {}", known.join(", "));
    };
    let record = ReviewRecord {
        topic: topic.to_owned(),
        lang,
        reviewer: reviewer.to_owned(),
        date: day.to_string(),
        file_sha256: found.hashes.texts.get(lang).clone(),
        screening_sha256: found.hashes.screening.clone(),
    };
    let mut records: Vec<ReviewRecord> = library
        .reviews()
        .iter()
        .filter(|r| !(r.topic == topic && r.lang == lang))
        .cloned()
        .collect();
    records.push(record.clone());
    records.sort_by(|a, b| (&a.topic, a.lang).cmp(&(&b.topic, b.lang)));
    let pretty = ron::ser::PrettyConfig::new().struct_names(false);
    let body = ron::ser::to_string_pretty(&records, pretty)?;
    let text = format!(
        "// Clinicians' reviews, written by `clinic-edu review`. A review stands while the\n\
         // SHA-256 of the files it covers still match and it is younger than the config's\n\
         // review_valid_months. Do not edit the hashes by hand.\n{body}\n"
    );
    let path = dir.join(REVIEWS);
    clinic_edu::pdf::write_atomic(&path, text.as_bytes())?;
    print_out(&format!(
        "{topic}/{}.ron: reviewed by {reviewer} on {}; recorded in {} (sha256 {})\n",
        lang.code(),
        record.date,
        path.display(),
        &record.file_sha256[..12]
    ))?;
    Ok(())
}
