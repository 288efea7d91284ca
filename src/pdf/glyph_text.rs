//! The text each drawn glyph stands for in the PDF, so that an extractor reading
//! glyph by glyph (pdfminer, which ignores /ActualText) gets the words the page
//! shows.
//!
//! A shaper's cluster is the unit a glyph's text comes from: one or more characters
//! drawn by one or more glyphs. krilla gives every glyph of a cluster the whole
//! cluster's text (PDF/UA wants a mapping for each glyph) and wraps the cluster in
//! /ActualText, which only some readers honour: the others read the cluster's text
//! once per glyph ("طُطُ"). And a PDF font maps each glyph to one text for the whole
//! document, so a glyph first drawn with a mark ("طُ") reads with it everywhere.
//!
//! Here a cluster's characters are shared out among its glyphs instead, in reading
//! order: a character goes to the glyph the font maps it to on its own (a mark, an
//! unjoined letter), the others to the widest glyph left between their neighbours'
//! glyphs, and a glyph that draws no character of its own (a dot or a stroke of a
//! Nastaliq letter, the second half of a Bengali vowel sign) stands for U+200D
//! ZERO WIDTH JOINER, which shows nothing and joins nothing that was not joined.
//! The writer then puts each glyph into a copy of its font in which that glyph has
//! no other text yet ([`FontCopies`]), so no mapping is ever contradicted.

use std::collections::HashMap;
use std::ops::Range;

use super::page::{GlyphRun, RunGlyph};

/// What a glyph that draws no character of its own stands for.
pub const JOINER: &str = "\u{200D}";

/// The text of each glyph of `glyphs` (one line's run, in drawing order), taken
/// from `text`, the laid-out string their clusters index; none is empty.
/// `nominal` is the font's own glyph for a character (its cmap), if any.
pub fn glyph_texts(
    glyphs: &[RunGlyph],
    text: &str,
    mut nominal: impl FnMut(char) -> Option<u16>,
) -> Vec<String> {
    let mut out = vec![String::new(); glyphs.len()];
    let mut start = 0;
    while start < glyphs.len() {
        let cluster = glyphs[start].cluster.clone();
        let end = start
            + glyphs[start..]
                .iter()
                .take_while(|g| g.cluster == cluster)
                .count();
        let chars = text.get(cluster).unwrap_or_default();
        // Reading order: a right-to-left cluster's glyphs are drawn last to first.
        let order: Vec<usize> = if glyphs[start].rtl {
            (start..end).rev().collect()
        } else {
            (start..end).collect()
        };
        let logical: Vec<(u16, f32)> = order
            .iter()
            .map(|&k| (glyphs[k].glyph_id, glyphs[k].advance))
            .collect();
        for (k, text) in order
            .into_iter()
            .zip(share_out(chars, &logical, &mut nominal))
        {
            out[k] = text;
        }
        start = end;
    }
    for text in &mut out {
        if text.is_empty() {
            text.push_str(JOINER);
        }
    }
    out
}

/// `chars` shared out among `glyphs` (id and advance, in reading order): the
/// texts, in the same order, read one after the other, give `chars` back.
fn share_out(
    chars: &str,
    glyphs: &[(u16, f32)],
    nominal: &mut impl FnMut(char) -> Option<u16>,
) -> Vec<String> {
    let chars: Vec<char> = chars.chars().collect();
    let mut owner: Vec<Option<usize>> = vec![None; chars.len()];
    // Characters the font draws with their own glyph, matched in order.
    let mut next = 0;
    for (c, owner) in chars.iter().zip(&mut owner) {
        let Some(id) = nominal(*c) else { continue };
        if let Some(p) = (next..glyphs.len()).find(|&p| glyphs[p].0 == id) {
            *owner = Some(p);
            next = p + 1;
        }
    }
    let matched: Vec<Option<usize>> = owner.clone();
    // The others, run by run, to the widest free glyph between the glyphs of the
    // characters around them, else to the glyph before (or after) them.
    let taken = |p: usize| matched.contains(&Some(p));
    let mut i = 0;
    while i < chars.len() {
        if owner[i].is_some() {
            i += 1;
            continue;
        }
        let run_end = (i..chars.len())
            .find(|&j| owner[j].is_some())
            .unwrap_or(chars.len());
        let before = owner[..i].iter().rev().find_map(|o| *o);
        let after = owner[run_end..].iter().find_map(|o| *o);
        let low = before.map_or(0, |b| b + 1);
        let high = after.unwrap_or(glyphs.len());
        let free = (low..high)
            .filter(|&p| !taken(p))
            .fold(None::<usize>, |best, p| match best {
                Some(b) if glyphs[b].1 >= glyphs[p].1 => Some(b),
                _ => Some(p),
            });
        let to = free.or(before).or(after).unwrap_or(0);
        for o in &mut owner[i..run_end] {
            *o = Some(to);
        }
        i = run_end;
    }
    let mut texts = vec![String::new(); glyphs.len()];
    for (c, o) in chars.iter().zip(owner) {
        texts[o.expect("every character has a glyph")].push(*c);
    }
    texts
}

