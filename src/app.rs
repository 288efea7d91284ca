//! The eframe app: owns the content, the session state and the text engine, draws
//! the current screen, and applies the frame's commands at its end.

use std::path::PathBuf;

use egui::{CentralPanel, Context, Frame, Margin, Panel, ScrollArea, Ui};

use crate::command::Command;
use crate::content::{self, ContentError, Library, SectionId};
use crate::i18n::Strings;
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
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            system_fonts: true,
            language: Language::English,
            content_dir: None,
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
}

impl ClinicApp {
    /// Loads the embedded assets and the clinic's content folder, if any. A folder
    /// with errors is not used: the app runs on the embedded content and lists the
    /// errors for staff. The text engine is set up on the first frame.
    pub fn new(options: AppOptions) -> anyhow::Result<Self> {
        let (library, content_errors) = content::load::for_app(options.content_dir.as_deref());
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
            language: options.language,
            staff_language: Language::English,
            screen: Screen::Home,
            topic: None,
            section: SectionId::WhatItIs,
            side_by_side: false,
            session: Session::default(),
            library,
            content_errors,
            samples: Samples::embedded().map_err(anyhow::Error::msg)?,
            strings: Strings::embedded()?,
            commands: Vec::new(),
            options,
        })
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
        Tokens::standard().install(ctx);
        self.installed = true;
    }

    /// Draws one frame into `ui` (the whole window).
    pub fn show(&mut self, ui: &mut Ui) {
        if !self.installed {
            self.install(ui.ctx());
        }
        let tokens = Tokens::get(ui.ctx());
        let margin = Margin::symmetric(tokens.page_margin as i8, 10);
        Panel::top("top-bar")
            .frame(Frame::new().fill(tokens.surface).inner_margin(margin))
            .show(ui, |ui| self.top_bar(ui));

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

        self.apply_commands();
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
        }
    }

    fn top_bar(&mut self, ui: &mut Ui) {
        let lang = self.language;
        let rtl = lang.is_rtl();
        let tokens = Tokens::get(ui.ctx());
        crate::ui::row(ui, rtl, |ui| {
            ui.add(
                Paragraph::new(&self.strings.get(lang, "app-title"), lang)
                    .style(tokens.title)
                    .fit(),
            );
            ui.add_space(tokens.gap);
            let menu = [
                (
                    "menu-topics",
                    Screen::Home,
                    matches!(self.screen, Screen::Home | Screen::Topic),
                ),
                (
                    "menu-screening",
                    Screen::ScreeningPick,
                    matches!(
                        self.screen,
                        Screen::ScreeningPick
                            | Screen::ScreeningQuestion
                            | Screen::ScreeningReview
                            | Screen::ScreeningResult
                    ),
                ),
                (
                    "menu-scripts",
                    Screen::Scripts,
                    self.screen == Screen::Scripts,
                ),
            ];
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
                // Each language is named in itself; the row runs from the far end.
                for choice in Language::ALL.into_iter().rev() {
                    let button = Button::new(choice.native_name(), choice).selected(choice == lang);
                    if ui.add(button).clicked() {
                        self.commands.push(Command::SetLanguage(choice));
                    }
                }
                ui.add(
                    Paragraph::new(&self.strings.get(lang, "language-label"), lang)
                        .color(tokens.muted_text)
                        .fit(),
                );
            });
        });
    }

    fn apply_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::SetLanguage(lang) => self.language = lang,
                Command::SetStaffLanguage(lang) => self.staff_language = lang,
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
}
