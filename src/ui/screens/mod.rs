//! One file per screen, and [`show`], which draws the one the route names.

pub mod compare;
pub mod handout;
pub mod home;
pub mod kiosk;
pub mod listen;
pub mod review;
pub mod screening;
pub mod scripts;
pub mod topic;

use crate::i18n::msg;
use crate::ui::UiExt;
use egui::{CentralPanel, Frame, Margin, Panel, ScrollArea, Ui};

use crate::app::command::Command;
use crate::app::state::{AppState, Route, ScreeningStep};
use crate::content::{ContentError, Library};
use crate::i18n::Strings;
use crate::lang::Language;
use crate::samples::Samples;
use crate::ui::top_bar::TopBar;
use crate::ui::widgets::{Button, Notice, Paragraph};

/// What every screen reads, and where it leaves its commands.
pub struct Context<'a> {
    /// The patient's language, which the UI is shown in.
    pub lang: Language,
    /// The staff member's language, for the side-by-side view.
    pub staff_lang: Language,
    pub library: &'a Library,
    pub strings: &'a Strings,
    /// The languages the patient may choose.
    pub languages: &'a [Language],
    /// Problems with a clinic's content folder, shown to staff.
    pub content_errors: &'a [ContentError],
    pub commands: &'a mut Vec<Command>,
    /// The topic page's handout panel, how its last job went, and where handouts
    /// may go.
    pub handout: &'a crate::app::HandoutChoice,
    pub handout_status: crate::app::handout::Status,
    pub handout_setup: &'a crate::app::handout::HandoutSetup,
    /// How many months a clinician's review stands.
    pub review_months: u32,
    /// The day reviews are judged on: today, or the latest day the updater has
    /// seen when that is later (a clock wound back does not bring a review back).
    pub today: crate::content::review::Date,
    /// A staff app (not a kiosk): the clinical review is offered.
    pub staff: bool,
    /// The updater has installed new content, not yet shown (staff only).
    pub content_ready: bool,
    /// Where a sign-off is recorded, and how the last one went.
    pub review_folder: Option<&'a std::path::Path>,
    pub review_message: Option<&'a Result<String, String>>,
    /// The sign-off form as typed.
    pub sign_off: &'a crate::content::review::SignOff,
    /// Reading aloud.
    pub speech: listen::SpeechView<'a>,
}

/// What can be said of `topic`'s clinical review in `lang`, in `lang`: who
/// reviewed it and when, or that it changed since, is overdue or was never reviewed.
pub fn review_line(cx: &Context<'_>, topic: &crate::content::Topic, lang: Language) -> String {
    review_state(cx, topic, lang).0
}

/// [`review_line`], and whether the review stands (for its colour).
pub fn review_state(
    cx: &Context<'_>,
    topic: &crate::content::Topic,
    lang: Language,
) -> (String, bool) {
    use crate::content::review::ReviewStatus;
    let status = cx
        .library
        .review_status(topic, lang, cx.today, cx.review_months);
    let line = crate::content::meta::review_line(cx.strings, lang, &status);
    (line, matches!(status, ReviewStatus::Reviewed { .. }))
}

/// Whether the clinician's review of `topic` in `lang` has run out (its
/// review-by date is past).
pub fn review_overdue(cx: &Context<'_>, topic: &crate::content::Topic, lang: Language) -> bool {
    use crate::content::review::ReviewStatus;
    matches!(
        cx.library
            .review_status(topic, lang, cx.today, cx.review_months),
        ReviewStatus::Overdue { .. }
    )
}

/// The banner saying the updater has new content ready, with the button that
/// shows it (staff; a kiosk swaps it in at its attract screen).
fn content_ready(ui: &mut Ui, cx: &mut Context<'_>) {
    if !cx.content_ready {
        return;
    }
    let (lang, strings) = (cx.lang, cx.strings);
    ui.add(Notice::new(&strings.get(lang, msg::CONTENT_READY), lang));
    crate::ui::row(ui, lang.is_rtl(), |ui| {
        let label = strings.get(lang, msg::CONTENT_READY_USE);
        if ui.add(Button::new(&label, lang)).clicked() {
            cx.commands.push(Command::UseNewContent);
        }
    });
    ui.add_space(ui.tokens().gap);
}

/// The banner for staff naming the topics whose clinician's review has run out in
/// the language shown: the kiosk shows the neutral "being updated" screen in their
/// place until a clinician reviews them again.
fn reviews_overdue(ui: &mut Ui, cx: &Context<'_>) {
    if !cx.staff {
        return;
    }
    let titles: Vec<&str> = cx
        .library
        .topics()
        .iter()
        .filter(|topic| review_overdue(cx, topic, cx.lang))
        .map(|topic| topic.text(cx.lang).title.as_str())
        .collect();
    if titles.is_empty() {
        return;
    }
    ui.add(Notice::new(
        &cx.strings.get(cx.lang, msg::REVIEWS_OVERDUE),
        cx.lang,
    ));
    ui.add(Notice::with_lines(titles, cx.lang));
    ui.add_space(ui.tokens().gap);
}

/// The warning listing a content folder's errors, when there are any.
fn content_errors(ui: &mut Ui, cx: &Context<'_>) {
    if cx.content_errors.is_empty() {
        return;
    }
    let title = cx.strings.get(cx.lang, msg::CONTENT_ERRORS_TITLE);
    let details: Vec<String> = cx.content_errors.iter().map(|e| e.to_string()).collect();
    ui.add(Notice::new(&title, cx.lang));
    // The messages name files, lines and fields: they are for whoever maintains
    // the folder and are shown as written, in English.
    ui.add(Notice::with_lines(
        details.iter().map(String::as_str).collect(),
        Language::fallback(),
    ));
    ui.add_space(ui.tokens().gap);
}

