//! Shaping and line layout of a block of text: paragraphs, font runs, the
//! paragraph direction, and the lines placed in the block.
//!
//! Layout happens in physical pixels (font size and wrap width multiplied by
//! pixels-per-point), so glyph positions land on the pixel grid the atlas
//! rasterises for. Positions are handed out both in points (for egui) and as
//! integer physical pixels (for painting).

use std::ops::Range;

use cosmic_text::{
    Attrs, AttrsList, CacheKey, Family, FontSystem, Metrics, Stretch, Weight, fontdb,
};

use super::faces::faces;
use super::families;
use super::lines::{Paragraph, VisualLine, lay_out_paragraph};
use super::runs::{font_runs, primary_family};
use crate::lang::Language;

/// The paragraph level comes from the language (a higher-level protocol, UAX #9
/// rule HL1), not from the first strong letter: an Arabic paragraph that starts with
/// "FDA" or a number is still right-to-left. cosmic-text takes the level from the
/// text, so a paragraph whose own first strong letter (rules P2, P3) disagrees with
/// its language gets one mark in front. The mark is a strong character of the
/// paragraph's direction at the paragraph's start, where UAX #9 already assumes one
/// (`sos`), so it changes no level. It is shaped on its own (see [`mark_attrs`]), so
/// no shaping context sees it, and its glyph is dropped.
const RLM: &str = "\u{200F}";
const LRM: &str = "\u{200E}";

/// How a block of text is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub size: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    /// Bold weight.
    pub bold: bool,
}

impl TextStyle {
    /// Regular text of `size` points with comfortable line spacing for all four scripts.
    pub fn regular(size: f32) -> Self {
        Self {
            size,
            line_height: 1.5,
            bold: false,
        }
    }

    /// Bold text of `size` points.
    pub fn bold(size: f32) -> Self {
        Self {
            bold: true,
            ..Self::regular(size)
        }
    }

    fn weight(&self) -> Weight {
        if self.bold {
            Weight::BOLD
        } else {
            Weight::NORMAL
        }
    }
}

/// One shaped glyph.
#[derive(Clone, Debug)]
pub struct Glyph {
    /// Face the glyph comes from.
    pub font_id: fontdb::ID,
    /// Glyph id inside that face.
    pub glyph_id: u16,
    /// Left edge of the glyph's advance box from the block's left edge, in points.
    pub x: f32,
    /// Advance width in points.
    pub w: f32,
    /// Byte range in the laid-out text of the cluster this glyph belongs to.
    pub start: usize,
    pub end: usize,
    /// Rasterisation key (face, glyph, physical size, sub-pixel offset).
    pub key: CacheKey,
    /// Pen position in physical pixels from the block's top-left corner.
    pub px: i32,
    pub py: i32,
    /// Resolved bidi embedding level of the glyph's characters (odd: right-to-left).
    pub level: u8,
    /// Font size the glyph is set in, in points (Arabic runs are set larger).
    pub size: f32,
    /// Offset of the glyph from its pen position (right and up), in points.
    pub x_offset: f32,
    pub y_offset: f32,
}

/// One visual line; glyphs are in visual order, left to right.
#[derive(Clone, Debug)]
pub struct Line {
    /// Direction of the paragraph the line belongs to.
    pub rtl: bool,
    /// Top of the line box from the block's top, in points.
    pub top: f32,
    /// Height of the line box in points.
    pub height: f32,
    /// Baseline from the block's top, in points.
    pub baseline: f32,
    /// Width of the glyphs on the line in points.
    pub width: f32,
    pub glyphs: Vec<Glyph>,
}

/// A laid-out block of text.
#[derive(Clone, Debug)]
pub struct TextLayout {
    pub lines: Vec<Line>,
    /// Width of the block in points: the wrap width if one was given, else the widest line.
    pub width: f32,
    /// Height of the block in points.
    pub height: f32,
    /// Direction of the block's paragraphs (from the language).
    pub rtl: bool,
    /// The scale this layout was made for.
    pub pixels_per_point: f32,
}

impl TextLayout {
    /// Size of the block in points.
    pub fn size(&self) -> egui::Vec2 {
        egui::vec2(self.width, self.height)
    }

    /// Every glyph of every line.
    pub fn glyphs(&self) -> impl Iterator<Item = &Glyph> {
        self.lines.iter().flat_map(|l| l.glyphs.iter())
    }
}

/// Splits `text` into paragraphs at the characters Unicode treats as paragraph
/// separators (a CR LF pair counts once). Trailing separators make no paragraph.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if matches!(c, '\n' | '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' | '\u{2029}') {
            out.push(start..i);
            let mut next = i + c.len_utf8();
            if c == '\r' && iter.peek().map(|&(_, n)| n) == Some('\n') {
                iter.next();
                next += 1;
            }
            start = next;
        }
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    while out.len() > 1 && out.last().is_some_and(|r| r.is_empty()) {
        out.pop();
    }
    out
}

/// Whether the paragraph's own first strong letter (UAX #9 rules P2 and P3) already
/// gives the direction of its language; a paragraph without one is left-to-right.
fn direction_matches(para: &str, rtl: bool) -> bool {
    match unicode_bidi::get_base_direction(para) {
        unicode_bidi::Direction::Rtl => rtl,
        unicode_bidi::Direction::Ltr => !rtl,
        unicode_bidi::Direction::Mixed => !rtl,
    }
}

