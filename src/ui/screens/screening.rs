//! The screening flow: choose treatments, answer one question per screen, review
//! the answers, see the result per treatment. Staff can show the result side by
//! side in their own language, with every answer given.

use crate::i18n::msg;
use crate::ui::UiExt;
use egui::{Color32, CornerRadius, Frame, Margin, Stroke, Ui, vec2};

use super::Context;
use crate::app::command::Command;
use crate::lang::Language;
use crate::report::finding_text;
use crate::screening::{Answer, Outcome, Session, Verdict};
use crate::theme::Tokens;
use crate::ui::widgets::{BulletList, Button, Heading, Paragraph};

fn answer_message(answer: Answer) -> &'static str {
    match answer {
        Answer::Yes => msg::ANSWER_YES,
        Answer::No => msg::ANSWER_NO,
        Answer::NotSure => msg::ANSWER_NOT_SURE,
    }
}

fn answer_label(cx: &Context<'_>, lang: Language, answer: Option<Answer>) -> String {
    cx.strings
        .get(lang, answer.map_or(msg::NOT_ANSWERED, answer_message))
}

/// Choose the treatments to screen for.
pub fn pick(ui: &mut Ui, cx: &mut Context<'_>, session: &Session) {
    let tokens = ui.tokens();
    let lang = cx.lang;
    ui.add(Heading::new(
        &cx.strings.get(lang, msg::SCREENING_PICK_TITLE),
        lang,
    ));
    ui.add(
        Paragraph::new(&cx.strings.get(lang, msg::SCREENING_PICK_INTRO), lang)
            .color(tokens.muted_text),
    );
    ui.add_space(tokens.gap);
    for topic in cx.library.topics() {
        if cx.library.screening().rules(&topic.id).is_none() {
            continue;
        }
        let chosen = session.treatments.contains(&topic.id);
        let title = &topic.text(lang).title;
        let button = Button::new(title, lang)
            .selected(chosen)
            .min_size(vec2(ui.available_width(), tokens.touch_target + 12.0));
        if ui.add(button).clicked() {
            cx.commands.push(Command::ToggleTreatment(topic.id.clone()));
        }
        ui.add_space(tokens.gap / 2.0);
    }
    ui.add_space(tokens.gap);
    let start = cx.strings.get(lang, msg::SCREENING_START);
    let enabled = !session.treatments.is_empty();
    crate::ui::row(ui, lang.is_rtl(), |ui| {
        if ui
            .add_enabled(enabled, Button::new(&start, lang).selected(enabled))
            .clicked()
        {
            cx.commands.push(Command::StartScreening);
        }
    });
}

/// One question, with big answer buttons and the progress.
pub fn question(ui: &mut Ui, cx: &mut Context<'_>, session: &Session) {
    let tokens = ui.tokens();
    let lang = cx.lang;
    let screening = cx.library.screening();
    let questions = session.questions(screening);
    let Some(question) = questions.get(session.position) else {
        return review(ui, cx, session);
    };
    let total = questions.len() as u32;
    let n = session.position as u32 + 1;

    crate::ui::row(ui, lang.is_rtl(), |ui| {
        if ui
            .add(Button::new(&cx.strings.get(lang, msg::BACK), lang))
            .clicked()
        {
            cx.commands.push(Command::ScreeningBack);
        }
    });
    ui.add_space(tokens.gap);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("n", cx.strings.number(lang, n));
    args.set("total", cx.strings.number(lang, total));
    ui.add(
        Paragraph::new(
            &cx.strings.format(lang, msg::QUESTION_PROGRESS, Some(&args)),
            lang,
        )
        .color(tokens.muted_text),
    );
    let left = total - n + 1;
    ui.add(
        Paragraph::new(
            &cx.strings.counted(lang, msg::QUESTIONS_LEFT, left, left),
            lang,
        )
        .style(tokens.small)
        .color(tokens.muted_text),
    );
    progress_bar(ui, &tokens, n as f32 / total.max(1) as f32, lang.is_rtl());
    ui.add_space(tokens.gap);
    // The question, then the answers to choose from; the one being read aloud is
    // highlighted.
    let question_id = format!("question.{}", question.id);
    let answer_ids = Answer::ALL.map(|a| crate::content::narration::ui_id(answer_message(a)));
    let speaking = cx.speaking(lang).map(str::to_owned);
    let heading = Heading::new(question.text.get(lang), lang);
    super::listen::text(ui, heading, speaking.as_ref() == Some(&question_id));
    let ids = std::iter::once(question_id)
        .chain(answer_ids.iter().cloned())
        .collect();
    super::listen::controls(ui, cx, ids);
    ui.add_space(tokens.gap * 1.5);

    let current = session.answers.get(&question.id).copied();
    let width = ui.available_width();
    for (answer, id) in Answer::ALL.into_iter().zip(&answer_ids) {
        let label = answer_label(cx, lang, Some(answer));
        let button = Button::new(&label, lang)
            .selected(current == Some(answer))
            .highlighted(speaking.as_ref() == Some(id))
            .min_size(vec2(width, tokens.touch_target * 1.6));
        if ui.add(button).clicked() {
            cx.commands.push(Command::Answer(answer));
        }
        ui.add_space(tokens.gap / 2.0);
    }
}

