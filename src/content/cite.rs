//! How a paragraph cites its sources: the " [1, 3]" marks after it and the numbered
//! source lines they point to, in the language's own digits and separators.

use crate::content::model::Topic;
use crate::i18n::localize_digits;
use crate::lang::Language;

/// " [1, 3]": the numbers of the cited sources in the Sources section, as appended
/// to a paragraph or list item.
pub fn cite_marks(topic: &Topic, lang: Language, cite: &[String]) -> String {
    let mut positions: Vec<usize> = cite
        .iter()
        .filter_map(|id| topic.sources.iter().position(|s| &s.id == id))
        .collect();
    positions.sort_unstable();
    positions.dedup();
    let numbers: Vec<String> = positions
        .into_iter()
        .map(|i| localize_digits(lang, &(i + 1).to_string()))
        .collect();
    if numbers.is_empty() {
        String::new()
    } else {
        // Languages written in Arabic script separate with the Arabic comma.
        let separator = if lang.manifest().script == "Arab" {
            "، "
        } else {
            ", "
        };
        format!(" [{}]", numbers.join(separator))
    }
}

/// `text` followed by the marks of the sources it cites, as paragraphs, list items,
/// timeline steps and compare cells are shown.
pub fn cited(topic: &Topic, lang: Language, text: &str, cite: &[String]) -> String {
    format!("{text}{}", cite_marks(topic, lang, cite))
}

/// "3. Title" for the source at `index` of the list, numbered in `lang`'s digits.
pub fn source_line(lang: Language, index: usize, title: &str) -> String {
    format!(
        "{}. {title}",
        localize_digits(lang, &(index + 1).to_string())
    )
}
