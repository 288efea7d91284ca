//! Splits a string into runs that each get one bundled face.
//!
//! Font choice follows the script of each character, with the paragraph's language
//! breaking ties, from the languages' manifests: Latin letters and ASCII digits use
//! the Latin face; a letter of the paragraph language's own script its own face
//! (Arabic letters in Naskh for Arabic, in Nastaliq for Urdu); a letter of another
//! script the face of the first language written in it. Spaces and
//! punctuation have no script of their own; they take the language's own face, except
//! punctuation inside a Latin run ("3-5", "e.g.") which stays with its neighbours so
//! that a number or abbreviation is shaped as one piece.

use std::ops::Range;

use unicode_script::{Script, UnicodeScript};

use super::faces::{Faces, faces};
use crate::lang::Language;

/// The face for text in `lang` that has no script of its own: the first family of
/// its manifest's font stack.
pub fn primary_family(lang: Language) -> &'static str {
    faces().primary(lang)
}

/// The face a character asks for by itself, or `None` for script-neutral characters.
fn family_of(c: char, lang: Language, faces: &Faces) -> Option<&'static str> {
    if c.is_ascii_digit() {
        return Some(faces.latin());
    }
    match c.script() {
        // Common, Inherited and scripts no language is written in: decided by context.
        Script::Common | Script::Inherited | Script::Unknown => None,
        script => faces.for_script(lang, script),
    }
}

/// Byte ranges of `text` with the family each should be shaped with, in logical order.
/// Adjacent ranges always have different families; together they cover `text`.
pub fn font_runs(text: &str, lang: Language) -> Vec<(Range<usize>, &'static str)> {
    let faces = faces();
    let primary = faces.primary(lang);
    let latin = faces.latin();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let own: Vec<Option<&'static str>> = chars
        .iter()
        .map(|&(_, c)| family_of(c, lang, &faces))
        .collect();

    let mut runs: Vec<(Range<usize>, &'static str)> = Vec::new();
    for (i, &(start, c)) in chars.iter().enumerate() {
        let family = own[i].unwrap_or_else(|| neutral_family(&chars, &own, i, primary, latin));
        let end = start + c.len_utf8();
        match runs.last_mut() {
            Some((range, last)) if *last == family => range.end = end,
            _ => runs.push((start..end, family)),
        }
    }
    runs
}

/// A script-neutral character joins a Latin run when it sits inside one (no space
/// between), and combining marks stay with the character they mark; anything else
/// takes the language's own face.
fn neutral_family(
    chars: &[(usize, char)],
    own: &[Option<&'static str>],
    i: usize,
    primary: &'static str,
    latin: &'static str,
) -> &'static str {
    let c = chars[i].1;
    let prev = i.checked_sub(1).and_then(|p| own[p]);
    if is_mark(c) {
        // Marks (and joiners) belong to the cluster before them.
        return match i.checked_sub(1) {
            Some(p) => own[p].unwrap_or_else(|| neutral_family(chars, own, p, primary, latin)),
            None => primary,
        };
    }
    let next = own.get(i + 1).copied().flatten();
    if !c.is_whitespace() && prev == Some(latin) && next == Some(latin) {
        return latin;
    }
    primary
}

fn is_mark(c: char) -> bool {
    c.script() == Script::Inherited || matches!(c, '\u{200C}' | '\u{200D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn families(text: &str, lang: Language) -> Vec<(&str, &'static str)> {
        font_runs(text, lang)
            .into_iter()
            .map(|(r, f)| (&text[r], f))
            .collect()
    }

    #[test]
    fn latin_inside_arabic_gets_noto_sans_but_brackets_stay_arabic() {
        assert_eq!(
            families("وافقت (FDA) على 3-5 جلسات", Language::builtin("ar")),
            [
                ("وافقت (", "Noto Naskh Arabic"),
                ("FDA", "Noto Sans"),
                (") على ", "Noto Naskh Arabic"),
                ("3-5", "Noto Sans"),
                (" جلسات", "Noto Naskh Arabic"),
            ]
        );
    }

    #[test]
    fn japanese_punctuation_uses_the_japanese_face() {
        assert_eq!(
            families("注射は2回です。", Language::builtin("ja")),
            [
                ("注射は", "Noto Sans JP"),
                ("2", "Noto Sans"),
                ("回です。", "Noto Sans JP"),
            ]
        );
    }

    #[test]
    fn runs_cover_the_whole_text() {
        let text = "PRP (প্লেটলেট) — ১০ মিনিট";
        let runs = font_runs(text, Language::builtin("bn"));
        assert_eq!(runs.first().unwrap().0.start, 0);
        assert_eq!(runs.last().unwrap().0.end, text.len());
        for pair in runs.windows(2) {
            assert_eq!(pair[0].0.end, pair[1].0.start);
            assert_ne!(pair[0].1, pair[1].1);
        }
    }
}
