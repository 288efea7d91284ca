//! The eframe app: owns the content, the session state and the text engine, draws
//! the current screen, and applies the frame's commands at its end.

use egui::{CentralPanel, Context, Frame, Margin, Panel, ScrollArea, Ui};

use crate::command::Command;
use crate::i18n::Strings;
use crate::lang::Language;
use crate::samples::Samples;
use crate::text::{FontOptions, TextSystem};
use crate::ui::screens::{self, Screen};
use crate::ui::theme::Tokens;
use crate::ui::widgets::{Button, Paragraph};

/// How the app starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppOptions {
    /// Also use installed system fonts, after the bundled ones.
    pub system_fonts: bool,
    /// The language shown first.
    pub language: Language,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            system_fonts: true,
            language: Language::English,
        }
    }
}

/// The whole app.
pub struct ClinicApp {
    options: AppOptions,
    /// Whether the text engine and tokens are installed on the egui context yet.
    installed: bool,
    language: Language,
    screen: Screen,
    samples: Samples,
    strings: Strings,
    commands: Vec<Command>,
}

impl ClinicApp {
    /// Loads the embedded assets. The text engine is set up on the first frame.
    pub fn new(options: AppOptions) -> anyhow::Result<Self> {
        Ok(Self {
            options,
            installed: false,
            language: options.language,
            screen: Screen::Scripts,
            samples: Samples::embedded().map_err(anyhow::Error::msg)?,
            strings: Strings::embedded()?,
            commands: Vec::new(),
        })
    }

    /// The current UI language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
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

        let lang = self.language;
        CentralPanel::default_margins()
            .frame(Frame::new().fill(tokens.background))
            .show(ui, |ui| {
                ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                    // A centred column no wider than comfortable reading allows.
                    let column = ui.available_width().min(tokens.max_text_width);
                    let side = ((ui.available_width() - column) / 2.0).max(0.0);
                    ui.horizontal_top(|ui| {
                        ui.add_space(side);
                        ui.vertical(|ui| {
                            ui.set_width(column);
                            ui.add_space(tokens.page_margin);
                            match self.screen {
                                Screen::Scripts => screens::scripts::show(
                                    ui,
                                    lang,
                                    &self.samples,
                                    &self.strings,
                                    &mut self.commands,
                                ),
                            }
                            ui.add_space(tokens.page_margin);
                        });
                    });
                });
            });

        self.apply_commands();
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
            let scripts = self.strings.get(lang, "menu-scripts");
            if ui
                .add(Button::new(&scripts, lang).selected(self.screen == Screen::Scripts))
                .clicked()
            {
                self.commands.push(Command::Show(Screen::Scripts));
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
                Command::Show(screen) => self.screen = screen,
            }
        }
    }
}

impl eframe::App for ClinicApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }
}
