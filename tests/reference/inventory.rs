//! Every user-visible string the app ships, as the screens build it, with the file
//! and line it comes from: content (titles, summaries, paragraphs and list items
//! with their citation marks, timeline labels, source titles and addresses),
//! screening questions and reasons, every Fluent message with sample arguments
//! (every plural form included), the Scripts page samples and the language names.

use std::path::Path;

use clinic_edu::Language;
use clinic_edu::content::model::Block;
use clinic_edu::content::{self, ContentFiles};
use clinic_edu::i18n::Strings;
use clinic_edu::samples::Samples;
use clinic_edu::theme::timeline::step_text;
use clinic_edu::ui::screens::topic::{cited, source_line};
use fluent_bundle::FluentArgs;

/// One string as a person sees it.
#[derive(Clone, Debug)]
pub struct Visible {
    pub text: String,
    pub lang: Language,
    /// Set in bold (titles and headings).
    pub bold: bool,
    /// `PATH:LINE:COL` of where it comes from (the line of the message for Fluent).
    pub origin: String,
}

fn manifest(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `rel:LINE:COL` of the first place `text` (or the part of it before anything
/// the file writes differently, such as an escape) stands in the file.
fn locate(rel: &str, source: &str, text: &str) -> String {
    let mut probe: String = text.chars().take(40).collect();
    if let Some(cut) = probe.find(['"', '\\', '\n']) {
        probe.truncate(cut);
    }
    match source.find(&probe).filter(|_| !probe.is_empty()) {
        Some(at) => {
            let before = &source[..at];
            let line = before.matches('\n').count() + 1;
            let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            format!("{rel}:{line}:{col}")
        }
        None => rel.to_owned(),
    }
}

struct Collector {
    out: Vec<Visible>,
}

impl Collector {
    fn push(&mut self, text: String, lang: Language, bold: bool, origin: String) {
        if text.trim().is_empty() {
            return;
        }
        self.out.push(Visible {
            text,
            lang,
            bold,
            origin,
        });
    }
}

/// Sample arguments for every message: one set per count, so that every plural
/// form of every language is reached, and ranges as the timeline builds them.
fn sample_args(strings: &Strings, lang: Language) -> Vec<FluentArgs<'static>> {
    let counts = [
        (0, 0),
        (1, 1),
        (2, 2),
        (3, 3),
        (11, 11),
        (100, 100),
        (1, 2),
        (3, 5),
        (1, 12),
    ];
    counts
        .into_iter()
        .map(|(min, max)| {
            let mut args = FluentArgs::new();
            args.set("range", strings.range(lang, min, max));
            args.set("min", min);
            args.set("max", max);
            args.set("n", strings.number(lang, min.max(1)));
            args.set("total", strings.number(lang, max.max(1) + 2));
            args.set(
                "duration",
                strings.counted(lang, "duration-weeks", min, max),
            );
            args.set("reviewer", "Dr Amal Haddad, dermatologist");
            args.set("date", "2026-11-21");
            args.set("version", strings.number(lang, max.max(1)));
            args.set("language", strings.get(lang, "lang-en"));
            args.set("question", strings.get(lang, "tap-to-start"));
            args.set("text", strings.get(lang, "timeline-no-downtime"));
            args.set("note", strings.get(lang, "certainty-varies"));
            args.set(
                "list",
                format!("{}, {}", strings.number(lang, 1), strings.number(lang, 3)),
            );
            args
        })
        .collect()
}

/// Everything, in a stable order.
pub fn all() -> Vec<Visible> {
    let mut c = Collector { out: Vec::new() };
    let loaded = content::load(&ContentFiles::embedded(), None);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let library = loaded.library;
    let strings = Strings::embedded().unwrap();

    for topic in library.topics() {
        let topic_rel = format!("assets/content/{}/topic.ron", topic.id);
        let topic_src = manifest(&topic_rel);
        for lang in Language::all() {
            let rel = format!("assets/content/{}/{}.ron", topic.id, lang.code());
            let src = manifest(&rel);
            let text = topic.text(lang);
            c.push(
                text.title.clone(),
                lang,
                true,
                locate(&rel, &src, &text.title),
            );
            c.push(
                text.summary.clone(),
                lang,
                false,
                locate(&rel, &src, &text.summary),
            );
            for (_, parts) in &text.sections {
                for block in parts.iter().flat_map(|p| p.blocks.iter()) {
                    match block {
                        Block::Para { text, cite, .. } => c.push(
                            cited(topic, lang, text, cite),
                            lang,
                            false,
                            locate(&rel, &src, text),
                        ),
                        Block::List { items } => {
                            for item in items {
                                c.push(
                                    cited(topic, lang, &item.text, &item.cite),
                                    lang,
                                    false,
                                    locate(&rel, &src, &item.text),
                                );
                            }
                        }
                    }
                }
            }
            for step in &topic.timeline {
                let step_name = format!("{:?}", step.step);
                c.push(
                    step_text(&strings, lang, step),
                    lang,
                    false,
                    locate(&topic_rel, &topic_src, &step_name),
                );
            }
            for (i, source) in topic.sources.iter().enumerate() {
                c.push(
                    source_line(lang, i, &source.title),
                    Language::builtin("en"),
                    false,
                    locate(&topic_rel, &topic_src, &source.title),
                );
            }
        }
        for source in &topic.sources {
            if let Some(url) = &source.url {
                c.push(
                    url.clone(),
                    Language::builtin("en"),
                    false,
                    locate(&topic_rel, &topic_src, url),
                );
            }
        }
    }

    let screening = library.screening();
    let questions_rel = "assets/content/questions.ron";
    let questions_src = manifest(questions_rel);
    for q in screening.questions() {
        for lang in Language::all() {
            let text = q.text.get(lang);
            c.push(
                text.to_owned(),
                lang,
                true,
                locate(questions_rel, &questions_src, text),
            );
        }
    }
    for treatment in screening.treatments() {
        let rel = format!("assets/content/{treatment}/screening.ron");
        let src = manifest(&rel);
        for rule in &screening.rules(treatment).unwrap().rules {
            for lang in Language::all() {
                let text = rule.reason.get(lang);
                c.push(text.to_owned(), lang, false, locate(&rel, &src, text));
            }
        }
    }

    for lang in Language::all() {
        let rel = format!("assets/languages/{}/main.ftl", lang.code());
        let src = manifest(&rel);
        let args = sample_args(&strings, lang);
        for id in strings.ids(lang) {
            let origin = locate(&rel, &src, &format!("{id} ="));
            let mut seen = Vec::new();
            for args in &args {
                let text = strings.format(lang, &id, Some(args));
                if !seen.contains(&text) {
                    seen.push(text.clone());
                    c.push(text, lang, false, origin.clone());
                }
            }
        }
    }

    let samples = Samples::embedded().unwrap();
    let samples_src = manifest("assets/samples.ron");
    for lang in Language::all() {
        for s in samples.get(lang).strings() {
            c.push(
                s.to_owned(),
                lang,
                false,
                locate("assets/samples.ron", &samples_src, s),
            );
        }
        c.push(
            lang.native_name().to_owned(),
            lang,
            false,
            "src/lang.rs".to_owned(),
        );
    }
    c.out
}
