//! The clinical review screen (staff only, never in a kiosk): one topic in one
//! language, every paragraph, list item and Compare cell beside the sources it
//! cites (title, grade and address, as the facts brief gives them), each marked
//! unchanged, changed (beside the text as reviewed), new or removed since the last
//! review, matched by id, and the sign-off that records the review in the clinic
//! folder's reviews.ron.

use egui::{Frame, Margin, Stroke, Ui};

use super::Context;
use crate::app::command::{Command, ReviewCommand};
use crate::content::Topic;
use crate::content::changes::{Change, ParagraphChange, changes};
use crate::content::kept::KeptParagraph;
use crate::content::review::{Date, SignOff};
use crate::i18n::msg;
use crate::lang::Language;
use crate::ui::UiExt;
use crate::ui::widgets::{Button, Heading, Notice, Paragraph, TextField};

/// The screen: `topic` in `lang`, its chrome in the UI language.
pub fn show(ui: &mut Ui, cx: &mut Context<'_>, topic: &Topic, lang: Language) {
    let tokens = ui.tokens();
    let (ui_lang, strings) = (cx.lang, cx.strings);
    let rtl = ui_lang.is_rtl();
    let text = topic.text(lang);
    crate::ui::row(ui, rtl, |ui| {
        if ui
            .add(Button::new(&strings.get(ui_lang, msg::BACK), ui_lang))
            .clicked()
        {
            cx.commands.push(Command::OpenTopic(topic.id.clone()));
        }
    });
    let title = strings.with_arg(
        ui_lang,
        msg::CLINICAL_REVIEW_TITLE,
        "treatment",
        text.title.clone(),
    );
    ui.add(Heading::new(&title, ui_lang));
    ui.add(
        Paragraph::new(&strings.get(ui_lang, msg::CLINICAL_REVIEW_INTRO), ui_lang)
            .color(tokens.muted_text),
    );
    // The language under review.
    crate::ui::wrapping_row(ui, rtl, |ui| {
        for choice in cx.library.languages() {
            let button = Button::new(choice.native_name(), choice).selected(choice == lang);
            if ui.add(button).clicked() {
                cx.commands.push(Command::Review(ReviewCommand::Open {
                    topic: topic.id.clone(),
                    lang: choice,
                }));
            }
        }
    });
    ui.add_space(tokens.gap / 2.0);
    ui.add(Notice::new(&super::review_line(cx, topic, lang), lang));

    let last = cx.library.last_review(&topic.id, lang);
    let changes = last.and_then(|record| changes(text, record));
    match (last, &changes) {
        (Some(_), Some(changes)) => {
            let n = changes
                .iter()
                .filter(|c| c.change != Change::Unchanged)
                .count() as u32;
            ui.add(Paragraph::new(
                &strings.counted(ui_lang, msg::CLINICAL_REVIEW_CHANGED_COUNT, n, n),
                ui_lang,
            ));
        }
        (Some(_), None) => {
            ui.add(Paragraph::new(
                &strings.get(ui_lang, msg::CLINICAL_REVIEW_NO_PARAGRAPHS),
                ui_lang,
            ));
        }
        (None, _) => {}
    }
    ui.add_space(tokens.gap);

    let texts = text.reviewed_texts();
    // Every paragraph with what happened to it since the last review, removed ones
    // where they stood; without a review to compare with, the paragraphs alone.
    let shown: Vec<ParagraphChange> = changes.unwrap_or_else(|| {
        texts
            .iter()
            .map(|t| ParagraphChange {
                key: t.key.clone(),
                change: Change::Unchanged,
            })
            .collect()
    });
    for item in &shown {
        let now = texts.iter().find(|t| t.key == item.key);
        let (mark, old) = match &item.change {
            Change::Unchanged => (None, None),
            Change::Changed(Some(old)) => (Some(msg::CLINICAL_REVIEW_CHANGED_MARK), Some(old)),
            Change::Changed(None) => (Some(msg::CLINICAL_REVIEW_NOT_KEPT), None),
            Change::New => (Some(msg::CLINICAL_REVIEW_NEW_MARK), None),
            Change::Removed(Some(old)) => (Some(msg::CLINICAL_REVIEW_REMOVED_MARK), Some(old)),
            Change::Removed(None) => (Some(msg::CLINICAL_REVIEW_REMOVED_NOT_KEPT), None),
        };
        let stroke = if mark.is_some() {
            Stroke::new(2.0, tokens.warning_text)
        } else {
            Stroke::new(1.0, tokens.button_stroke)
        };
        Frame::new()
            .stroke(stroke)
            .corner_radius(tokens.corner_radius)
            .inner_margin(Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                // The section and id, as the files and validate name it.
                ui.add(
                    Paragraph::new(&item.key, Language::fallback())
                        .style(tokens.small)
                        .color(tokens.muted_text),
                );
                if let Some(mark) = mark {
                    ui.add(
                        Paragraph::new(&strings.get(ui_lang, mark), ui_lang)
                            .style(tokens.small)
                            .color(tokens.warning_text),
                    );
                }
                match (now, old) {
                    // Changed: the text now beside the text as reviewed, in reading order.
                    (Some(now), Some(old)) => {
                        ui.columns(2, |columns| {
                            let (first, second) = columns.split_at_mut(1);
                            let (new_col, old_col) = if lang.is_rtl() {
                                (&mut second[0], &mut first[0])
                            } else {
                                (&mut first[0], &mut second[0])
                            };
                            cited_text(new_col, cx, topic, lang, now.text, now.cite);
                            reviewed_text(old_col, cx, topic, lang, old);
                        });
                    }
                    (Some(now), None) => cited_text(ui, cx, topic, lang, now.text, now.cite),
                    (None, Some(old)) => reviewed_text(ui, cx, topic, lang, old),
                    (None, None) => {}
                }
            });
        ui.add_space(tokens.gap / 2.0);
    }
    ui.add_space(tokens.gap);
    sign_off(ui, cx);
}

