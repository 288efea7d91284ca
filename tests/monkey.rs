//! The kiosk monkey: random taps, button presses, keys, scrolls, close requests,
//! clock jumps, corner bursts and PINs, session after session from a fixed seed.
//! Each session ends with the idle reset, after which the visit must be wiped; and
//! nothing may ever leave the kiosk or close the window without the staff PIN, and
//! no frame of the kiosk may ask the OS to open an address or copy anything, or
//! show a file dialog's button.
//!
//! `MONKEY_SESSIONS`, `MONKEY_ACTIONS` and `MONKEY_SEED` change the run (300 x 40,
//! seed 1 by default; `MONKEY_SESSIONS=10000 cargo test --release --test monkey`
//! is the long form). `MONKEY_TRACE=1` prints every action as it is done. A run is
//! a pure function of its seed, so a failure replays with the seed and session it
//! prints.

mod common;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use clinic_edu::app::{Route, ScreeningStep};
use clinic_edu::config::Config;
use clinic_edu::i18n::{Strings, msg};
use clinic_edu::kiosk::{Overlay, verify_pin};
use clinic_edu::screening::Session;
use clinic_edu::{AppOptions, ClinicApp, Language};
use common::renderer::CountingRenderer;
use egui::{
    Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Pos2, Rect, Role,
    TouchPhase, ViewportCommand, ViewportEvent, ViewportId, pos2, vec2,
};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const PIN: &str = "2468";
/// `PIN` hashed with Argon2id at its smallest cost (8 KiB, one pass). The app
/// verifies with the parameters the hash carries, so each PIN tried on the pad
/// costs microseconds instead of the tens of milliseconds of `hash_pin`'s default
/// cost, which made up over a quarter of the run. What is tested is the app's
/// logic around the PIN, not Argon2's cost (`kiosk.rs` uses real hashes).
const CHEAP_PIN_HASH: &str =
    "$argon2id$v=19$m=8,t=1,p=1$bW9ua2V5c2FsdG1vbmtleQ$5u0+KDv58Gout7hF8N9hfLO9DK/ISbN7CAWyFS4Zt4c";
const WRONG_PINS: [&str; 4] = ["1111", "2469", "8642", "24680"];
const SIZE: egui::Vec2 = vec2(1200.0, 900.0);
const IDLE: u32 = 90;
const COUNTDOWN: u32 = 20;
/// Side of the bottom-left square that takes the staff gesture (`ui/shell/input.rs`).
const CORNER: f32 = 90.0;
/// Not English first, so that "back in the first language" is not the default
/// language by accident; Arabic also puts the patient's screens right to left.
const LANGUAGE_TAGS: [&str; 4] = ["ar", "en", "bn", "ja"];

fn languages() -> Vec<Language> {
    LANGUAGE_TAGS.map(Language::builtin).to_vec()
}

/// splitmix64: small, fast, and the same stream on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// An index drawn with the given weights (none may be negative; some positive).
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// What the monkey does next, before its details are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    Tap,
    Button,
    Key,
    Close,
    Wheel,
    Language,
    Clock,
    CornerBurst,
    CornerFew,
    WrongPin,
    RightPin,
}

/// The weights, out of 100. A uniform monkey stays on the first screens (a visit
/// takes some twenty well-aimed presses to reach the result, and any stray "Finish"
/// or reset starts it again), so button presses dominate and are themselves aimed
/// (see `button_weight`); the staff gesture and PINs come often enough that the
/// pad and the menu are reached many times per hundred sessions. The right PIN is
/// rarer than the wrong one: the staff menu can end a session (staff mode, leave),
/// and most sessions should end with the idle reset, which is what is checked.
const ACTS: [(Act, f64); 11] = [
    (Act::Tap, 10.0),
    (Act::Button, 48.5),
    (Act::Key, 6.0),
    (Act::Close, 3.0),
    (Act::Wheel, 4.0),
    (Act::Language, 5.0),
    (Act::Clock, 9.0),
    (Act::CornerBurst, 3.5),
    (Act::CornerFew, 2.0),
    (Act::WrongPin, 2.5),
    (Act::RightPin, 1.5),
];

