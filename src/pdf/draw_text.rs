//! A text item's lines drawn into a PDF page: each line a span in its language (or
//! a footer artifact), each glyph with its own text (`glyph_text`).
//!
//! A run whose glyphs do not stand in reading order (marks placed over letters,
//! Bengali signs drawn before their consonant, Nastaliq's words stepping down to
//! the left; `glyph_text::needs_text_layer`) cannot be read back glyph by glyph:
//! extractors order a line's characters by position. Such a run is drawn as
//! outlines, an artifact with no text, under an invisible text layer that carries
//! its words: each word's letters in the font's plain forms, in the order they lie
//! on the line, fitted into the word's width (`glyph_text::layer_words`).

use std::collections::HashMap;

use cosmic_text::fontdb;
use egui::Color32;
use krilla::color::rgb;
use krilla::geom::{Point, Transform};
use krilla::graphic::Graphic;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::tagging::{ArtifactType, ContentTag, Node, SpanTag};
use krilla::text::{Font, GlyphId, KrillaGlyph, Tag as FontTag};

use super::glyph_text::{
    FontCopies, LayerWord, clings, glyph_texts, layer_words, needs_text_layer,
};
use super::page::{GlyphRun, TextItem, line_runs};
use crate::text::TextSystem;

pub(super) fn paint(color: Color32) -> krilla::paint::Paint {
    rgb::Color::new(color.r(), color.g(), color.b()).into()
}

