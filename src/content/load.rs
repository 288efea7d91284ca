//! Finding the content files (embedded, or a clinic's folder layered over them),
//! parsing them, and validating them into a [`Library`].

use std::collections::BTreeMap;
use std::path::Path;

use super::error::{ContentError, find_position, position_of};
use super::model::{Library, Meta, Origin, Part, SectionId, SideEffectLevel, Topic, TopicText};
use super::raw::{self, Block, Step, Unit};
use crate::assets::Assets;
use crate::lang::Language;
use crate::lang::PerLang;
use crate::screening::{Answer, Question, SHARED_QUESTIONS, Screening, TopicRules};

/// Where embedded content lives inside `assets/`.
const PREFIX: &str = "content/";

/// One content file: the path to show in messages and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentFile {
    pub path: String,
    pub text: String,
}

/// Content files by their path inside the content folder (`prp/en.ron`).
#[derive(Clone, Debug, Default)]
pub struct ContentFiles {
    files: BTreeMap<String, ContentFile>,
}

impl ContentFiles {
    /// The content compiled into the binary.
    pub fn embedded() -> Self {
        let mut files = BTreeMap::new();
        for name in Assets::iter() {
            let Some(rel) = name.strip_prefix(PREFIX) else {
                continue;
            };
            if !rel.ends_with(".ron") {
                continue;
            }
            let text = Assets::text(&name).unwrap_or_default();
            files.insert(
                rel.to_owned(),
                ContentFile {
                    path: format!("assets/{name}"),
                    text,
                },
            );
        }
        Self { files }
    }

    /// The `.ron` files of a clinic's content folder (`DIR/<topic>/<file>.ron`).
    pub fn from_dir(dir: &Path) -> Result<Self, Vec<ContentError>> {
        let shown = dir.display().to_string();
        let entries = std::fs::read_dir(dir).map_err(|e| {
            vec![ContentError::new(
                &shown,
                None,
                format!("cannot read the content folder: {e}"),
            )]
        })?;
        let mut files = BTreeMap::new();
        let mut errors = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_dir() {
                if path.extension().is_some_and(|e| e == "ron") {
                    errors.push(ContentError::new(
                        path.display().to_string(),
                        None,
                        "content files belong in a folder named after their topic",
                    ));
                }
                continue;
            }
            let topic = entry.file_name().to_string_lossy().into_owned();
            let inner = match std::fs::read_dir(&path) {
                Ok(inner) => inner,
                Err(e) => {
                    errors.push(ContentError::new(
                        path.display().to_string(),
                        None,
                        format!("cannot read folder: {e}"),
                    ));
                    continue;
                }
            };
            for file in inner.flatten() {
                let file_path = file.path();
                if file_path.extension().is_none_or(|e| e != "ron") {
                    continue;
                }
                let shown = file_path.display().to_string();
                match std::fs::read(&file_path) {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(text) => {
                            let rel = format!("{topic}/{}", file.file_name().to_string_lossy());
                            files.insert(rel, ContentFile { path: shown, text });
                        }
                        Err(e) => errors.push(ContentError::new(
                            shown,
                            None,
                            format!(
                                "the file is not UTF-8 text (first bad byte at offset {})",
                                e.utf8_error().valid_up_to()
                            ),
                        )),
                    },
                    Err(e) => errors.push(ContentError::new(
                        shown,
                        None,
                        format!("cannot read the file: {e}"),
                    )),
                }
            }
        }
        if errors.is_empty() {
            Ok(Self { files })
        } else {
            Err(errors)
        }
    }

    /// These files with `over`'s files put on top, file by file.
    pub fn layered(mut self, over: ContentFiles) -> Self {
        self.files.extend(over.files);
        self
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Checks a string renders: returns the first character that would be drawn as
/// the missing-glyph box.
pub type GlyphCheck<'a> = &'a mut dyn FnMut(&str, Language) -> Option<char>;

/// What loading found: the library of every topic that validated, and every error.
#[derive(Debug, Default)]
pub struct Loaded {
    pub library: Library,
    pub errors: Vec<ContentError>,
    /// How many topic folders there were.
    pub topic_count: usize,
}

impl Loaded {
    /// `5 topics x 4 languages, 0 errors`.
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
            Language::ALL.len(),
            self.errors.len()
        )
    }
}

