//! One paragraph, shaped by cosmic-text, broken into lines and put in visual order.
//!
//! cosmic-text's own wrapping breaks wherever the bidi level changes, even where
//! Unicode's line breaking (UAX #14) forbids it, so an Arabic sentence could end a
//! line with "[" and start the next with "5]". Here the break opportunities come
//! from UAX #14 over the whole paragraph (the same `unicode-linebreak` tables
//! cosmic-text uses), a line is filled greedily, a word wider than the line is
//! broken between clusters, and each line is ordered by UAX #9 rules L1 and L2.
//! Shaping, fonts and the bidi levels of the paragraph are cosmic-text's.

use std::ops::Range;

use cosmic_text::{AttrsList, CacheKey, FontSystem, ShapeGlyph, ShapeLine, Shaping};
use unicode_linebreak::BreakOpportunity;

/// Tab stops every this many spaces (as cosmic-text's buffers do).
const TAB_WIDTH: u16 = 8;

/// Glyphs of one cluster (the characters shaping treats as one), in visual order.
struct Cluster {
    /// Byte range in the paragraph.
    range: Range<usize>,
    level: u8,
    glyphs: Vec<ShapeGlyph>,
    /// Advance in physical pixels.
    width: f32,
    whitespace: bool,
}

/// A glyph placed on a line, in physical pixels from the line's left edge.
pub struct Placed {
    pub glyph: ShapeGlyph,
    /// Byte range of its cluster in the paragraph.
    pub range: Range<usize>,
    pub level: u8,
    pub x: f32,
    pub w: f32,
    /// Font size the glyph is set in (runs may override the paragraph's).
    pub size: f32,
}

impl Placed {
    /// Rasterisation key and pen position in whole physical pixels, with the line's
    /// left edge at `left` and its baseline at `baseline`.
    pub fn physical(&self, left: f32, baseline: f32) -> (CacheKey, i32, i32) {
        let g = &self.glyph;
        CacheKey::new(
            g.font_id,
            g.glyph_id,
            self.size,
            (
                left + self.x + g.x_offset * self.size,
                (baseline - g.y_offset * self.size).trunc(),
            ),
            g.font_weight,
            g.cache_key_flags,
        )
    }
}

/// One visual line of a paragraph, before it is aligned in the block.
pub struct VisualLine {
    pub glyphs: Vec<Placed>,
    /// Width of the glyphs, trailing spaces left out, in physical pixels.
    pub width: f32,
}

/// What [`lay_out_paragraph`] needs to know about the text it is given.
pub struct Paragraph<'a> {
    /// The paragraph as shaped: `prefix` bytes of marks, then the paragraph itself.
    pub shaped: &'a str,
    pub prefix: usize,
    pub attrs: &'a AttrsList,
    pub rtl: bool,
    /// Default font size in physical pixels (runs may override it).
    pub font_size: f32,
    /// Wrap width in physical pixels.
    pub width: Option<f32>,
    /// Clusters made only of these characters are left out of the lines.
    pub invisible: fn(char) -> bool,
}

/// Shapes, breaks and orders one paragraph. Lines are in order, each with its
/// glyphs left to right, x from the line's left edge.
pub fn lay_out_paragraph(font_system: &mut FontSystem, p: &Paragraph<'_>) -> Vec<VisualLine> {
    let shape = ShapeLine::new(font_system, p.shaped, p.attrs, Shaping::Advanced, TAB_WIDTH);
    let text = &p.shaped[p.prefix..];
    let glyphs = super::runs_shape::span_glyphs(font_system, &shape, p.shaped);
    let clusters = clusters(glyphs, p);
    let mut lines = Vec::new();
    let ranges = break_lines(text, &clusters, p.width);
    let wrapped = ranges.len() > 1;
    for range in ranges {
        if wrapped {
            // A line is shaped on its own once broken, as HarfBuzz and browsers
            // shape it: a font may shape a word differently at a line's edge than
            // beside the space it had in the paragraph (Nastaliq does).
            let line = reshape_line(font_system, &clusters[range], p);
            lines.push(visual_line(&line, p));
        } else {
            lines.push(visual_line(&clusters[range], p));
        }
    }
    if lines.is_empty() {
        lines.push(VisualLine {
            glyphs: Vec::new(),
            width: 0.0,
        });
    }
    lines
}

