//! `clinic-edu review`: records that a clinician reviewed a topic in one language,
//! in the content folder's `reviews.ron`, with the SHA-256 of the language file and
//! the screening file as they are now, and the text as reviewed, paragraph by
//! paragraph, in `reviewed/<topic>/<lang>.ron` beside it. Content files are never
//! rewritten.

use std::path::{Path, PathBuf};

use clinic_edu::Language;
use clinic_edu::content::review::{
    Date, REVIEWS, SignOff, reviewer_is_valid, reviews_file, with_review,
};
use clinic_edu::content::{self, ContentFiles};

use super::print_out;

/// What the command line says of the review.
pub struct Request<'a> {
    pub topic: &'a str,
    pub lang: Language,
    pub reviewer: &'a str,
    pub date: Option<&'a str>,
    pub registration: Option<&'a str>,
    pub content: Option<&'a Path>,
}

pub fn review(request: Request<'_>) -> anyhow::Result<()> {
    let Request {
        topic,
        lang,
        reviewer,
        date,
        registration,
        content,
    } = request;
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
    // The reviewer is "NAME, ROLE" as given; the record keeps it whole.
    let sign = SignOff {
        name: reviewer.to_owned(),
        role: String::new(),
        registration: registration.unwrap_or_default().to_owned(),
        date: day.to_string(),
    };
    let record = library.review_record(found, lang, &sign);
    let text = reviews_file(&with_review(library.reviews(), record.clone()))?;
    // The text as reviewed first, so that reviews.ron never names a review whose
    // text is not there yet.
    content::changes::write_kept(&dir, &record)?;
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
