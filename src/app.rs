//! The eframe app: owns the content, the session state and the text engine, draws
//! the current screen, and applies the frame's commands at its end.

use std::path::PathBuf;

use egui::{
    CentralPanel, Context, Event, Frame, Margin, Panel, Rect, ScrollArea, Ui, ViewportCommand,
    pos2, vec2,
};

use crate::command::{Command, KioskCommand};
use crate::config::{Config, Settings};
use crate::content::{self, ContentError, Library, SectionId};
use crate::i18n::Strings;
use crate::kiosk::{Idle, KioskState, Overlay, PinMessage, PinOutcome};
use crate::lang::Language;
use crate::samples::Samples;
use crate::screening::Session;
use crate::text::{FontOptions, TextSystem};
use crate::ui::screens::topic::TopicView;
use crate::ui::screens::{self, Screen};
use crate::ui::theme::Tokens;
use crate::ui::widgets::{Button, Paragraph};

/// How the app starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppOptions {
    /// Also use installed system fonts, after the bundled ones.
    pub system_fonts: bool,
    /// The language shown first.
    pub language: Language,
    /// A clinic's content folder, layered over the embedded content.
    pub content_dir: Option<PathBuf>,
    /// Run as the waiting-room kiosk with this config (which must hold a PIN hash).
    pub kiosk: Option<Config>,
    /// Where settings (window size, last staff language) persist; `None`: nowhere.
    pub settings_path: Option<PathBuf>,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            system_fonts: true,
            language: Language::English,
            content_dir: None,
            kiosk: None,
            settings_path: None,
        }
    }
}

/// The whole app.
pub struct ClinicApp {
    options: AppOptions,
    /// Whether the text engine and tokens are installed on the egui context yet.
    installed: bool,
    language: Language,
    staff_language: Language,
    screen: Screen,
    topic: Option<String>,
    section: SectionId,
    side_by_side: bool,
    /// The patient's screening answers: in memory only, never written anywhere.
    session: Session,
    library: Library,
    content_errors: Vec<ContentError>,
    samples: Samples,
    strings: Strings,
    commands: Vec<Command>,
    /// Kiosk mode's timers, gesture and PIN pad; `None` in staff mode.
    kiosk: Option<KioskState>,
    /// "Are you still there?" is showing, with this many seconds left.
    still_there: Option<u32>,
    /// The clock (egui's input time) at the current frame.
    now: f64,
    window_size: Option<[f32; 2]>,
}

