//! What goes on a handout, in order: title, clinic, print date, version and review
//! notice, then the chosen sections (in two columns when a staff language is
//! given, the patient's on the reading-start side), each page with its footer.

use egui::{Color32, pos2, vec2};

use super::HandoutRequest;
use super::compose::{Column, Composer, Set, Styles};
use super::page::{Composed, Item, PageFrame, Role};
use crate::content::SectionId;
use crate::content::cite::{cited, source_line};
use crate::content::meta;
use crate::content::model::{Block, Library, Topic};
use crate::content::review::ReviewStatus;
use crate::i18n::{Strings, localize_digits, msg};
use crate::lang::Language;
use crate::text::TextSystem;
use crate::theme::Tokens;
use crate::theme::timeline::{Mark, picture, step_color, step_text};

const GAP: f32 = 8.0;
const GUTTER: f32 = 24.0;
const BULLET_INDENT: f32 = 14.0;
const FOOTER: f32 = 40.0;
const TIMELINE_HEIGHT: f32 = 64.0;

/// Lays the handout `request` asks for out into pages.
pub fn compose(
    text: &mut TextSystem,
    strings: &Strings,
    library: &Library,
    topic: &Topic,
    request: &HandoutRequest,
) -> Composed {
    let frame = PageFrame::new(request.paper, FOOTER);
    let styles = Styles::print();
    let tokens = Tokens::standard();
    let mut c = Composer::new(text, frame);
    let langs: Vec<Language> = match request.staff_lang {
        Some(staff) if staff != request.lang => vec![request.lang, staff],
        _ => vec![request.lang],
    };
    // The patient's column on the side their language starts reading from.
    let width = frame.content_width();
    let col_width = (width - GUTTER * (langs.len() - 1) as f32) / langs.len() as f32;
    let mut columns: Vec<Column> = langs
        .iter()
        .enumerate()
        .map(|(i, &lang)| {
            let slot = if request.lang.is_rtl() {
                langs.len() - 1 - i
            } else {
                i
            };
            Column {
                x: frame.margin + slot as f32 * (col_width + GUTTER),
                width: col_width,
                lang,
                page: 0,
                y: frame.body_top,
            }
        })
        .collect();

    let set = |lang, style, color, role| Set {
        lang,
        style,
        color,
        role,
        indent: 0.0,
    };
    for col in &mut columns {
        let lang = col.lang;
        let t = topic.text(lang);
        c.text(
            col,
            &t.title,
            &set(lang, styles.title, tokens.text, Role::Title),
        );
        col.y += GAP / 2.0;
        let mut facts = Vec::new();
        if let Some(clinic) = &request.clinic_name {
            facts.push(clinic.clone());
        }
        let date = localize_digits(lang, &request.date.to_string());
        facts.push(strings.with_arg(lang, msg::HANDOUT_PRINTED, "date", date));
        facts.push(meta::origin_line(strings, lang, &t.meta));
        let muted = set(lang, styles.small, tokens.muted_text, Role::Para);
        c.text(col, &facts.join(" · "), &muted);
        col.y += GAP;
        let status = library.review_status(topic, lang, request.date, request.review_months);
        let line = meta::review_line(strings, lang, &status);
        if matches!(status, ReviewStatus::Reviewed { .. }) {
            c.text(col, &line, &muted);
            col.y += GAP;
        } else {
            notice(&mut c, col, &line, &styles, &tokens);
        }
    }

    for &section in &request.sections {
        Composer::sync(&mut columns);
        for col in &mut columns {
            section_in(&mut c, col, strings, topic, section, &styles, &tokens);
        }
    }

    // The footer is said once in the reading order, after the body; on every page it
    // is drawn as page furniture, with the page number.
    let footer_lang = request.lang;
    let footer_text = strings.get(footer_lang, msg::HANDOUT_FOOTER);
    let footer_block = c.block(Role::Para, footer_lang, None);
    let pages = c.pages.len();
    for page in 0..pages {
        let mut col = Column {
            x: frame.margin,
            width,
            lang: footer_lang,
            page,
            y: frame.body_bottom + GAP,
        };
        // Footer lines are placed below the body, so lift the bottom for them.
        let saved = c.frame;
        c.frame.body_bottom = frame.height;
        let style = set(footer_lang, styles.small, tokens.muted_text, Role::Para);
        let block = (page == 0).then_some(footer_block);
        c.text_in(&mut col, &footer_text, &style, block);
        let mut args = fluent_bundle::FluentArgs::new();
        args.set(
            "page",
            localize_digits(footer_lang, &(page + 1).to_string()),
        );
        args.set("pages", localize_digits(footer_lang, &pages.to_string()));
        let number = strings.format(footer_lang, msg::HANDOUT_PAGE, Some(&args));
        c.text_in(&mut col, &number, &style, None);
        c.frame = saved;
    }
    let title = topic.text(request.lang).title.clone();
    c.finish(title, request.lang)
}

/// The review notice on its tinted band.
fn notice(c: &mut Composer<'_>, col: &mut Column, text: &str, styles: &Styles, tokens: &Tokens) {
    let pad = 6.0;
    let mut inner = Column {
        x: col.x + pad,
        width: col.width - 2.0 * pad,
        ..*col
    };
    c.need(&mut inner, 2.0 * pad + styles.body.size * 3.0);
    let top = inner.y;
    inner.y += pad;
    let page = inner.page;
    let item = c.pages.get(page).map_or(0, |p| p.items.len());
    let set = Set {
        lang: col.lang,
        style: styles.body,
        color: tokens.warning_text,
        role: Role::Para,
        indent: 0.0,
    };
    c.text(&mut inner, text, &set);
    let band = egui::Rect::from_min_size(pos2(col.x, top), vec2(col.width, inner.y + pad - top));
    // The band goes under the text: insert it before the text's items.
    c.pages[page].items.insert(
        item,
        Item::Shape(Mark::Band {
            rect: band,
            color: tokens.warning_fill,
        }),
    );
    col.page = inner.page;
    col.y = inner.y + pad + GAP;
}