/// Copies of one font for the PDF, each with its own glyph-to-text map: a glyph
/// goes into the first copy where it has no text yet or the same text.
#[derive(Default)]
pub struct FontCopies {
    maps: Vec<HashMap<u16, String>>,
}

impl FontCopies {
    /// The copy `glyph` standing for `text` is drawn from.
    pub fn copy_for(&mut self, glyph: u16, text: &str) -> usize {
        for (k, map) in self.maps.iter_mut().enumerate() {
            match map.get(&glyph) {
                Some(t) if t == text => return k,
                Some(_) => {}
                None => {
                    map.insert(glyph, text.to_owned());
                    return k;
                }
            }
        }
        self.maps.push(HashMap::from([(glyph, text.to_owned())]));
        self.maps.len() - 1
    }

    /// How many copies are in use.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.maps.len()
    }
}

/// Whether `run` is drawn as outlines under a text layer: when a glyph is moved
/// from its pen position (a mark, a Nastaliq letter stepped off the baseline), a
/// cluster has more than one glyph, or a glyph draws a letter with its marks.
/// Extractors order such glyphs by where they stand, which is not reading order,
/// or read the first text a glyph was drawn with everywhere it is drawn.
pub fn needs_text_layer(run: &GlyphRun, text: &str) -> bool {
    let marked = |g: &RunGlyph| {
        text.get(g.cluster.clone())
            .is_some_and(|t| t.chars().any(is_mark))
    };
    run.glyphs.iter().enumerate().any(|(i, g)| {
        g.x_offset != 0.0
            || g.y_offset != 0.0
            || run
                .glyphs
                .get(i + 1)
                .is_some_and(|n| n.cluster == g.cluster)
            || marked(g)
    })
}

/// A combining mark (a haraka, a vowel sign, a virama).
pub fn is_mark(c: char) -> bool {
    use unicode_general_category::{GeneralCategory, get_general_category};
    matches!(
        get_general_category(c),
        GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark
    )
}

/// A mark, or a format character such as a zero width joiner: what clings to
/// the letter before it.
pub fn clings(c: char) -> bool {
    use unicode_general_category::{GeneralCategory, get_general_category};
    is_mark(c) || get_general_category(c) == GeneralCategory::Format
}

/// A word of a run, for the text layer: where its glyphs lie on the line, the
/// bytes of the text it stands for, and its direction.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerWord {
    pub left: f32,
    pub right: f32,
    pub bytes: Range<usize>,
    pub rtl: bool,
}

impl LayerWord {
    /// The word's characters in the order they lie on the line, left to right.
    pub fn visual<'a>(&self, text: &'a str) -> Box<dyn Iterator<Item = char> + 'a> {
        let chars = text.get(self.bytes.clone()).unwrap_or_default().chars();
        if self.rtl {
            Box::new(chars.rev())
        } else {
            Box::new(chars)
        }
    }
}