/// One line's clusters shaped again on their own: each run of one font and level
/// up to the line's last visible cluster (trailing spaces are not shown).
fn reshape_line(font_system: &mut FontSystem, line: &[Cluster], p: &Paragraph<'_>) -> Vec<Cluster> {
    let shown = line
        .iter()
        .rposition(|c| !c.whitespace)
        .map_or(0, |i| i + 1);
    let mut glyphs: Vec<(ShapeGlyph, u8)> = Vec::new();
    let mut i = 0;
    while i < shown {
        let first = &line[i];
        let Some(template) = first.glyphs.first() else {
            i += 1;
            continue;
        };
        let same = |c: &Cluster| {
            c.level == first.level
                && c.glyphs.first().is_some_and(|g| {
                    g.font_id == template.font_id && g.font_weight == template.font_weight
                })
        };
        let mut j = i;
        while j + 1 < shown && same(&line[j + 1]) && line[j + 1].range.start == line[j].range.end {
            j += 1;
        }
        let range = (first.range.start + p.prefix)..(line[j].range.end + p.prefix);
        let rtl = first.level % 2 == 1;
        match super::runs_shape::reshape(font_system, template, p.shaped, range, rtl) {
            Some(run) => glyphs.extend(run.into_iter().map(|g| (g, first.level))),
            None => {
                for c in &line[i..=j] {
                    glyphs.extend(logical(c).map(|g| (g, c.level)));
                }
            }
        }
        i = j + 1;
    }
    for c in &line[shown..] {
        glyphs.extend(logical(c).map(|g| (g, c.level)));
    }
    clusters(glyphs, p)
}

/// A cluster's glyphs in logical order (as shaping gave them; see [`clusters`]).
fn logical(c: &Cluster) -> impl Iterator<Item = ShapeGlyph> + '_ {
    let rtl = c.level % 2 == 1;
    let mut glyphs = c.glyphs.clone();
    if rtl {
        glyphs.reverse();
    }
    glyphs.into_iter()
}

/// The paragraph's clusters in logical order, the prefix's and invisible ones left
/// out, from its glyphs with their bidi levels.
fn clusters(mut glyphs: Vec<(ShapeGlyph, u8)>, p: &Paragraph<'_>) -> Vec<Cluster> {
    // Words hold their glyphs in logical order; within a right-to-left cluster
    // (a base and its marks) the glyphs stand opposite to their visual order, and
    // are turned around below.
    glyphs.sort_by_key(|(g, _)| g.start);
    let mut out: Vec<Cluster> = Vec::new();
    for (g, level) in glyphs {
        if g.start < p.prefix {
            continue;
        }
        let start = g.start - p.prefix;
        let end = g.end.max(g.start + 1) - p.prefix;
        let width = g.width(p.font_size);
        match out.last_mut() {
            Some(c) if c.range.start == start => {
                c.range.end = c.range.end.max(end);
                c.width += width;
                c.glyphs.push(g);
            }
            _ => out.push(Cluster {
                range: start..end,
                level,
                glyphs: vec![g],
                width,
                whitespace: false,
            }),
        }
    }
    for c in &mut out {
        if c.level % 2 == 1 {
            c.glyphs.reverse();
        }
    }
    let text = &p.shaped[p.prefix..];
    out.retain_mut(|c| {
        let chars = &text[c.range.clone()];
        c.whitespace = chars.chars().all(char::is_whitespace);
        !chars.chars().all(p.invisible)
    });
    out
}

