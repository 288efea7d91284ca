//! Kiosk screens: the attract screen ("tap to start", cycling through the offered
//! languages), the language choice, and the overlays: "are you still there?", the
//! staff PIN pad and the staff menu. Overlays for staff are in the staff language.

use crate::ui::UiExt;
use egui::{Context as EguiContext, Id, Modal, Role, Sense, Ui, WidgetInfo, vec2};

use crate::app::command::{Command, KioskCommand};
use crate::i18n::{Strings, localize_digits, msg};
use crate::kiosk::{KioskState, Overlay, PinStatus};
use crate::lang::Language;
use crate::theme::Tokens;
use crate::ui::widgets::{Button, Heading, Paragraph, speak_in};

/// Seconds each language's "tap to start" stays on the attract screen.
pub const CYCLE_SECONDS: f64 = 3.0;

/// Seconds until the attract screen next changes language.
pub fn until_next_language(now: f64) -> f64 {
    CYCLE_SECONDS - now.rem_euclid(CYCLE_SECONDS)
}

/// What the kiosk overlays need to know.
pub struct Overlays<'a> {
    pub kiosk: &'a KioskState,
    pub strings: &'a Strings,
    /// The patient's language ("are you still there?").
    pub patient: Language,
    /// The staff language (PIN pad and staff menu).
    pub staff: Language,
    pub now: f64,
    /// The updater's state, when the config names a repository.
    pub updates: Option<&'a crate::update::state::State>,
}

/// The overlay kiosk mode has open, if any: the staff PIN pad or menu (in the
/// staff language), or "are you still there?" (in the patient's).
pub fn overlays(ctx: &EguiContext, o: &Overlays<'_>, commands: &mut Vec<Command>) {
    let (kiosk, strings, staff) = (o.kiosk, o.strings, o.staff);
    match kiosk.overlay() {
        Overlay::PinPad => {
            let message = kiosk.pin_status(o.now).map(|status| match status {
                PinStatus::Locked { seconds } => {
                    strings.counted(staff, msg::PIN_LOCKED, seconds, seconds)
                }
                PinStatus::Wrong { tries_left } => {
                    strings.counted(staff, msg::PIN_WRONG, tries_left, tries_left)
                }
            });
            let entered = kiosk.entered_digits();
            pin_pad(ctx, strings, staff, entered, message.as_deref(), commands);
        }
        Overlay::StaffMenu => staff_menu(ctx, strings, staff, o.updates, commands),
        Overlay::None => {
            if let Some(seconds) = kiosk.countdown() {
                still_there(ctx, strings, o.patient, seconds, commands);
            }
        }
    }
}

/// The language the attract screen shows at `now`.
pub fn attract_language(languages: &[Language], now: f64) -> Language {
    let i = (now / CYCLE_SECONDS).floor().max(0.0) as usize % languages.len().max(1);
    languages.get(i).copied().unwrap_or(Language::fallback())
}

/// The whole screen is one big button.
pub fn attract(
    ui: &mut Ui,
    strings: &Strings,
    clinic_name: &str,
    languages: &[Language],
    now: f64,
    commands: &mut Vec<Command>,
) {
    let tokens = ui.tokens();
    let lang = attract_language(languages, now);
    let label = strings.get(lang, msg::TAP_TO_START);
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click());
    let ppp = ui.ctx().pixels_per_point();
    let painter = ui.painter();
    // The native window is cleared to this colour already (src/main.rs).
    if crate::theme::window_clear(ui.ctx()) != Some(tokens.accent) {
        painter.rect_filled(rect, 0.0, tokens.accent);
    }
    {
        let engine = ui.text_engine();
        let system = &mut *engine.lock();
        let mut big = crate::text::TextStyle::bold(tokens.heading.size * 1.6);
        let max = rect.width() * 0.8;
        // On a narrow (portrait) screen the call shrinks to stay on one line, down
        // to 60 % of its size; only past that does it wrap.
        let natural = system.layout(&label, lang, big, None, ppp).width;
        if natural > max {
            big.size = (big.size * max / natural).max(big.size * 0.6).floor();
        }
        let name = system.layout_fit(clinic_name, Language::fallback(), tokens.title, max, ppp);
        let main = system.layout_fit(&label, lang, big, max, ppp);
        let center = rect.center();
        let name_at = center
            - vec2(
                name.width / 2.0,
                main.height / 2.0 + name.height + tokens.gap,
            );
        system.paint(
            painter,
            name_at,
            &name,
            tokens.on_accent.gamma_multiply(0.8),
        );
        system.paint(painter, center - main.size() / 2.0, &main, tokens.on_accent);
        // The clinic's name is text of its own for screen readers, in the language
        // it is laid out in; it takes no input, so a tap on it is the button's.
        let name_rect = egui::Rect::from_min_size(name_at, name.size());
        let name_response =
            ui.interact(name_rect, Id::unique("attract-clinic-name"), Sense::hover());
        name_response.widget_info(|| WidgetInfo::labeled(Role::Label, true, clinic_name));
        speak_in(ui.ctx(), name_response.id, Language::fallback());
    };
    let enabled = ui.is_enabled();
    response.widget_info(|| WidgetInfo::labeled(Role::Button, enabled, &label));
    speak_in(ui.ctx(), response.id, lang);
    if response.clicked() {
        commands.push(Command::Kiosk(KioskCommand::Start));
    }
}

