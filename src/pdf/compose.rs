//! A handout laid out into pages with the screen's text engine: each column flows
//! its blocks down the page and on to the next, two columns meet again at every
//! section, and every drawn thing remembers which logical block it belongs to.

use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, Rect, pos2, vec2};

use super::page::{Block, Composed, Item, Page, PageFrame, Role, TextItem};
use crate::lang::Language;
use crate::text::{TextLayout, TextStyle, TextSystem};
use crate::theme::timeline::Mark;

/// Font sizes of a handout, in points.
pub struct Styles {
    pub title: TextStyle,
    pub heading: TextStyle,
    pub sub: TextStyle,
    pub body: TextStyle,
    pub small: TextStyle,
}

impl Styles {
    pub fn print() -> Self {
        Self {
            title: TextStyle::bold(20.0),
            heading: TextStyle::bold(14.0),
            sub: TextStyle::bold(11.5),
            body: TextStyle::regular(10.5),
            small: TextStyle::regular(8.5),
        }
    }
}

/// Where one column is: its left edge and width on the page, and how far down
/// which page it has got.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub x: f32,
    pub width: f32,
    pub lang: Language,
    pub page: usize,
    pub y: f32,
}

/// How one block of text is set.
pub struct Set {
    pub lang: Language,
    pub style: TextStyle,
    pub color: Color32,
    pub role: Role,
    /// Space kept free on the column's reading-start side (for a list bullet).
    pub indent: f32,
}

/// The pages being filled, and the blocks in reading order.
pub struct Composer<'a> {
    pub text: &'a mut TextSystem,
    pub frame: PageFrame,
    pub pages: Vec<Page>,
    pub blocks: Vec<Block>,
}

impl<'a> Composer<'a> {
    pub fn new(text: &'a mut TextSystem, frame: PageFrame) -> Self {
        Self {
            text,
            frame,
            pages: vec![Page::default()],
            blocks: Vec::new(),
        }
    }

    /// A new logical block; what is drawn for it names it by the returned index.
    pub fn block(&mut self, role: Role, lang: Language, alt: Option<String>) -> usize {
        self.blocks.push(Block {
            role,
            lang,
            alt,
            heading: None,
        });
        self.blocks.len() - 1
    }

    fn page_mut(&mut self, index: usize) -> &mut Page {
        while self.pages.len() <= index {
            self.pages.push(Page::default());
        }
        &mut self.pages[index]
    }

    /// Moves `col` to the top of its next page.
    fn next_page(&mut self, col: &mut Column) {
        col.page += 1;
        col.y = self.frame.body_top;
        self.page_mut(col.page);
    }

    /// Starts a new page unless `height` more points fit in the column.
    pub fn need(&mut self, col: &mut Column, height: f32) {
        if col.y + height > self.frame.body_bottom && col.y > self.frame.body_top {
            self.next_page(col);
        }
    }

    pub fn add(&mut self, page: usize, item: Item) {
        self.page_mut(page).items.push(item);
    }

    /// Lays `text` out at the column's width and flows its lines down the column,
    /// breaking to the next page between lines. Returns the block and where its
    /// first line landed (page, line box).
    pub fn text(&mut self, col: &mut Column, text: &str, set: &Set) -> (usize, usize, Rect) {
        let block = self.block(set.role, set.lang, None);
        let placed = self.text_in(col, text, set, Some(block));
        if matches!(set.role, Role::Title | Role::Heading | Role::SubHeading) {
            self.blocks[block].heading = Some((text.to_owned(), placed.0, placed.1.min.y));
        }
        (block, placed.0, placed.1)
    }