/// Parses and validates `files`. Topics with errors are left out of the library.
pub fn load(files: &ContentFiles, mut check_glyphs: Option<GlyphCheck<'_>>) -> Loaded {
    let mut by_topic: BTreeMap<&str, BTreeMap<&str, &ContentFile>> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut questions_file = None;
    for (rel, file) in &files.files {
        match rel.split_once('/') {
            Some((topic, name)) if !name.contains('/') => {
                by_topic.entry(topic).or_default().insert(name, file);
            }
            None if rel == QUESTIONS => questions_file = Some(file),
            _ => errors.push(ContentError::new(
                &file.path,
                None,
                "content files belong directly in a folder named after their topic",
            )),
        }
    }

    let questions = match questions_file {
        Some(file) => load_questions(file, &mut errors, &mut check_glyphs),
        None => {
            errors.push(ContentError::new(
                format!("assets/content/{QUESTIONS}"),
                None,
                "the screening questions file is missing",
            ));
            Vec::new()
        }
    };

    let mut topics = Vec::new();
    let mut rules = BTreeMap::new();
    for (folder, files) in &by_topic {
        let before = errors.len();
        if let Some((topic, topic_rules)) =
            load_topic(folder, files, &questions, &mut errors, &mut check_glyphs)
            && errors.len() == before
        {
            rules.insert(topic.id.clone(), topic_rules);
            topics.push(topic);
        }
    }
    topics.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    Loaded {
        library: Library {
            topics,
            screening: Screening::new(questions, rules),
        },
        errors,
        topic_count: by_topic.len(),
    }
}

/// The shared screening questions file, at the top of the content folder.
const QUESTIONS: &str = "questions.ron";

fn is_question_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Checks every language of a text is filled in and renders; `what` names it in messages.
fn check_localized(
    file: &ContentFile,
    anchor: &str,
    what: &str,
    text: &PerLang<String>,
    errors: &mut Vec<ContentError>,
    check_glyphs: &mut Option<GlyphCheck<'_>>,
) {
    for lang in Language::ALL {
        let value = text.get(lang);
        if value.trim().is_empty() {
            errors.push(ContentError::at_text(
                &file.path,
                &file.text,
                anchor,
                format!(
                    "{what} has no {} text ({})",
                    lang.native_name(),
                    lang.code()
                ),
            ));
        } else if let Some(check) = check_glyphs.as_mut()
            && let Some(c) = check(value, lang)
        {
            errors.push(missing_glyph(file, c, anchor, &format!(" in {what}")));
        }
    }
}

/// The error for a character no bundled font can draw, placed where the character
/// first stands in the file, or else at `anchor`.
fn missing_glyph(file: &ContentFile, c: char, anchor: &str, context: &str) -> ContentError {
    let position =
        find_position(&file.text, &c.to_string()).or_else(|| find_position(&file.text, anchor));
    ContentError::new(
        &file.path,
        position,
        format!(
            "no bundled font can draw {c:?} (U+{:04X}){context}",
            c as u32
        ),
    )
}

fn load_questions(
    file: &ContentFile,
    errors: &mut Vec<ContentError>,
    check_glyphs: &mut Option<GlyphCheck<'_>>,
) -> Vec<Question> {
    let Some(questions) = parse::<Vec<Question>>(file, errors) else {
        return Vec::new();
    };
    let at = |needle: &str, message: String| {
        ContentError::at_text(&file.path, &file.text, needle, message)
    };
    let mut seen: Vec<&str> = Vec::new();
    for q in &questions {
        let anchor = format!("\"{}\"", q.id);
        if !is_question_id(&q.id) {
            errors.push(at(
                &anchor,
                format!(
                    "question id {:?} may only hold lowercase letters, digits and '_'",
                    q.id
                ),
            ));
        }
        if seen.contains(&q.id.as_str()) {
            errors.push(at(&anchor, format!("question id {:?} is used twice", q.id)));
        }
        if let Some(c) = &q.asked_if
            && !seen.contains(&c.question.as_str())
        {
            errors.push(at(
                &anchor,
                format!(
                    "question {:?} depends on {:?}, which is not an earlier question",
                    q.id, c.question
                ),
            ));
        }
        seen.push(&q.id);
        check_localized(
            file,
            &anchor,
            &format!("question {:?}", q.id),
            &q.text,
            errors,
            check_glyphs,
        );
    }
    for id in SHARED_QUESTIONS {
        if !seen.contains(&id) {
            errors.push(ContentError::new(
                &file.path,
                None,
                format!("the shared question {id:?} is missing"),
            ));
        }
    }
    questions
}

