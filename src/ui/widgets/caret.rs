//! The editing rules of a one-line text field, apart from egui: a cursor that is a
//! byte index at a grapheme boundary of the text, moved and edited in logical
//! order, and drawn where the text engine's layout puts that boundary (bidi
//! reordering included, per UAX #9).

use unicode_segmentation::UnicodeSegmentation;

use crate::text::TextLayout;

/// The grapheme boundaries of `text`, from 0 to its length.
pub fn boundaries(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    out.push(text.len());
    out
}

/// The text of a one-line field and its cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldText {
    pub text: String,
    /// A byte index at a grapheme boundary of `text`.
    pub cursor: usize,
}

impl FieldText {
    /// `text` with the cursor at `cursor`, moved back to a grapheme boundary.
    pub fn new(text: &str, cursor: usize) -> Self {
        let cursor = boundaries(text)
            .into_iter()
            .rev()
            .find(|&b| b <= cursor)
            .unwrap_or(0);
        Self {
            text: text.to_owned(),
            cursor,
        }
    }

    /// Puts `typed` at the cursor and the cursor after it. One line: a line break
    /// or tab becomes a space, and other control characters are left out.
    pub fn insert(&mut self, typed: &str) {
        let clean: String = typed
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        self.text.insert_str(self.cursor, &clean);
        // A combining mark typed after a letter joins its grapheme: the cursor
        // stays on a boundary.
        *self = Self::new(&self.text, self.cursor + clean.len());
    }

    /// Deletes the grapheme before the cursor.
    pub fn backspace(&mut self) {
        if let Some(before) = self.before() {
            self.text.replace_range(before..self.cursor, "");
            self.cursor = before;
        }
    }

    /// Deletes the grapheme after the cursor.
    pub fn delete(&mut self) {
        if let Some(after) = self.after() {
            self.text.replace_range(self.cursor..after, "");
        }
    }

    /// One grapheme back in logical order.
    pub fn back(&mut self) {
        self.cursor = self.before().unwrap_or(self.cursor);
    }

    /// One grapheme forward in logical order.
    pub fn forward(&mut self) {
        self.cursor = self.after().unwrap_or(self.cursor);
    }

    /// The arrow keys: the cursor moves in logical order, toward the start for the
    /// arrow that points where the paragraph begins (left in a left-to-right
    /// paragraph, right in a right-to-left one).
    pub fn arrow(&mut self, left: bool, rtl: bool) {
        if left != rtl {
            self.back();
        } else {
            self.forward();
        }
    }

    fn before(&self) -> Option<usize> {
        boundaries(&self.text)
            .into_iter()
            .rev()
            .find(|&b| b < self.cursor)
    }

    fn after(&self) -> Option<usize> {
        boundaries(&self.text)
            .into_iter()
            .find(|&b| b > self.cursor)
    }
}

/// Where a caret at byte `cursor` of `text` stands in `layout` (the layout of
/// `text`), in points from the layout's left edge: at the leading edge of the
/// character after it (its left edge if that character is laid out left to right,
/// its right edge if right to left), or at the end, at the trailing edge of the
/// character before it. Inside a ligature the caret stands at its share of the
/// glyphs' width.
pub fn caret_x(layout: &TextLayout, text: &str, cursor: usize) -> f32 {
    let clusters = spans(layout);
    if let Some(c) = clusters
        .iter()
        .find(|c| c.start <= cursor && cursor < c.end)
    {
        // The share of the cluster's graphemes before the cursor.
        let inside = &text[c.start..c.end.min(text.len())];
        let total = inside.graphemes(true).count().max(1) as f32;
        let before = text[c.start..cursor].graphemes(true).count() as f32;
        let share = (c.right - c.left) * before / total;
        return if c.rtl {
            c.right - share
        } else {
            c.left + share
        };
    }
    // No character after the cursor: the trailing edge of the one before.
    match clusters
        .iter()
        .filter(|c| c.end <= cursor)
        .max_by_key(|c| c.end)
    {
        Some(c) if c.rtl => c.left,
        Some(c) => c.right,
        None if layout.rtl => layout.width,
        None => 0.0,
    }
}

/// One cluster of a layout: its bytes, its extent in points and its direction.
struct Span {
    start: usize,
    end: usize,
    left: f32,
    right: f32,
    rtl: bool,
}

/// The clusters of `layout` in logical order, each once.
fn spans(layout: &TextLayout) -> Vec<Span> {
    let mut clusters: Vec<Span> = Vec::new();
    for g in layout.glyphs() {
        match clusters
            .iter_mut()
            .find(|c| c.start == g.start && c.end == g.end)
        {
            Some(c) => {
                c.left = c.left.min(g.x);
                c.right = c.right.max(g.x + g.w);
            }
            None => clusters.push(Span {
                start: g.start,
                end: g.end,
                left: g.x,
                right: g.x + g.w,
                rtl: g.level % 2 == 1,
            }),
        }
    }
    // A cluster drawn with no advance of its own (the alef of a lam-alef the font
    // draws as two glyphs) shares the width of the one before it in the text.
    clusters.sort_by_key(|c| c.start);
    let mut merged: Vec<Span> = Vec::with_capacity(clusters.len());
    for c in clusters {
        match merged.last_mut() {
            Some(prev) if c.right - c.left < 0.01 && prev.end == c.start && prev.rtl == c.rtl => {
                prev.end = c.end
            }
            _ => merged.push(c),
        }
    }
    merged
}

/// The grapheme boundary of `text` whose caret stands nearest `x` (points from the
/// layout's left edge): where a click puts the cursor.
pub fn nearest(layout: &TextLayout, text: &str, x: f32) -> usize {
    boundaries(text)
        .into_iter()
        .min_by(|&a, &b| {
            let da = (caret_x(layout, text, a) - x).abs();
            let db = (caret_x(layout, text, b) - x).abs();
            da.total_cmp(&db)
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_go_by_grapheme_in_logical_order() {
        let mut f = FieldText::new("কিছু", 99);
        assert_eq!(f.cursor, "কিছু".len());
        // A letter and its vowel sign go together.
        f.backspace();
        assert_eq!(f.text, "কি");
        f.back();
        assert_eq!(f.cursor, 0);
        f.delete();
        assert_eq!(f.text, "");
        f.insert("a\nb\u{7}");
        assert_eq!((f.text.as_str(), f.cursor), ("a b", 3));
        // In a right-to-left paragraph the right arrow goes back.
        f.arrow(false, true);
        assert_eq!(f.cursor, 2);
        f.arrow(true, true);
        assert_eq!(f.cursor, 3);
        f.arrow(true, false);
        assert_eq!(f.cursor, 2);
    }
}