fn section_in(
    c: &mut Composer<'_>,
    col: &mut Column,
    strings: &Strings,
    topic: &Topic,
    section: SectionId,
    styles: &Styles,
    tokens: &Tokens,
) {
    let lang = col.lang;
    let plain = |style, role| Set {
        lang,
        style,
        color: tokens.text,
        role,
        indent: 0.0,
    };
    col.y += GAP;
    // A heading stays with at least two lines of what follows it (or the picture).
    let picture_height = if section == SectionId::WhatToExpect && !topic.timeline.is_empty() {
        TIMELINE_HEIGHT
    } else {
        0.0
    };
    c.need(
        col,
        styles.heading.size * 1.5 + picture_height + styles.body.size * 3.0,
    );
    let heading = strings.get(lang, section.string_id());
    c.text(col, &heading, &plain(styles.heading, Role::Heading));
    col.y += GAP / 2.0;
    if section == SectionId::Sources {
        sources(c, col, strings, topic, styles, tokens);
        return;
    }
    if section == SectionId::WhatToExpect {
        if topic.timeline.is_empty() {
            let none = strings.get(lang, msg::TIMELINE_NONE);
            let set = Set {
                color: tokens.muted_text,
                ..plain(styles.body, Role::Para)
            };
            c.text(col, &none, &set);
        } else {
            let legend: Vec<String> = topic
                .timeline
                .iter()
                .map(|s| step_text(strings, lang, s))
                .collect();
            let alt = format!(
                "{}: {}",
                strings.get(lang, msg::TIMELINE_TITLE),
                legend.join("; ")
            );
            let steps = &topic.timeline;
            c.figure(col, TIMELINE_HEIGHT, alt, |rect| {
                picture(steps, lang.is_rtl(), rect, tokens)
            });
            for (step, line) in steps.iter().zip(&legend) {
                let color = step_color(tokens, step.step);
                list_item(c, col, line, lang, styles, tokens, color);
            }
            col.y += GAP / 2.0;
        }
    }
    for part in topic.text(lang).section(section) {
        if let Some(sub) = part.sub {
            col.y += GAP / 2.0;
            c.need(col, styles.sub.size * 1.5 + styles.body.size * 3.0);
            let title = strings.get(lang, sub.string_id());
            c.text(col, &title, &plain(styles.sub, Role::SubHeading));
        }
        for block in &part.blocks {
            match block {
                Block::Para { text, cite, .. } => {
                    let text = cited(topic, lang, text, cite);
                    c.text(col, &text, &plain(styles.body, Role::Para));
                }
                Block::List { items } => {
                    for item in items {
                        let text = cited(topic, lang, &item.text, &item.cite);
                        list_item(c, col, &text, lang, styles, tokens, tokens.accent);
                    }
                }
            }
            col.y += GAP / 2.0;
        }
    }
}

fn list_item(
    c: &mut Composer<'_>,
    col: &mut Column,
    text: &str,
    lang: Language,
    styles: &Styles,
    tokens: &Tokens,
    bullet: Color32,
) {
    let set = Set {
        lang,
        style: styles.body,
        color: tokens.text,
        role: Role::ListItem,
        indent: BULLET_INDENT,
    };
    c.list_item(col, text, &set, bullet);
}

/// Each source: its number and title (in the language it was published in), how
/// much weight it carries, and its address as a link.
fn sources(
    c: &mut Composer<'_>,
    col: &mut Column,
    strings: &Strings,
    topic: &Topic,
    styles: &Styles,
    tokens: &Tokens,
) {
    let lang = col.lang;
    for (i, source) in topic.sources.iter().enumerate() {
        c.need(col, styles.body.size * 4.5);
        let title = Set {
            lang: Language::fallback(),
            style: styles.body,
            color: tokens.text,
            role: Role::Para,
            indent: 0.0,
        };
        c.text(col, &source_line(lang, i, &source.title), &title);
        let grade = meta::grade_message(source.grade);
        let small = |color, lang| Set {
            lang,
            style: styles.small,
            color,
            role: Role::Para,
            indent: 0.0,
        };
        c.text(col, &strings.get(lang, grade), &small(tokens.accent, lang));
        match &source.url {
            Some(url) => {
                let link = c.block(Role::Link, Language::fallback(), None);
                let set = Set {
                    role: Role::Link,
                    ..small(tokens.accent, Language::fallback())
                };
                let (page, first) = c.text_in(col, url, &set, Some(link));
                // One link rectangle per page the address lands on.
                let end_page = col.page;
                for p in page..=end_page {
                    let top = if p == page {
                        first.min.y
                    } else {
                        c.frame.body_top
                    };
                    let bottom = if p == end_page {
                        col.y
                    } else {
                        c.frame.body_bottom
                    };
                    let rect =
                        egui::Rect::from_min_max(pos2(col.x, top), pos2(col.x + col.width, bottom));
                    c.link(p, rect, url, link);
                }
            }
            None => {
                let none = strings.get(lang, msg::SOURCE_NO_ADDRESS);
                c.text(col, &none, &small(tokens.muted_text, lang));
            }
        }
        col.y += GAP / 2.0;
    }
}