/// The words of `run` left to right: glyphs between the glyphs of white space.
pub fn layer_words(run: &GlyphRun, text: &str) -> Vec<LayerWord> {
    let mut words: Vec<LayerWord> = Vec::new();
    let mut open = false;
    for g in &run.glyphs {
        let cluster = text.get(g.cluster.clone()).unwrap_or_default();
        if cluster.chars().all(char::is_whitespace) {
            open = false;
            continue;
        }
        let (left, right) = (g.x, g.x + g.advance);
        match words.last_mut() {
            Some(word) if open => {
                word.left = word.left.min(left);
                word.right = word.right.max(right);
                word.bytes.start = word.bytes.start.min(g.cluster.start);
                word.bytes.end = word.bytes.end.max(g.cluster.end);
                word.rtl |= g.rtl;
            }
            _ => words.push(LayerWord {
                left,
                right,
                bytes: g.cluster.clone(),
                rtl: g.rtl,
            }),
        }
        open = true;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(id: u16, advance: f32, cluster: std::ops::Range<usize>, rtl: bool) -> RunGlyph {
        RunGlyph {
            glyph_id: id,
            x: 0.0,
            advance,
            x_offset: 0.0,
            y_offset: 0.0,
            cluster,
            rtl,
        }
    }

    #[test]
    fn a_mark_keeps_its_own_glyph_and_the_letter_its_form() {
        // "طُ" right to left: the damma (nominal glyph 9) is drawn before the medial
        // tah (glyph 50, not the font's own glyph for ط).
        let text = "طُ";
        let glyphs = [glyph(9, 0.0, 0..4, true), glyph(50, 7.0, 0..4, true)];
        let nominal = |c: char| (c == '\u{64F}').then_some(9);
        assert_eq!(glyph_texts(&glyphs, text, nominal), ["\u{64F}", "ط"]);
    }

    #[test]
    fn a_letter_drawn_in_pieces_reads_once() {
        // A Nastaliq beh: a dot and a body, neither the font's glyph for ب.
        let glyphs = [glyph(70, 0.0, 0..2, true), glyph(71, 9.0, 0..2, true)];
        assert_eq!(glyph_texts(&glyphs, "ب", |_| None), [JOINER, "ب"]);
    }

    #[test]
    fn a_reordered_vowel_sign_reads_after_its_consonant() {
        // Bengali কো drawn as e-sign, ka, aa-sign: ka is ক's own glyph.
        let text = "কো";
        let glyphs = [
            glyph(5, 6.0, 0..6, false),
            glyph(3, 8.0, 0..6, false),
            glyph(6, 4.0, 0..6, false),
        ];
        let nominal = |c: char| (c == 'ক').then_some(3);
        let texts = glyph_texts(&glyphs, text, nominal);
        assert_eq!(texts, [JOINER, "ক", "\u{9CB}"]);
        assert_eq!(texts.concat().replace(JOINER, ""), text);
    }

    #[test]
    fn single_glyph_clusters_keep_their_text() {
        let glyphs = [glyph(1, 5.0, 0..3, false), glyph(2, 5.0, 3..4, false)];
        assert_eq!(glyph_texts(&glyphs, "ﬁx", |_| None), ["ﬁ", "x"]);
    }

    #[test]
    fn words_of_a_right_to_left_run_read_from_their_right_edge() {
        // "اب جد" drawn right to left: "جد" (bytes 5..9) on the left, a space,
        // then "اب" (bytes 0..4).
        let text = "اب جد";
        let mut glyphs = vec![
            glyph(1, 5.0, 7..9, true),
            glyph(2, 5.0, 5..7, true),
            glyph(3, 3.0, 4..5, true),
            glyph(4, 5.0, 2..4, true),
            glyph(5, 5.0, 0..2, true),
        ];
        let mut x = 0.0;
        for g in &mut glyphs {
            g.x = x;
            x += g.advance;
        }
        let run = GlyphRun {
            font_id: cosmic_text::fontdb::ID::dummy(),
            size: 10.0,
            baseline: 0.0,
            glyphs,
        };
        let words = layer_words(&run, text);
        assert_eq!(words.len(), 2);
        assert_eq!(
            (words[0].left, words[0].right, words[0].bytes.clone()),
            (0.0, 10.0, 5..9)
        );
        assert_eq!(words[0].visual(text).collect::<String>(), "دج");
        assert_eq!((words[1].left, words[1].right), (13.0, 23.0));
        assert!(!needs_text_layer(&run, text));
    }

    #[test]
    fn a_glyph_with_two_texts_goes_into_a_second_copy() {
        let mut copies = FontCopies::default();
        assert_eq!(copies.copy_for(4, "ب"), 0);
        assert_eq!(copies.copy_for(4, "ت"), 1);
        assert_eq!(copies.copy_for(4, "ب"), 0);
        assert_eq!(copies.copy_for(5, "ت"), 0);
        assert_eq!(copies.len(), 2);
    }
}
