//! Checking the parsed content files. Loading parses a file and hands it to one of
//! the `check_*` entry points here; each gives the file a [`Checker`] that places
//! every error where it stands in the file.

mod ids;
mod questions;
mod reviews;
mod rules;
mod text;
mod topic;

use std::collections::HashMap;

use super::error::{ContentError, find_position, position_of};
use super::files::ContentFile;
use super::limits;
use super::model::TopicText;
use super::raw;
use crate::lang::{Language, PerLang};
use crate::screening::{Question, TopicRules};

/// Checks a string renders: returns the first character that would be drawn as
/// the missing-glyph box.
pub type GlyphCheck<'a> = &'a mut dyn FnMut(&str, Language) -> Option<char>;

/// Checks the shared screening questions (`questions.ron`).
pub(super) fn check_questions(
    file: &ContentFile,
    questions: &[Question],
    errors: &mut Vec<ContentError>,
    glyphs: &mut Option<GlyphCheck<'_>>,
) {
    questions::check(&mut Checker::new(file, errors, glyphs), questions);
}

/// Checks a content folder's `reviews.ron` against its topics.
pub(super) fn check_reviews(
    file: &ContentFile,
    records: &[crate::content::review::ReviewRecord],
    topics: &std::collections::BTreeMap<&str, std::collections::BTreeMap<&str, &ContentFile>>,
    errors: &mut Vec<ContentError>,
) {
    reviews::check(&mut Checker::new(file, errors, &mut None), records, topics);
}

/// Checks a topic's `topic.ron`: its id, its sources and its timeline.
pub(super) fn check_topic(
    folder: &str,
    file: &ContentFile,
    topic: &raw::TopicFile,
    errors: &mut Vec<ContentError>,
) {
    topic::check(&mut Checker::new(file, errors, &mut None), folder, topic);
}

/// Checks a topic's `screening.ron` against the questions and the topic's sources.
pub(super) fn check_rules(
    file: &ContentFile,
    topic: &raw::TopicFile,
    questions: &[Question],
    rules: &TopicRules,
    errors: &mut Vec<ContentError>,
    glyphs: &mut Option<GlyphCheck<'_>>,
) {
    rules::check(
        &mut Checker::new(file, errors, glyphs),
        topic,
        questions,
        rules,
    );
}

/// Checks a topic's text in `lang` (`<lang>.ron`) and builds it; `None` if it has errors.
pub(super) fn check_text(
    lang: Language,
    file: &ContentFile,
    topic: &raw::TopicFile,
    raw: raw::LangFile,
    errors: &mut Vec<ContentError>,
    glyphs: &mut Option<GlyphCheck<'_>>,
) -> Option<TopicText> {
    text::check(&mut Checker::new(file, errors, glyphs), lang, topic, raw)
}

/// Checks that a topic's text in `lang` (`file`) has the ids of its English text
/// (`en_file`), each in the same section.
pub(super) fn check_same_ids(
    lang: Language,
    file: &ContentFile,
    text: &TopicText,
    en_file: &ContentFile,
    english: &TopicText,
    errors: &mut Vec<ContentError>,
) {
    let mut no_glyph_check = None;
    let mut c = Checker::new(file, errors, &mut no_glyph_check);
    c.lang = Some(lang);
    ids::check_same_as_english(&mut c, en_file, english, text);
}

/// The message for a citation of a source the topic does not list.
fn unknown_source(id: &str) -> String {
    format!("unknown source {id:?}: it is not in this topic's topic.ron")
}

/// One file being checked, and the list its errors go to.
struct Checker<'a> {
    file: &'a ContentFile,
    errors: &'a mut Vec<ContentError>,
    glyphs: Option<GlyphCheck<'a>>,
    /// The errors are shared by every file, so this file's are those past here.
    before: usize,
    /// For each quoted citation, the byte just past where it was last reported.
    cursors: HashMap<String, usize>,
    /// The language the errors reported now concern, if only one.
    lang: Option<Language>,
}

impl<'a> Checker<'a> {
    fn new(
        file: &'a ContentFile,
        errors: &'a mut Vec<ContentError>,
        glyphs: &'a mut Option<GlyphCheck<'_>>,
    ) -> Self {
        Self {
            file,
            before: errors.len(),
            errors,
            glyphs: glyphs
                .as_mut()
                .map(|check| -> GlyphCheck<'a> { &mut **check }),
            cursors: HashMap::new(),
            lang: None,
        }
    }

    fn push(&mut self, error: ContentError) {
        let error = match self.lang {
            Some(lang) => error.in_language(lang),
            None => error,
        };
        self.errors.push(error);
    }

    /// An error at `position` (1-based line and column) of the file, or at no place.
    fn error(&mut self, position: Option<(usize, usize)>, message: impl Into<String>) {
        let error = ContentError::new(&self.file.path, position, message);
        self.push(error);
    }

    /// An error at the first place `needle` occurs in the file, or at no place.
    fn error_at(&mut self, needle: &str, message: impl Into<String>) {
        let file = self.file;
        self.push(ContentError::at_text(
            &file.path, &file.text, needle, message,
        ));
    }

    /// Whether the file has had no error so far.
    fn is_clean(&self) -> bool {
        self.errors.len() == self.before
    }

    /// Reports each id in `cite` that is none of `sources`, in the words of `message`.
    fn citations<'c>(
        &mut self,
        cite: impl IntoIterator<Item = &'c String>,
        sources: &[raw::Source],
        message: impl Fn(&str) -> String,
    ) {
        for id in cite {
            if !sources.iter().any(|s| &s.id == id) {
                let position = self.next_place(&format!("\"{id}\""));
                self.error(position, message(id));
            }
        }
    }