impl ClinicApp {
    /// Loads the embedded assets and the clinic's content folder, if any. A folder
    /// with errors is not used: the app runs on the embedded content and lists the
    /// errors for staff. The text engine is set up on the first frame.
    pub fn new(options: AppOptions) -> anyhow::Result<Self> {
        let (mut library, content_errors) = content::load::for_app(options.content_dir.as_deref());
        let mut language = options.language;
        let mut screen = Screen::Home;
        let kiosk = match &options.kiosk {
            Some(config) => {
                anyhow::ensure!(
                    config.pin_hash.is_some(),
                    "kiosk mode needs a staff PIN: set one with `clinic-edu set-pin` (add --config FILE if you use one)"
                );
                for id in &config.topics {
                    anyhow::ensure!(
                        library.topic(id).is_some(),
                        "the config offers an unknown topic {id:?}; topics are: {}",
                        library
                            .topics()
                            .iter()
                            .map(|t| t.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
                if !config.topics.is_empty() {
                    library = library.only(&config.topics);
                }
                language = config.languages.first().copied().unwrap_or(language);
                screen = Screen::Attract;
                Some(KioskState::new(config.clone()))
            }
            None => None,
        };
        let settings = options
            .settings_path
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        anyhow::ensure!(
            !library.is_empty(),
            "no treatment content could be loaded: {}",
            content_errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        );
        Ok(Self {
            installed: false,
            language,
            staff_language: settings.staff_language,
            screen,
            topic: None,
            section: SectionId::WhatItIs,
            side_by_side: false,
            session: Session::default(),
            library,
            content_errors,
            samples: Samples::embedded().map_err(anyhow::Error::msg)?,
            strings: Strings::embedded()?,
            commands: Vec::new(),
            kiosk,
            still_there: None,
            now: 0.0,
            window_size: settings.window_size,
            options,
        })
    }

    /// Whether the app runs as the kiosk.
    pub fn is_kiosk(&self) -> bool {
        self.kiosk.is_some()
    }

    /// The kiosk's overlay (`None` when not in kiosk mode).
    pub fn kiosk_overlay(&self) -> Option<Overlay> {
        self.kiosk.as_ref().map(|k| k.overlay)
    }

    /// Seconds left on "are you still there?", when it shows.
    pub fn still_there(&self) -> Option<u32> {
        self.still_there
    }

    /// What persists between runs: never anything about the patient.
    pub fn settings(&self) -> Settings {
        Settings {
            staff_language: self.staff_language,
            window_size: self.window_size,
        }
    }

    fn save_settings(&self) {
        if let Some(path) = &self.options.settings_path
            && let Err(e) = self.settings().save(path)
        {
            // Settings are a convenience; losing them must not stop the app.
            eprintln!("clinic-edu: {e}");
        }
    }

    /// Wipes the patient's session (answers, language, screen) and shows the attract screen.
    fn wipe(&mut self) {
        self.session.clear();
        self.topic = None;
        self.section = SectionId::WhatItIs;
        self.side_by_side = false;
        self.still_there = None;
        if let Some(kiosk) = &mut self.kiosk {
            self.language = kiosk
                .config
                .languages
                .first()
                .copied()
                .unwrap_or(Language::English);
            self.screen = Screen::Attract;
            kiosk.close_overlay();
            let now = self.now;
            kiosk.idle(now).touch(now);
        } else {
            self.screen = Screen::ScreeningPick;
        }
    }

    /// Kiosk mode's per-frame work: refuse to close, notice input and the hidden
    /// corner gesture, and run the idle countdown.
    fn kiosk_frame(&mut self, ctx: &Context) {
        let now = self.now;
        let Some(kiosk) = &mut self.kiosk else { return };
        if ctx.input(|i| i.viewport().close_requested()) && !kiosk.allow_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
        let screen = ctx.content_rect();
        let corner = Rect::from_min_size(pos2(screen.min.x, screen.max.y - 90.0), vec2(90.0, 90.0));
        let (touched, corner_presses) = ctx.input(|i| {
            let touched = i.events.iter().any(|e| {
                matches!(
                    e,
                    Event::PointerButton { .. }
                        | Event::PointerMoved(_)
                        | Event::Touch { .. }
                        | Event::Key { .. }
                        | Event::Text(_)
                        | Event::MouseWheel { .. }
                )
            });
            let presses = i
                .events
                .iter()
                .filter(|e| matches!(e, Event::PointerButton { pos, pressed: true, .. } if corner.contains(*pos)))
                .count();
            (touched, presses)
        });
        if touched {
            kiosk.idle(now).touch(now);
        }
        for _ in 0..corner_presses {
            if kiosk.taps.tap(now) && kiosk.overlay == Overlay::None {
                kiosk.overlay = Overlay::PinPad;
            }
        }
        self.still_there = None;
        let mut expired = false;
        if self.screen != Screen::Attract {
            match kiosk.idle(now).state(now) {
                Idle::Active => {}
                Idle::Countdown { seconds_left } => self.still_there = Some(seconds_left),
                Idle::Expired => expired = true,
            }
        }
        let wait = if self.screen == Screen::Attract {
            screens::kiosk::CYCLE_SECONDS
        } else {
            kiosk.idle(now).next_change_in(now)
        };
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.05)));
        if expired {
            self.wipe();
        }
    }

