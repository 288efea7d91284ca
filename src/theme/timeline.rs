//! The "what to expect" timeline as a picture: sessions as dots along a time axis,
//! downtime after each, the window when results may show, and how long the effect
//! may last, as marks in the tokens' colours; and each step in words. The screen
//! paints the marks with egui (`ui::widgets::Timeline`), a handout draws them into
//! its PDF.

use egui::{Color32, Pos2, Rect, pos2, vec2};

use super::Tokens;
use crate::content::model::{Certainty, Step, TimelineStep, Unit};
use crate::i18n::{Strings, msg};
use crate::lang::Language;

/// Days in a unit, for placing steps on one axis.
fn days(unit: Unit, n: u32) -> f32 {
    n as f32
        * match unit {
            Unit::Count | Unit::Days => 1.0,
            Unit::Weeks => 7.0,
            Unit::Months => 30.0,
        }
}

/// One step in words, in `lang`, with its certainty.
pub fn step_text(strings: &Strings, lang: Language, step: &TimelineStep) -> String {
    let duration = || {
        let id = match step.unit {
            Unit::Days | Unit::Count => msg::DURATION_DAYS,
            Unit::Weeks => msg::DURATION_WEEKS,
            Unit::Months => msg::DURATION_MONTHS,
        };
        strings.counted(lang, id, step.min, step.max)
    };
    let text = match step.step {
        Step::Sessions if step.ongoing => {
            strings.counted(lang, msg::TIMELINE_SESSIONS_ONGOING, step.min, step.max)
        }
        Step::Sessions => strings.counted(lang, msg::TIMELINE_SESSIONS, step.min, step.max),
        Step::Interval => strings.with_arg(lang, msg::TIMELINE_INTERVAL, "duration", duration()),
        Step::ResultsVisible => {
            strings.with_arg(lang, msg::TIMELINE_RESULTS, "duration", duration())
        }
        Step::Lasts => strings.with_arg(lang, msg::TIMELINE_LASTS, "duration", duration()),
        Step::Downtime if step.max == 0 => strings.get(lang, msg::TIMELINE_NO_DOWNTIME),
        Step::Downtime => strings.with_arg(lang, msg::TIMELINE_DOWNTIME, "duration", duration()),
    };
    let note = match step.certainty {
        Certainty::Established => return text,
        Certainty::Attributed => strings.get(lang, msg::CERTAINTY_ATTRIBUTED),
        Certainty::Varies => strings.get(lang, msg::CERTAINTY_VARIES),
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("text", text);
    args.set("note", note);
    strings.format(lang, msg::WITH_NOTE, Some(&args))
}

/// The colour a step has in the picture and in its legend.
pub fn step_color(tokens: &Tokens, step: Step) -> Color32 {
    match step {
        Step::Sessions | Step::Interval => tokens.accent,
        Step::Downtime => tokens.step_downtime,
        Step::ResultsVisible => tokens.step_results,
        Step::Lasts => tokens.step_lasts,
    }
}

/// One mark of the timeline picture, in the coordinates it was made for. The screen
/// paints the marks with egui, a handout draws the same marks into its PDF.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A filled band with corners rounded by 3 points.
    Band { rect: Rect, color: Color32 },
    Line {
        from: Pos2,
        to: Pos2,
        width: f32,
        color: Color32,
    },
    Dot {
        center: Pos2,
        radius: f32,
        color: Color32,
    },
    /// A hollow dot: a filled circle with a stroke around it.
    Ring {
        center: Pos2,
        radius: f32,
        fill: Color32,
        stroke_width: f32,
        stroke: Color32,
    },
}

/// The picture of `steps` inside `rect`, time running in reading direction.
pub fn picture(steps: &[TimelineStep], rtl: bool, rect: Rect, tokens: &Tokens) -> Vec<Mark> {
    let find = |step: Step| steps.iter().find(|s| s.step == step);
    let sessions = find(Step::Sessions).map_or(1, |s| s.max.max(1));
    let optional_from = find(Step::Sessions).map_or(1, |s| s.min.max(1));
    let interval = find(Step::Interval).map(|s| days(s.unit, s.min));
    let downtime = find(Step::Downtime).map(|s| days(s.unit, s.max));
    let results = find(Step::ResultsVisible).map(|s| (days(s.unit, s.min), days(s.unit, s.max)));
    let lasts = find(Step::Lasts).map(|s| days(s.unit, s.max));

    // Without an interval the sessions are spread evenly over a notional week each.
    let gap = interval.unwrap_or(7.0);
    let last_session = gap * (sessions - 1) as f32;
    let results_end = results.map_or(0.0, |(_, max)| max);
    let span = [
        last_session + downtime.unwrap_or(0.0),
        results_end + lasts.unwrap_or(0.0),
        last_session + results_end,
        1.0,
    ]
    .into_iter()
    .fold(0.0_f32, f32::max);

    let margin = 16.0;
    let axis_y = rect.center().y + 6.0;
    let (left, right) = (rect.min.x + margin, rect.max.x - margin);
    let x_of = |day: f32| {
        let t = (day / span).clamp(0.0, 1.0) * (right - left);
        if rtl { right - t } else { left + t }
    };
    let band = |from: f32, to: f32, y: f32, h: f32, color: Color32| {
        let (a, b) = (x_of(from), x_of(to));
        let (lo, hi) = (a.min(b), a.max(b).max(a.min(b) + 2.0));
        Mark::Band {
            rect: Rect::from_min_max(pos2(lo, y - h / 2.0), pos2(hi, y + h / 2.0)),
            color,
        }
    };
    let line = |from: Pos2, to: Pos2| Mark::Line {
        from,
        to,
        width: 2.0,
        color: tokens.button_stroke,
    };

    let mut marks = Vec::new();
    // How long the effect may last, after results show.
    if let (Some(lasts), Some((_, results_max))) = (lasts, results) {
        marks.push(band(
            results_max,
            results_max + lasts,
            axis_y - 20.0,
            8.0,
            step_color(tokens, Step::Lasts),
        ));
    }
    // When results may show: a band from the earliest to the latest.
    if let Some((min, max)) = results {
        marks.push(band(
            min,
            max.max(min + span * 0.01),
            axis_y - 20.0,
            8.0,
            step_color(tokens, Step::ResultsVisible),
        ));
    }
    marks.push(line(pos2(left, axis_y), pos2(right, axis_y)));
    // Arrow head in the direction time runs.
    let tip = if rtl {
        pos2(left, axis_y)
    } else {
        pos2(right, axis_y)
    };
    let back = if rtl { 8.0 } else { -8.0 };
    marks.push(line(tip, tip + vec2(back, -5.0)));
    marks.push(line(tip, tip + vec2(back, 5.0)));

    for i in 0..sessions {
        let day = gap * i as f32;
        if let Some(d) = downtime.filter(|d| *d > 0.0) {
            marks.push(band(
                day,
                day + d,
                axis_y + 14.0,
                6.0,
                step_color(tokens, Step::Downtime),
            ));
        }
        let center: Pos2 = pos2(x_of(day), axis_y);
        if i + 1 > optional_from {
            // Sessions some people need and others do not: hollow.
            marks.push(Mark::Ring {
                center,
                radius: 6.0,
                fill: tokens.surface,
                stroke_width: 2.0,
                stroke: tokens.accent,
            });
        } else {
            marks.push(Mark::Dot {
                center,
                radius: 7.0,
                color: tokens.accent,
            });
        }
    }
    marks
}