fn check_rules(
    file: &ContentFile,
    topic: &raw::TopicFile,
    questions: &[Question],
    rules: &TopicRules,
    errors: &mut Vec<ContentError>,
    check_glyphs: &mut Option<GlyphCheck<'_>>,
) {
    let at = |needle: &str, message: String| {
        ContentError::at_text(&file.path, &file.text, needle, message)
    };
    let known = |id: &str| questions.iter().any(|q| q.id == id);
    if rules.rules.is_empty() {
        errors.push(at("rules", "the topic has no screening rules".into()));
    }
    let mut seen: Vec<(&str, Answer)> = Vec::new();
    for rule in &rules.rules {
        let anchor = format!("\"{}\"", rule.question);
        if !known(&rule.question) {
            errors.push(at(
                &anchor,
                format!(
                    "unknown question {:?}: it is not in questions.ron",
                    rule.question
                ),
            ));
        }
        if seen.contains(&(rule.question.as_str(), rule.answer)) {
            errors.push(at(
                &anchor,
                format!("two rules for the same answer to {:?}", rule.question),
            ));
        }
        seen.push((&rule.question, rule.answer));
        if rule.cite.is_empty() {
            errors.push(at(
                &anchor,
                format!("the rule for {:?} cites no source", rule.question),
            ));
        }
        for id in &rule.cite {
            if !topic.sources.iter().any(|s| &s.id == id) {
                errors.push(at(
                    &format!("\"{id}\""),
                    format!("unknown source {id:?}: it is not in this topic's topic.ron"),
                ));
            }
        }
        check_localized(
            file,
            &anchor,
            &format!("the reason for {:?}", rule.question),
            &rule.reason,
            errors,
            check_glyphs,
        );
    }
    for id in &rules.also_ask {
        if !known(id) {
            errors.push(at(
                &format!("\"{id}\""),
                format!("unknown question {id:?}: it is not in questions.ron"),
            ));
        }
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
            || Language::ALL
                .iter()
                .any(|l| *name == format!("{}.ron", l.code()));
        if !known {
            errors.push(ContentError::new(
                &file.path,
                None,
                "unknown file: a topic folder holds topic.ron, screening.ron and en.ron, ar.ron, bn.ron, ja.ron",
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
    check_topic(folder, topic_file, &raw_topic, errors);

    let mut texts: PerLang<Option<TopicText>> = PerLang::default();
    for lang in Language::ALL {
        let name = format!("{}.ron", lang.code());
        let Some(file) = files.get(name.as_str()) else {
            errors.push(ContentError::new(
                sibling_path(topic_file, folder, &name),
                None,
                format!(
                    "missing language: the topic {folder:?} has no {} text",
                    lang.native_name()
                ),
            ));
            continue;
        };
        let Some(raw_text) = parse::<raw::LangFile>(file, errors) else {
            continue;
        };
        if let Some(text) = check_text(lang, file, &raw_topic, raw_text, errors, check_glyphs) {
            *texts.get_mut(lang) = Some(text);
        }
    }
    let rules = match files.get("screening.ron") {
        Some(file) => parse::<TopicRules>(file, errors).inspect(|rules| {
            check_rules(file, &raw_topic, questions, rules, errors, check_glyphs);
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
    let texts = texts.all()?;
    Some((
        Topic {
            id: raw_topic.id,
            order: raw_topic.order,
            sources: raw_topic.sources,
            timeline: raw_topic.timeline,
            texts,
        },
        rules,
    ))
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn check_topic(
    folder: &str,
    file: &ContentFile,
    topic: &raw::TopicFile,
    errors: &mut Vec<ContentError>,
) {
    let at = |needle: &str, message: String| {
        ContentError::at_text(&file.path, &file.text, needle, message)
    };
    if topic.id != folder {
        errors.push(at(
            &format!("\"{}\"", topic.id),
            format!(
                "the topic id {:?} differs from its folder name {folder:?}",
                topic.id
            ),
        ));
    }
    let mut seen = Vec::new();
    for source in &topic.sources {
        let quoted = format!("\"{}\"", source.id);
        if !is_id(&source.id) {
            errors.push(at(
                &quoted,
                format!(
                    "source id {:?} may only hold lowercase letters, digits and '-'",
                    source.id
                ),
            ));
        }
        if seen.contains(&source.id.as_str()) {
            errors.push(at(
                &quoted,
                format!("source id {:?} is used twice", source.id),
            ));
        }
        seen.push(source.id.as_str());
        if source.title.trim().is_empty() {
            errors.push(at(&quoted, format!("source {:?} has no title", source.id)));
        }
        if let Some(url) = &source.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            errors.push(at(
                url,
                format!(
                    "source {:?} has an address that is not a web address: {url:?}",
                    source.id
                ),
            ));
        }
    }
    let mut steps = Vec::new();
    for step in &topic.timeline {
        let name = format!("{:?}", step.step);
        if steps.contains(&step.step) {
            errors.push(at(&name, format!("the timeline has {name} twice")));
        }
        steps.push(step.step);
        if step.max < step.min {
            errors.push(at(
                &name,
                format!(
                    "timeline {name}: max {} is less than min {}",
                    step.max, step.min
                ),
            ));
        }
        let counts = step.step == Step::Sessions;
        if counts != (step.unit == Unit::Count) {
            let expected = if counts {
                "Count"
            } else {
                "Days, Weeks or Months"
            };
            errors.push(at(
                &name,
                format!("timeline {name}: unit should be {expected}"),
            ));
        }
        if step.cite.is_empty() {
            errors.push(at(&name, format!("timeline {name} cites no source")));
        }
        for id in &step.cite {
            if !topic.sources.iter().any(|s| &s.id == id) {
                errors.push(at(
                    &format!("\"{id}\""),
                    format!("timeline {name} cites an unknown source {id:?}"),
                ));
            }
        }
    }
}

fn check_text(
    lang: Language,
    file: &ContentFile,
    topic: &raw::TopicFile,
    raw: raw::LangFile,
    errors: &mut Vec<ContentError>,
    check_glyphs: &mut Option<GlyphCheck<'_>>,
) -> Option<TopicText> {
    let before = errors.len();
    let at = |needle: &str, message: String| {
        ContentError::at_text(&file.path, &file.text, needle, message)
    };

    let origin = match &raw.meta.origin {
        raw::Origin::Original => Origin::Original,
        raw::Origin::Translation { from } => match from.parse::<Language>() {
            Ok(from) if from != lang => Origin::TranslatedFrom(from),
            Ok(_) => {
                errors.push(at(
                    "Translation",
                    "a text cannot be a translation of its own language".into(),
                ));
                Origin::Original
            }
            Err(e) => {
                errors.push(at(
                    &format!("\"{from}\""),
                    format!("translation source: {e}"),
                ));
                Origin::Original
            }
        },
    };
    if let Some(review) = &raw.meta.reviewed {
        if !is_date(&review.date) {
            errors.push(at(
                &review.date,
                format!(
                    "review date {:?} is not a date like 2026-11-21",
                    review.date
                ),
            ));
        }
        if review.reviewer.trim().is_empty() {
            errors.push(at("reviewer", "a review needs the reviewer's name".into()));
        }
    }
    if raw.title.trim().is_empty() {
        errors.push(at("title", "the title is empty".into()));
    }
    if raw.summary.trim().is_empty() {
        errors.push(at("summary", "the summary is empty".into()));
    }

    let single = |blocks: Vec<Block>| vec![Part { sub: None, blocks }];
    let side = raw.side_effects;
    let sections = vec![
        (SectionId::WhatItIs, single(raw.what_it_is)),
        (SectionId::HowItWorks, single(raw.how_it_works)),
        (SectionId::UsedFor, single(raw.used_for)),
        (SectionId::WhatToExpect, single(raw.what_to_expect)),
        (
            SectionId::SideEffects,
            vec![
                Part {
                    sub: Some(SideEffectLevel::Common),
                    blocks: side.common,
                },
                Part {
                    sub: Some(SideEffectLevel::Rare),
                    blocks: side.rare,
                },
                Part {
                    sub: Some(SideEffectLevel::Serious),
                    blocks: side.serious,
                },
                Part {
                    sub: Some(SideEffectLevel::Urgent),
                    blocks: side.urgent,
                },
            ],
        ),
        (SectionId::Aftercare, single(raw.aftercare)),
        (SectionId::Evidence, single(raw.evidence)),
        (SectionId::WhoShouldNot, single(raw.who_should_not)),
        (SectionId::Questions, single(raw.questions)),
    ];

    let mut cursors: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (id, parts) in &sections {
        for part in parts {
            let field = match part.sub {
                Some(level) => format!("side_effects.{}", format!("{level:?}").to_lowercase()),
                None => id.field().to_owned(),
            };
            let needle = field.rsplit('.').next().unwrap_or(&field).to_owned();
            if part.blocks.is_empty() {
                errors.push(at(
                    &format!("{needle}:"),
                    format!("missing section: {field} has no text"),
                ));
            }
            for block in &part.blocks {
                let (cites, texts): (Vec<&String>, Vec<&String>) = match block {
                    Block::Para { text, cite } => (cite.iter().collect(), vec![text]),
                    Block::List { items } => {
                        if items.is_empty() {
                            errors.push(at(
                                &format!("{needle}:"),
                                format!("{field} has an empty list"),
                            ));
                        }
                        (
                            items.iter().flat_map(|i| i.cite.iter()).collect(),
                            items.iter().map(|i| &i.text).collect(),
                        )
                    }
                };
                for text in texts {
                    if text.trim().is_empty() {
                        errors.push(at(
                            &format!("{needle}:"),
                            format!("{field} has an empty paragraph or item"),
                        ));
                    }
                }
                for id in cites {
                    if !topic.sources.iter().any(|s| &s.id == id) {
                        // Each citation of the id gets the place of its own occurrence.
                        let needle = format!("\"{id}\"");
                        let from = cursors.get(&needle).copied().unwrap_or(0);
                        let found = file.text[from..].find(&needle).map(|i| from + i);
                        if let Some(at) = found {
                            cursors.insert(needle.clone(), at + needle.len());
                        }
                        errors.push(ContentError::new(
                            &file.path,
                            found.map(|at| position_of(&file.text, at)),
                            format!("unknown source {id:?}: it is not in this topic's topic.ron"),
                        ));
                    }
                }
            }
        }
    }

    let text = TopicText {
        meta: Meta {
            version: raw.meta.version,
            origin,
            reviewed: raw.meta.reviewed,
        },
        title: raw.title,
        summary: raw.summary,
        sections,
    };

    if let Some(check) = check_glyphs.as_mut() {
        for s in text.strings() {
            if let Some(c) = check(s, lang) {
                errors.push(missing_glyph(file, c, s, ""));
            }
        }
    }

    (errors.len() == before).then_some(text)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
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
    let errors = match ContentFiles::from_dir(dir) {
        Ok(over) => {
            let mut system = crate::text::TextSystem::new(crate::text::FontOptions::default());
            let mut check = |text: &str, lang: Language| system.missing_glyph(text, lang);
            let layered = load(&embedded.clone().layered(over), Some(&mut check));
            if layered.errors.is_empty() {
                return (layered.library, Vec::new());
            }
            layered.errors
        }
        Err(errors) => errors,
    };
    let mut fallback = load(&embedded, None);
    fallback.errors.extend(errors);
    (fallback.library, fallback.errors)
}
