//! A treatment's page: its sections one at a time (chosen with tabs), the timeline
//! as a picture, and its sources. Side by side, the patient's language stands next
//! to the staff member's, section by section.

use crate::i18n::msg;
use crate::ui::UiExt;
use egui::Ui;

use super::Context;
use crate::app::command::{Command, ReviewCommand};
use crate::app::state::Route;
use crate::content::SectionId;
pub use crate::content::cite::{cited, source_line};
use crate::content::model::{Block, Topic};
use crate::lang::Language;
use crate::ui::widgets::{Button, Heading, Notice, Paragraph, Timeline};

/// What the topic page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopicView {
    pub section: SectionId,
    pub side_by_side: bool,
}

pub fn show(ui: &mut Ui, cx: &mut Context<'_>, topic: &Topic, view: TopicView) {
    let tokens = ui.tokens();
    let lang = cx.lang;
    let rtl = lang.is_rtl();
    let strings = cx.strings;
    // In the kiosk, a topic whose clinician's review has run out is not shown: a
    // neutral screen stands in for it until reviewed content comes.
    if !cx.staff && super::review_overdue(cx, topic, lang) {
        being_updated(ui, cx);
        return;
    }
    super::content_errors(ui, cx);

    crate::ui::row(ui, rtl, |ui| {
        if ui
            .add(Button::new(&strings.get(lang, msg::BACK), lang))
            .clicked()
        {
            cx.commands.push(Command::Go(Route::Home));
        }
        crate::ui::row_end(ui, rtl, |ui| {
            if super::handout::offered(cx) {
                super::handout::toggle(ui, cx);
            }
            super::side_by_side_toggle(ui, cx, view.side_by_side);
        });
    });
    ui.add_space(tokens.gap / 2.0);
    super::handout::panel(ui, cx);
    if cx.library.screening().rules(&topic.id).is_some() {
        crate::ui::row(ui, rtl, |ui| {
            let label = strings.get(lang, msg::SCREENING_FROM_TOPIC);
            if ui.add(Button::new(&label, lang)).clicked() {
                cx.commands.push(Command::ScreenTopic(topic.id.clone()));
            }
        });
        ui.add_space(tokens.gap / 2.0);
    }
    // A clinician's review of this text: staff only, never in a kiosk.
    if cx.staff {
        crate::ui::row(ui, rtl, |ui| {
            let label = strings.get(lang, msg::CLINICAL_REVIEW_OPEN);
            if ui.add(Button::new(&label, lang)).clicked() {
                cx.commands.push(Command::Review(ReviewCommand::Open {
                    topic: topic.id.clone(),
                    lang,
                }));
            }
        });
        ui.add_space(tokens.gap / 2.0);
    }

    if view.side_by_side {
        super::staff_language_row(ui, cx);
    }

    // Section tabs, wrapping, in reading order.
    crate::ui::wrapping_row(ui, rtl, |ui| {
        for section in SectionId::ALL {
            let label = strings.get(lang, section.string_id());
            if ui
                .add(Button::new(&label, lang).selected(section == view.section))
                .clicked()
            {
                cx.commands.push(Command::ShowSection(section));
            }
        }
    });
    ui.add_space(tokens.gap);
    // Read aloud, in the patient's language: the section's paragraphs in order.
    let ids = section_narration_ids(topic, lang, view.section);
    super::listen::controls(ui, cx, ids);

    if view.side_by_side {
        super::side_by_side(ui, cx, |ui, column_lang| {
            language_column(ui, cx, topic, column_lang, view.section);
        });
    } else {
        language_column(ui, cx, topic, lang, view.section);
    }
}