/// Each offered language, named in itself, as a big button. Read aloud (where the
/// clips are), "Choose your language" is said in each language in turn, and the
/// line and the button of the language being spoken are highlighted.
pub fn language_choice(ui: &mut Ui, cx: &mut super::Context<'_>) {
    let tokens = ui.tokens();
    let languages = cx.languages;
    let texts = languages
        .iter()
        .map(|&lang| (lang, crate::content::narration::ui_id(msg::CHOOSE_LANGUAGE)))
        .collect();
    let spoken = super::listen::controls_for(ui, cx, texts).and_then(|at| languages.get(at));
    // Each language's own line, centred, so none looks like the main one.
    ui.vertical_centered(|ui| {
        for lang in languages {
            let text = cx.strings.get(*lang, msg::CHOOSE_LANGUAGE);
            let line = Paragraph::new(&text, *lang)
                .style(tokens.title)
                .color(tokens.muted_text)
                .fit();
            super::listen::text(ui, line, spoken == Some(lang));
        }
    });
    ui.add_space(tokens.gap);
    let width = ui.available_width();
    for lang in languages {
        let button = Button::new(lang.native_name(), *lang)
            .highlighted(spoken == Some(lang))
            .min_size(vec2(width, tokens.touch_target * 1.4));
        if ui.add(button).clicked() {
            cx.commands
                .push(Command::Kiosk(KioskCommand::ChooseLanguage(*lang)));
        }
        ui.add_space(tokens.gap / 2.0);
    }
}

fn modal_frame(tokens: &Tokens) -> egui::Frame {
    egui::Frame::new()
        .fill(tokens.surface)
        .corner_radius(tokens.corner_radius)
        .inner_margin(tokens.gap * 1.5)
}

/// "Are you still there?" with the seconds left; any touch keeps the session.
pub fn still_there(
    ctx: &EguiContext,
    strings: &Strings,
    lang: Language,
    seconds_left: u32,
    commands: &mut Vec<Command>,
) {
    let tokens = ctx.tokens();
    Modal::new(Id::unique("still-there"))
        .frame(modal_frame(&tokens))
        .backdrop_color(tokens.notice_backdrop)
        .show(ctx, |ui| {
            ui.set_width(560.0_f32.min(ctx.content_rect().width() * 0.8));
            ui.add(Heading::new(
                &strings.get(lang, msg::STILL_THERE_TITLE),
                lang,
            ));
            ui.add(Paragraph::new(
                &strings.counted(lang, msg::STILL_THERE_BODY, seconds_left, seconds_left),
                lang,
            ));
            ui.add_space(tokens.gap);
            let width = ui.available_width();
            let label = strings.get(lang, msg::CONTINUE);
            let button = Button::new(&label, lang)
                .selected(true)
                .min_size(vec2(width, tokens.touch_target));
            if ui.add(button).clicked() {
                commands.push(Command::Kiosk(KioskCommand::Continue));
            }
        });
}