pub(super) fn fill(color: Color32) -> Fill {
    Fill {
        paint: paint(color),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

/// krilla faces for the engine's faces, made once each, and the copies of each
/// that keep every glyph's text unambiguous (`glyph_text`).
pub(super) struct Fonts<'a> {
    text: &'a TextSystem,
    made: HashMap<(fontdb::ID, usize), Font>,
    copies: HashMap<fontdb::ID, FontCopies>,
    /// Each glyph drawn as outlines, in each colour, once: drawn again by reference.
    outlines: HashMap<(fontdb::ID, u16, [u8; 4]), Graphic>,
}

impl<'a> Fonts<'a> {
    pub(super) fn new(text: &'a TextSystem) -> Self {
        Self {
            text,
            made: HashMap::new(),
            copies: HashMap::new(),
            outlines: HashMap::new(),
        }
    }

    /// The copy of face `id` that draws `glyph` as `text`.
    fn copy_for(&mut self, id: fontdb::ID, glyph: u16, text: &str) -> usize {
        self.copies.entry(id).or_default().copy_for(glyph, text)
    }

    fn get(&mut self, id: fontdb::ID, copy: usize) -> Result<Font, String> {
        if let Some(font) = self.made.get(&(id, copy)) {
            return Ok(font.clone());
        }
        let (data, index) = self
            .text
            .font_data(id)
            .ok_or_else(|| format!("font {} has no data", self.text.family_name(id)))?;
        // A copy is told apart from the face by a setting of an axis no font has,
        // which changes nothing drawn: krilla then embeds it as a font of its own,
        // with its own ToUnicode map.
        let copy_axis = [(FontTag::new(b"COPY"), copy as f32)];
        let coords: &[(FontTag, f32)] = if copy == 0 { &[] } else { &copy_axis };
        let font = Font::new_variable(data.into(), index, coords)
            .ok_or_else(|| format!("font {} cannot be read", self.text.family_name(id)))?;
        self.made.insert((id, copy), font.clone());
        Ok(font)
    }
}

/// The size a glyph's outline is drawn at once, to be scaled where it is used.
const OUTLINE_SIZE: f32 = 1000.0;

/// `glyph` of face `id` as an outline in `color`, at [`OUTLINE_SIZE`] with its
/// origin at (0, 0).
fn outline(
    surface: &mut Surface<'_>,
    fonts: &mut Fonts<'_>,
    id: fontdb::ID,
    glyph_id: u16,
    color: egui::Color32,
) -> Result<Graphic, String> {
    let key = (id, glyph_id, color.to_array());
    if let Some(graphic) = fonts.outlines.get(&key) {
        return Ok(graphic.clone());
    }
    let font = fonts.get(id, 0)?;
    let mut builder = surface.stream_builder();
    let mut inner = builder.surface();
    inner.set_fill(Some(fill(color)));
    let drawn = [glyph(glyph_id, 0..0, 0.0, 0.0, 0.0, OUTLINE_SIZE)];
    inner.draw_glyphs(
        Point::from_xy(0.0, 0.0),
        &drawn,
        font,
        "",
        OUTLINE_SIZE,
        true,
    );
    inner.finish();
    let graphic = Graphic::new(builder.finish(), false);
    fonts.outlines.insert(key, graphic.clone());
    Ok(graphic)
}

/// A letter of the text layer: its text, its glyph, and its advance in ems.
type Letter = (String, u16, f32);

/// One glyph to draw: the copy of the font it comes from, and the glyph.
type Placed = (usize, KrillaGlyph);

/// Draws `item`'s lines; each tagged line's id goes to its block in `ids`.
pub(super) fn draw_text(
    surface: &mut Surface<'_>,
    fonts: &mut Fonts<'_>,
    item: &TextItem,
    ids: &mut [Vec<Node>],
) -> Result<(), String> {
    surface.set_stroke(None);
    let code = item.lang.code();
    for line in item.lines.clone() {
        let runs = line_runs(item, line);
        let layered: Vec<bool> = runs
            .iter()
            .map(|r| needs_text_layer(r, &item.text))
            .collect();
        surface.set_fill(Some(fill(item.color)));
        if layered.contains(&true) {
            // What the eye reads: outlines, which carry no text.
            let artifact = krilla::tagging::Artifact::with_kind(ArtifactType::Other);
            surface.start_tagged(ContentTag::Artifact(artifact));
            for run in runs
                .iter()
                .zip(&layered)
                .filter(|(_, l)| **l)
                .map(|(r, _)| r)
            {
                for g in &run.glyphs {
                    let outline = outline(surface, fonts, run.font_id, g.glyph_id, item.color)?;
                    let (x, y) = (g.x + g.x_offset, run.baseline - g.y_offset);
                    let scale = run.size / OUTLINE_SIZE;
                    surface.push_transform(&Transform::from_row(scale, 0.0, 0.0, scale, x, y));
                    surface.draw_graphic(outline);
                    surface.pop();
                }
            }
            surface.end_tagged();
        }
        let tag = match item.block {
            Some(_) => ContentTag::Span(SpanTag::empty().with_lang(Some(code))),
            None => {
                ContentTag::Artifact(krilla::tagging::Artifact::with_kind(ArtifactType::Footer))
            }
        };
        let id = surface.start_tagged(tag);
        for (run, layered) in runs.iter().zip(layered) {
            if layered {
                draw_layer(surface, fonts, item, run)?;
            } else {
                surface.set_fill(Some(fill(item.color)));
                draw_run(surface, fonts, item, run)?;
            }
        }
        surface.end_tagged();
        if let Some(block) = item.block {
            ids[block].push(id.into());
        }
    }
    Ok(())
}

fn glyph(
    id: u16,
    text: std::ops::Range<usize>,
    advance: f32,
    dx: f32,
    dy: f32,
    size: f32,
) -> KrillaGlyph {
    KrillaGlyph {
        glyph_id: GlyphId::new(u32::from(id)),
        text_range: text,
        x_advance: advance / size,
        x_offset: dx / size,
        y_offset: dy / size,
        y_advance: 0.0,
        location: None,
    }
}

/// The run's glyphs as shaped, each standing for its own text.
fn draw_run(
    surface: &mut Surface<'_>,
    fonts: &mut Fonts<'_>,
    item: &TextItem,
    run: &GlyphRun,
) -> Result<(), String> {
    let texts = glyph_texts(&run.glyphs, &item.text, |c| {
        fonts.text.glyph_for_char(run.font_id, c)
    });
    // Each glyph's own text, one after the other; a glyph's range points into it.
    let mut mapped = String::new();
    let mut placed: Vec<Placed> = Vec::with_capacity(run.glyphs.len());
    for (g, text) in run.glyphs.iter().zip(&texts) {
        let copy = fonts.copy_for(run.font_id, g.glyph_id, text);
        let start = mapped.len();
        mapped.push_str(text);
        let range = start..mapped.len();
        placed.push((
            copy,
            glyph(
                g.glyph_id, range, g.advance, g.x_offset, g.y_offset, run.size,
            ),
        ));
    }
    draw_placed(
        surface,
        fonts,
        run,
        run.glyphs[0].x,
        &placed,
        &mapped,
        run.size,
    )
}

/// Draws `placed` from `x` on the run's baseline, a new piece wherever a glyph
/// comes from another copy of the font.
fn draw_placed(
    surface: &mut Surface<'_>,
    fonts: &mut Fonts<'_>,
    run: &GlyphRun,
    x: f32,
    placed: &[Placed],
    text: &str,
    size: f32,
) -> Result<(), String> {
    let mut x = x;
    let mut first = 0;
    while first < placed.len() {
        let copy = placed[first].0;
        let end = first
            + placed[first..]
                .iter()
                .take_while(|(c, _)| *c == copy)
                .count();
        let piece: Vec<KrillaGlyph> = placed[first..end].iter().map(|(_, g)| g.clone()).collect();
        let font = fonts.get(run.font_id, copy)?;
        surface.draw_glyphs(
            Point::from_xy(x, run.baseline),
            &piece,
            font,
            text,
            size,
            false,
        );
        x += piece.iter().map(|g| g.x_advance * size).sum::<f32>();
        first = end;
    }
    Ok(())
}

/// The invisible text layer of a run drawn as outlines: its words, and a space
/// filling each gap between them.
fn draw_layer(
    surface: &mut Surface<'_>,
    fonts: &mut Fonts<'_>,
    item: &TextItem,
    run: &GlyphRun,
) -> Result<(), String> {
    let mut invisible = fill(item.color);
    invisible.opacity = NormalizedF32::ZERO;
    surface.set_fill(Some(invisible));
    let words: Vec<(LayerWord, Vec<Letter>)> = layer_words(run, &item.text)
        .into_iter()
        .map(|word| {
            let mut letters: Vec<Letter> = Vec::new();
            let mut last_was_mark = false;
            for c in word.visual(&item.text) {
                let Some(g) = fonts.text.glyph_for_char(run.font_id, c) else {
                    continue;
                };
                let advance = fonts.text.glyph_advance(run.font_id, g).unwrap_or(0.0);
                // Marks (and joiners) that take no room, one after another (a
                // shadda and a fatha, a nukta and a vowel sign), are one glyph's
                // text in reading order: pdfminer breaks a line between two glyphs
                // of no width.
                let mark = advance == 0.0 && clings(c);
                match letters.last_mut() {
                    Some((text, _, _)) if mark && last_was_mark => {
                        if word.rtl {
                            text.insert(0, c);
                        } else {
                            text.push(c);
                        }
                    }
                    _ => letters.push((c.to_string(), g, advance)),
                }
                last_was_mark = mark;
            }
            (word, letters)
        })
        .collect();
    let ems = |letters: &[Letter]| letters.iter().map(|l| l.2).sum::<f32>();
    // One size for the whole layer, at which every word's letters fit into the
    // width its glyphs take: letters at their own advances never overlap and leave
    // no gap inside a word, which extractors would read as a word break.
    let fit = words
        .iter()
        .filter_map(|(word, letters)| {
            let natural = ems(letters) * run.size;
            (natural > 0.0).then(|| (word.right - word.left) / natural)
        })
        .fold(1.0_f32, f32::min)
        .max(0.1);
    let size = run.size * fit;
    let space = fonts.text.glyph_for_char(run.font_id, ' ');
    // Where each word's letters begin: the room they leave goes to the side of
    // the word that white space (or the line's end) is on, so that no gap opens
    // between a word and the text of another run right beside it ("সিনA").
    let text = &item.text;
    let starts: Vec<f32> = words
        .iter()
        .map(|(word, letters)| {
            let width = ems(letters) * size;
            let open = |c: Option<char>| c.is_none_or(char::is_whitespace);
            let before = open(text[..word.bytes.start].chars().next_back());
            let after = open(text[word.bytes.end..].chars().next());
            let (left_open, right_open) = if word.rtl {
                (after, before)
            } else {
                (before, after)
            };
            if left_open && !right_open {
                word.right - width
            } else {
                word.left
            }
        })
        .collect();
    let mut mapped = String::new();
    let mut placed: Vec<Placed> = Vec::new();
    let start = starts.first().copied().unwrap_or(0.0);
    let mut pen = start;
    for ((_, letters), &begin_at) in words.iter().zip(&starts) {
        // The gap before a word (the space the shaper set, and the room the words
        // either side leave) is one space glyph as wide as the gap.
        if let Some(space) = space
            && begin_at > pen
        {
            let copy = fonts.copy_for(run.font_id, space, " ");
            let begin = mapped.len();
            mapped.push(' ');
            let range = begin..mapped.len();
            placed.push((copy, glyph(space, range, begin_at - pen, 0.0, 0.0, size)));
            pen = begin_at;
        }
        for (text, g, advance) in letters {
            let g = *g;
            let copy = fonts.copy_for(run.font_id, g, text);
            let begin = mapped.len();
            mapped.push_str(text);
            let width = advance * size;
            placed.push((copy, glyph(g, begin..mapped.len(), width, 0.0, 0.0, size)));
            pen += width;
        }
    }
    draw_placed(surface, fonts, run, start, &placed, &mapped, size)
}