/// The text as reviewed, under its heading, muted.
fn reviewed_text(
    ui: &mut Ui,
    cx: &Context<'_>,
    topic: &Topic,
    lang: Language,
    old: &KeptParagraph,
) {
    let tokens = ui.tokens();
    let heading = cx.strings.get(cx.lang, msg::CLINICAL_REVIEW_AS_REVIEWED);
    ui.add(
        Paragraph::new(&heading, cx.lang)
            .style(tokens.small)
            .color(tokens.muted_text),
    );
    ui.add(Paragraph::new(&old.text, lang).color(tokens.muted_text));
    sources(ui, cx, topic, &old.cite);
}

/// A paragraph, list item or Compare cell, and the sources it cites.
fn cited_text(
    ui: &mut Ui,
    cx: &Context<'_>,
    topic: &Topic,
    lang: Language,
    text: &str,
    cite: &[String],
) {
    ui.add(Paragraph::new(text, lang));
    sources(ui, cx, topic, cite);
}

/// Each source of `cite` (title, grade and address), or that there is none.
fn sources(ui: &mut Ui, cx: &Context<'_>, topic: &Topic, cite: &[String]) {
    let tokens = ui.tokens();
    let (ui_lang, strings) = (cx.lang, cx.strings);
    if cite.is_empty() {
        ui.add(
            Paragraph::new(
                &strings.get(ui_lang, msg::CLINICAL_REVIEW_NO_SOURCE),
                ui_lang,
            )
            .style(tokens.small)
            .color(tokens.muted_text),
        );
    }
    for id in cite {
        let Some(source) = topic.source(id) else {
            continue;
        };
        // Source titles stay in the language they were published in.
        ui.add(Paragraph::new(&source.title, Language::fallback()).style(tokens.small));
        let grade = crate::content::meta::grade_message(source.grade);
        let mut line = strings.get(ui_lang, grade);
        if let Some(url) = &source.url {
            line = format!("{line} {url}");
        }
        ui.add(
            Paragraph::new(&line, ui_lang)
                .style(tokens.small)
                .color(tokens.accent),
        );
    }
}

/// The sign-off form: name, role, registration number and date, and the button
/// that records the review; where it goes, and how the last one went.
fn sign_off(ui: &mut Ui, cx: &mut Context<'_>) {
    let tokens = ui.tokens();
    let (lang, strings) = (cx.lang, cx.strings);
    ui.add(Heading::new(
        &strings.get(lang, msg::CLINICAL_REVIEW_SIGN_TITLE),
        lang,
    ));
    let mut draft: SignOff = cx.sign_off.clone();
    let today = Date::today();
    if draft.date.is_empty() {
        draft.date = today.to_string();
    }
    let fields: [(&str, &mut String); 4] = [
        (msg::CLINICAL_REVIEW_NAME, &mut draft.name),
        (msg::CLINICAL_REVIEW_ROLE, &mut draft.role),
        (msg::CLINICAL_REVIEW_REGISTRATION, &mut draft.registration),
        (msg::CLINICAL_REVIEW_DATE, &mut draft.date),
    ];
    for (label, value) in fields {
        let label = strings.get(lang, label);
        ui.add(Paragraph::new(&label, lang).style(tokens.small));
        // Typed names are staff input, shown as typed, through the text engine.
        ui.add(TextField::new(value, lang, &label));
        ui.add_space(tokens.gap / 4.0);
    }
    if draft != *cx.sign_off {
        cx.commands
            .push(Command::Review(ReviewCommand::Edit(draft.clone())));
    }
    let problem = draft.problem(today);
    if let Some(problem) = problem {
        ui.add(
            Paragraph::new(&strings.get(lang, problem), lang)
                .style(tokens.small)
                .color(tokens.muted_text),
        );
    }
    match cx.review_folder {
        Some(dir) => {
            let line = strings.with_arg(
                lang,
                msg::CLINICAL_REVIEW_FOLDER,
                "path",
                dir.display().to_string(),
            );
            ui.add(
                Paragraph::new(&line, lang)
                    .style(tokens.small)
                    .color(tokens.muted_text),
            );
        }
        None => {
            ui.add(Notice::new(
                &strings.get(lang, msg::CLINICAL_REVIEW_NO_FOLDER),
                lang,
            ));
        }
    }
    let ready = problem.is_none() && cx.review_folder.is_some();
    let sign = strings.get(lang, msg::CLINICAL_REVIEW_SIGN);
    let button = Button::new(&sign, lang);
    if ui.add_enabled(ready, button).clicked() {
        cx.commands.push(Command::Review(ReviewCommand::SignOff));
    }
    if let Some(message) = cx.review_message {
        let line = match message {
            Ok(path) => strings.with_arg(lang, msg::CLINICAL_REVIEW_RECORDED, "path", path.clone()),
            Err(error) => strings.with_arg(
                lang,
                msg::CLINICAL_REVIEW_NOT_RECORDED,
                "error",
                error.clone(),
            ),
        };
        ui.add(Paragraph::new(&line, lang));
    }
}