/// Attributes of the paragraph mark: a stretch no other text uses, so that cosmic-text
/// shapes the mark as a run of its own and no neighbour's shaping sees it (HarfBuzz
/// treats a format character before a Bengali vowel sign as part of the word, which
/// changes the sign's form).
fn mark_attrs(weight: Weight) -> Attrs<'static> {
    Attrs::new()
        .family(Family::Name(faces().latin()))
        .weight(weight)
        .stretch(Stretch::UltraCondensed)
}

/// Characters that take part in bidi or shaping but draw nothing: a layout lists
/// only glyphs a person sees.
pub fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Lays out `text` in `lang`; the font families it is set in are loaded first
/// (see [`families::ensure`]).
pub fn layout(
    font_system: &mut FontSystem,
    text: &str,
    lang: Language,
    style: TextStyle,
    width: Option<f32>,
    pixels_per_point: f32,
) -> TextLayout {
    let laid = lay_out_once(font_system, text, lang, style, width, pixels_per_point);
    // A character none of its run's families has: fallback may find it in a
    // family no layout has used yet.
    if laid.glyphs().any(|g| g.glyph_id == 0) && !families::all_loaded() {
        families::ensure_all(font_system);
        return lay_out_once(font_system, text, lang, style, width, pixels_per_point);
    }
    laid
}

/// Shapes and lays out `text` in `lang`, wrapping at `width` points if given,
/// loading each paragraph's families before it is shaped.
fn lay_out_once(
    font_system: &mut FontSystem,
    text: &str,
    lang: Language,
    style: TextStyle,
    width: Option<f32>,
    pixels_per_point: f32,
) -> TextLayout {
    let scale = pixels_per_point;
    // The language's manifest sets the smallest size and line height its script
    // reads well at (Nastaliq's tall, sloping lines need more than Latin's).
    let manifest = lang.manifest();
    let size = style.size.max(manifest.min_font_size);
    let font_size = size * scale;
    let line_height = (size * style.line_height.max(manifest.line_height) * scale).round();
    let rtl = lang.is_rtl();
    let weight = style.weight();
    let faces = faces();
    let attrs = |family: &'static str| {
        let attrs = Attrs::new().family(Family::Name(family)).weight(weight);
        // A family whose letters run small at the same nominal size is set larger.
        let family_scale = faces.scale(family);
        if family_scale == 1.0 {
            attrs
        } else {
            attrs.metrics(Metrics::new(font_size * family_scale, line_height))
        }
    };
    let primary = attrs(primary_family(lang));
    families::ensure(font_system, [primary_family(lang), faces.latin()]);

    // Each paragraph is shaped on its own; one whose first strong letter disagrees
    // with its language is led by a mark (shaped apart from the text), whose cluster
    // is left out of the lines.
    let mut placed: Vec<(usize, VisualLine)> = Vec::new();
    for para in paragraphs(text) {
        let body = &text[para.clone()];
        let mark = if direction_matches(body, rtl) {
            ""
        } else if rtl {
            RLM
        } else {
            LRM
        };
        let shaped = format!("{mark}{body}");
        let mut attrs_list = AttrsList::new(&primary);
        if !mark.is_empty() {
            attrs_list.add_span(0..mark.len(), &mark_attrs(weight));
        }
        let runs = font_runs(body, lang);
        families::ensure(font_system, runs.iter().map(|(_, family)| *family));
        for (range, family) in runs {
            attrs_list.add_span(
                mark.len() + range.start..mark.len() + range.end,
                &attrs(family),
            );
        }
        let paragraph = Paragraph {
            shaped: &shaped,
            prefix: mark.len(),
            attrs: &attrs_list,
            rtl,
            font_size,
            width: width.map(|w| (w * scale).max(1.0)),
            invisible: is_invisible_control,
        };
        for line in lay_out_paragraph(font_system, &paragraph) {
            placed.push((para.start, line));
        }
    }

    // Right-to-left lines end at the block's right edge.
    let block = width.map_or_else(
        || placed.iter().map(|(_, l)| l.width).fold(0.0, f32::max),
        |w| (w * scale).max(1.0),
    );
    let mut lines = Vec::with_capacity(placed.len());
    let mut top = 0.0_f32;
    for (para_start, line) in placed {
        let (ascent, descent) = line.glyphs.iter().fold((0.0_f32, 0.0_f32), |(a, d), p| {
            (
                a.max(p.glyph.ascent * p.size),
                d.max(p.glyph.descent * p.size),
            )
        });
        let baseline = top + (line_height - (ascent + descent)) / 2.0 + ascent;
        let left = if rtl { block - line.width } else { 0.0 };
        let glyphs = line
            .glyphs
            .iter()
            .map(|p| {
                let (key, px, py) = p.physical(left, baseline);
                Glyph {
                    font_id: p.glyph.font_id,
                    glyph_id: p.glyph.glyph_id,
                    x: (left + p.x) / scale,
                    w: p.w / scale,
                    start: para_start + p.range.start,
                    end: para_start + p.range.end,
                    key,
                    px,
                    py,
                    level: p.level,
                    size: p.size / scale,
                    x_offset: p.glyph.x_offset * p.size / scale,
                    y_offset: p.glyph.y_offset * p.size / scale,
                }
            })
            .collect();
        lines.push(Line {
            rtl,
            top: top / scale,
            height: line_height / scale,
            baseline: baseline / scale,
            width: line.width / scale,
            glyphs,
        });
        top += line_height;
    }

    TextLayout {
        lines,
        width: block / scale,
        height: top / scale,
        rtl,
        pixels_per_point,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_every_separator() {
        let text = "a\r\nb\u{2029}c\n\nd\n";
        let parts: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["a", "b", "c", "", "d"]);
        assert_eq!(paragraphs("").len(), 1);
    }
}
