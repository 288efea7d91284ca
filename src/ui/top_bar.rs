//! The bar across the top: the app's title (not in the kiosk), the main menu, and
//! the language buttons, or in the kiosk the "Finish" button. When title, menu and
//! languages do not fit on one row, the languages get a row of their own.

use egui::Ui;

use crate::app::command::{Command, KioskCommand};
use crate::app::state::{Route, ScreeningStep};
use crate::i18n::{Strings, msg};
use crate::lang::Language;
use crate::theme::Tokens;
use crate::ui::widgets::{Button, Paragraph};
use crate::ui::{UiExt, row, row_end};

/// What the bar shows.
pub struct TopBar<'a> {
    pub lang: Language,
    pub route: &'a Route,
    pub kiosk: bool,
    /// The languages the patient may choose.
    pub languages: &'a [Language],
    pub strings: &'a Strings,
}

/// One menu entry: its message, where it goes, and whether it is the current one.
type Entry = (&'static str, Route, bool);

impl TopBar<'_> {
    fn menu(&self) -> Vec<Entry> {
        let mut menu = vec![
            (
                msg::MENU_TOPICS,
                Route::Home,
                matches!(self.route, Route::Home | Route::Topic { .. }),
            ),
            (
                msg::MENU_SCREENING,
                Route::Screening(ScreeningStep::Pick),
                matches!(self.route, Route::Screening(_)),
            ),
        ];
        menu.push((
            msg::MENU_COMPARE,
            Route::Compare,
            *self.route == Route::Compare,
        ));
        // The Scripts page is a tool for staff; the kiosk does not offer it.
        if !self.kiosk {
            menu.push((
                msg::MENU_SCRIPTS,
                Route::Scripts,
                *self.route == Route::Scripts,
            ));
        }
        menu
    }

    pub fn show(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let lang = self.lang;
        let rtl = lang.is_rtl();
        let tokens = ui.tokens();
        let menu = self.menu();
        let two_rows = self.kiosk || !self.fits(ui, &menu);
        row(ui, rtl, |ui| {
            if !self.kiosk {
                let title = self.strings.get(lang, msg::APP_TITLE);
                ui.add(Paragraph::new(&title, lang).style(tokens.title).fit());
                ui.add_space(tokens.gap);
            }
            for (id, route, selected) in menu {
                let label = self.strings.get(lang, id);
                if ui
                    .add(Button::new(&label, lang).selected(selected))
                    .clicked()
                {
                    commands.push(Command::Go(route));
                }
            }
            row_end(ui, rtl, |ui| {
                if self.kiosk {
                    let finish = self.strings.get(lang, msg::FINISH);
                    if ui.add(Button::new(&finish, lang).selected(true)).clicked() {
                        commands.push(Command::Kiosk(KioskCommand::Finish));
                    }
                } else if !two_rows {
                    self.language_buttons(ui, &tokens, commands);
                }
            });
        });
        if two_rows {
            ui.add_space(tokens.gap / 2.0);
            row_end(ui, rtl, |ui| self.language_buttons(ui, &tokens, commands));
        }
    }

    /// Whether title, menu and languages fit on one row.
    fn fits(&self, ui: &Ui, menu: &[Entry]) -> bool {
        let tokens = ui.tokens();
        let ppp = ui.ctx().pixels_per_point();
        let lang = self.lang;
        let spacing = ui.spacing().item_spacing.x;
        let button =
            |width: f32| (width + 2.0 * tokens.button_padding.x).max(tokens.touch_target) + spacing;
        let engine = ui.text_engine();
        let mut system = engine.lock();
        let mut needed = tokens.gap * 2.0;
        let title = self.strings.get(lang, msg::APP_TITLE);
        needed += system.layout(&title, lang, tokens.title, None, ppp).width + spacing;
        for (id, _, _) in menu {
            let label = self.strings.get(lang, id);
            needed += button(system.layout(&label, lang, tokens.button, None, ppp).width);
        }
        for &choice in self.languages {
            needed += button(
                system
                    .layout(choice.native_name(), choice, tokens.button, None, ppp)
                    .width,
            );
        }
        let label = self.strings.get(lang, msg::LANGUAGE_LABEL);
        needed += system.layout(&label, lang, tokens.body, None, ppp).width + spacing;
        needed <= ui.available_width()
    }

    /// The offered languages, each named in itself, from the far end of the row.
    fn language_buttons(&self, ui: &mut Ui, tokens: &Tokens, commands: &mut Vec<Command>) {
        let lang = self.lang;
        for &choice in self.languages.iter().rev() {
            let button = Button::new(choice.native_name(), choice).selected(choice == lang);
            if ui.add(button).clicked() {
                commands.push(Command::SetLanguage(choice));
            }
        }
        let label = self.strings.get(lang, msg::LANGUAGE_LABEL);
        ui.add(Paragraph::new(&label, lang).color(tokens.muted_text).fit());
    }
}