fn progress_bar(ui: &mut Ui, tokens: &Tokens, fraction: f32, rtl: bool) {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 6.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 3.0, tokens.button_stroke);
    let w = rect.width() * fraction.clamp(0.0, 1.0);
    let done = if rtl {
        egui::Rect::from_min_max(egui::pos2(rect.max.x - w, rect.min.y), rect.max)
    } else {
        egui::Rect::from_min_max(rect.min, egui::pos2(rect.min.x + w, rect.max.y))
    };
    ui.painter().rect_filled(done, 3.0, tokens.accent);
}

/// Every question with its answer, each changeable, before the result.
pub fn review(ui: &mut Ui, cx: &mut Context<'_>, session: &Session) {
    let tokens = ui.tokens();
    let lang = cx.lang;
    let screening = cx.library.screening();
    ui.add(Heading::new(&cx.strings.get(lang, msg::REVIEW_TITLE), lang));
    ui.add(Paragraph::new(&cx.strings.get(lang, msg::REVIEW_INTRO), lang).color(tokens.muted_text));
    ui.add_space(tokens.gap);
    let change = cx.strings.get(lang, msg::REVIEW_CHANGE);
    for (i, q) in session.questions(screening).into_iter().enumerate() {
        let text = q.text.get(lang);
        ui.add(Paragraph::new(text, lang));
        crate::ui::row(ui, lang.is_rtl(), |ui| {
            let answer = answer_label(cx, lang, session.answers.get(&q.id).copied());
            ui.add(
                Paragraph::new(&answer, lang)
                    .style(tokens.title)
                    .color(tokens.accent)
                    .fit(),
            );
            ui.add_space(tokens.gap);
            let button = Button::new(&change, lang).accessible_label(format!("{change}: {text}"));
            if ui.add(button).clicked() {
                cx.commands.push(Command::ChangeAnswer(i));
            }
        });
        ui.add_space(tokens.gap / 2.0);
    }
    ui.add_space(tokens.gap);
    crate::ui::row(ui, lang.is_rtl(), |ui| {
        if ui
            .add(Button::new(&cx.strings.get(lang, msg::SEE_RESULT), lang).selected(true))
            .clicked()
        {
            cx.commands.push(Command::ShowResult);
        }
    });
}

/// The verdict per treatment; side by side with the staff language on request.
pub fn result(ui: &mut Ui, cx: &mut Context<'_>, session: &Session, side_by_side: bool) {
    let tokens = ui.tokens();
    let lang = cx.lang;
    let rtl = lang.is_rtl();
    crate::ui::row(ui, rtl, |ui| {
        if ui
            .add(Button::new(
                &cx.strings.get(lang, msg::BACK_TO_ANSWERS),
                lang,
            ))
            .clicked()
        {
            cx.commands.push(Command::ReviewAnswers);
        }
        crate::ui::row_end(ui, rtl, |ui| {
            if ui
                .add(Button::new(&cx.strings.get(lang, msg::START_AGAIN), lang))
                .clicked()
            {
                cx.commands.push(Command::FinishScreening);
            }
            let (label, next) = if side_by_side {
                (msg::SINGLE_VIEW, false)
            } else {
                (msg::SIDE_BY_SIDE, true)
            };
            if ui
                .add(Button::new(&cx.strings.get(lang, label), lang))
                .clicked()
            {
                cx.commands.push(Command::SetSideBySide(next));
            }
        });
    });
    ui.add_space(tokens.gap);
    // Read aloud, treatment by treatment: the verdict, then the message of each
    // rule the answers met; the text being read is highlighted in its card.
    let tokens_now = ui.tokens();
    let mut owners = Vec::new();
    let mut ids = Vec::new();
    for (n, outcome) in session.outcomes(cx.library.screening()).iter().enumerate() {
        let (verdict, _, _) = verdict_style(&tokens_now, outcome.verdict);
        owners.push(n);
        ids.push(crate::content::narration::ui_id(verdict));
        for finding in &outcome.findings {
            if let crate::screening::Finding::Rule(rule) = finding {
                owners.push(n);
                ids.push(rule_id(outcome, &rule.question));
            }
        }
    }
    let read = super::listen::controls(ui, cx, ids.clone()).map(|at| Reading {
        outcome: owners[at],
        id: ids[at].clone(),
    });
    if side_by_side {
        super::staff_language_row(ui, cx);
        super::side_by_side(ui, cx, |ui, column_lang| {
            let read = read.as_ref().filter(|_| column_lang == lang);
            result_column(ui, cx, session, column_lang, true, read);
        });
    } else {
        result_column(ui, cx, session, lang, false, read.as_ref());
    }
}

