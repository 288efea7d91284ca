//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod narrated;
pub mod renderer;

/// The app's command-line binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_clinic-edu");

/// A language manifest a clinic folder adds in tests: Tagalog (`tl`), Latin
/// script, with the bundled Latin face copied beside it.
pub const TAGALOG_MANIFEST: &str = r#"// Tagalog, for a test: Latin script, the bundled Latin face.
(
    tag: "tl",
    name: "Tagalog",
    direction: LeftToRight,
    script: "Latn",
    fonts: [(family: "Noto Sans", files: ["NotoSans-Regular.ttf"])],
    numbering: "latn",
    min_font_size: 8.0,
    line_height: 1.5,
)
"#;

use std::sync::{Mutex, MutexGuard, OnceLock};

use clinic_edu::Language;
use clinic_edu::text::{FontOptions, TextLayout, TextStyle, TextSystem};

/// One text system with the bundled fonts only, shared by a test binary.
pub fn system() -> MutexGuard<'static, TextSystem> {
    static SYSTEM: OnceLock<Mutex<TextSystem>> = OnceLock::new();
    SYSTEM
        .get_or_init(|| {
            Mutex::new(TextSystem::new(FontOptions {
                system_fonts: false,
            }))
        })
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

/// Lays out `text` at 16 px, wrapping at `width`, at scale 1.
pub fn shape(lang: Language, width: f32, text: &str) -> TextLayout {
    system().layout_uncached(text, lang, TextStyle::regular(16.0), Some(width), 1.0)
}

use clinic_edu::{AppOptions, ClinicApp};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The staff-mode app in `lang` with the bundled fonts only and the embedded content.
pub fn app(lang: Language) -> ClinicApp {
    app_on(lang, None)
}

/// [`app`] on the clinic folder `content`, when given.
pub fn app_on(lang: Language, content: Option<&std::path::Path>) -> ClinicApp {
    ClinicApp::new(AppOptions {
        system_fonts: false,
        language: lang,
        content_dir: content.map(std::path::Path::to_owned),
        ..AppOptions::default()
    })
    .unwrap()
}

/// A kiosk with the bundled fonts and `config`, whose PIN is set to 2468 here.
pub fn kiosk_app(config: clinic_edu::config::Config) -> ClinicApp {
    kiosk_app_on(None, config)
}

/// [`kiosk_app`] on the clinic folder `content`, when given.
pub fn kiosk_app_on(
    content: Option<&std::path::Path>,
    config: clinic_edu::config::Config,
) -> ClinicApp {
    ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: content.map(std::path::Path::to_owned),
        kiosk: Some(clinic_edu::config::Config {
            pin_hash: Some(clinic_edu::kiosk::hash_pin("2468").unwrap()),
            ..config
        }),
        ..AppOptions::default()
    })
    .unwrap()
}

/// The title of topic `id` in `lang`, in the content `app` runs on.
pub fn topic_title(app: &ClinicApp, lang: Language, id: &str) -> String {
    app.library().topic(id).unwrap().text(lang).title.clone()
}

/// The last frame's request to the OS that a kiosk must never make: opening an
/// address, or copying to the clipboard.
pub fn os_request(harness: &Harness<'_, ClinicApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find(|command| {
            matches!(
                command,
                egui::OutputCommand::OpenUrl(_)
                    | egui::OutputCommand::CopyText(_)
                    | egui::OutputCommand::CopyImage(_)
            )
        })
        .map(|command| format!("{command:?}"))
}

/// A headless harness of `app` at `size`, run until it settles.
pub fn harness(app: ClinicApp, size: egui::Vec2) -> Harness<'static, ClinicApp> {
    let mut harness = Harness::builder().with_size(size).build_eframe(|_| app);
    harness.run();
    harness
}

/// Taps the treatment `id` by its title in `lang` (on the home list, the screening
/// choice or anywhere its title is a button).
pub fn click_topic(harness: &mut Harness<'_, ClinicApp>, lang: Language, id: &str) {
    let title = harness
        .state()
        .library()
        .topic(id)
        .unwrap()
        .text(lang)
        .title
        .clone();
    click(harness, &title);
}

/// Scrolls the button named `label` into view, as a person would, and taps it.
pub fn click(harness: &mut Harness<'_, ClinicApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::Role::Button, label)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::Button, label)
        .click();
    harness.run();
}

/// Answers "No" to every screening question still to come.
pub fn answer_rest_no(harness: &mut Harness<'_, ClinicApp>) {
    let lang = harness.state().language();
    let no = clinic_edu::i18n::Strings::embedded()
        .unwrap()
        .get(lang, "answer-no");
    let mut asked = 0;
    while harness
        .state()
        .session()
        .current(harness.state().library().screening())
        .is_some()
    {
        click(harness, &no);
        asked += 1;
        assert!(asked <= 40, "the questions never end");
    }
}

/// Copies `from` into `to`, folders and all files (FORMAT.md and GLOSSARY.md too).
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
