//! Finding the content files (embedded, or a clinic's folder layered over them),
//! parsing them, and putting the checked topics together into a [`Library`]. The
//! checks themselves are in `content::validate`.

use std::collections::BTreeMap;
use std::path::Path;

use super::error::ContentError;
use super::kept;
use super::limits;
use super::model::{Library, Topic, TopicText};
use super::raw;
use super::review::{self, FileHashes, ReviewRecord};
use super::validate;
use crate::lang::{Language, PerLang};
use crate::screening::{Question, Screening, TopicRules};

pub use super::files::{ContentFile, ContentFiles, QUESTIONS};
pub use super::validate::GlyphCheck;

/// What loading found: the library of every topic that validated, and every error.
#[derive(Debug, Default)]
pub struct Loaded {
    pub library: Library,
    pub errors: Vec<ContentError>,
    /// How many topic folders there were.
    pub topic_count: usize,
}

impl Loaded {
    /// `5 topics x 5 languages, 0 errors`.
    pub fn summary(&self) -> String {
        let topics = if self.topic_count == 1 {
            "topic"
        } else {
            "topics"
        };
        let errors = if self.errors.len() == 1 {
            "error"
        } else {
            "errors"
        };
        format!(
            "{} {topics} x {} languages, {} {errors}",
            self.topic_count,
            Language::all().len(),
            self.errors.len()
        )
    }
}

/// Parses and validates `files`. Topics with errors are left out of the library.
pub fn load(files: &ContentFiles, mut check_glyphs: Option<GlyphCheck<'_>>) -> Loaded {
    let mut by_topic: BTreeMap<&str, BTreeMap<&str, &ContentFile>> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut questions_file = None;
    let mut reviews_file = None;
    let mut kept_files = BTreeMap::new();
    for (rel, file) in &files.files {
        if file.text.len() as u64 > limits::MAX_FILE_BYTES {
            errors.push(ContentError::new(
                &file.path,
                None,
                format!(
                    "the file is {} bytes; a content file is at most {} bytes",
                    file.text.len(),
                    limits::MAX_FILE_BYTES
                ),
            ));
            continue;
        }
        if rel.starts_with(&format!("{}/", kept::KEPT_DIR)) {
            kept_files.insert(rel.as_str(), file);
            continue;
        }
        match rel.split_once('/') {
            Some((topic, name)) if !name.contains('/') => {
                by_topic.entry(topic).or_default().insert(name, file);
            }
            None if rel == QUESTIONS => questions_file = Some(file),
            None if rel == review::REVIEWS => reviews_file = Some(file),
            _ => errors.push(ContentError::new(
                &file.path,
                None,
                "content files belong directly in a folder named after their topic",
            )),
        }
    }

    let questions = match questions_file {
        Some(file) => parse::<Vec<Question>>(file, &mut errors)
            .inspect(|questions| {
                validate::check_questions(file, questions, &mut errors, &mut check_glyphs);
            })
            .unwrap_or_default(),
        None => {
            errors.push(ContentError::new(
                format!("assets/content/{QUESTIONS}"),
                None,
                "the screening questions file is missing",
            ));
            Vec::new()
        }
    };

    // Errors about one language, with the topic they are in (none: the questions).
    let mut language_errors: Vec<(Language, Option<String>)> = errors
        .iter()
        .filter_map(|e| Some((e.lang?, None)))
        .collect();
    let mut topics = Vec::new();
    let mut rules = BTreeMap::new();
    for (folder, files) in &by_topic {
        let before = errors.len();
        if let Some((topic, topic_rules)) =
            load_topic(folder, files, &questions, &mut errors, &mut check_glyphs)
            && errors[before..].iter().all(|e| e.lang.is_some())
        {
            rules.insert(topic.id.clone(), topic_rules);
            topics.push(topic);
        }
        language_errors.extend(
            errors[before..]
                .iter()
                .filter_map(|e| Some((e.lang?, Some((*folder).to_owned())))),
        );
    }
    topics.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    let reviews = reviews_file
        .and_then(|file| {
            let reviews = parse::<Vec<ReviewRecord>>(file, &mut errors)?;
            validate::check_reviews(file, &reviews, &by_topic, &mut errors);
            // Each review with the text it kept, where that was kept.
            let reviews = reviews
                .into_iter()
                .map(|record| {
                    let kept = kept_files
                        .get(record.kept_path().as_str())
                        .and_then(|file| parse::<Vec<kept::KeptParagraph>>(file, &mut errors));
                    match kept {
                        Some(kept) => record.with_kept(kept),
                        None => record,
                    }
                })
                .collect();
            Some(reviews)
        })
        .unwrap_or_default();
    // A language with an error of its own in the questions, or in a topic offered,
    // is not offered; the others still are.
    let incomplete = language_errors;
    Loaded {
        library: Library {
            topics,
            screening: Screening::new(questions, rules),
            reviews,
            incomplete,
        },
        errors,
        topic_count: by_topic.len(),
    }
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &ContentFile,
    errors: &mut Vec<ContentError>,
) -> Option<T> {
    match ron::Options::default().from_str::<T>(&file.text) {
        Ok(value) => Some(value),
        Err(e) => {
            let position = (e.span.start.line, e.span.start.col);
            errors.push(ContentError::new(
                &file.path,
                Some(position),
                plain_ron_error(&e.code),
            ));
            None
        }
    }
}

/// RON's messages name Rust types; say it in the content's terms.
fn plain_ron_error(error: &ron::Error) -> String {
    let text = error.to_string();
    let text = text
        .replace("`LangFile`", "the language file")
        .replace("`TopicFile`", "topic.ron")
        .replace("`SideEffects`", "side_effects");
    format!("syntax error: {text}")
}