/// The text of the results being read aloud: in which treatment's card, and its
/// narration id.
struct Reading {
    outcome: usize,
    id: String,
}

fn rule_id(outcome: &Outcome<'_>, question: &str) -> String {
    format!("{}.rule.{question}", outcome.treatment)
}

fn verdict_style(tokens: &Tokens, verdict: Verdict) -> (&'static str, Color32, Color32) {
    match verdict {
        Verdict::DoNotTreat => (
            msg::VERDICT_DO_NOT_TREAT,
            tokens.danger_fill,
            tokens.danger_text,
        ),
        Verdict::Discuss => (
            msg::VERDICT_DISCUSS,
            tokens.warning_fill,
            tokens.warning_text,
        ),
        Verdict::NoConcerns => (msg::VERDICT_NO_CONCERNS, tokens.ok_fill, tokens.ok_text),
    }
}

fn result_column(
    ui: &mut Ui,
    cx: &Context<'_>,
    session: &Session,
    lang: Language,
    with_answers: bool,
    read: Option<&Reading>,
) {
    let tokens = ui.tokens();
    let screening = cx.library.screening();
    ui.add(Heading::new(&cx.strings.get(lang, msg::RESULT_TITLE), lang));
    ui.add(Paragraph::new(&cx.strings.get(lang, msg::RESULT_NOTE), lang).color(tokens.muted_text));
    ui.add_space(tokens.gap);
    for (n, outcome) in session.outcomes(screening).iter().enumerate() {
        let read = read.filter(|r| r.outcome == n).map(|r| r.id.as_str());
        outcome_card(ui, cx, outcome, lang, read);
        ui.add_space(tokens.gap / 2.0);
    }
    if with_answers {
        ui.add_space(tokens.gap);
        ui.add(Paragraph::new(&cx.strings.get(lang, msg::ANSWERS_GIVEN), lang).style(tokens.title));
        let lines: Vec<String> = session
            .questions(screening)
            .iter()
            .map(|q| {
                let answer = answer_label(cx, lang, session.answers.get(&q.id).copied());
                format!("{} — {answer}", q.text.get(lang))
            })
            .collect();
        ui.add(BulletList::new(&lines, lang));
    }
}

/// One treatment's result; `read`: the narration id of its text being read aloud.
fn outcome_card(
    ui: &mut Ui,
    cx: &Context<'_>,
    outcome: &Outcome<'_>,
    lang: Language,
    read: Option<&str>,
) {
    let tokens = ui.tokens();
    let screening = cx.library.screening();
    let (verdict_id, fill, ink) = verdict_style(&tokens, outcome.verdict);
    let title = cx.library.topic(outcome.treatment).map_or_else(
        || outcome.treatment.to_owned(),
        |t| t.text(lang).title.clone(),
    );
    Frame::new()
        .fill(fill)
        .stroke(Stroke::new(1.0, ink.gamma_multiply(0.4)))
        .corner_radius(CornerRadius::same(tokens.corner_radius as u8))
        .inner_margin(Margin::symmetric(14, 10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(Paragraph::new(&title, lang).style(tokens.title));
            let verdict_text = cx.strings.get(lang, verdict_id);
            let verdict = Paragraph::new(&verdict_text, lang)
                .style(tokens.heading)
                .color(ink);
            let verdict_read = read == Some(crate::content::narration::ui_id(verdict_id).as_str());
            super::listen::text(ui, verdict, verdict_read);
            let reasons: Vec<String> = outcome
                .findings
                .iter()
                .map(|f| finding_text(screening, cx.strings, f, lang))
                .collect();
            let reason_read = outcome.findings.iter().position(|f| {
                matches!(f, crate::screening::Finding::Rule(rule)
                    if read == Some(rule_id(outcome, &rule.question).as_str()))
            });
            if !reasons.is_empty() {
                super::listen::bullet_list(ui, &reasons, lang, reason_read);
            }
            if !outcome.unanswered.is_empty() {
                let n = outcome.unanswered.len() as u32;
                ui.add(Paragraph::new(
                    &cx.strings.counted(lang, msg::RESULT_UNANSWERED, n, n),
                    lang,
                ));
            }
            // The treatment's notice goes with every result, whatever the verdict.
            if let Some(notice) = screening.notice(outcome.treatment) {
                ui.add(Paragraph::new(notice.text.get(lang), lang));
            }
            if let Some(topic) = cx.library.topic(outcome.treatment) {
                let review = super::review_line(cx, topic, lang);
                ui.add(Paragraph::new(&review, lang).style(tokens.small));
            }
        });
}
