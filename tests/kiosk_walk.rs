//! Every kiosk screen a patient can reach, walked breadth-first: from the attract
//! screen, every button on every screen is pressed (and the hidden corner gesture
//! made), each new screen is walked in turn, and on every frame of it nothing may
//! ask the OS for anything: no address opened, nothing copied, no link in the
//! tree, no file dialog's "Save as PDF", and no "Print" unless the clinic set a
//! printer (then it goes to that printer with `lp`, no dialog; the walk does not
//! press it). The staff PIN is never entered, so staff screens stay out of reach,
//! as they are for a patient.
//!
//! A screen is told apart by its route, overlay, whether treatments are chosen and
//! the screening question reached; each is reached once, by the shortest path, and
//! replayed from a fresh kiosk for each button on it.

mod common;

use std::collections::{HashSet, VecDeque};

use clinic_edu::ClinicApp;
use clinic_edu::Language;
use clinic_edu::config::Config;
use clinic_edu::i18n::{Strings, msg};
use clinic_edu::kiosk::Overlay;
use egui::{Event, Modifiers, PointerButton, Role, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const SIZE: egui::Vec2 = vec2(1280.0, 800.0);
/// Frames run after each action, each one checked.
const FRAMES: usize = 4;

#[derive(Clone, Debug)]
enum Action {
    /// The `nth` enabled button called `label`.
    Press { label: String, nth: usize },
    /// Five taps in the bottom-left corner (opens the PIN pad).
    Corner,
}

struct Walk {
    config: Config,
    /// Labels no frame may show.
    forbidden: Vec<String>,
    /// Labels the walk may see but does not press.
    not_pressed: Vec<String>,
    /// Whether one of them was seen.
    saw_not_pressed: std::cell::Cell<bool>,
}

fn harness(config: &Config) -> Harness<'static, ClinicApp> {
    let app = common::kiosk_app(config.clone());
    Harness::builder().with_size(SIZE).build_eframe(|_| app)
}

fn screen_key(app: &ClinicApp) -> String {
    use clinic_edu::app::{Route, ScreeningStep};
    let session = app.session();
    // The PIN pad and the "still there?" question are the same over any screen;
    // a treatment's sections share their buttons (each is still checked when the
    // walk arrives on it); only the screening flow depends on what was chosen
    // and answered.
    if let Some(overlay) = app.kiosk_overlay().filter(|o| *o != Overlay::None) {
        return format!("{overlay:?}");
    }
    if app.still_there().is_some() {
        return "StillThere".into();
    }
    match app.route() {
        Route::Topic { id, .. } => format!("Topic {id}"),
        Route::Screening(ScreeningStep::Pick) => {
            format!("Screening(Pick) chosen={}", !session.treatments.is_empty())
        }
        Route::Screening(ScreeningStep::Questions) => {
            format!("Screening(Questions) at={}", session.position)
        }
        route => format!("{route:?}"),
    }
}

impl Walk {
    fn new(config: Config) -> Self {
        let strings = Strings::embedded().unwrap();
        let mut forbidden = Vec::new();
        let mut not_pressed = Vec::new();
        for lang in Language::all() {
            forbidden.push(strings.get(lang, msg::HANDOUT_SAVE));
            let print = strings.get(lang, msg::HANDOUT_PRINT);
            if config.printer.is_some() {
                not_pressed.push(print);
            } else {
                forbidden.push(print);
            }
        }
        Self {
            config,
            forbidden,
            not_pressed,
            saw_not_pressed: std::cell::Cell::new(false),
        }
    }

    /// The checks on one frame.
    fn check(&self, h: &Harness<'_, ClinicApp>, path: &[Action]) -> Result<(), String> {
        let at = || format!("after {path:?}");
        if !h.state().is_kiosk() {
            return Err(format!("kiosk mode was left {}", at()));
        }
        if let Some(request) = common::os_request(h) {
            return Err(format!("the kiosk asked the OS to {request} {}", at()));
        }
        if let Some(link) = h.query_by_role(Role::Link) {
            return Err(format!(
                "a link {:?} is on screen {}",
                link.accesskit_node().label(),
                at()
            ));
        }
        if self
            .not_pressed
            .iter()
            .any(|l| h.query_by_label(l).is_some())
        {
            self.saw_not_pressed.set(true);
        }
        for label in &self.forbidden {
            if h.query_by_label(label).is_some() {
                return Err(format!("{label:?} is on screen {}", at()));
            }
        }
        Ok(())
    }

