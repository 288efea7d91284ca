//! The Compare screen: two or three treatments in columns, one row per question a
//! patient asks. The number rows come from each topic's timeline (the same numbers
//! the timeline draws), the word rows from its `compare` cells; every cell cites
//! its sources as the pages do. Right-to-left languages mirror the columns.

use egui::{Align, Layout, Ui, vec2};

use super::Context;
use crate::app::command::Command;
use crate::app::state::MAX_COMPARED;
use crate::content::cite::cited;
use crate::content::model::{Item, Step, Topic};
use crate::i18n::msg;
use crate::lang::Language;
use crate::theme::timeline::step_text;
use crate::ui::UiExt;
use crate::ui::widgets::{Button, Heading, Paragraph};

/// The rows, in order: their label and how a topic fills the cell.
enum Row {
    Words(
        &'static str,
        fn(&crate::content::model::CompareRows) -> &Item,
    ),
    Number(&'static str, Step),
}

const ROWS: [Row; 11] = [
    Row::Words(msg::COMPARE_WHAT_IT_IS, |c| &c.what_it_is),
    Row::Number(msg::COMPARE_SESSIONS, Step::Sessions),
    Row::Number(msg::COMPARE_INTERVAL, Step::Interval),
    Row::Number(msg::COMPARE_RESULTS, Step::ResultsVisible),
    Row::Number(msg::COMPARE_LASTS, Step::Lasts),
    Row::Number(msg::COMPARE_DOWNTIME, Step::Downtime),
    Row::Words(msg::COMPARE_COMMON, |c| &c.common_side_effects),
    Row::Words(msg::COMPARE_SERIOUS, |c| &c.serious_risks),
    Row::Words(msg::COMPARE_REGULATORY, |c| &c.regulatory_status),
    Row::Words(msg::COMPARE_EVIDENCE, |c| &c.evidence),
    Row::Words(msg::COMPARE_WHO_SHOULD_NOT, |c| &c.who_should_not),
];

pub fn show(ui: &mut Ui, cx: &mut Context<'_>, compared: &[String], side_by_side: bool) {
    let tokens = ui.tokens();
    let (lang, strings) = (cx.lang, cx.strings);
    let rtl = lang.is_rtl();
    ui.add(Heading::new(&strings.get(lang, msg::COMPARE_TITLE), lang));
    ui.add(Paragraph::new(&strings.get(lang, msg::COMPARE_PICK), lang).color(tokens.muted_text));
    crate::ui::wrapping_row(ui, rtl, |ui| {
        for topic in cx.library.topics() {
            let title = &topic.text(lang).title;
            let on = compared.contains(&topic.id);
            let full = compared.len() >= MAX_COMPARED && !on;
            let label = strings.with_arg(lang, msg::COMPARE_CHOOSE, "treatment", title.clone());
            let button = Button::new(title, lang)
                .selected(on)
                .accessible_label(label);
            if ui.add_enabled(!full, button).clicked() {
                cx.commands.push(Command::ToggleCompared(topic.id.clone()));
            }
        }
    });
    ui.add_space(tokens.gap);
    let topics: Vec<&Topic> = compared
        .iter()
        .filter_map(|id| cx.library.topic(id))
        .collect();
    if topics.len() < 2 {
        return;
    }
    crate::ui::row(ui, rtl, |ui| {
        super::side_by_side_toggle(ui, cx, side_by_side)
    });
    ui.add_space(tokens.gap / 2.0);
    if side_by_side {
        super::staff_language_row(ui, cx);
        super::side_by_side(ui, cx, |ui, column_lang| grid(ui, cx, &topics, column_lang));
    } else {
        grid(ui, cx, &topics, lang);
    }
}

/// The table in `lang`: a label column, then one column per topic, in reading order.
fn grid(ui: &mut Ui, cx: &Context<'_>, topics: &[&Topic], lang: Language) {
    let tokens = ui.tokens();
    let strings = cx.strings;
    let rtl = lang.is_rtl();
    let gap = tokens.gap;
    let width = ui.available_width();
    let label_width = (width * 0.22).max(80.0);
    let column = ((width - label_width) / topics.len() as f32 - gap).max(60.0);
    let cells = |ui: &mut Ui, label: &str, texts: &[String], bold: bool| {
        let layout = if rtl {
            Layout::right_to_left(Align::Min)
        } else {
            Layout::left_to_right(Align::Min)
        };
        ui.with_layout(layout, |ui| {
            let cell = |ui: &mut Ui, w: f32, text: &str, style| {
                ui.allocate_ui_with_layout(
                    vec2(w, 0.0),
                    Layout::top_down(if rtl { Align::Max } else { Align::Min }),
                    |ui| {
                        ui.set_width(w);
                        ui.add(Paragraph::new(text, lang).style(style));
                    },
                );
            };
            cell(ui, label_width - gap, label, tokens.title);
            for text in texts {
                cell(
                    ui,
                    column,
                    text,
                    if bold { tokens.title } else { tokens.body },
                );
            }
        });
        ui.add_space(gap / 2.0);
        ui.separator();
    };
    let titles: Vec<String> = topics.iter().map(|t| t.text(lang).title.clone()).collect();
    cells(ui, "", &titles, true);
    let reviews: Vec<String> = topics
        .iter()
        .map(|t| super::review_line(cx, t, lang))
        .collect();
    cells(ui, &strings.get(lang, msg::COMPARE_REVIEW), &reviews, false);
    for row in &ROWS {
        let (id, texts) = match row {
            Row::Words(id, cell) => {
                let texts = topics
                    .iter()
                    .map(|t| {
                        let item = cell(&t.text(lang).compare);
                        cited(t, lang, &item.text, &item.cite)
                    })
                    .collect::<Vec<_>>();
                (*id, texts)
            }
            Row::Number(id, step) => {
                let texts = topics
                    .iter()
                    .map(|t| match t.timeline.iter().find(|s| s.step == *step) {
                        Some(s) => cited(t, lang, &step_text(strings, lang, s), &s.cite),
                        None => strings.get(lang, msg::COMPARE_NO_FIGURE),
                    })
                    .collect::<Vec<_>>();
                (*id, texts)
            }
        };
        cells(ui, &strings.get(lang, id), &texts, false);
    }
}