/// The topic's title, review notice and one section, all in `lang`.
fn language_column(
    ui: &mut Ui,
    cx: &Context<'_>,
    topic: &Topic,
    lang: Language,
    section: SectionId,
) {
    let tokens = ui.tokens();
    let strings = cx.strings;
    let text = topic.text(lang);
    ui.add(Heading::new(&text.title, lang));
    let review = super::review_line(cx, topic, lang);
    ui.add(Notice::new(&review, lang));
    let origin = crate::content::meta::origin_line(strings, lang, &text.meta);
    ui.add(
        Paragraph::new(&origin, lang)
            .style(tokens.small)
            .color(tokens.muted_text),
    );
    ui.add_space(tokens.gap);

    ui.add(Heading::new(&strings.get(lang, section.string_id()), lang));
    ui.add_space(tokens.gap / 2.0);
    match section {
        SectionId::Sources => sources(ui, cx, topic, lang),
        _ => {
            if section == SectionId::WhatToExpect {
                ui.add(Timeline::new(&topic.timeline, lang, strings));
                ui.add_space(tokens.gap / 2.0);
            }
            for part in text.section(section) {
                if let Some(sub) = part.sub {
                    ui.add_space(tokens.gap / 2.0);
                    ui.add(
                        Paragraph::new(&strings.get(lang, sub.string_id()), lang)
                            .style(tokens.title),
                    );
                }
                let speaking = cx.speaking(lang);
                for block in &part.blocks {
                    show_block(ui, topic, lang, block, speaking);
                    ui.add_space(tokens.gap / 2.0);
                }
            }
        }
    }
}

/// The narration ids of a section's paragraphs and list items, in reading order.
fn section_narration_ids(topic: &Topic, lang: Language, section: SectionId) -> Vec<String> {
    let mut ids = Vec::new();
    for part in topic.text(lang).section(section) {
        for block in &part.blocks {
            match block {
                Block::Para { id, .. } => ids.push(format!("{}.{id}", topic.id)),
                Block::List { items } => {
                    ids.extend(items.iter().map(|i| format!("{}.{}", topic.id, i.id)))
                }
            }
        }
    }
    ids
}

/// One block; the paragraph or list item being read aloud (narration id
/// `speaking`) stands out on the highlight colour.
fn show_block(ui: &mut Ui, topic: &Topic, lang: Language, block: &Block, speaking: Option<&str>) {
    let is_read = |id: &str| speaking == Some(format!("{}.{id}", topic.id).as_str());
    match block {
        Block::Para { id, text, cite } => {
            let text = cited(topic, lang, text, cite);
            super::listen::text(ui, Paragraph::new(&text, lang), is_read(id));
        }
        Block::List { items } => {
            let read = items.iter().position(|i| is_read(&i.id));
            let items: Vec<String> = items
                .iter()
                .map(|i| cited(topic, lang, &i.text, &i.cite))
                .collect();
            super::listen::bullet_list(ui, &items, lang, read);
        }
    }
}

fn sources(ui: &mut Ui, cx: &Context<'_>, topic: &Topic, lang: Language) {
    let tokens = ui.tokens();
    for (i, source) in topic.sources.iter().enumerate() {
        // Source titles are kept in the language they were published in (English).
        ui.add(Paragraph::new(
            &source_line(lang, i, &source.title),
            Language::fallback(),
        ));
        let grade = crate::content::meta::grade_message(source.grade);
        ui.add(
            Paragraph::new(&cx.strings.get(lang, grade), lang)
                .style(tokens.small)
                .color(tokens.accent),
        );
        match &source.url {
            Some(url) => ui.add(
                Paragraph::new(url, Language::fallback())
                    .style(tokens.small)
                    .color(tokens.muted_text),
            ),
            None => ui.add(
                Paragraph::new(&cx.strings.get(lang, msg::SOURCE_NO_ADDRESS), lang)
                    .style(tokens.small)
                    .color(tokens.muted_text),
            ),
        };
        ui.add_space(tokens.gap / 2.0);
    }
}

/// The kiosk's stand-in for a topic past its review: a way back, and a line
/// saying the information is being updated.
fn being_updated(ui: &mut Ui, cx: &mut Context<'_>) {
    let (lang, strings) = (cx.lang, cx.strings);
    crate::ui::row(ui, lang.is_rtl(), |ui| {
        if ui
            .add(Button::new(&strings.get(lang, msg::BACK), lang))
            .clicked()
        {
            cx.commands.push(Command::Go(Route::Home));
        }
    });
    ui.add_space(ui.tokens().gap);
    ui.add(Notice::new(
        &strings.get(lang, msg::TOPIC_BEING_UPDATED),
        lang,
    ));
}