/// What a button is, from its label in any of the four languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// "Tap to start".
    Start,
    /// Yes, no, not sure.
    Answer,
    /// "Start" screening, "see the result", "screen for this" on a topic page.
    Forward,
    /// The top bar's "Screening".
    ScreeningMenu,
    /// A treatment: a topic card on the home screen, a choice on the pick screen.
    Treatment,
    /// The top bar's "Finish": ends the visit.
    Finish,
    /// "Are you still there?": continue.
    Continue,
    PinDigit,
    PinOk,
    PinDelete,
    /// Cancel on the PIN pad and on the staff menu.
    Cancel,
    Summary,
    StaffMode,
    Leave,
    /// A language, named in itself (language choice, top bar).
    Language,
    Other,
}

/// Every label the monkey aims for, in every language.
fn label_kinds(strings: &Strings, app: &ClinicApp) -> HashMap<String, Kind> {
    let mut kinds = HashMap::new();
    let ids = [
        (msg::TAP_TO_START, Kind::Start),
        (msg::ANSWER_YES, Kind::Answer),
        (msg::ANSWER_NO, Kind::Answer),
        (msg::ANSWER_NOT_SURE, Kind::Answer),
        (msg::SCREENING_START, Kind::Forward),
        (msg::SEE_RESULT, Kind::Forward),
        (msg::SCREENING_FROM_TOPIC, Kind::Forward),
        (msg::MENU_SCREENING, Kind::ScreeningMenu),
        (msg::FINISH, Kind::Finish),
        (msg::CONTINUE, Kind::Continue),
        (msg::PIN_OK, Kind::PinOk),
        (msg::PIN_DELETE, Kind::PinDelete),
        (msg::PIN_CANCEL, Kind::Cancel),
        (msg::PATIENT_SUMMARY, Kind::Summary),
        (msg::STAFF_MODE, Kind::StaffMode),
        (msg::LEAVE_KIOSK, Kind::Leave),
    ];
    for lang in Language::all() {
        for (id, kind) in ids {
            kinds.insert(strings.get(lang, id), kind);
        }
        for topic in app.library().topics() {
            kinds.insert(topic.text(lang).title.clone(), Kind::Treatment);
        }
        kinds.insert(lang.native_name().to_owned(), Kind::Language);
    }
    for digit in 0..10 {
        kinds.insert(digit.to_string(), Kind::PinDigit);
    }
    kinds
}

/// A button in the accessibility tree, as the monkey saw it.
#[derive(Clone, Debug)]
struct Button {
    label: String,
    kind: Kind,
    rect: Rect,
    /// Off the screen, or scrolled out of the page's visible part (under the top
    /// bar or below the window): a tap on it would hit something else.
    hidden: bool,
    disabled: bool,
    /// Which of the buttons with this label (digits, say, may repeat).
    nth: usize,
}

/// What the app shows, as far as the counts go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Seen {
    Attract,
    LanguageChoice,
    Home,
    Topic,
    Pick,
    Question,
    Review,
    Result,
    PinPad,
    StaffMenu,
    StillThere,
}

const ALL_SEEN: [Seen; 11] = [
    Seen::Attract,
    Seen::LanguageChoice,
    Seen::Home,
    Seen::Topic,
    Seen::Pick,
    Seen::Question,
    Seen::Review,
    Seen::Result,
    Seen::PinPad,
    Seen::StaffMenu,
    Seen::StillThere,
];

/// How a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Exit {
    /// Kiosk mode was left (staff mode), after the PIN.
    StaffMode,
    /// The window was let close ("leave the kiosk"), after the PIN.
    Closed,
}

#[derive(Default)]
struct Totals {
    actions: u64,
    frames: u64,
    idle_resets: u64,
    pins_accepted: u64,
    staff_mode: u64,
    closed: u64,
    fresh_apps: u64,
    by_act: HashMap<&'static str, u64>,
}

struct Monkey {
    h: Harness<'static, ClinicApp>,
    config: Config,
    strings: Strings,
    kinds: HashMap<String, Kind>,
    rng: Rng,
    /// The staff menu is open, and was opened from the PIN pad in this session
    /// (the right PIN was accepted); cleared when the menu closes. Only then may
    /// the kiosk be left or the window close.
    unlocked: bool,
    last_overlay: Option<Overlay>,
    /// What the screen showed at the end of the last frame, and whether that
    /// frame changed it (or scrolled it): then the tree is a frame behind.
    shown: Option<Shown>,
    stale: bool,
    exit: Option<Exit>,
    /// This session's actions, for the failure report.
    log: Vec<String>,
    previous_log: Vec<String>,
    trace: bool,
    seen: HashMap<Seen, u64>,
    totals: Totals,
}

