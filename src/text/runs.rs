//! Splits a string into runs that each get one bundled face.
//!
//! Font choice follows the script of each character, with the paragraph's language
//! breaking ties: Latin letters and ASCII digits always use Noto Sans, Arabic letters
//! Naskh, Bengali letters Noto Sans Bengali, kana and kanji Noto Sans JP. Spaces and
//! punctuation have no script of their own; they take the language's own face, except
//! punctuation inside a Latin run ("3-5", "e.g.") which stays with its neighbours so
//! that a number or abbreviation is shaped as one piece.

use std::ops::Range;

use unicode_script::{Script, UnicodeScript};

use super::fonts;
use crate::lang::Language;

/// The face for text in `lang` that has no script of its own (spaces, punctuation).
pub fn primary_family(lang: Language) -> &'static str {
    match lang {
        Language::English => fonts::LATIN,
        Language::Arabic => fonts::ARABIC,
        Language::Bengali => fonts::BENGALI,
        Language::Japanese => fonts::JAPANESE,
    }
}

/// The face a character asks for by itself, or `None` for script-neutral characters.
fn family_of(c: char) -> Option<&'static str> {
    if c.is_ascii_digit() {
        return Some(fonts::LATIN);
    }
    match c.script() {
        Script::Latin => Some(fonts::LATIN),
        Script::Arabic => Some(fonts::ARABIC),
        Script::Bengali => Some(fonts::BENGALI),
        Script::Han | Script::Hiragana | Script::Katakana => Some(fonts::JAPANESE),
        // Common, Inherited and scripts we ship no face for: decided by context.
        _ => None,
    }
}

/// Byte ranges of `text` with the family each should be shaped with, in logical order.
/// Adjacent ranges always have different families; together they cover `text`.
pub fn font_runs(text: &str, lang: Language) -> Vec<(Range<usize>, &'static str)> {
    let primary = primary_family(lang);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let own: Vec<Option<&'static str>> = chars.iter().map(|&(_, c)| family_of(c)).collect();

    let mut runs: Vec<(Range<usize>, &'static str)> = Vec::new();
    for (i, &(start, c)) in chars.iter().enumerate() {
        let family = own[i].unwrap_or_else(|| neutral_family(&chars, &own, i, primary));
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
) -> &'static str {
    let c = chars[i].1;
    let prev = i.checked_sub(1).and_then(|p| own[p]);
    if is_mark(c) {
        // Marks (and joiners) belong to the cluster before them.
        return match i.checked_sub(1) {
            Some(p) => own[p].unwrap_or_else(|| neutral_family(chars, own, p, primary)),
            None => primary,
        };
    }
    let next = own.get(i + 1).copied().flatten();
    if !c.is_whitespace() && prev == Some(fonts::LATIN) && next == Some(fonts::LATIN) {
        return fonts::LATIN;
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
            families("وافقت (FDA) على 3-5 جلسات", Language::Arabic),
            [
                ("وافقت (", fonts::ARABIC),
                ("FDA", fonts::LATIN),
                (") على ", fonts::ARABIC),
                ("3-5", fonts::LATIN),
                (" جلسات", fonts::ARABIC),
            ]
        );
    }

    #[test]
    fn japanese_punctuation_uses_the_japanese_face() {
        assert_eq!(
            families("注射は2回です。", Language::Japanese),
            [
                ("注射は", fonts::JAPANESE),
                ("2", fonts::LATIN),
                ("回です。", fonts::JAPANESE),
            ]
        );
    }

    #[test]
    fn runs_cover_the_whole_text() {
        let text = "PRP (প্লেটলেট) — ১০ মিনিট";
        let runs = font_runs(text, Language::Bengali);
        assert_eq!(runs.first().unwrap().0.start, 0);
        assert_eq!(runs.last().unwrap().0.end, text.len());
        for pair in runs.windows(2) {
            assert_eq!(pair[0].0.end, pair[1].0.start);
            assert_ne!(pair[0].1, pair[1].1);
        }
    }
}