/// The staff language picker of the side-by-side views. For screen readers the
/// row is a group named by its visible prefix (in the UI language), and each button
/// by its language's name alone, in that language: one label, one language each.
fn staff_language_row(ui: &mut Ui, cx: &mut Context<'_>) {
    let lang = cx.lang;
    let tokens = ui.tokens();
    let prefix = cx.strings.get(lang, msg::STAFF_LANGUAGE);
    let group = egui::UiBuilder::new().accessibility_role(egui::accesskit::Role::Group);
    ui.scope_builder(group, |ui| {
        let group_id = ui.unique_id();
        crate::ui::row(ui, lang.is_rtl(), |ui| {
            let name = ui.add(Paragraph::new(&prefix, lang).color(tokens.muted_text).fit());
            ui.ctx().accesskit_node_builder(group_id, |node| {
                node.push_labelled_by(name.id.accesskit_id());
            });
            crate::ui::widgets::speak_in(ui.ctx(), group_id, lang);
            for choice in cx.library.languages() {
                let button =
                    Button::new(choice.native_name(), choice).selected(choice == cx.staff_lang);
                if ui.add(button).clicked() {
                    cx.commands.push(Command::SetStaffLanguage(choice));
                }
            }
        });
    });
    ui.add_space(tokens.gap / 2.0);
}

/// The button that puts the screen side by side with the staff language, or back.
fn side_by_side_toggle(ui: &mut Ui, cx: &mut Context<'_>, on: bool) {
    let (label, next) = if on {
        (msg::SINGLE_VIEW, false)
    } else {
        (msg::SIDE_BY_SIDE, true)
    };
    if ui
        .add(Button::new(&cx.strings.get(cx.lang, label), cx.lang))
        .clicked()
    {
        cx.commands.push(Command::SetSideBySide(next));
    }
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

/// Draws the screen `state.route` names (everything below the top bar).
pub fn show(ui: &mut Ui, cx: &mut Context<'_>, state: &AppState, samples: &Samples) {
    content_ready(ui, cx);
    if state.route == Route::Home {
        reviews_overdue(ui, cx);
    }
    let session = &state.session;
    match &state.route {
        Route::Home => home::show(ui, cx),
        Route::Topic { id, section } => match cx.library.topic(id) {
            Some(topic) => {
                let view = topic::TopicView {
                    section: *section,
                    side_by_side: state.side_by_side,
                };
                topic::show(ui, cx, topic, view);
            }
            None => home::show(ui, cx),
        },
        Route::Screening(ScreeningStep::Pick) => screening::pick(ui, cx, session),
        Route::Screening(ScreeningStep::Questions) => screening::question(ui, cx, session),
        Route::Screening(ScreeningStep::Result) => {
            screening::result(ui, cx, session, state.side_by_side)
        }
        Route::Scripts => scripts::show(ui, state.language, samples, cx.strings),
        Route::Compare => compare::show(ui, cx, &state.compared, state.side_by_side),
        Route::ClinicalReview { topic, lang } => match cx.library.topic(topic) {
            Some(topic) => review::show(ui, cx, topic, *lang),
            None => home::show(ui, cx),
        },
        Route::LanguageChoice | Route::Attract => kiosk::language_choice(ui, cx),
    }
}

/// The whole window below the title bar: the top bar, if any, and the screen in a
/// centred column no wider than comfortable reading allows (two of them side by
/// side), scrolling.
pub fn page(
    ui: &mut Ui,
    bar: Option<&TopBar<'_>>,
    cx: &mut Context<'_>,
    state: &AppState,
    samples: &Samples,
) {
    let tokens = ui.tokens();
    if let Some(bar) = bar {
        let margin = Margin::symmetric(tokens.page_margin as i8, 10);
        Panel::top("top-bar")
            .frame(Frame::new().fill(tokens.surface).inner_margin(margin))
            .show(ui, |ui| bar.show(ui, cx.commands));
    }
    let max = if state.shows_side_by_side() {
        2.0 * tokens.max_text_width
    } else {
        tokens.max_text_width
    };
    // The panel's fill is the background colour, or nothing when the window is
    // cleared to it (`Tokens::install`): under software rendering, filling the
    // whole window again costs as much as the rest of the frame.
    CentralPanel::default_margins()
        .frame(Frame::new().fill(ui.visuals().panel_fill))
        .show(ui, |ui| {
            // Each screen scrolls on its own: a new screen opens at its top, not at
            // the offset the last one was left at.
            let scroll = ScrollArea::vertical()
                .id_salt(format!("{:?}", state.route))
                .auto_shrink(false);
            scroll.show(ui, |ui| {
                let column = (ui.available_width() - 2.0 * tokens.page_margin)
                    .min(max)
                    .max(1.0);
                let side = ((ui.available_width() - column) / 2.0).max(0.0);
                ui.horizontal_top(|ui| {
                    ui.add_space(side);
                    ui.vertical(|ui| {
                        ui.set_width(column);
                        ui.add_space(tokens.page_margin);
                        show(ui, cx, state, samples);
                        ui.add_space(tokens.page_margin);
                    });
                });
            });
        });
}
