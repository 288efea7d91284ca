//! Every `Command` variant, sent to a kiosk and to a staff app through the one
//! `AppState::apply`: which ones change the state (or ask the window for an
//! effect) and which ones each mode drops. The kiosk's allowlist is checked here
//! as a table, so a new command has to be placed in it.

use clinic_edu::Language;
use clinic_edu::app::handout::Action;
use clinic_edu::app::speech::SpeechCommand;
use clinic_edu::app::{
    AppState, Command, Effect, HandoutCommand, KioskCommand, ReviewCommand, Route, ScreeningStep,
};
use clinic_edu::config::Config;
use clinic_edu::content::review::SignOff;
use clinic_edu::content::{ContentFiles, Library, SectionId, load};
use clinic_edu::kiosk::{KioskState, hash_pin};
use clinic_edu::pdf::Paper;
use clinic_edu::screening::Answer;

const PIN: &str = "2468";

/// The number of every variant, so that the table below must name each one.
fn variant(c: &Command) -> usize {
    use Command as C;
    use HandoutCommand as H;
    use KioskCommand as K;
    use ReviewCommand as R;
    use SpeechCommand as S;
    match c {
        C::SetLanguage(_) => 0,
        C::SetStaffLanguage(_) => 1,
        C::Go(_) => 2,
        C::OpenTopic(_) => 3,
        C::ShowSection(_) => 4,
        C::SetSideBySide(_) => 5,
        C::ToggleTreatment(_) => 6,
        C::ToggleCompared(_) => 7,
        C::StartScreening => 8,
        C::ScreenTopic(_) => 9,
        C::Answer(_) => 10,
        C::ScreeningBack => 11,
        C::ChangeAnswer(_) => 12,
        C::ReviewAnswers => 13,
        C::ShowResult => 14,
        C::FinishScreening => 15,
        C::Handout(H::SetOpen(_)) => 16,
        C::Handout(H::ToggleSection(_)) => 17,
        C::Handout(H::SetPaper(_)) => 18,
        C::Handout(H::Start(_)) => 19,
        C::Review(R::Open { .. }) => 20,
        C::Review(R::Edit(_)) => 21,
        C::Review(R::SignOff) => 22,
        C::Kiosk(k) => {
            23 + match k {
                K::Touch => 0,
                K::CornerTap => 1,
                K::Tick => 2,
                K::Start => 3,
                K::ChooseLanguage(_) => 4,
                K::Continue => 5,
                K::Finish => 6,
                K::PinDigit(_) => 7,
                K::PinDelete => 8,
                K::PinSubmit => 9,
                K::CloseOverlay => 10,
                K::PatientSummary => 11,
                K::StaffMode => 12,
                K::Leave => 13,
            }
        }
        C::Speech(s) => {
            37 + match s {
                S::Listen(_) => 0,
                S::Pause => 1,
                S::Resume => 2,
                S::Stop => 3,
                S::Repeat => 4,
                S::Quieter => 5,
                S::Louder => 6,
                S::Ended => 7,
            }
        }
        C::UseNewContent => 45,
    }
}
const VARIANTS: usize = 46;

fn k(c: KioskCommand) -> Command {
    Command::Kiosk(c)
}

fn h(c: HandoutCommand) -> Command {
    Command::Handout(c)
}

fn taps() -> Vec<Command> {
    vec![k(KioskCommand::CornerTap); 5]
}

fn staff_menu() -> Vec<Command> {
    let mut c = taps();
    c.extend(PIN.chars().map(|d| k(KioskCommand::PinDigit(d))));
    c.push(k(KioskCommand::PinSubmit));
    c
}

fn topic() -> Vec<Command> {
    vec![Command::OpenTopic("prp".into())]
}

fn open_panel() -> Vec<Command> {
    vec![
        Command::OpenTopic("prp".into()),
        h(HandoutCommand::SetOpen(true)),
    ]
}

fn review() -> Command {
    Command::Review(ReviewCommand::Open {
        topic: "prp".into(),
        lang: Language::builtin("ar"),
    })
}

fn signed() -> Command {
    Command::Review(ReviewCommand::Edit(SignOff {
        name: "Dr Amal Haddad".into(),
        role: "dermatologist".into(),
        registration: "SCFHS 12345".into(),
        date: "2026-11-20".into(),
    }))
}

fn screening() -> Vec<Command> {
    vec![Command::ScreenTopic("exosome-therapy".into())]
}

/// One row: what leads up to the command, the command, and whether a staff app
/// and a kiosk (without a printer) act on it.
struct Row {
    setup: Vec<Command>,
    command: Command,
    staff: bool,
    kiosk: bool,
}

fn row(setup: Vec<Command>, command: Command, staff: bool, kiosk: bool) -> Row {
    Row {
        setup,
        command,
        staff,
        kiosk,
    }
}