    /// The current UI (patient) language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The staff language of the side-by-side view.
    pub fn staff_language(&self) -> Language {
        self.staff_language
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The open topic's id and section.
    pub fn open_topic(&self) -> Option<(&str, SectionId)> {
        self.topic.as_deref().map(|t| (t, self.section))
    }

    /// The screening session (treatments chosen, answers so far).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The content the app runs on.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Errors in the clinic's content folder (empty when there is none or it is fine).
    pub fn content_errors(&self) -> &[ContentError] {
        &self.content_errors
    }

    /// Puts the text engine and the design tokens on `ctx`.
    fn install(&mut self, ctx: &Context) {
        TextSystem::install(
            ctx,
            TextSystem::new(FontOptions {
                system_fonts: self.options.system_fonts,
            }),
        );
        if self.kiosk.is_some() {
            Tokens::kiosk().install(ctx);
        } else {
            Tokens::standard().install(ctx);
        }
        self.installed = true;
    }

    /// Draws one frame into `ui` (the whole window).
    pub fn show(&mut self, ui: &mut Ui) {
        if !self.installed {
            self.install(ui.ctx());
        }
        let ctx = ui.ctx().clone();
        self.now = ctx.input(|i| i.time);
        if let Some(rect) = ctx.input(|i| i.viewport().inner_rect) {
            self.window_size = Some([rect.width(), rect.height()]);
        }
        self.kiosk_frame(&ctx);
        if self.screen == Screen::Attract
            && let Some(kiosk) = &self.kiosk
        {
            let (name, languages) = (
                kiosk.config.clinic_name.clone(),
                kiosk.config.languages.clone(),
            );
            CentralPanel::default_margins()
                .frame(Frame::new())
                .show(ui, |ui| {
                    screens::kiosk::attract(
                        ui,
                        &self.strings,
                        &name,
                        &languages,
                        self.now,
                        &mut self.commands,
                    );
                });
            self.kiosk_overlays(&ctx);
            self.apply_commands(&ctx);
            return;
        }
        let tokens = Tokens::get(ui.ctx());
        let margin = Margin::symmetric(tokens.page_margin as i8, 10);
        // The language choice stands alone: its buttons are the only way on.
        if self.screen != Screen::LanguageChoice {
            Panel::top("top-bar")
                .frame(Frame::new().fill(tokens.surface).inner_margin(margin))
                .show(ui, |ui| self.top_bar(ui));
        }

        let side_by_side =
            matches!(self.screen, Screen::Topic | Screen::ScreeningResult) && self.side_by_side;
        CentralPanel::default_margins()
            .frame(Frame::new().fill(tokens.background))
            .show(ui, |ui| {
                ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                    // A centred column no wider than comfortable reading allows
                    // (two of them side by side).
                    let max = if side_by_side {
                        2.0 * tokens.max_text_width
                    } else {
                        tokens.max_text_width
                    };
                    let column = (ui.available_width() - 2.0 * tokens.page_margin)
                        .min(max)
                        .max(1.0);
                    let side = ((ui.available_width() - column) / 2.0).max(0.0);
                    ui.horizontal_top(|ui| {
                        ui.add_space(side);
                        ui.vertical(|ui| {
                            ui.set_width(column);
                            ui.add_space(tokens.page_margin);
                            self.screen_ui(ui);
                            ui.add_space(tokens.page_margin);
                        });
                    });
                });
            });

