//! One file per screen.

pub mod home;
pub mod kiosk;
pub mod screening;
pub mod scripts;
pub mod topic;

use egui::Ui;

use crate::command::Command;
use crate::content::{ContentError, Library};
use crate::i18n::Strings;
use crate::lang::Language;
use crate::ui::theme::Tokens;
use crate::ui::widgets::{Button, Notice, Paragraph};

/// The screens of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The list of treatments.
    Home,
    /// The open treatment's page.
    Topic,
    /// Choose the treatments to screen for.
    ScreeningPick,
    /// One screening question (or the review list once all are passed).
    ScreeningQuestion,
    /// The answers, each changeable.
    ScreeningReview,
    /// The verdict per treatment.
    ScreeningResult,
    /// Sample text in each script, for checking the text engine by eye.
    Scripts,
    /// Kiosk: "tap to start".
    Attract,
    /// Kiosk: choose a language.
    LanguageChoice,
}

/// What every screen reads, and where it leaves its commands.
pub struct Context<'a> {
    /// The patient's language, which the UI is shown in.
    pub lang: Language,
    /// The staff member's language, for the side-by-side view.
    pub staff_lang: Language,
    pub library: &'a Library,
    pub strings: &'a Strings,
    /// Problems with a clinic's content folder, shown to staff.
    pub content_errors: &'a [ContentError],
    pub commands: &'a mut Vec<Command>,
}

/// The warning listing a content folder's errors, when there are any.
fn content_errors(ui: &mut Ui, cx: &Context<'_>) {
    if cx.content_errors.is_empty() {
        return;
    }
    let title = cx.strings.get(cx.lang, "content-errors-title");
    let details: Vec<String> = cx.content_errors.iter().map(|e| e.to_string()).collect();
    ui.add(Notice::new(&title, cx.lang));
    // The messages name files, lines and fields: they are for whoever maintains
    // the folder and are shown as written, in English.
    ui.add(Notice::with_lines(
        details.iter().map(String::as_str).collect(),
        Language::English,
    ));
    ui.add_space(crate::ui::theme::Tokens::get(ui.ctx()).gap);
}

/// The staff language picker of the side-by-side views.
fn staff_language_row(ui: &mut Ui, cx: &mut Context<'_>) {
    let lang = cx.lang;
    let tokens = Tokens::get(ui.ctx());
    let prefix = cx.strings.get(lang, "staff-language");
    crate::ui::row(ui, lang.is_rtl(), |ui| {
        ui.add(Paragraph::new(&prefix, lang).color(tokens.muted_text).fit());
        for choice in Language::ALL {
            let button = Button::new(choice.native_name(), choice)
                .selected(choice == cx.staff_lang)
                .accessible_label(format!("{prefix}: {}", choice.native_name()));
            if ui.add(button).clicked() {
                cx.commands.push(Command::SetStaffLanguage(choice));
            }
        }
    });
    ui.add_space(tokens.gap / 2.0);
}

/// Draws `column` twice, side by side: in the patient's language and in the staff
/// member's, the patient's first in reading order.
fn side_by_side(ui: &mut Ui, cx: &Context<'_>, mut column: impl FnMut(&mut Ui, Language)) {
    let (patient, staff) = (cx.lang, cx.staff_lang);
    let order = if patient.is_rtl() {
        [staff, patient]
    } else {
        [patient, staff]
    };
    ui.columns(2, |columns| {
        for (ui, lang) in columns.iter_mut().zip(order) {
            column(ui, lang);
        }
    });
}