fn harness(config: &Config) -> Harness<'static, ClinicApp> {
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        language: Language::builtin("en"),
        content_dir: None,
        kiosk: Some(config.clone()),
        settings_path: None,
        config_path: None,
        audio_device: false,
        installed_bundle: false,
    })
    .unwrap();
    // The counting renderer keeps no texture: memory stays flat however long the run.
    let (renderer, _) = CountingRenderer::new();
    Harness::builder()
        .with_size(SIZE)
        .renderer(renderer)
        .build_eframe(|_| app)
}

type Check = Result<(), String>;

/// Everything the app's screen is drawn from, to tell whether a frame changed it.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    route: Route,
    overlay: Option<Overlay>,
    still_there: bool,
    language: Language,
    staff_language: Language,
    side_by_side: bool,
    session: Session,
}

impl Shown {
    fn of(app: &ClinicApp) -> Self {
        Self {
            route: app.route().clone(),
            overlay: app.kiosk_overlay(),
            still_there: app.still_there().is_some(),
            language: app.language(),
            staff_language: app.staff_language(),
            side_by_side: app.state().side_by_side,
            session: app.session().clone(),
        }
    }
}

impl Monkey {
    fn new(seed: u64) -> Self {
        assert!(verify_pin(PIN, CHEAP_PIN_HASH) && !verify_pin(WRONG_PINS[0], CHEAP_PIN_HASH));
        let config = Config {
            clinic_name: "Monkey Clinic".into(),
            languages: languages(),
            idle_seconds: IDLE,
            countdown_seconds: COUNTDOWN,
            pin_hash: Some(CHEAP_PIN_HASH.to_owned()),
            ..Config::default()
        };
        let strings = Strings::embedded().unwrap();
        let h = harness(&config);
        let kinds = label_kinds(&strings, h.state());
        let mut monkey = Self {
            h,
            config,
            strings,
            kinds,
            rng: Rng(seed),
            unlocked: false,
            last_overlay: None,
            shown: None,
            stale: true,
            exit: None,
            log: Vec::new(),
            previous_log: Vec::new(),
            trace: std::env::var_os("MONKEY_TRACE").is_some(),
            seen: HashMap::new(),
            totals: Totals::default(),
        };
        monkey.start();
        monkey
    }

    /// A new app on the attract screen (after staff left the kiosk, and after a
    /// failure).
    fn fresh_app(&mut self) {
        self.h = harness(&self.config);
        self.start();
    }

    fn start(&mut self) {
        self.last_overlay = None;
        self.shown = None;
        self.unlocked = false;
        self.exit = None;
        self.totals.fresh_apps += 1;
        // The first frames install the text engine and tokens.
        for _ in 0..2 {
            self.frame(vec![]).expect("a fresh kiosk app");
        }
    }

    fn note(&mut self, what: String) {
        if self.trace {
            println!("  {what}");
        }
        self.log.push(what);
    }

    /// One frame with `events`, then the checks that hold after any frame.
    fn frame(&mut self, events: Vec<Event>) -> Check {
        self.h.input_mut().events.extend(events);
        self.h.step();
        self.after_frame()
    }

    fn after_frame(&mut self) -> Check {
        self.totals.frames += 1;
        // Nothing in kiosk mode opens anything of the OS: no address, no copy to
        // the clipboard, and no file dialog's button on any screen.
        if self.h.state().is_kiosk() {
            if let Some(request) = common::os_request(&self.h) {
                return Err(format!("the kiosk asked the OS to {request}"));
            }
            for lang in Language::all() {
                let save = self.strings.get(lang, "handout-save");
                if self.h.query_by_label(&save).is_some() {
                    return Err(format!("the kiosk shows {save:?}, a file dialog's button"));
                }
            }
        }
        let shown = Shown::of(self.h.state());
        self.stale = self.shown.as_ref() != Some(&shown);
        self.shown = Some(shown);
        // Staff mode and "leave" are pressed on the menu as the last frame drew
        // it, so that frame's state is what allows them.
        let allowed = self.unlocked;
        let overlay = self.h.state().kiosk_overlay();
        if overlay == Some(Overlay::StaffMenu) {
            if self.last_overlay == Some(Overlay::PinPad) {
                // The staff menu opens from the pad only with the right PIN.
                self.unlocked = true;
                self.totals.pins_accepted += 1;
            }
        } else {
            self.unlocked = false;
        }
        self.last_overlay = overlay;
        let commands = self
            .h
            .output()
            .viewport_output
            .get(&ViewportId::ROOT)
            .map(|v| v.commands.clone())
            .unwrap_or_default();
        let closed = commands.contains(&ViewportCommand::Close)
            && !commands.contains(&ViewportCommand::CancelClose);
        let left = !self.h.state().is_kiosk();
        if (closed || left) && self.exit.is_none() {
            if !allowed {
                return Err(format!(
                    "{} without the staff PIN (no staff menu opened from the pad in \
                     this session was open) (commands {commands:?})",
                    if closed {
                        "the window was let close"
                    } else {
                        "kiosk mode was left"
                    }
                ));
            }
            self.exit = Some(if closed {
                Exit::Closed
            } else {
                Exit::StaffMode
            });
        }
        Ok(())
    }

