//! A plain description of a layout, as printed by `clinic-edu layout`: the tool for
//! finding out why a content line looks wrong. It lists only glyphs a person sees:
//! zero-width controls (bidi marks, isolates) have none.

use serde::{Deserialize, Serialize};

use super::{TextLayout, TextSystem};

/// One visual line of a layout.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineInfo {
    /// Index of the visual line, top to bottom.
    pub line: usize,
    /// Direction of the paragraph the line belongs to.
    pub rtl: bool,
    /// Width of the glyphs on the line, in pixels.
    pub width: f32,
    /// Glyphs in visual order, left to right.
    pub glyphs: Vec<GlyphInfo>,
}

/// One glyph of a line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GlyphInfo {
    /// Glyph id in its font.
    pub id: u16,
    /// Family name of the font.
    pub font: String,
    /// Left edge of the glyph's advance from the left edge of the layout box, in pixels.
    pub x: f32,
    /// Advance width in pixels.
    pub w: f32,
    /// Byte range of the glyph's cluster in the input text.
    pub start: usize,
    pub end: usize,
    /// Bidi embedding level (odd: right-to-left).
    pub level: u8,
}

/// Describes `layout` line by line; positions are in points (pixels at scale 1).
pub fn describe(system: &TextSystem, layout: &TextLayout) -> Vec<LineInfo> {
    layout
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| LineInfo {
            line: i,
            rtl: line.rtl,
            width: line.width,
            glyphs: line
                .glyphs
                .iter()
                .map(|g| GlyphInfo {
                    id: g.glyph_id,
                    font: system.family_name(g.font_id),
                    x: g.x,
                    w: g.w,
                    start: g.start,
                    end: g.end,
                    level: g.level,
                })
                .collect(),
        })
        .collect()
}

/// One JSON object per line, each on a line of its own.
pub fn to_json_lines(lines: &[LineInfo]) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&serde_json::to_string(line).expect("layout info serialises"));
        out.push('\n');
    }
    out
}