fn table() -> Vec<Row> {
    use KioskCommand as K;
    use SpeechCommand as S;
    let mut answered = screening();
    answered.push(Command::Answer(Answer::No));
    let chosen = vec![Command::ToggleTreatment("prp".into())];
    let mut digit = taps();
    digit.push(k(K::PinDigit('1')));
    vec![
        row(
            vec![],
            Command::SetLanguage(Language::builtin("ar")),
            true,
            true,
        ),
        row(
            vec![],
            Command::SetStaffLanguage(Language::builtin("ja")),
            true,
            true,
        ),
        row(topic(), Command::Go(Route::Home), true, true),
        row(vec![], Command::Go(Route::Compare), true, true),
        row(vec![], Command::Go(Route::Scripts), true, false),
        row(vec![], Command::Go(Route::Attract), false, false),
        row(vec![], Command::Go(Route::LanguageChoice), false, false),
        row(vec![], Command::OpenTopic("prp".into()), true, true),
        row(
            topic(),
            Command::ShowSection(SectionId::Sources),
            true,
            true,
        ),
        row(vec![], Command::SetSideBySide(true), true, true),
        row(vec![], Command::ToggleTreatment("prp".into()), true, true),
        row(vec![], Command::ToggleCompared("prp".into()), true, true),
        row(chosen, Command::StartScreening, true, true),
        row(vec![], Command::ScreenTopic("prp".into()), true, true),
        row(screening(), Command::Answer(Answer::Yes), true, true),
        row(screening(), Command::ScreeningBack, true, true),
        row(answered.clone(), Command::ChangeAnswer(0), true, true),
        row(screening(), Command::ReviewAnswers, true, true),
        row(answered, Command::ShowResult, true, true),
        row(screening(), Command::FinishScreening, true, true),
        row(topic(), h(HandoutCommand::SetOpen(true)), true, true),
        row(
            open_panel(),
            h(HandoutCommand::ToggleSection(SectionId::Sources)),
            true,
            true,
        ),
        row(
            open_panel(),
            h(HandoutCommand::SetPaper(Paper::Letter)),
            true,
            true,
        ),
        row(
            open_panel(),
            h(HandoutCommand::Start(Action::Save)),
            true,
            false,
        ),
        row(
            open_panel(),
            h(HandoutCommand::Start(Action::Print)),
            true,
            false,
        ),
        // The clinical review is for staff: a kiosk drops every step of it.
        row(
            vec![],
            Command::Go(Route::ClinicalReview {
                topic: "prp".into(),
                lang: Language::builtin("ar"),
            }),
            true,
            false,
        ),
        row(vec![], review(), true, false),
        row(vec![review()], signed(), true, false),
        row(
            vec![review(), signed()],
            Command::Review(ReviewCommand::SignOff),
            true,
            false,
        ),
        row(vec![], k(K::Touch), false, true),
        row(vec![], k(K::CornerTap), false, true),
        row(
            vec![Command::OpenTopic("prp".into()), k(K::Touch)],
            k(K::Tick),
            false,
            true,
        ),
        row(vec![k(K::Finish)], k(K::Start), false, true),
        row(
            vec![k(K::Finish), k(K::Start)],
            k(K::ChooseLanguage(Language::builtin("bn"))),
            false,
            true,
        ),
        row(vec![], k(K::Continue), false, true),
        row(topic(), k(K::Finish), false, true),
        row(taps(), k(K::PinDigit('7')), false, true),
        row(vec![], k(K::PinDigit('7')), false, false),
        row(digit.clone(), k(K::PinDelete), false, true),
        row(digit, k(K::PinSubmit), false, true),
        row(taps(), k(K::CloseOverlay), false, true),
        row(staff_menu(), k(K::PatientSummary), false, true),
        row(vec![], k(K::PatientSummary), false, false),
        row(staff_menu(), k(K::StaffMode), false, true),
        row(vec![], k(K::StaffMode), false, false),
        row(staff_menu(), k(K::Leave), false, true),
        row(vec![], k(K::Leave), false, false),
        // Reading aloud, in both: what there is to read decides whether anything
        // changes, and a staff overlay stops it in the kiosk (the rule for every
        // patient command).
        row(topic(), sp(S::Listen(texts(&["prp.x"]))), true, true),
        row(vec![], sp(S::Listen(vec![])), false, false),
        row(listening(), sp(S::Pause), true, true),
        row(vec![], sp(S::Pause), false, false),
        row(paused(), sp(S::Resume), true, true),
        row(listening(), sp(S::Stop), true, true),
        row(listening(), sp(S::Repeat), true, true),
        row(vec![], sp(S::Quieter), true, true),
        row(vec![], sp(S::Louder), true, true),
        row(listening(), sp(S::Ended), true, true),
        // (Staff apps have no overlay: the taps are refused there.)
        row([taps(), listening()].concat(), sp(S::Stop), true, false),
        // A kiosk swaps new content in at its attract screen by itself.
        row(vec![], Command::UseNewContent, true, false),
    ]
}