    /// Every button in the tree, each with whether a tap on its centre would reach
    /// it (see `Button::hidden`).
    fn buttons(&self) -> Vec<Button> {
        // The page scrolls under the top bar: its scroll area is the container
        // holding the scroll bar, which spans the visible part (there is no bar
        // when the page fits, and then nothing is hidden).
        let viewport = self.h.query_by_role(Role::ScrollBar).and_then(|bar| {
            let area = bar.parent()?.accesskit_node().id();
            Some((area, bar.rect()))
        });
        let screen = Rect::from_min_size(Pos2::ZERO, SIZE);
        let mut count: HashMap<String, usize> = HashMap::new();
        self.h
            .query_all_by_role(Role::Button)
            .map(|node| {
                let ak = node.accesskit_node();
                let label = ak.label().unwrap_or_default();
                let rect = node.rect();
                let centre = rect.center();
                let in_area = |area| {
                    let mut up = node.parent();
                    while let Some(p) = up {
                        if p.accesskit_node().id() == area {
                            return true;
                        }
                        up = p.parent();
                    }
                    false
                };
                let hidden = !screen.contains(centre)
                    || viewport.is_some_and(|(area, shown)| {
                        !(shown.y_range().contains(centre.y)) && in_area(area)
                    });
                let nth = count.entry(label.clone()).or_default();
                let button = Button {
                    kind: self.kinds.get(&label).copied().unwrap_or(Kind::Other),
                    rect,
                    hidden,
                    disabled: ak.is_disabled(),
                    nth: *nth,
                    label,
                };
                *nth += 1;
                button
            })
            .collect()
    }

    /// `button` as the tree shows it now.
    fn find(&self, button: &Button) -> Option<Button> {
        self.buttons()
            .into_iter()
            .find(|b| b.label == button.label && b.nth == button.nth)
    }