        self.kiosk_overlays(&ctx);
        self.apply_commands(&ctx);
    }

    fn kiosk_overlays(&mut self, ctx: &Context) {
        let Some(kiosk) = &self.kiosk else { return };
        let staff = self.staff_language;
        match kiosk.overlay {
            Overlay::PinPad => {
                let message =
                    match (kiosk.guard.locked(self.now), kiosk.pin_message) {
                        (Some(seconds), _) => {
                            Some(self.strings.counted(staff, "pin-locked", seconds, seconds))
                        }
                        (None, Some(PinMessage::Wrong { tries_left })) => Some(
                            self.strings
                                .counted(staff, "pin-wrong", tries_left, tries_left),
                        ),
                        _ => None,
                    };
                let entered = kiosk.pin.len();
                screens::kiosk::pin_pad(
                    ctx,
                    &self.strings,
                    staff,
                    entered,
                    message.as_deref(),
                    &mut self.commands,
                );
            }
            Overlay::StaffMenu => {
                screens::kiosk::staff_menu(ctx, &self.strings, staff, &mut self.commands)
            }
            Overlay::None => {
                if let Some(seconds) = self.still_there {
                    screens::kiosk::still_there(
                        ctx,
                        &self.strings,
                        self.language,
                        seconds,
                        &mut self.commands,
                    );
                }
            }
        }
    }

    fn screen_ui(&mut self, ui: &mut Ui) {
        let mut cx = screens::Context {
            lang: self.language,
            staff_lang: self.staff_language,
            library: &self.library,
            strings: &self.strings,
            content_errors: &self.content_errors,
            commands: &mut self.commands,
        };
        match self.screen {
            Screen::Home => screens::home::show(ui, &mut cx),
            Screen::Topic => match self.topic.as_deref().and_then(|id| self.library.topic(id)) {
                Some(topic) => {
                    let view = TopicView {
                        section: self.section,
                        side_by_side: self.side_by_side,
                    };
                    screens::topic::show(ui, &mut cx, topic, view);
                }
                None => screens::home::show(ui, &mut cx),
            },
            Screen::ScreeningPick => screens::screening::pick(ui, &mut cx, &self.session),
            Screen::ScreeningQuestion => screens::screening::question(ui, &mut cx, &self.session),
            Screen::ScreeningReview => screens::screening::review(ui, &mut cx, &self.session),
            Screen::ScreeningResult => {
                screens::screening::result(ui, &mut cx, &self.session, self.side_by_side)
            }
            Screen::Scripts => {
                screens::scripts::show(ui, self.language, &self.samples, &self.strings)
            }
            Screen::LanguageChoice | Screen::Attract => {
                let languages = self.offered_languages();
                screens::kiosk::language_choice(ui, &self.strings, &languages, &mut self.commands);
            }
        }
    }

    fn top_bar(&mut self, ui: &mut Ui) {
        let lang = self.language;
        let rtl = lang.is_rtl();
        let tokens = Tokens::get(ui.ctx());
        let kiosk = self.kiosk.is_some();
        let in_screening = matches!(
            self.screen,
            Screen::ScreeningPick
                | Screen::ScreeningQuestion
                | Screen::ScreeningReview
                | Screen::ScreeningResult
        );
        let mut menu = vec![
            (
                "menu-topics",
                Screen::Home,
                matches!(self.screen, Screen::Home | Screen::Topic),
            ),
            ("menu-screening", Screen::ScreeningPick, in_screening),
        ];
        // The Scripts page is a tool for staff; the kiosk does not offer it.
        if !kiosk {
            menu.push((
                "menu-scripts",
                Screen::Scripts,
                self.screen == Screen::Scripts,
            ));
        }
        // One row when everything fits, else the languages get a row of their own.
        let two_rows = kiosk || !self.top_bar_fits(ui, &menu);
        crate::ui::row(ui, rtl, |ui| {
            if !kiosk {
                let title = self.strings.get(lang, "app-title");
                ui.add(Paragraph::new(&title, lang).style(tokens.title).fit());
                ui.add_space(tokens.gap);
            }
            for (id, screen, selected) in menu {
                let label = self.strings.get(lang, id);
                if ui
                    .add(Button::new(&label, lang).selected(selected))
                    .clicked()
                {
                    self.commands.push(Command::Show(screen));
                }
            }
            crate::ui::row_end(ui, rtl, |ui| {
                if kiosk {
                    let finish = self.strings.get(lang, "finish");
                    if ui.add(Button::new(&finish, lang).selected(true)).clicked() {
                        self.commands.push(Command::Kiosk(KioskCommand::Finish));
                    }
                } else if !two_rows {
                    self.language_buttons(ui, &tokens);
                }
            });
        });
        if two_rows {
            ui.add_space(tokens.gap / 2.0);
            crate::ui::row_end(ui, rtl, |ui| self.language_buttons(ui, &tokens));
        }
    }

    /// Whether title, menu and languages fit on one row of the top bar.
    fn top_bar_fits(&self, ui: &Ui, menu: &[(&str, Screen, bool)]) -> bool {
        let tokens = Tokens::get(ui.ctx());
        let ppp = ui.ctx().pixels_per_point();
        let lang = self.language;
        let spacing = ui.spacing().item_spacing.x;
        let button =
            |width: f32| (width + 2.0 * tokens.button_padding.x).max(tokens.touch_target) + spacing;
        TextSystem::with(ui.ctx(), |system| {
            let mut needed = tokens.gap * 2.0;
            let title = self.strings.get(lang, "app-title");
            needed += system.layout(&title, lang, tokens.title, None, ppp).width + spacing;
            for (id, _, _) in menu {
                let label = self.strings.get(lang, id);
                needed += button(system.layout(&label, lang, tokens.button, None, ppp).width);
            }
            for choice in self.offered_languages() {
                needed += button(
                    system
                        .layout(choice.native_name(), choice, tokens.button, None, ppp)
                        .width,
                );
            }
            let label = self.strings.get(lang, "language-label");
            needed += system.layout(&label, lang, tokens.body, None, ppp).width + spacing;
            needed <= ui.available_width()
        })
    }

    /// The offered languages, each named in itself, from the far end of the row.
    fn language_buttons(&mut self, ui: &mut Ui, tokens: &Tokens) {
        let lang = self.language;
        for choice in self.offered_languages().into_iter().rev() {
            let button = Button::new(choice.native_name(), choice).selected(choice == lang);
            if ui.add(button).clicked() {
                self.commands.push(Command::SetLanguage(choice));
            }
        }
        let label = self.strings.get(lang, "language-label");
        ui.add(Paragraph::new(&label, lang).color(tokens.muted_text).fit());
    }

    /// The languages the patient may choose: the kiosk's, or all.
    fn offered_languages(&self) -> Vec<Language> {
        match &self.kiosk {
            Some(kiosk) => kiosk.config.languages.clone(),
            None => Language::ALL.to_vec(),
        }
    }

    fn apply_kiosk(&mut self, ctx: &Context, command: KioskCommand) {
        let now = self.now;
        let Some(kiosk) = &mut self.kiosk else { return };
        match command {
            KioskCommand::Start => {
                if let [only] = kiosk.config.languages.as_slice() {
                    self.language = *only;
                    self.screen = Screen::Home;
                } else {
                    self.screen = Screen::LanguageChoice;
                }
            }
            KioskCommand::ChooseLanguage(lang) => {
                self.language = lang;
                self.screen = Screen::Home;
            }
            KioskCommand::Continue => kiosk.idle(now).touch(now),
            KioskCommand::Finish => self.wipe(),
            KioskCommand::PinDigit(d) => {
                if kiosk.pin.len() < 12 {
                    kiosk.pin.push(d);
                }
            }
            KioskCommand::PinDelete => {
                kiosk.pin.pop();
            }
            KioskCommand::PinSubmit => {
                let hash = kiosk.config.pin_hash.clone().unwrap_or_default();
                let pin = std::mem::take(&mut kiosk.pin);
                match kiosk.guard.try_pin(&pin, &hash, now) {
                    PinOutcome::Accepted => {
                        kiosk.close_overlay();
                        kiosk.overlay = Overlay::StaffMenu;
                    }
                    PinOutcome::Wrong { tries_left } => {
                        kiosk.pin_message = Some(PinMessage::Wrong { tries_left })
                    }
                    PinOutcome::Locked { .. } => kiosk.pin_message = Some(PinMessage::Locked),
                }
            }
            KioskCommand::CloseOverlay => kiosk.close_overlay(),
            KioskCommand::PatientSummary => {
                kiosk.close_overlay();
                self.side_by_side = true;
                self.screen = if self.session.treatments.is_empty() {
                    Screen::ScreeningPick
                } else {
                    Screen::ScreeningResult
                };
            }
            KioskCommand::StaffMode => {
                self.kiosk = None;
                self.still_there = None;
                Tokens::standard().install(ctx);
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
                ctx.send_viewport_cmd(ViewportCommand::Decorations(true));
                if matches!(self.screen, Screen::Attract | Screen::LanguageChoice) {
                    self.screen = Screen::Home;
                }
            }
            KioskCommand::Leave => {
                kiosk.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn apply_commands(&mut self, ctx: &Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::Kiosk(command) => self.apply_kiosk(ctx, command),
                Command::SetLanguage(lang) => self.language = lang,
                Command::SetStaffLanguage(lang) => {
                    self.staff_language = lang;
                    self.save_settings();
                }
                Command::Show(screen) => self.screen = screen,
                Command::OpenTopic(id) => {
                    if self.library.topic(&id).is_some() {
                        self.topic = Some(id);
                        self.section = SectionId::WhatItIs;
                        self.screen = Screen::Topic;
                    }
                }
                Command::ShowSection(section) => self.section = section,
                Command::SetSideBySide(on) => self.side_by_side = on,
                Command::ToggleTreatment(id) => self.session.toggle(&id),
                Command::StartScreening => {
                    if !self.session.treatments.is_empty() {
                        self.session.position = 0;
                        self.screen = Screen::ScreeningQuestion;
                    }
                }
                Command::ScreenTopic(id) => {
                    self.session.clear();
                    self.session.toggle(&id);
                    self.screen = Screen::ScreeningQuestion;
                }
                Command::Answer(answer) => self.session.answer(self.library.screening(), answer),
                Command::ScreeningBack => {
                    if !self.session.back(self.library.screening()) {
                        self.screen = Screen::ScreeningPick;
                    }
                }
                Command::ChangeAnswer(index) => {
                    self.session.go_to(index);
                    self.screen = Screen::ScreeningQuestion;
                }
                Command::ReviewAnswers => {
                    self.session.review();
                    self.screen = Screen::ScreeningQuestion;
                }
                Command::ShowResult => self.screen = Screen::ScreeningResult,
                Command::FinishScreening => {
                    self.session.clear();
                    self.side_by_side = false;
                    self.screen = Screen::ScreeningPick;
                }
            }
        }
    }
}

impl eframe::App for ClinicApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self) {
        self.save_settings();
    }
}
