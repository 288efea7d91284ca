//! What a composed handout is made of: pages of placed items (lines of shaped
//! text, picture marks, links), the logical blocks they belong to, and the glyph
//! runs each line of text becomes in the PDF.

use std::ops::Range;
use std::sync::Arc;

use cosmic_text::fontdb;
use egui::{Color32, Pos2, Rect};

use crate::lang::Language;
use crate::text::{TextLayout, TextStyle};
use crate::theme::timeline::Mark;

/// Paper sizes a handout is made for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn parse(name: &str) -> Option<Paper> {
        match name.to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// The page's size and the part of it the body flows through, in points from the
/// top-left corner.
#[derive(Clone, Copy, Debug)]
pub struct PageFrame {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    pub body_top: f32,
    pub body_bottom: f32,
}

impl PageFrame {
    pub fn new(paper: Paper, footer: f32) -> Self {
        let (width, height) = paper.size();
        let margin = 50.0;
        Self {
            width,
            height,
            margin,
            body_top: margin,
            body_bottom: height - margin - footer,
        }
    }

    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }
}

/// What a logical block is, for the PDF's structure tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading,
    SubHeading,
    Para,
    ListItem,
    Figure,
    Link,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub role: Role,
    pub lang: Language,
    /// Words for a figure.
    pub alt: Option<String>,
    /// A heading's words and where it starts (page, points from the top), for the
    /// document outline.
    pub heading: Option<(String, usize, f32)>,
}

/// Some lines of one laid-out block of text, placed on a page.
#[derive(Clone, Debug)]
pub struct TextItem {
    /// Where the layout's top-left corner is on the page (its first lines may be
    /// on an earlier page, above this one).
    pub origin: Pos2,
    pub layout: Arc<TextLayout>,
    pub lines: Range<usize>,
    /// The text the layout's glyph clusters index into.
    pub text: Arc<str>,
    pub lang: Language,
    pub style: TextStyle,
    pub color: Color32,
    /// The logical block it belongs to; `None` for page furniture (artifacts).
    pub block: Option<usize>,
}

#[derive(Clone, Debug)]
pub enum Item {
    Text(TextItem),
    /// A picture, drawn as vector marks.
    Figure {
        marks: Vec<Mark>,
        block: usize,
    },
    /// Decoration (a bullet, a notice's background): an artifact.
    Shape(Mark),
    Link {
        rect: Rect,
        url: String,
        block: usize,
    },
}

#[derive(Clone, Debug, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A whole handout, laid out.
#[derive(Clone, Debug)]
pub struct Composed {
    pub pages: Vec<Page>,
    pub blocks: Vec<Block>,
    pub frame: PageFrame,
    pub title: String,
    pub lang: Language,
}

/// One glyph as the PDF gets it.
#[derive(Clone, Debug, PartialEq)]
pub struct RunGlyph {
    pub glyph_id: u16,
    /// Pen position on the page, in points.
    pub x: f32,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    pub cluster: Range<usize>,
    /// Set right to left (an odd bidi level): its cluster's glyphs are drawn last
    /// to first.
    pub rtl: bool,
}

/// Glyphs of one face and size, drawn from one start point.
#[derive(Clone, Debug)]
pub struct GlyphRun {
    pub font_id: fontdb::ID,
    pub size: f32,
    /// Baseline on the page, in points from the top.
    pub baseline: f32,
    pub glyphs: Vec<RunGlyph>,
}

/// Line `line` of `item` as glyph runs: a new run wherever the face or size changes
/// or the pen would not simply advance to the next glyph.
pub fn line_runs(item: &TextItem, line: usize) -> Vec<GlyphRun> {
    let line = &item.layout.lines[line];
    let baseline = item.origin.y + line.baseline;
    let mut runs: Vec<GlyphRun> = Vec::new();
    for g in &line.glyphs {
        let x = item.origin.x + g.x;
        let glyph = RunGlyph {
            glyph_id: g.glyph_id,
            x,
            advance: g.w,
            x_offset: g.x_offset,
            y_offset: g.y_offset,
            cluster: g.start..g.end,
            rtl: g.level % 2 == 1,
        };
        let continues = runs.last().is_some_and(|run| {
            let last = run.glyphs.last().expect("runs are never empty");
            run.font_id == g.font_id
                && run.size == g.size
                && (last.x + last.advance - x).abs() < 1e-3
        });
        if continues {
            runs.last_mut().expect("checked").glyphs.push(glyph);
        } else {
            runs.push(GlyphRun {
                font_id: g.font_id,
                size: g.size,
                baseline,
                glyphs: vec![glyph],
            });
        }
    }
    runs
}