    /// A press and a release at `pos`, after moving there: in one frame (a quick
    /// finger; egui takes both from one frame's events), or, a quarter of the
    /// time, the release a frame later (a slower one, which shows the pressed
    /// state for a frame).
    fn tap(&mut self, pos: Pos2) -> Check {
        let press = |pressed| Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        };
        if self.rng.chance(0.25) {
            self.frame(vec![Event::PointerMoved(pos), press(true)])?;
            self.frame(vec![press(false)])
        } else {
            self.frame(vec![Event::PointerMoved(pos), press(true), press(false)])
        }
    }

    /// Taps `button`, scrolled into view first if it is hidden.
    fn press(&mut self, button: &Button) -> Check {
        let mut rect = button.rect;
        if button.hidden {
            if let Some(node) = self
                .h
                .query_all_by_role_and_label(Role::Button, &button.label)
                .nth(button.nth)
            {
                node.scroll_to_me();
            }
            // egui animates the scroll over a few frames; the tree shows each
            // frame's positions, so step until the button is in view.
            for _ in 0..4 {
                self.h.step();
                self.after_frame()?;
                match self.find(button) {
                    Some(now) => {
                        rect = now.rect;
                        if !now.hidden {
                            break;
                        }
                    }
                    None => break,
                }
            }
        }
        self.tap(rect.center())
    }

    /// Where the app is, for the weights.
    fn seen_now(&self) -> Vec<Seen> {
        let app = self.h.state();
        let mut seen = Vec::new();
        seen.push(match app.route() {
            Route::Attract => Seen::Attract,
            Route::LanguageChoice => Seen::LanguageChoice,
            Route::Home => Seen::Home,
            Route::Topic { .. } => Seen::Topic,
            Route::Screening(ScreeningStep::Pick) => Seen::Pick,
            Route::Screening(ScreeningStep::Questions) => {
                if app.session().current(app.library().screening()).is_some() {
                    Seen::Question
                } else {
                    Seen::Review
                }
            }
            Route::Screening(ScreeningStep::Result) => Seen::Result,
            // Staff mode only: the kiosk never offers them.
            Route::Scripts | Route::ClinicalReview { .. } => Seen::Home,
            // A page of columns and buttons, weighted like the list of treatments.
            Route::Compare => Seen::Home,
        });
        match app.kiosk_overlay() {
            Some(Overlay::PinPad) => seen.push(Seen::PinPad),
            Some(Overlay::StaffMenu) => seen.push(Seen::StaffMenu),
            _ => {}
        }
        if app.still_there().is_some() {
            seen.push(Seen::StillThere);
        }
        seen
    }

    /// How much the monkey wants to press `b` where it is: aimed at what leads
    /// deeper (answers on a question, "start", "see the result"), at the open
    /// overlay's buttons, and away from "Finish", which ends the visit.
    fn button_weight(&self, b: &Button, seen: &[Seen]) -> f64 {
        let screen = seen[0];
        let overlay = seen.get(1).copied();
        let no_treatment = self.h.state().session().treatments.is_empty();
        let w = match overlay {
            // Typing on the pad is the PIN actions' job; a press here mostly
            // cancels, or else the pad, once open, would stay open for most of
            // the session.
            Some(Seen::PinPad) => match b.kind {
                Kind::Cancel => 4.0,
                Kind::PinOk => 0.5,
                Kind::PinDigit | Kind::PinDelete => 0.3,
                // Behind the pad: the press must do nothing.
                _ => 0.1,
            },
            Some(Seen::StaffMenu) => match b.kind {
                Kind::Summary | Kind::Cancel => 3.0,
                Kind::StaffMode | Kind::Leave => 1.0,
                _ => 0.1,
            },
            Some(Seen::StillThere) => match b.kind {
                Kind::Continue => 5.0,
                _ => 0.3,
            },
            _ => match (screen, b.kind) {
                (_, Kind::Finish) => 0.3,
                (Seen::Question, Kind::Answer) => 20.0,
                (Seen::Review, Kind::Forward) => 40.0,
                (Seen::Pick, Kind::Treatment) if no_treatment => 4.0,
                (Seen::Pick, Kind::Forward) if !no_treatment => 8.0,
                (Seen::Home, Kind::Treatment | Kind::ScreeningMenu) => 3.0,
                (Seen::Topic, Kind::Forward) => 4.0,
                _ => 1.0,
            },
        };
        if b.disabled { w * 0.2 } else { w }
    }

    fn act(&mut self) -> Check {
        // On the screening screens, with nothing over them, presses count double:
        // ten to fifteen answers a treatment stand between a patient and the
        // review list.
        let seen = self.seen_now();
        let screening =
            seen.len() == 1 && matches!(seen[0], Seen::Pick | Seen::Question | Seen::Review);
        let weights: Vec<f64> = ACTS
            .iter()
            .map(|&(act, w)| {
                if screening && act == Act::Button {
                    2.0 * w
                } else {
                    w
                }
            })
            .collect();
        let act = ACTS[self.rng.weighted(&weights)].0;
        *self.totals.by_act.entry(act_name(act)).or_default() += 1;
        match act {
            Act::Tap => {
                let pos = pos2(
                    self.rng.range(0.0, f64::from(SIZE.x)) as f32,
                    self.rng.range(0.0, f64::from(SIZE.y)) as f32,
                );
                self.note(format!("tap at ({:.0}, {:.0})", pos.x, pos.y));
                self.tap(pos)?;
            }
            Act::Button => self.press_some(|_| true)?,
            Act::Language => self.press_some(|b| b.kind == Kind::Language)?,
            Act::Key => self.key()?,
            Act::Close => {
                self.note("close request".into());
                self.close_request(vec![])?;
            }
            Act::Wheel => {
                let pos = pos2(
                    self.rng.range(0.0, f64::from(SIZE.x)) as f32,
                    self.rng.range(0.0, f64::from(SIZE.y)) as f32,
                );
                let dy = self.rng.range(-800.0, 800.0) as f32;
                self.note(format!("wheel {dy:.0} at ({:.0}, {:.0})", pos.x, pos.y));
                self.frame(vec![
                    Event::PointerMoved(pos),
                    Event::MouseWheel {
                        unit: MouseWheelUnit::Point,
                        delta: vec2(0.0, dy),
                        phase: TouchPhase::Move,
                        source: MouseWheelSource::Unknown,
                        modifiers: Modifiers::NONE,
                    },
                ])?;
                // egui spreads a wheel's scroll over the next frames.
                self.stale = true;
            }
            Act::Clock => {
                let (idle, countdown) = (f64::from(IDLE), f64::from(COUNTDOWN));
                let seconds = match self.rng.weighted(&[5.0, 3.0, 2.0]) {
                    0 => self.rng.range(0.5, 30.0),
                    // Into the countdown: "are you still there?" shows.
                    1 => self.rng.range(idle + 0.5, idle + countdown - 1.0),
                    // Past it: the visit is reset (and a PIN lockout runs out).
                    _ => self.rng.range(idle + countdown, idle + countdown + 120.0),
                };
                self.note(format!("clock +{seconds:.1} s"));
                self.jump(seconds)?;
            }
            Act::CornerBurst => {
                self.note("5 corner taps".into());
                self.corner_taps(5)?;
            }
            Act::CornerFew => {
                let n = 1 + self.rng.below(4);
                self.note(format!("{n} corner taps"));
                self.corner_taps(n)?;
            }
            Act::WrongPin => {
                let pin = WRONG_PINS[self.rng.below(WRONG_PINS.len())];
                self.enter_pin(pin)?;
            }
            Act::RightPin => self.enter_pin(PIN)?,
        }
        self.totals.actions += 1;
        Ok(())
    }

    /// Presses one of the buttons `filter` lets through, drawn by `button_weight`
    /// (any button when none passes the filter).
    fn press_some(&mut self, filter: impl Fn(&Button) -> bool) -> Check {
        // The tree lags the state by a frame (commands are applied at the end of
        // the frame that drew it, and a new modal settles on its second frame):
        // if the last frame changed the screen, one frame more shows it as it is.
        if self.stale {
            self.frame(vec![])?;
        }
        let seen = self.seen_now();
        let all = self.buttons();
        let mut pool: Vec<Button> = all.iter().filter(|b| filter(b)).cloned().collect();
        if pool.is_empty() {
            pool = all;
        }
        if pool.is_empty() {
            self.note("press: no button".into());
            return self.frame(vec![]);
        }
        let weights: Vec<f64> = pool.iter().map(|b| self.button_weight(b, &seen)).collect();
        let button = pool[self.rng.weighted(&weights)].clone();
        self.note(format!(
            "press \"{}\" ({:?}{}{}) at ({:.0}, {:.0})",
            button.label,
            button.kind,
            if button.disabled { ", disabled" } else { "" },
            if button.hidden { ", scrolled to" } else { "" },
            button.rect.center().x,
            button.rect.center().y
        ));
        self.press(&button)
    }

    fn key(&mut self) -> Check {
        let digit = self.rng.below(10);
        let (key, modifiers, text) = match self.rng.below(5) {
            0 => (Key::Escape, Modifiers::NONE, None),
            1 => (Key::F4, Modifiers::ALT, None),
            2 => (Key::Tab, Modifiers::NONE, None),
            3 => (Key::Enter, Modifiers::NONE, None),
            _ => {
                let keys = [
                    Key::Num0,
                    Key::Num1,
                    Key::Num2,
                    Key::Num3,
                    Key::Num4,
                    Key::Num5,
                    Key::Num6,
                    Key::Num7,
                    Key::Num8,
                    Key::Num9,
                ];
                (keys[digit], Modifiers::NONE, Some(digit.to_string()))
            }
        };
        self.note(format!(
            "key {}{key:?}",
            if modifiers.alt { "Alt+" } else { "" }
        ));
        let stroke = |pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        };
        // Down, the character it types, up: one frame, as a quick keystroke.
        let mut events = vec![stroke(true)];
        events.extend(text.map(Event::Text));
        events.push(stroke(false));
        if key == Key::F4 {
            // The window manager turns Alt+F4 into a request to close.
            self.close_request(events)
        } else {
            self.frame(events)
        }
    }

    /// The window manager asks to close (as `request_close` in `kiosk.rs`), in a
    /// frame with `events`: the app must cancel it in that very frame.
    fn close_request(&mut self, events: Vec<Event>) -> Check {
        self.h
            .input_mut()
            .viewports
            .entry(ViewportId::ROOT)
            .or_default()
            .events
            .push(ViewportEvent::Close);
        self.frame(events)?;
        let commands = self
            .h
            .output()
            .viewport_output
            .get(&ViewportId::ROOT)
            .map(|v| v.commands.clone())
            .unwrap_or_default();
        // Only "leave the kiosk" lets a close through, and it ends the session (a
        // fresh app follows): no request ever reaches a kiosk that may close.
        if !commands.contains(&ViewportCommand::CancelClose) {
            return Err(format!(
                "a close request was not cancelled (commands {commands:?})"
            ));
        }
        Ok(())
    }

    /// Lets `seconds` pass in one frame with no input.
    fn jump(&mut self, seconds: f64) -> Check {
        let now = self.h.ctx.input(|i| i.time);
        self.h.input_mut().time = Some(now + seconds);
        let result = self.frame(vec![]);
        // Back to the harness's own step time from the new value on.
        self.h.input_mut().time = None;
        result
    }

    /// Taps in the hidden corner (at most half a second of step time a tap, so
    /// five fit in the gesture's three seconds).
    fn corner_taps(&mut self, n: usize) -> Check {
        for _ in 0..n {
            let pos = pos2(
                self.rng.range(0.0, f64::from(CORNER) - 1.0) as f32,
                SIZE.y - self.rng.range(1.0, f64::from(CORNER)) as f32,
            );
            self.tap(pos)?;
        }
        Ok(())
    }

    /// Opens the PIN pad if it is not open (the corner gesture), then types `pin`
    /// on it and presses OK.
    fn enter_pin(&mut self, pin: &str) -> Check {
        let right = pin == PIN;
        match self.h.state().kiosk_overlay() {
            Some(Overlay::StaffMenu) => {
                // Already unlocked: a PIN has nowhere to go; press something instead.
                self.note(format!("PIN {pin}: staff menu open, a press instead"));
                return self.press_some(|_| true);
            }
            Some(Overlay::PinPad) => self.note(format!(
                "{} PIN {pin}",
                if right { "right" } else { "wrong" }
            )),
            _ => {
                self.note(format!(
                    "5 corner taps, then {} PIN {pin}",
                    if right { "right" } else { "wrong" }
                ));
                self.corner_taps(5)?;
                // The pad is drawn from the frame after the fifth tap.
                self.frame(vec![])?;
            }
        }
        let labels: Vec<String> = pin
            .chars()
            .map(String::from)
            .chain([self
                .strings
                .get(self.h.state().staff_language(), msg::PIN_OK)])
            .collect();
        for label in labels {
            let button = self.buttons().into_iter().find(|b| b.label == label);
            match button {
                Some(button) => self.press(&button)?,
                None => {
                    self.note(format!("  no {label:?} button"));
                    break;
                }
            }
        }
        Ok(())
    }

    fn observe(&mut self) {
        let now = self.seen_now();
        if self.trace {
            println!("    -> {now:?}");
        }
        for seen in now {
            *self.seen.entry(seen).or_default() += 1;
        }
    }

    /// One session: `actions` random actions, then the idle reset and the checks
    /// on what it must have wiped; or, if staff left the kiosk, a fresh app.
    fn session(&mut self, actions: usize) -> Check {
        self.previous_log = std::mem::take(&mut self.log);
        self.unlocked = false;
        for _ in 0..actions {
            self.act()?;
            self.observe();
            if self.exit.is_some() {
                break;
            }
        }
        if let Some(exit) = self.exit {
            self.note(format!("staff exit: {exit:?}"));
            match exit {
                Exit::StaffMode => self.totals.staff_mode += 1,
                Exit::Closed => self.totals.closed += 1,
            }
            self.fresh_app();
            return Ok(());
        }
        let seconds = f64::from(IDLE + COUNTDOWN) + 1.0;
        self.note(format!("idle reset: clock +{seconds} s"));
        self.jump(seconds)?;
        self.frame(vec![])?;
        self.frame(vec![])?;
        self.totals.idle_resets += 1;
        self.observe();
        self.check_wiped()
    }

    fn check_wiped(&self) -> Check {
        let app = self.h.state();
        let mut problems = Vec::new();
        if app.route() != &Route::Attract {
            problems.push(format!("route is {:?}, not Attract", app.route()));
        }
        if !app.session().answers.is_empty() {
            problems.push(format!("answers kept: {:?}", app.session().answers));
        }
        if !app.session().treatments.is_empty() {
            problems.push(format!("treatments kept: {:?}", app.session().treatments));
        }
        if app.session() != &Session::default() {
            problems.push(format!("session not cleared: {:?}", app.session()));
        }
        if app.state().side_by_side {
            problems.push("side by side kept".into());
        }
        if app.language() != languages()[0] {
            problems.push(format!(
                "language is {:?}, not the kiosk's first, {:?}",
                app.language(),
                languages()[0]
            ));
        }
        if !app.is_kiosk() {
            problems.push("not in kiosk mode".into());
        }
        // The reset ends the visit: no pad, staff menu or countdown stays open
        // for the next patient.
        if app.kiosk_overlay() != Some(Overlay::None) {
            problems.push(format!(
                "overlay {:?} still open after the reset",
                app.kiosk_overlay()
            ));
        }
        if app.still_there().is_some() {
            problems.push("\"are you still there?\" after the reset".into());
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("after the idle reset: {}", problems.join("; ")))
        }
    }
}