/// The staff PIN pad: digits, delete, OK, cancel; the PIN shows as dots.
pub fn pin_pad(
    ctx: &EguiContext,
    strings: &Strings,
    lang: Language,
    entered: usize,
    message: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let tokens = ctx.tokens();
    Modal::new(Id::unique("pin-pad"))
        .frame(modal_frame(&tokens))
        .backdrop_color(tokens.staff_backdrop)
        .show(ctx, |ui| {
            ui.set_width(3.0 * (tokens.touch_target * 1.4) + 2.0 * tokens.gap);
            ui.add(Heading::new(&strings.get(lang, msg::PIN_TITLE), lang));
            let dots = "•".repeat(entered);
            ui.add(
                Paragraph::new(
                    if dots.is_empty() { " " } else { &dots },
                    Language::fallback(),
                )
                .style(tokens.heading),
            );
            if let Some(message) = message {
                ui.add(Paragraph::new(message, lang).color(tokens.danger_text));
            }
            ui.add_space(tokens.gap / 2.0);
            let key = vec2(tokens.touch_target * 1.4, tokens.touch_target);
            for row in [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]] {
                ui.horizontal(|ui| {
                    for digit in row {
                        if ui
                            .add(Button::new(digit, Language::fallback()).min_size(key))
                            .clicked()
                        {
                            commands.push(Command::Kiosk(KioskCommand::PinDigit(
                                digit.chars().next().unwrap_or('0'),
                            )));
                        }
                    }
                });
            }
            ui.horizontal(|ui| {
                if ui
                    .add(Button::new(&strings.get(lang, msg::PIN_DELETE), lang).min_size(key))
                    .clicked()
                {
                    commands.push(Command::Kiosk(KioskCommand::PinDelete));
                }
                if ui
                    .add(Button::new("0", Language::fallback()).min_size(key))
                    .clicked()
                {
                    commands.push(Command::Kiosk(KioskCommand::PinDigit('0')));
                }
                if ui
                    .add(
                        Button::new(&strings.get(lang, msg::PIN_OK), lang)
                            .selected(true)
                            .min_size(key),
                    )
                    .clicked()
                {
                    commands.push(Command::Kiosk(KioskCommand::PinSubmit));
                }
            });
            ui.add_space(tokens.gap / 2.0);
            if ui
                .add(Button::new(&strings.get(lang, msg::PIN_CANCEL), lang))
                .clicked()
            {
                commands.push(Command::Kiosk(KioskCommand::CloseOverlay));
            }
        });
}

/// What staff can do once unlocked.
pub fn staff_menu(
    ctx: &EguiContext,
    strings: &Strings,
    lang: Language,
    updates: Option<&crate::update::state::State>,
    commands: &mut Vec<Command>,
) {
    let tokens = ctx.tokens();
    Modal::new(Id::unique("staff-menu"))
        .frame(modal_frame(&tokens))
        .backdrop_color(tokens.staff_backdrop)
        .show(ctx, |ui| {
            ui.set_width(520.0_f32.min(ctx.content_rect().width() * 0.8));
            ui.add(Heading::new(
                &strings.get(lang, msg::STAFF_MENU_TITLE),
                lang,
            ));
            ui.add_space(tokens.gap / 2.0);
            let width = ui.available_width();
            let items = [
                (msg::PATIENT_SUMMARY, KioskCommand::PatientSummary),
                (msg::STAFF_MODE, KioskCommand::StaffMode),
                (msg::LEAVE_KIOSK, KioskCommand::Leave),
                (msg::PIN_CANCEL, KioskCommand::CloseOverlay),
            ];
            for (id, command) in items {
                let label = strings.get(lang, id);
                let button = Button::new(&label, lang).min_size(vec2(width, tokens.touch_target));
                if ui.add(button).clicked() {
                    commands.push(Command::Kiosk(command));
                }
                ui.add_space(tokens.gap / 3.0);
            }
            if let Some(state) = updates {
                for line in update_status(strings, lang, state) {
                    ui.add(Paragraph::new(&line.0, line.1).color(tokens.muted_text));
                }
            }
        });
}

/// The updater's state in words, each line with its language: the installed
/// content, the last good check, and the last error (as the updater wrote it, in
/// English, like content errors).
fn update_status(
    strings: &Strings,
    lang: Language,
    state: &crate::update::state::State,
) -> Vec<(String, Language)> {
    let mut args = fluent_bundle::FluentArgs::new();
    let installed = match &state.installed {
        Some(bundle) => {
            args.set(
                "version",
                localize_digits(lang, &bundle.content_version.to_string()),
            );
            args.set("channel", bundle.channel.clone());
            let date = bundle.review_by.as_deref().unwrap_or("-");
            args.set("date", localize_digits(lang, date));
            strings.format(lang, msg::UPDATE_INSTALLED, Some(&args))
        }
        None => strings.get(lang, msg::UPDATE_BUILTIN),
    };
    let checked = match &state.last_good_check {
        Some(time) => {
            args.set("time", localize_digits(lang, time));
            strings.format(lang, msg::UPDATE_CHECKED, Some(&args))
        }
        None => strings.get(lang, msg::UPDATE_NEVER_CHECKED),
    };
    let mut lines = vec![(installed, lang), (checked, lang)];
    if let Some(error) = &state.last_error {
        let label = strings.get(lang, msg::UPDATE_LAST_ERROR);
        lines.push((label, lang));
        lines.push((error.clone(), Language::fallback()));
    }
    lines
}