/// Index ranges of `clusters`, one per line.
fn break_lines(text: &str, clusters: &[Cluster], width: Option<f32>) -> Vec<Range<usize>> {
    let max = width.unwrap_or(f32::INFINITY);
    let mut lines = Vec::new();
    let mut line_start = 0;
    // Width up to the last non-space cluster, and of the spaces after it.
    let (mut ink, mut spaces) = (0.0_f32, 0.0_f32);
    let mut next = 0;
    for (offset, opportunity) in unicode_linebreak::linebreaks(text) {
        // The segment: clusters from `next` up to the break opportunity.
        let seg_start = next;
        while next < clusters.len() && clusters[next].range.start < offset {
            next += 1;
        }
        let segment = &clusters[seg_start..next];
        let seg_ink: f32 = {
            let last_ink = segment.iter().rposition(|c| !c.whitespace);
            last_ink.map_or(0.0, |i| segment[..=i].iter().map(|c| c.width).sum())
        };
        let seg_total: f32 = segment.iter().map(|c| c.width).sum();
        let line_empty = line_start == seg_start;
        if !line_empty && ink + spaces + seg_ink > max {
            lines.push(line_start..seg_start);
            line_start = seg_start;
            (ink, spaces) = (0.0, 0.0);
        }
        if line_start == seg_start && seg_ink > max {
            // Wider than the line on its own: break between clusters.
            let mut w = 0.0;
            for (i, c) in clusters.iter().enumerate().take(next).skip(seg_start) {
                if i > line_start && !c.whitespace && w + c.width > max {
                    lines.push(line_start..i);
                    line_start = i;
                    w = 0.0;
                }
                w += c.width;
            }
            let rest = &clusters[line_start..next];
            let rest_ink = rest
                .iter()
                .rposition(|c| !c.whitespace)
                .map_or(0.0, |i| rest[..=i].iter().map(|c| c.width).sum());
            ink = rest_ink;
            spaces = rest.iter().map(|c| c.width).sum::<f32>() - rest_ink;
        } else if seg_ink > 0.0 {
            ink += spaces + seg_ink;
            spaces = seg_total - seg_ink;
        } else {
            spaces += seg_total;
        }
        if opportunity == BreakOpportunity::Mandatory && offset < text.len() {
            lines.push(line_start..next);
            line_start = next;
            (ink, spaces) = (0.0, 0.0);
        }
    }
    if line_start < clusters.len() || lines.is_empty() {
        lines.push(line_start..clusters.len());
    }
    lines
}

/// One line's clusters in visual order (rules L1, L2), placed from x = 0.
fn visual_line(clusters: &[Cluster], p: &Paragraph<'_>) -> VisualLine {
    let para_level: u8 = u8::from(p.rtl);
    // L1: spaces at the end of a line take the paragraph level. They draw nothing
    // and would only push the line off its edge, so they are left out.
    let end = clusters
        .iter()
        .rposition(|c| !c.whitespace)
        .map_or(0, |i| i + 1);
    let shown = &clusters[..end];
    let levels: Vec<u8> = shown.iter().map(|c| c.level).collect();
    let order = reorder(&levels, para_level);

    let mut glyphs = Vec::new();
    let mut x = 0.0_f32;
    for i in order {
        let c = &shown[i];
        for g in &c.glyphs {
            let size = g.metrics_opt.map_or(p.font_size, |m| m.font_size);
            let w = g.width(p.font_size);
            glyphs.push(Placed {
                glyph: g.clone(),
                range: c.range.clone(),
                level: c.level,
                x,
                w,
                size,
            });
            x += w;
        }
    }
    VisualLine { glyphs, width: x }
}

/// Rule L2: from the highest level down to the lowest odd one, reverse every run of
/// items at that level or higher. Returns item indices in visual order.
fn reorder(levels: &[u8], para_level: u8) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&max) = levels.iter().max() else {
        return order;
    };
    let lowest_odd = levels.iter().copied().min().unwrap_or(para_level) | 1;
    let mut level = max;
    while level >= lowest_odd {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reorder_reverses_runs_from_the_highest_level_down() {
        // An RTL paragraph with an LTR number inside: 1 1 2 2 1.
        assert_eq!(reorder(&[1, 1, 2, 2, 1], 1), [4, 2, 3, 1, 0]);
        // LTR paragraph with an RTL word: 0 1 1 0.
        assert_eq!(reorder(&[0, 1, 1, 0], 0), [0, 2, 1, 3]);
        assert_eq!(reorder(&[0, 0], 0), [0, 1]);
        assert!(reorder(&[], 1).is_empty());
    }
}
