//! Shaping whole runs: cosmic-text shapes each word apart (and each space), which
//! loses what a font does across a space. Nastaliq (Noto Nastaliq Urdu) puts
//! spacing glyphs at a word's start that depend on the space before it, so text
//! shaped word by word differs from HarfBuzz and from browsers, which shape a run
//! of one font and one direction at once. Here each such run of a bidi span is
//! shaped again as a whole with harfrust (the shaper cosmic-text uses), with the
//! font cosmic-text chose for it; the glyphs keep cosmic-text's form otherwise.

use cosmic_text::{FontSystem, ShapeGlyph, ShapeLine};

/// The glyphs of every span of `shape`, with their bidi levels, each run of one
/// font shaped as a whole. `text` is the text `shape` was made from.
pub fn span_glyphs(
    font_system: &mut FontSystem,
    shape: &ShapeLine,
    text: &str,
) -> Vec<(ShapeGlyph, u8)> {
    let mut out = Vec::new();
    for span in &shape.spans {
        let level = span.level.number();
        let rtl = span.level.is_rtl();
        let mut glyphs: Vec<&ShapeGlyph> = span.words.iter().flat_map(|w| &w.glyphs).collect();
        glyphs.sort_by_key(|g| g.start);
        let mut i = 0;
        while i < glyphs.len() {
            // The run: glyphs of one font over one stretch of text.
            let first = glyphs[i];
            let mut j = i;
            let mut end = first.end.max(first.start + 1);
            while j + 1 < glyphs.len()
                && glyphs[j + 1].font_id == first.font_id
                && glyphs[j + 1].font_weight == first.font_weight
                && glyphs[j + 1].start <= end
            {
                j += 1;
                end = end.max(glyphs[j].end.max(glyphs[j].start + 1));
            }
            let end = end.min(text.len());
            match reshape(font_system, first, text, first.start..end, rtl) {
                Some(run) => out.extend(run.into_iter().map(|g| (g, level))),
                None => out.extend(glyphs[i..=j].iter().map(|g| ((*g).clone(), level))),
            }
            i = j + 1;
        }
    }
    out
}

/// `text[range]` shaped as one run with `template`'s font, or `None` when the
/// font cannot be had or the range is not on character boundaries.
pub(super) fn reshape(
    font_system: &mut FontSystem,
    template: &ShapeGlyph,
    text: &str,
    range: std::ops::Range<usize>,
    rtl: bool,
) -> Option<Vec<ShapeGlyph>> {
    let run = text.get(range.clone())?;
    let font = font_system.get_font(template.font_id, template.font_weight)?;
    let scale = font.metrics().units_per_em as f32;
    let mut buffer = harfrust::UnicodeBuffer::new();
    buffer.push_str(&run.replace('\t', " "));
    buffer.set_direction(if rtl {
        harfrust::Direction::RightToLeft
    } else {
        harfrust::Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    let shaped = font.shaper().shape(buffer, &[]);
    let mut glyphs: Vec<ShapeGlyph> = shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, pos)| ShapeGlyph {
            start: range.start + info.cluster as usize,
            end: range.end,
            x_advance: pos.x_advance as f32 / scale,
            y_advance: pos.y_advance as f32 / scale,
            x_offset: pos.x_offset as f32 / scale,
            y_offset: pos.y_offset as f32 / scale,
            glyph_id: info.glyph_id as u16,
            ..template.clone()
        })
        .collect();
    // HarfBuzz gives right-to-left glyphs in visual order; cosmic-text's words
    // hold them in logical order, which the line code expects.
    if rtl {
        glyphs.reverse();
    }
    // Each glyph's cluster ends where the next cluster starts.
    let n = glyphs.len();
    for k in 0..n {
        let next = (k + 1..n)
            .map(|m| glyphs[m].start)
            .find(|&s| s > glyphs[k].start);
        glyphs[k].end = next.unwrap_or(range.end);
    }
    Some(glyphs)
}