    fn act(&self, h: &mut Harness<'_, ClinicApp>, action: &Action) -> Result<(), String> {
        match action {
            Action::Press { label, nth } => {
                // Scrolled into view first, as a person would, then tapped.
                for step in ["scroll to", "press"] {
                    let node = h
                        .query_all_by_role_and_label(Role::Button, label)
                        .filter(|n| !n.accesskit_node().is_disabled())
                        .nth(*nth)
                        .ok_or_else(|| format!("no button {label:?} #{nth} to {step}"))?;
                    if step == "press" {
                        node.click();
                    } else {
                        node.scroll_to_me();
                        h.run();
                    }
                }
            }
            Action::Corner => {
                for _ in 0..5 {
                    let pos = pos2(10.0, SIZE.y - 10.0);
                    for pressed in [true, false] {
                        h.input_mut().events.push(Event::PointerButton {
                            pos,
                            button: PointerButton::Primary,
                            pressed,
                            modifiers: Modifiers::NONE,
                        });
                    }
                    h.step();
                }
            }
        }
        Ok(())
    }

    /// A fresh kiosk taken along `path`, every frame checked.
    fn replay(&self, path: &[Action]) -> Result<Harness<'static, ClinicApp>, String> {
        let mut h = harness(&self.config);
        for _ in 0..FRAMES {
            h.step();
            self.check(&h, &[])?;
        }
        for (i, action) in path.iter().enumerate() {
            self.act(&mut h, action)?;
            for _ in 0..FRAMES {
                h.step();
                self.check(&h, &path[..=i])?;
            }
        }
        Ok(h)
    }

    /// What can be done on the screen `h` shows.
    fn actions(&self, h: &Harness<'_, ClinicApp>) -> Vec<Action> {
        let mut seen = std::collections::HashMap::<String, usize>::new();
        let mut out = vec![Action::Corner];
        for node in h.query_all_by_role(Role::Button) {
            let ak = node.accesskit_node();
            if ak.is_disabled() {
                continue;
            }
            let label = ak.label().unwrap_or_default();
            let nth = seen.entry(label.clone()).or_default();
            if !self.not_pressed.contains(&label) {
                out.push(Action::Press {
                    label: label.clone(),
                    nth: *nth,
                });
            }
            *nth += 1;
        }
        out
    }

    /// Walks every screen; returns the screens seen.
    fn run(&self) -> Vec<String> {
        let mut seen = HashSet::new();
        let mut order = Vec::new();
        // Each new screen waits with the kiosk that reached it, to be walked.
        let first = self.replay(&[]).unwrap_or_else(|e| panic!("{e}"));
        seen.insert(screen_key(first.state()));
        order.push(screen_key(first.state()));
        let mut queue = VecDeque::from([(Vec::<Action>::new(), first)]);
        while let Some((path, h)) = queue.pop_front() {
            for action in self.actions(&h) {
                let mut next = path.clone();
                next.push(action);
                let after = self.replay(&next).unwrap_or_else(|e| panic!("{e}"));
                let key = screen_key(after.state());
                if seen.insert(key.clone()) {
                    order.push(key);
                    queue.push_back((next, after));
                }
            }
        }
        order
    }
}

fn assert_reached(screens: &[String], wanted: &[&str]) {
    for want in wanted {
        assert!(
            screens.iter().any(|s| s.contains(want)),
            "the walk never reached {want}; it saw:\n{}",
            screens.join("\n")
        );
    }
}

const EVERY_KIND: &[&str] = &[
    "Attract",
    "LanguageChoice",
    "Home",
    "Topic",
    "Screening(Pick) chosen=true",
    "Screening(Questions)",
    "Screening(Result)",
    "PinPad",
];

#[test]
fn no_kiosk_screen_offers_anything_of_the_os() {
    let screens = Walk::new(Config {
        languages: vec![Language::builtin("en"), Language::builtin("ar")],
        ..Config::default()
    })
    .run();
    assert_reached(&screens, EVERY_KIND);
    println!("{} screens walked", screens.len());
}

#[test]
fn with_a_printer_the_kiosk_still_offers_no_file_dialog() {
    let walk = Walk::new(Config {
        languages: vec![Language::builtin("bn"), Language::builtin("ja")],
        printer: Some("Front_Desk".into()),
        ..Config::default()
    });
    let screens = walk.run();
    assert_reached(&screens, EVERY_KIND);
    // The handout panel was reached: its Print button was on screen.
    assert!(
        walk.saw_not_pressed.get(),
        "the walk never saw the Print button"
    );
}
