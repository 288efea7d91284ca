//! The handout panel on a topic page: the sections to include (all by default), the
//! paper size, and Save as PDF (staff only) and Print (in a kiosk only when its
//! config names a printer), with how the last one went.

use egui::Ui;

use super::Context;
use crate::app::handout::{Action, Status};
use crate::app::{Command, HandoutCommand};
use crate::content::SectionId;
use crate::i18n::msg;
use crate::pdf::Paper;
use crate::ui::UiExt;
use crate::ui::widgets::{Button, Notice, Paragraph};

/// Whether this page offers a handout at all.
pub fn offered(cx: &Context<'_>) -> bool {
    cx.handout_setup.can_save() || cx.handout_setup.can_print()
}

/// The "Handout" button that opens and closes the panel.
pub fn toggle(ui: &mut Ui, cx: &mut Context<'_>) {
    let label = cx.strings.get(cx.lang, msg::HANDOUT);
    let open = cx.handout.open;
    if ui
        .add(Button::new(&label, cx.lang).selected(open))
        .clicked()
    {
        cx.commands
            .push(Command::Handout(HandoutCommand::SetOpen(!open)));
    }
}

/// The panel itself, when it is open. Every choice is a command; the job it
/// starts is the app's (see `crate::app::handout`).
pub fn panel(ui: &mut Ui, cx: &mut Context<'_>) {
    if !cx.handout.open {
        return;
    }
    let tokens = ui.tokens();
    let lang = cx.lang;
    let rtl = lang.is_rtl();
    let strings = cx.strings;
    egui::Frame::new()
        .fill(tokens.surface)
        .stroke(egui::Stroke::new(1.0, tokens.button_stroke))
        .corner_radius(tokens.corner_radius)
        .inner_margin(tokens.gap)
        .show(ui, |ui| {
            let sections_title = strings.get(lang, msg::HANDOUT_SECTIONS);
            ui.add(Paragraph::new(&sections_title, lang).style(tokens.title));
            crate::ui::wrapping_row(ui, rtl, |ui| {
                for section in SectionId::ALL {
                    let label = strings.get(lang, section.string_id());
                    let on = cx.handout.sections.contains(&section);
                    // Named apart from the page's section tabs of the same words.
                    let button = Button::new(&label, lang)
                        .selected(on)
                        .accessible_label(format!("{sections_title}: {label}"));
                    if ui.add(button).clicked() {
                        cx.commands
                            .push(Command::Handout(HandoutCommand::ToggleSection(section)));
                    }
                }
            });
            ui.add_space(tokens.gap / 2.0);
            ui.add(
                Paragraph::new(&strings.get(lang, msg::HANDOUT_PAPER), lang).style(tokens.title),
            );
            crate::ui::row(ui, rtl, |ui| {
                for (paper, id) in [
                    (Paper::A4, msg::PAPER_A4),
                    (Paper::Letter, msg::PAPER_LETTER),
                ] {
                    let label = strings.get(lang, id);
                    if ui
                        .add(Button::new(&label, lang).selected(cx.handout.paper == paper))
                        .clicked()
                    {
                        cx.commands
                            .push(Command::Handout(HandoutCommand::SetPaper(paper)));
                    }
                }
            });
            ui.add_space(tokens.gap);
            let status = cx.handout_status.clone();
            // Nothing to make without a section: the buttons wait, and say why.
            let ready = !matches!(status, Status::Working(_)) && !cx.handout.sections.is_empty();
            crate::ui::row(ui, rtl, |ui| {
                let mut action = |ui: &mut Ui, id, action| {
                    let label = strings.get(lang, id);
                    if ui.add_enabled(ready, Button::new(&label, lang)).clicked() {
                        cx.commands
                            .push(Command::Handout(HandoutCommand::Start(action)));
                    }
                };
                if cx.handout_setup.can_save() {
                    action(ui, msg::HANDOUT_SAVE, Action::Save);
                }
                if cx.handout_setup.can_print() {
                    action(ui, msg::HANDOUT_PRINT, Action::Print);
                }
                let label = strings.get(lang, msg::HANDOUT_CLOSE);
                if ui.add(Button::new(&label, lang)).clicked() {
                    cx.commands
                        .push(Command::Handout(HandoutCommand::SetOpen(false)));
                }
            });
            if cx.handout.sections.is_empty() {
                let text = strings.get(lang, msg::HANDOUT_NO_SECTIONS);
                ui.add(Notice::new(&text, lang));
            }
            status_line(ui, cx, &status);
        });
    ui.add_space(tokens.gap);
}

fn status_line(ui: &mut Ui, cx: &Context<'_>, status: &Status) {
    let (lang, strings) = (cx.lang, cx.strings);
    let text = match status {
        Status::Idle | Status::Working(Action::Save) => return,
        Status::Working(Action::Print) => strings.get(lang, msg::HANDOUT_PRINTING),
        Status::Printed => strings.get(lang, msg::HANDOUT_PRINT_SENT),
        Status::NoPrinter => strings.get(lang, msg::HANDOUT_NO_PRINTER),
        Status::NoDialog => strings.get(lang, msg::HANDOUT_NO_DIALOG),
        Status::Saved(path) => {
            strings.with_arg(lang, msg::HANDOUT_SAVED, "path", path.display().to_string())
        }
        Status::Failed(error) => {
            strings.with_arg(lang, msg::HANDOUT_FAILED, "error", error.clone())
        }
    };
    match status {
        Status::NoPrinter | Status::NoDialog | Status::Failed(_) => {
            ui.add(Notice::new(&text, lang));
        }
        _ => {
            ui.add(Paragraph::new(&text, lang).color(ui.tokens().muted_text));
        }
    }
}
