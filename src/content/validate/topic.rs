//! Checks of a topic's `topic.ron`: its id, its sources and its timeline.

use super::Checker;
use crate::content::limits;
use crate::content::raw::{self, Step, Unit};

pub(super) fn check(c: &mut Checker<'_>, folder: &str, topic: &raw::TopicFile) {
    if topic.id != folder {
        c.error_at(
            &format!("\"{}\"", topic.id),
            format!(
                "the topic id {:?} differs from its folder name {folder:?}",
                topic.id
            ),
        );
    }
    c.in_range("order", "order", u64::from(topic.order), limits::ORDER, "");
    c.count(
        "sources",
        "sources",
        topic.sources.len(),
        limits::MAX_SOURCES,
    );
    sources(c, topic);
    timeline(c, topic);
}

fn sources(c: &mut Checker<'_>, topic: &raw::TopicFile) {
    let mut seen = Vec::new();
    for source in &topic.sources {
        let quoted = format!("\"{}\"", source.id);
        if !is_id(&source.id) {
            c.error_at(
                &quoted,
                format!(
                    "source id {:?} may only hold lowercase letters, digits and '-'",
                    source.id
                ),
            );
        }
        if seen.contains(&source.id.as_str()) {
            c.error_at(&quoted, format!("source id {:?} is used twice", source.id));
        }
        seen.push(source.id.as_str());
        if source.title.trim().is_empty() {
            c.error_at(&quoted, format!("source {:?} has no title", source.id));
        }
        c.length(
            &quoted,
            &format!("the title of source {:?}", source.id),
            &source.title,
        );
        if let Some(url) = &source.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            c.error_at(
                url,
                format!(
                    "source {:?} has an address that is not a web address: {url:?}",
                    source.id
                ),
            );
        }
    }
}

fn timeline(c: &mut Checker<'_>, topic: &raw::TopicFile) {
    let mut steps = Vec::new();
    for step in &topic.timeline {
        let name = format!("{:?}", step.step);
        if steps.contains(&step.step) {
            c.error_at(&name, format!("the timeline has {name} twice"));
        }
        steps.push(step.step);
        let (range, unit) = limits::timeline(step.step, step.unit);
        for (which, value) in [("min", step.min), ("max", step.max)] {
            c.in_range(
                &name,
                &format!("timeline {name} {which}"),
                u64::from(value),
                range.clone(),
                unit,
            );
        }
        if step.max < step.min {
            c.error_at(
                &name,
                format!(
                    "timeline {name}: max {} is less than min {}",
                    step.max, step.min
                ),
            );
        }
        let counts = step.step == Step::Sessions;
        if counts != (step.unit == Unit::Count) {
            let expected = if counts {
                "Count"
            } else {
                "Days, Weeks or Months"
            };
            c.error_at(&name, format!("timeline {name}: unit should be {expected}"));
        }
        if step.cite.is_empty() {
            c.error_at(&name, format!("timeline {name} cites no source"));
        }
        if step.ongoing && step.step != raw::Step::Sessions {
            c.error_at(
                &name,
                format!("timeline {name}: only Sessions can be ongoing"),
            );
        }
        c.citations(&step.cite, &topic.sources, |id| {
            format!("timeline {name} cites an unknown source {id:?}")
        });
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