fn act_name(act: Act) -> &'static str {
    match act {
        Act::Tap => "tap",
        Act::Button => "button",
        Act::Key => "key",
        Act::Close => "close request",
        Act::Wheel => "wheel",
        Act::Language => "language",
        Act::Clock => "clock jump",
        Act::CornerBurst => "corner burst",
        Act::CornerFew => "corner 1-4",
        Act::WrongPin => "wrong PIN",
        Act::RightPin => "right PIN",
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(value) => value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
        Err(_) => default,
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "(no message)".into())
}

#[test]
fn the_kiosk_survives_a_monkey_session_after_session() {
    let seed = env_number("MONKEY_SEED", 1);
    let sessions = env_number("MONKEY_SESSIONS", 300);
    let actions = env_number("MONKEY_ACTIONS", 40) as usize;
    let started = Instant::now();
    let mut monkey = Monkey::new(seed);
    // The first few reports in full (a bug that fails every session would
    // otherwise fill the memory of a long run), and how many failed in all.
    let mut reports = Vec::new();
    let mut failures = 0u64;
    for session in 1..=sessions {
        if monkey.trace {
            println!("session {session}");
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| monkey.session(actions)));
        let problem = match outcome {
            Ok(Ok(())) => continue,
            Ok(Err(problem)) => problem,
            Err(payload) => format!("panic: {}", panic_message(payload.as_ref())),
        };
        let mut report = format!(
            "session {session} failed (replay: MONKEY_SEED={seed} MONKEY_SESSIONS={session} \
             MONKEY_ACTIONS={actions}, MONKEY_TRACE=1 to see each step): {problem}\n  route {:?}, overlay {:?}, language {:?}\n  \
             the session's actions:\n",
            monkey.h.state().route(),
            monkey.h.state().kiosk_overlay(),
            monkey.h.state().language(),
        );
        for line in &monkey.log {
            let _ = writeln!(report, "    {line}");
        }
        let _ = writeln!(report, "  the session before:");
        for line in &monkey.previous_log {
            let _ = writeln!(report, "    {line}");
        }
        failures += 1;
        if reports.len() < 5 {
            eprintln!("{report}");
            reports.push(report);
        }
        // The app may be in any state after a failure: go on with a fresh one.
        monkey.fresh_app();
    }
    let elapsed = started.elapsed();

    let t = &monkey.totals;
    println!("monkey: seed {seed}, {sessions} sessions x {actions} actions");
    println!(
        "  {} actions, {} frames in {:.1} s ({:.2} ms a frame)",
        t.actions,
        t.frames,
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e3 / t.frames.max(1) as f64
    );
    println!(
        "  {} idle resets, {} PINs accepted, {} to staff mode, {} closed by staff, {} apps",
        t.idle_resets, t.pins_accepted, t.staff_mode, t.closed, t.fresh_apps
    );
    let mut acts: Vec<_> = t.by_act.iter().collect();
    acts.sort();
    println!(
        "  actions: {}",
        acts.iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("  seen (after each action):");
    for seen in ALL_SEEN {
        println!(
            "    {:<16} {}",
            format!("{seen:?}"),
            monkey.seen.get(&seen).copied().unwrap_or(0)
        );
    }
    println!("  failures: {failures}");

    assert!(
        failures == 0,
        "{failures} of {sessions} sessions failed (seed {seed}); the first:\n{}",
        reports[0]
    );
    let missed: Vec<Seen> = ALL_SEEN
        .into_iter()
        .filter(|s| monkey.seen.get(s).copied().unwrap_or(0) == 0)
        .collect();
    assert!(
        missed.is_empty(),
        "never reached: {missed:?} (seed {seed}, {sessions} x {actions})"
    );
}