    /// Where `needle` occurs after the place last given for it. An id cited in
    /// several places is reported once per citation, and each report should lead
    /// to its own citation rather than the first one again.
    fn next_place(&mut self, needle: &str) -> Option<(usize, usize)> {
        let text = &self.file.text;
        let from = self.cursors.get(needle).copied().unwrap_or(0);
        let at = from + text[from..].find(needle)?;
        self.cursors.insert(needle.to_owned(), at + needle.len());
        Some(position_of(text, at))
    }

    /// Reports `value` outside `range`, at `needle`; `what` names it and `unit` says
    /// what it counts.
    fn in_range(
        &mut self,
        needle: &str,
        what: &str,
        value: u64,
        range: std::ops::RangeInclusive<u64>,
        unit: &str,
    ) {
        if !range.contains(&value) {
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            };
            self.error_at(
                needle,
                format!(
                    "{what}: {value} is out of range; give {} to {}{unit}",
                    range.start(),
                    range.end()
                ),
            );
        }
    }

    /// Reports a text longer than [`limits::MAX_TEXT_CHARS`], at `needle`.
    fn length(&mut self, needle: &str, what: &str, text: &str) {
        let chars = text.chars().count();
        if chars > limits::MAX_TEXT_CHARS {
            self.error_at(
                needle,
                format!(
                    "{what} has {chars} characters; at most {} (split it)",
                    limits::MAX_TEXT_CHARS
                ),
            );
        }
    }

    /// Reports a list of `count` things where at most `max` belong, at `needle`.
    fn count(&mut self, needle: &str, what: &str, count: usize, max: usize) {
        if count > max {
            self.error_at(needle, format!("{what}: {count} of them; at most {max}"));
        }
    }

    /// Checks every language of `text` is filled in and renders; `what` names it in
    /// messages and `anchor` is where to place its errors.
    fn localized(&mut self, anchor: &str, what: &str, text: &PerLang<String>) {
        let context = format!(" in {what}");
        let outer = self.lang;
        for lang in Language::all() {
            // An error in one language's text concerns that language only.
            self.lang = Some(lang);
            let value = text.get_exact(lang).map_or("", String::as_str);
            if value.trim().is_empty() {
                self.error_at(
                    anchor,
                    format!(
                        "{what} has no {} text ({})",
                        lang.native_name(),
                        lang.code()
                    ),
                );
            } else {
                self.length(anchor, what, value);
                self.renders(value, lang, anchor, &context);
            }
        }
        self.lang = outer;
    }

    /// Reports the first character of `value` that no bundled font can draw, placed
    /// where the character first stands in the file, or else at `anchor`.
    fn renders(&mut self, value: &str, lang: Language, anchor: &str, context: &str) {
        let Some(c) = self.glyphs.as_mut().and_then(|check| check(value, lang)) else {
            return;
        };
        let text = &self.file.text;
        let position = find_position(text, &c.to_string()).or_else(|| find_position(text, anchor));
        self.error(
            position,
            format!(
                "no bundled font can draw {c:?} (U+{:04X}){context}",
                c as u32
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_unknown_citation_points_at_its_own_occurrence() {
        let file = ContentFile {
            path: "demo/screening.ron".into(),
            text: "cite: [\"ghost\"],\ncite: [\"known\", \"ghost\"],\n".into(),
        };
        let sources = [raw::Source {
            id: "known".into(),
            title: "Known".into(),
            url: None,
            grade: raw::Grade::Pr,
        }];
        let mut errors = Vec::new();
        let mut no_glyph_check = None;
        let mut c = Checker::new(&file, &mut errors, &mut no_glyph_check);
        c.citations(&["ghost".to_owned()], &sources, unknown_source);
        c.citations(&["known".to_owned(), "ghost".to_owned()], &sources, |id| {
            format!("timeline cites {id:?}")
        });
        assert!(!c.is_clean());
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.position, e.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Some((1, 8)),
                    "unknown source \"ghost\": it is not in this topic's topic.ron"
                ),
                (Some((2, 17)), "timeline cites \"ghost\""),
            ]
        );
    }
}