/// Narration ids, in English.
fn texts(ids: &[&str]) -> Vec<(Language, String)> {
    ids.iter()
        .map(|id| (Language::builtin("en"), (*id).to_owned()))
        .collect()
}

fn sp(c: SpeechCommand) -> Command {
    Command::Speech(c)
}

fn listening() -> Vec<Command> {
    vec![
        Command::OpenTopic("prp".into()),
        sp(SpeechCommand::Listen(texts(&["prp.a", "prp.b"]))),
    ]
}

fn paused() -> Vec<Command> {
    let mut c = listening();
    c.push(sp(SpeechCommand::Pause));
    c
}

fn library() -> Library {
    load(&ContentFiles::embedded(), None).library
}

fn kiosk_config(printer: Option<&str>) -> Config {
    Config {
        languages: vec![Language::builtin("en"), Language::builtin("bn")],
        idle_seconds: 30,
        countdown_seconds: 10,
        pin_hash: Some(hash_pin(PIN).unwrap()),
        printer: printer.map(str::to_owned),
        ..Config::default()
    }
}

fn staff_app() -> AppState {
    AppState::new(
        Route::Home,
        Language::builtin("en"),
        Language::builtin("en"),
    )
}

/// A kiosk whose patient has chosen English and is on the home screen.
fn kiosk_app(library: &Library, printer: Option<&str>) -> AppState {
    let mut s = AppState::kiosk(
        KioskState::new(kiosk_config(printer)),
        Language::builtin("en"),
    );
    s.apply(k(KioskCommand::Start), library, 0.0);
    s.apply(
        k(KioskCommand::ChooseLanguage(Language::builtin("en"))),
        library,
        0.0,
    );
    assert_eq!(s.route, Route::Home);
    s
}

/// Applies the row to `state` and says whether the command acted: changed the
/// state or asked for an effect. A refused command must change nothing.
fn acts(mut state: AppState, row: &Row, library: &Library) -> bool {
    // Setup at 1 s, the command at 35 s: past the kiosk's idle time, so that a
    // tick has a countdown to start and a touch a time to record.
    for c in &row.setup {
        state.apply(c.clone(), library, 1.0);
    }
    let before = state.clone();
    let effect = state.apply(row.command.clone(), library, 35.0);
    if let Effect::Refused { command, .. } = effect {
        assert_eq!(state, before, "{command} was refused but changed the state");
        return false;
    }
    state != before || effect != Effect::None
}

#[test]
fn every_command_in_a_kiosk_and_in_a_staff_app() {
    let library = library();
    let table = table();
    let mut seen = [false; VARIANTS];
    let mut wrong = Vec::new();
    for row in &table {
        seen[variant(&row.command)] = true;
        let staff = acts(staff_app(), row, &library);
        let kiosk = acts(kiosk_app(&library, None), row, &library);
        if (staff, kiosk) != (row.staff, row.kiosk) {
            wrong.push(format!(
                "{:?} after {} setup commands: staff acted {staff} (want {}), kiosk acted {kiosk} (want {})",
                row.command,
                row.setup.len(),
                row.staff,
                row.kiosk
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let missing: Vec<usize> = (0..VARIANTS).filter(|&i| !seen[i]).collect();
    assert!(missing.is_empty(), "variants not in the table: {missing:?}");
}

#[test]
fn a_kiosk_with_a_printer_prints_and_still_never_saves() {
    let library = library();
    let print = row(
        open_panel(),
        h(HandoutCommand::Start(Action::Print)),
        true,
        true,
    );
    assert!(acts(
        kiosk_app(&library, Some("Reception")),
        &print,
        &library
    ));
    let save = row(
        open_panel(),
        h(HandoutCommand::Start(Action::Save)),
        true,
        false,
    );
    assert!(!acts(
        kiosk_app(&library, Some("Reception")),
        &save,
        &library
    ));
}

#[test]
fn an_idle_kiosk_is_wiped_by_the_tick_that_ends_its_countdown() {
    let library = library();
    let mut s = kiosk_app(&library, None);
    s.apply(k(KioskCommand::Touch), &library, 1.0);
    for c in screening() {
        s.apply(c, &library, 1.0);
    }
    s.apply(Command::Answer(Answer::Yes), &library, 1.0);
    s.apply(k(KioskCommand::Tick), &library, 32.0);
    assert_eq!(s.still_there(), Some(9));
    assert_eq!(s.route, Route::Screening(ScreeningStep::Questions));
    s.apply(k(KioskCommand::Tick), &library, 41.5);
    assert_eq!(s.route, Route::Attract);
    assert!(s.session.answers.is_empty() && s.session.treatments.is_empty());
}
