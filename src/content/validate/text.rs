//! Checks of a topic's text in one language, `<lang>.ron`, and building it into a
//! [`TopicText`].

use super::{Checker, unknown_source};
use crate::content::limits;
use crate::content::model::{Meta, Origin, Part, SectionId, SideEffectLevel, TopicText};
use crate::content::raw::{self, Block};
use crate::lang::Language;

pub(super) fn check(
    c: &mut Checker<'_>,
    lang: Language,
    topic: &raw::TopicFile,
    raw: raw::LangFile,
) -> Option<TopicText> {
    let origin = origin(c, lang, &raw.meta.origin);
    c.in_range(
        "version",
        "meta.version",
        u64::from(raw.meta.version),
        limits::VERSION,
        "",
    );
    if raw.meta.reviewed.is_some() {
        // A review written into the file it covers cannot tell whether the file
        // changed after it; reviews are recorded with their files' hashes instead.
        c.error_at(
            "reviewed",
            "reviewed: leave it None and record the review with `clinic-edu review`, which keeps it in reviews.ron with the file's SHA-256",
        );
    }
    if raw.title.trim().is_empty() {
        c.error_at("title", "the title is empty");
    }
    c.length("title", "the title", &raw.title);
    if raw.summary.trim().is_empty() {
        c.error_at("summary", "the summary is empty");
    }
    c.length("summary", "the summary", &raw.summary);

    let single = |blocks: Vec<Block>| vec![Part { sub: None, blocks }];
    let side = raw.side_effects;
    let sections = vec![
        (SectionId::WhatItIs, single(raw.what_it_is)),
        (SectionId::HowItWorks, single(raw.how_it_works)),
        (SectionId::UsedFor, single(raw.used_for)),
        (SectionId::WhatToExpect, single(raw.what_to_expect)),
        (
            SectionId::SideEffects,
            vec![
                Part {
                    sub: Some(SideEffectLevel::Common),
                    blocks: side.common,
                },
                Part {
                    sub: Some(SideEffectLevel::Rare),
                    blocks: side.rare,
                },
                Part {
                    sub: Some(SideEffectLevel::Serious),
                    blocks: side.serious,
                },
                Part {
                    sub: Some(SideEffectLevel::Urgent),
                    blocks: side.urgent,
                },
            ],
        ),
        (SectionId::Aftercare, single(raw.aftercare)),
        (SectionId::Evidence, single(raw.evidence)),
        (SectionId::WhoShouldNot, single(raw.who_should_not)),
        (SectionId::Questions, single(raw.questions)),
    ];
    for (id, parts) in &sections {
        for part in parts {
            check_part(c, topic, *id, part);
        }
    }

    for (field, cell) in raw.compare.cells() {
        let needle = format!("{field}: (");
        if cell.text.trim().is_empty() {
            c.error_at(&needle, format!("compare.{field} is empty"));
        }
        c.length(&cell.text, &format!("compare.{field}"), &cell.text);
        if cell.cite.is_empty() {
            c.error_at(
                &needle,
                format!("compare.{field} cites no source; every cell cites one"),
            );
        }
        c.citations(cell.cite.iter(), &topic.sources, unknown_source);
    }
    let text = TopicText {
        meta: Meta {
            version: raw.meta.version,
            origin,
            reviewed: raw.meta.reviewed,
        },
        title: raw.title,
        summary: raw.summary,
        sections,
        compare: raw.compare,
    };
    for s in text.strings() {
        c.renders(s, lang, s, "");
    }
    super::ids::check_in_file(c, &text);
    c.is_clean().then_some(text)
}

fn origin(c: &mut Checker<'_>, lang: Language, origin: &raw::Origin) -> Origin {
    match origin {
        raw::Origin::Original => Origin::Original,
        raw::Origin::Translation { from } => match from.parse::<Language>() {
            Ok(from) if from != lang => Origin::TranslatedFrom(from),
            Ok(_) => {
                c.error_at(
                    "Translation",
                    "a text cannot be a translation of its own language",
                );
                Origin::Original
            }
            Err(e) => {
                c.error_at(&format!("\"{from}\""), format!("translation source: {e}"));
                Origin::Original
            }
        },
    }
}

/// Checks one part of a section: it has text, and cites only the topic's sources.
fn check_part(c: &mut Checker<'_>, topic: &raw::TopicFile, id: SectionId, part: &Part) {
    let field = match part.sub {
        Some(level) => format!("side_effects.{}", format!("{level:?}").to_lowercase()),
        None => id.field().to_owned(),
    };
    // The file nests the side-effect levels, so only the last name is written there.
    let needle = format!("{}:", field.rsplit('.').next().unwrap_or(&field));
    if part.blocks.is_empty() {
        c.error_at(&needle, format!("missing section: {field} has no text"));
    }
    c.count(
        &needle,
        &format!("{field}: paragraphs and lists"),
        part.blocks.len(),
        limits::MAX_BLOCKS,
    );
    for block in &part.blocks {
        let (cites, texts): (Vec<&String>, Vec<&String>) = match block {
            Block::Para { text, cite, .. } => (cite.iter().collect(), vec![text]),
            Block::List { items } => {
                if items.is_empty() {
                    c.error_at(&needle, format!("{field} has an empty list"));
                }
                c.count(
                    &needle,
                    &format!("{field}: list items"),
                    items.len(),
                    limits::MAX_LIST_ITEMS,
                );
                (
                    items.iter().flat_map(|i| i.cite.iter()).collect(),
                    items.iter().map(|i| &i.text).collect(),
                )
            }
        };
        for text in texts {
            if text.trim().is_empty() {
                c.error_at(&needle, format!("{field} has an empty paragraph or item"));
            }
            c.length(text, &format!("a paragraph or item of {field}"), text);
        }
        c.citations(cites, &topic.sources, unknown_source);
    }
}