fn sibling_path(topic_file: &ContentFile, folder: &str, name: &str) -> String {
    match topic_file.path.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{name}"),
        None => format!("{folder}/{name}"),
    }
}

fn load_topic(
    folder: &str,
    files: &BTreeMap<&str, &ContentFile>,
    questions: &[Question],
    errors: &mut Vec<ContentError>,
    check_glyphs: &mut Option<GlyphCheck<'_>>,
) -> Option<(Topic, TopicRules)> {
    for (name, file) in files {
        let known = *name == "topic.ron"
            || *name == "screening.ron"
            || Language::all()
                .iter()
                .any(|l| *name == format!("{}.ron", l.code()));
        if !known {
            errors.push(ContentError::new(
                &file.path,
                None,
                format!(
                    "unknown file: a topic folder holds topic.ron, screening.ron and a file per language ({})",
                    Language::all()
                        .iter()
                        .map(|l| format!("{}.ron", l.code()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    let Some(topic_file) = files.get("topic.ron") else {
        let any = files
            .values()
            .next()
            .map_or(folder.to_owned(), |f| f.path.clone());
        errors.push(ContentError::new(
            any,
            None,
            format!("the topic folder {folder:?} has no topic.ron"),
        ));
        return None;
    };
    let raw_topic: raw::TopicFile = parse(topic_file, errors)?;
    validate::check_topic(folder, topic_file, &raw_topic, errors);

    let mut texts: PerLang<TopicText> = PerLang::default();
    for lang in Language::all() {
        let name = format!("{}.ron", lang.code());
        let Some(file) = files.get(name.as_str()) else {
            errors.push(
                ContentError::new(
                    sibling_path(topic_file, folder, &name),
                    None,
                    format!(
                        "missing language: the topic {folder:?} has no {} text",
                        lang.native_name()
                    ),
                )
                .in_language(lang),
            );
            continue;
        };
        // Whatever is wrong in a language's file concerns that language only.
        let before = errors.len();
        let text = parse::<raw::LangFile>(file, errors).and_then(|raw_text| {
            validate::check_text(lang, file, &raw_topic, raw_text, errors, check_glyphs)
        });
        for error in &mut errors[before..] {
            if error.lang.is_none() {
                *error = error.clone().in_language(lang);
            }
        }
        if let Some(text) = text {
            texts.insert(lang, text);
        }
    }
    // Every language has the English text's paragraph ids; a language that differs
    // is not offered.
    let english = Language::fallback();
    let en_name = format!("{}.ron", english.code());
    if let (Some(en_text), Some(en_file)) = (texts.get_exact(english), files.get(en_name.as_str()))
    {
        for lang in Language::all().into_iter().filter(|l| *l != english) {
            let name = format!("{}.ron", lang.code());
            if let (Some(text), Some(file)) = (texts.get_exact(lang), files.get(name.as_str())) {
                validate::check_same_ids(lang, file, text, en_file, en_text, errors);
            }
        }
    }
    let rules = match files.get("screening.ron") {
        Some(file) => parse::<TopicRules>(file, errors).inspect(|rules| {
            validate::check_rules(file, &raw_topic, questions, rules, errors, check_glyphs);
        }),
        None => {
            errors.push(ContentError::new(
                sibling_path(topic_file, folder, "screening.ron"),
                None,
                format!("the topic {folder:?} has no screening rules"),
            ));
            None
        }
    }?;
    // The fallback language's text is what every other falls back to: without it
    // there is no topic.
    if !texts.contains(Language::fallback()) {
        return None;
    }
    let hash = |name: &str| {
        files
            .get(name)
            .map_or_else(String::new, |f| review::sha256_hex(f.text.as_bytes()))
    };
    let mut hashes = FileHashes {
        screening: hash("screening.ron"),
        ..FileHashes::default()
    };
    for lang in Language::all() {
        hashes
            .texts
            .insert(lang, hash(&format!("{}.ron", lang.code())));
    }
    Some((
        Topic {
            id: raw_topic.id,
            order: raw_topic.order,
            sources: raw_topic.sources,
            timeline: raw_topic.timeline,
            texts,
            hashes,
        },
        rules,
    ))
}

/// The content the app runs on: the embedded files with `dir`'s layered over them.
/// If `dir` cannot be read or has any error, the embedded content alone is used and
/// the errors are returned for staff to see. Every string of a clinic's folder is
/// checked against the bundled fonts.
pub fn for_app(dir: Option<&Path>) -> (Library, Vec<ContentError>) {
    let embedded = ContentFiles::embedded();
    let Some(dir) = dir else {
        let loaded = load(&embedded, None);
        return (loaded.library, loaded.errors);
    };
    // The folder's own languages first: its content may be written in them.
    let (_, language_errors) = super::languages::load_dir(dir);
    let errors = match ContentFiles::from_dir(dir) {
        Ok(over) => {
            let mut system = crate::text::TextSystem::new(crate::text::FontOptions::default());
            let mut check = |text: &str, lang: Language| system.missing_glyph(text, lang);
            let layered = load(&embedded.clone().layered(over), Some(&mut check));
            // Errors that each concern one language leave the folder in use without
            // those languages; any other error sets the whole folder aside.
            if layered.errors.iter().all(|e| e.lang.is_some())
                && !layered.library.is_empty()
                && layered.library.languages().contains(&Language::fallback())
            {
                let mut errors = language_errors;
                errors.extend(layered.errors);
                return (layered.library, errors);
            }
            layered.errors
        }
        Err(errors) => errors,
    };
    let errors: Vec<ContentError> = language_errors.into_iter().chain(errors).collect();
    let mut fallback = load(&embedded, None);
    fallback.errors.extend(errors);
    (fallback.library, fallback.errors)
}
