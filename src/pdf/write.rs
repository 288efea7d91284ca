//! A composed handout written as a tagged PDF with krilla: the engine's own glyphs
//! with each glyph's own text (`glyph_text`: krilla writes the ToUnicode maps from
//! it, in as many copies of a font as keep every map unambiguous), fonts embedded
//! as subsets, each line a span in its language, and a
//! structure tree in reading order, checked by krilla's PDF/UA-1 validator.

use std::num::NonZeroU16;

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata, TextDirection};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::surface::Surface;
use krilla::tagging::{ArtifactType, ContentTag, ListNumbering, Node, Tag, TagGroup, TagTree};
use krilla::{Document, SerializeSettings};

use super::draw_text::{Fonts, draw_text, fill, paint};
use super::page::{Composed, Item, Role};
use crate::content::review::Date;
use crate::text::TextSystem;
use crate::theme::timeline::Mark;

/// The PDF file of `composed`.
pub fn write(composed: &Composed, text: &TextSystem, date: Date) -> Result<Vec<u8>, String> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| format!("{e:?}"))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let mut fonts = Fonts::new(text);
    let mut ids: Vec<Vec<Node>> = vec![Vec::new(); composed.blocks.len()];
    let (width, height) = (composed.frame.width, composed.frame.height);
    for page in &composed.pages {
        let settings = PageSettings::from_wh(width, height).ok_or("bad page size")?;
        let mut pdf_page = document.start_page_with(settings);
        let mut links = Vec::new();
        {
            let mut surface = pdf_page.surface();
            for item in &page.items {
                match item {
                    Item::Text(t) => draw_text(&mut surface, &mut fonts, t, &mut ids)?,
                    Item::Figure { marks, block } => {
                        let id = surface.start_tagged(ContentTag::Other);
                        for mark in marks {
                            draw_mark(&mut surface, mark);
                        }
                        surface.end_tagged();
                        ids[*block].push(id.into());
                    }
                    Item::Shape(mark) => {
                        let artifact = krilla::tagging::Artifact::with_kind(ArtifactType::Layout);
                        surface.start_tagged(ContentTag::Artifact(artifact));
                        draw_mark(&mut surface, mark);
                        surface.end_tagged();
                    }
                    Item::Link { rect, url, block } => links.push((*rect, url.clone(), *block)),
                }
            }
            surface.finish();
        }
        for (rect, url, block) in links {
            let rect = Rect::from_ltrb(rect.min.x, rect.min.y, rect.max.x, rect.max.y)
                .ok_or("empty link rectangle")?;
            let link = LinkAnnotation::new(
                rect,
                Target::Action(Action::Link(LinkAction::new(url.clone()))),
            );
            let id = pdf_page.add_tagged_annotation(Annotation::new_link(link, Some(url)));
            ids[block].push(id.into());
        }
        pdf_page.finish();
    }

    document.set_outline(outline(composed));
    document.set_tag_tree(tag_tree(composed, ids));
    let lang = composed.lang;
    let direction = if lang.is_rtl() {
        TextDirection::RightToLeft
    } else {
        TextDirection::LeftToRight
    };
    document.set_metadata(
        Metadata::new()
            .title(composed.title.clone())
            .language(lang.code().to_owned())
            .creator(format!("clinic-edu {}", env!("CARGO_PKG_VERSION")))
            .creation_date(
                // Metadata dates run from year 0 to 9999; the day is a real one.
                DateTime::new(date.year.clamp(0, 9999) as u16)
                    .month(date.month as u8)
                    .day(date.day as u8),
            )
            .text_direction(direction),
    );
    document.finish().map_err(|e| format!("{e:?}"))
}

fn circle(builder: &mut PathBuilder, cx: f32, cy: f32, r: f32) {
    // Four cubic arcs: the usual 0.5523 approximation of a quarter circle.
    let k = 0.552_284_8 * r;
    builder.move_to(cx + r, cy);
    builder.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    builder.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    builder.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    builder.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    builder.close();
}