    /// As [`Composer::text`], drawn for `block` (or as an artifact when `None`).
    pub fn text_in(
        &mut self,
        col: &mut Column,
        text: &str,
        set: &Set,
        block: Option<usize>,
    ) -> (usize, Rect) {
        let width = (col.width - set.indent).max(1.0);
        let layout = self
            .text
            .layout(text, set.lang, set.style, Some(width), 1.0);
        let x = if set.lang.is_rtl() {
            col.x
        } else {
            col.x + set.indent
        };
        let text: Arc<str> = Arc::from(text);
        let mut first = None;
        let mut chunk: Option<(usize, f32, Range<usize>)> = None;
        for (i, line) in layout.lines.iter().enumerate() {
            if col.y + line.height > self.frame.body_bottom && col.y > self.frame.body_top {
                if let Some((page, y, lines)) = chunk.take() {
                    self.push_chunk(page, x, y, &layout, lines, &text, set, block);
                }
                self.next_page(col);
            }
            let line_rect = Rect::from_min_size(pos2(x, col.y), vec2(width, line.height));
            first.get_or_insert((col.page, line_rect));
            match &mut chunk {
                Some((_, _, lines)) => lines.end = i + 1,
                None => chunk = Some((col.page, col.y, i..i + 1)),
            }
            col.y += line.height;
        }
        if let Some((page, y, lines)) = chunk {
            self.push_chunk(page, x, y, &layout, lines, &text, set, block);
        }
        first.unwrap_or((
            col.page,
            Rect::from_min_size(pos2(x, col.y), vec2(width, 0.0)),
        ))
    }

    #[allow(clippy::too_many_arguments)]
    fn push_chunk(
        &mut self,
        page: usize,
        x: f32,
        y: f32,
        layout: &Arc<TextLayout>,
        lines: Range<usize>,
        text: &Arc<str>,
        set: &Set,
        block: Option<usize>,
    ) {
        let top = layout.lines[lines.start].top;
        self.add(
            page,
            Item::Text(TextItem {
                origin: pos2(x, y - top),
                layout: layout.clone(),
                lines,
                text: text.clone(),
                lang: set.lang,
                style: set.style,
                color: set.color,
                block,
            }),
        );
    }

    /// A bulleted list item: the bullet on the reading-start side of its first line.
    pub fn list_item(&mut self, col: &mut Column, text: &str, set: &Set, bullet: Color32) {
        let (_, page, line) = self.text(col, text, set);
        let x = if set.lang.is_rtl() {
            line.max.x + set.indent / 2.0
        } else {
            line.min.x - set.indent / 2.0
        };
        self.add(
            page,
            Item::Shape(Mark::Dot {
                center: pos2(x, line.center().y),
                radius: 2.2,
                color: bullet,
            }),
        );
    }

    /// A picture of `height` points drawn by `marks` into the column's width.
    pub fn figure(
        &mut self,
        col: &mut Column,
        height: f32,
        alt: String,
        marks: impl FnOnce(Rect) -> Vec<Mark>,
    ) {
        self.need(col, height);
        let rect = Rect::from_min_size(pos2(col.x, col.y), vec2(col.width, height));
        let block = self.block(Role::Figure, col.lang, Some(alt));
        self.add(
            col.page,
            Item::Figure {
                marks: marks(rect),
                block,
            },
        );
        col.y += height;
    }

    /// A link over the lines of an already placed block of text.
    pub fn link(&mut self, page: usize, rect: Rect, url: &str, block: usize) {
        self.add(
            page,
            Item::Link {
                rect,
                url: url.to_owned(),
                block,
            },
        );
    }

    /// Lines up the columns at the lower of their positions, for the next section.
    pub fn sync(columns: &mut [Column]) {
        let (page, y) = columns
            .iter()
            .map(|c| (c.page, c.y))
            .fold((0, f32::MIN), |a, b| {
                if b.0 > a.0 || (b.0 == a.0 && b.1 > a.1) {
                    b
                } else {
                    a
                }
            });
        for c in columns {
            c.page = page;
            c.y = y;
        }
    }

    pub fn finish(self, title: String, lang: Language) -> Composed {
        Composed {
            pages: self.pages,
            blocks: self.blocks,
            frame: self.frame,
            title,
            lang,
        }
    }
}
