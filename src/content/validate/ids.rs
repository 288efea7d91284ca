//! Checks of the ids of paragraphs and list items: every one has an id, no id is
//! used twice in a language file, and every language has the English file's ids,
//! each in the same section.

use std::collections::BTreeMap;

use super::Checker;
use crate::content::error::{find_position, position_of};
use crate::content::files::ContentFile;
use crate::content::limits;
use crate::content::model::TopicText;

/// A 1-based line and column.
type Place = (usize, usize);

/// Where each `id: "ID"` is written in `source`, in order (1-based line, column of
/// the opening quote).
fn id_places(source: &str, id: &str) -> Vec<Place> {
    let quoted = format!("\"{id}\"");
    source
        .match_indices(&quoted)
        .filter(|(at, _)| {
            let before = source[..*at].trim_end();
            let Some(before) = before.strip_suffix(':') else {
                return false;
            };
            let before = before.trim_end();
            before.ends_with("id")
                && !before[..before.len() - 2].ends_with(|c: char| c.is_alphanumeric() || c == '_')
        })
        .map(|(at, _)| position_of(source, at))
        .collect()
}

/// Lowercase letters, digits and '-', and not digits alone (reviews recorded
/// before ids named paragraphs by number).
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.chars().all(|c| c.is_ascii_digit())
}

/// Checks the ids within one language file.
pub(super) fn check_in_file(c: &mut Checker<'_>, text: &TopicText) {
    let source = &c.file.text.clone();
    // For each id, the places it is written and how many times it was met so far.
    let mut seen: BTreeMap<&str, (Vec<Place>, usize)> = BTreeMap::new();
    let mut errors = Vec::new();
    for p in text.identified() {
        if p.id.is_empty() {
            // The text, looked for from the section it is in.
            let field = p.place.rsplit('.').next().unwrap_or(&p.place);
            let section = source.find(&format!("{field}:")).unwrap_or(0);
            let position = source[section..]
                .find(&format!("\"{}\"", p.text))
                .map(|at| position_of(source, section + at))
                .or_else(|| find_position(source, &format!("{field}:")));
            errors.push((
                position,
                format!(
                    "a paragraph or item of {} has no id; give it one (id: \"...\", lowercase letters, digits and '-', the same in every language)",
                    p.place
                ),
            ));
            continue;
        }
        let (places, met) = seen
            .entry(p.id)
            .or_insert_with(|| (id_places(source, p.id), 0));
        let here = places.get(*met).copied();
        *met += 1;
        if *met == 1 {
            if !is_id(p.id) || p.id.chars().count() > limits::MAX_ID_CHARS {
                errors.push((
                    here,
                    format!(
                        "id {:?} may only hold lowercase letters, digits and '-' (not digits alone), at most {} of them",
                        p.id,
                        limits::MAX_ID_CHARS
                    ),
                ));
            }
        } else {
            let first = match places.first() {
                Some((line, col)) => format!("{line}:{col}"),
                None => "earlier".to_owned(),
            };
            errors.push((
                here,
                format!(
                    "id {:?} is used twice in this file (first at {first}); each paragraph and item has its own",
                    p.id
                ),
            ));
        }
    }
    for (position, message) in errors {
        c.error(position, message);
    }
}

/// Checks that `text` (this file's language) has exactly the ids of `english`
/// (read from `en_file`), each in the same section.
pub(super) fn check_same_as_english(
    c: &mut Checker<'_>,
    en_file: &ContentFile,
    english: &TopicText,
    text: &TopicText,
) {
    let source = &c.file.text.clone();
    let en_places: BTreeMap<&str, String> = english
        .identified()
        .into_iter()
        .map(|p| (p.id, p.place))
        .collect();
    let places: BTreeMap<&str, String> = text
        .identified()
        .into_iter()
        .map(|p| (p.id, p.place))
        .collect();
    let en_at = |id: &str| match id_places(&en_file.text, id).first() {
        Some((line, col)) => format!("{}:{line}:{col}", en_file.path),
        None => en_file.path.clone(),
    };
    let mut errors = Vec::new();
    for (id, en_place) in &en_places {
        match places.get(id) {
            None => {
                // Placed at the section it belongs in, as this file writes it.
                let field = en_place.rsplit('.').next().unwrap_or(en_place);
                let position = find_position(source, &format!("{field}:"));
                errors.push((
                    position,
                    format!(
                        "id {id:?} of {en_place} is missing here (it is at {}); every language has the English file's ids",
                        en_at(id)
                    ),
                ));
            }
            Some(place) if place != en_place => errors.push((
                id_places(source, id).first().copied(),
                format!(
                    "id {id:?} is in {place} here but in {en_place} in English ({})",
                    en_at(id)
                ),
            )),
            Some(_) => {}
        }
    }
    for id in places.keys().filter(|id| !en_places.contains_key(*id)) {
        errors.push((
            id_places(source, id).first().copied(),
            format!(
                "id {id:?} is not in the English file {}; every language has the English file's ids and no others",
                en_file.path
            ),
        ));
    }
    errors.sort_by_key(|(position, _)| *position);
    for (position, message) in errors {
        c.error(position, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_found_only_where_it_is_an_id() {
        let source =
            "Para(id: \"a\", text: \"a\", cite: [\"a\"]),\n(id:\"a\", text: \"x\"),\nxid: \"a\"";
        assert_eq!(id_places(source, "a"), [(1, 10), (2, 5)]);
    }
}