fn rounded(builder: &mut PathBuilder, rect: egui::Rect, r: f32) {
    let r = r.min(rect.width() / 2.0).min(rect.height() / 2.0);
    let k = 0.552_284_8 * r;
    let (l, t, rt, b) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    builder.move_to(l + r, t);
    builder.line_to(rt - r, t);
    builder.cubic_to(rt - r + k, t, rt, t + r - k, rt, t + r);
    builder.line_to(rt, b - r);
    builder.cubic_to(rt, b - r + k, rt - r + k, b, rt - r, b);
    builder.line_to(l + r, b);
    builder.cubic_to(l + r - k, b, l, b - r + k, l, b - r);
    builder.line_to(l, t + r);
    builder.cubic_to(l, t + r - k, l + r - k, t, l + r, t);
    builder.close();
}

/// One timeline mark (or decoration) as a filled or stroked path.
fn draw_mark(surface: &mut Surface<'_>, mark: &Mark) {
    let mut builder = PathBuilder::new();
    let (fill_color, stroke) = match *mark {
        Mark::Band { rect, color } => {
            rounded(&mut builder, rect, 3.0);
            (Some(color), None)
        }
        Mark::Line {
            from,
            to,
            width,
            color,
        } => {
            builder.move_to(from.x, from.y);
            builder.line_to(to.x, to.y);
            (None, Some((width, color)))
        }
        Mark::Dot {
            center,
            radius,
            color,
        } => {
            circle(&mut builder, center.x, center.y, radius);
            (Some(color), None)
        }
        Mark::Ring {
            center,
            radius,
            fill,
            stroke_width,
            stroke,
        } => {
            circle(&mut builder, center.x, center.y, radius);
            (Some(fill), Some((stroke_width, stroke)))
        }
    };
    let Some(path) = builder.finish() else {
        return;
    };
    surface.set_fill(fill_color.map(fill));
    surface.set_stroke(stroke.map(|(width, color)| Stroke {
        paint: paint(color),
        width,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

/// The structure tree: blocks in reading order, runs of list items as lists.
fn tag_tree(composed: &Composed, mut ids: Vec<Vec<Node>>) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(composed.lang.code().to_owned()));
    let mut list: Option<TagGroup> = None;
    for (i, block) in composed.blocks.iter().enumerate() {
        let children = std::mem::take(&mut ids[i]);
        if children.is_empty() {
            continue;
        }
        if block.role != Role::ListItem
            && let Some(done) = list.take()
        {
            tree.push(done);
        }
        let lang = Some(block.lang.code().to_owned());
        let title = block.heading.as_ref().map(|(text, _, _)| text.clone());
        let group = match block.role {
            Role::Title => {
                let level = NonZeroU16::new(1).expect("1 is not zero");
                TagGroup::with_children(Tag::Hn(level, title).with_lang(lang), children)
            }
            Role::Heading | Role::SubHeading => {
                let n = if block.role == Role::Heading { 2 } else { 3 };
                let level = NonZeroU16::new(n).expect("not zero");
                TagGroup::with_children(Tag::Hn(level, title).with_lang(lang), children)
            }
            Role::Para => TagGroup::with_children(Tag::P.with_lang(lang), children),
            Role::Link => TagGroup::with_children(Tag::Link.with_lang(lang), children),
            Role::Figure => {
                TagGroup::with_children(Tag::Figure(block.alt.clone()).with_lang(lang), children)
            }
            Role::ListItem => {
                let body = TagGroup::with_children(Tag::LBody.with_lang(lang), children);
                let item = TagGroup::with_children(Tag::LI, vec![body.into()]);
                list.get_or_insert_with(|| TagGroup::new(Tag::L(ListNumbering::Disc)))
                    .push(item);
                continue;
            }
        };
        tree.push(group);
    }
    if let Some(done) = list {
        tree.push(done);
    }
    tree
}

/// The outline (bookmarks): the title, and under it each section heading of the
/// patient's language.
fn outline(composed: &Composed) -> Outline {
    let mut outline = Outline::new();
    let mut top: Option<OutlineNode> = None;
    for block in &composed.blocks {
        let Some((text, page, y)) = &block.heading else {
            continue;
        };
        if block.lang != composed.lang {
            continue;
        }
        let node = OutlineNode::new(
            text.clone(),
            XyzDestination::new(*page, Point::from_xy(0.0, *y)),
        );
        match (block.role, &mut top) {
            (Role::Title, _) => {
                if let Some(done) = top.replace(node) {
                    outline.push_child(done);
                }
            }
            (Role::Heading, Some(title)) => title.push_child(node),
            _ => {}
        }
    }
    if let Some(done) = top {
        outline.push_child(done);
    }
    outline
}
