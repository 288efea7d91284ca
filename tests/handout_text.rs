//! The text layer of every handout says what the page shows: for each topic and
//! language, every word of every paragraph and list item comes back out of the PDF
//! through two extractors nobody here wrote, poppler's `pdftotext` and pdfminer.six's
//! `pdf2txt` (Debian's poppler-utils and python3-pdfminer; `.ci/run` installs them).
//!
//! Both sides are compared after Unicode NFKC with bidi controls and punctuation
//! removed; Japanese, which has no spaces, in runs of four characters. pdfminer
//! does no bidi: it gives right-to-left lines in visual order, so its Arabic and
//! Urdu lines are read back by reversing them (runs of Latin letters and of digits
//! keep their order). Where poppler misreads a correct PDF, the case is named and
//! counted, never folded into a looser check:
//! - poppler moves the space beside a Latin word or a number in a right-to-left
//!   line to its other side;
//! - poppler joins the halves of a word hyphenated at a line's end.
//!
//! pdfminer, which ignores /ActualText, has no named case: every glyph's text is
//! its own (`src/pdf/glyph_text.rs`), and a run whose glyphs do not stand in
//! reading order (marks, Nastaliq) carries an invisible text layer.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use clinic_edu::Language;
use clinic_edu::content::model::block_strings;
use clinic_edu::content::{ContentFiles, SectionId};
use clinic_edu::i18n::{Strings, localize_digits, msg};
use clinic_edu::pdf::{self, HandoutRequest, Paper};
use clinic_edu::text::{FontOptions, TextSystem};
use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_normalization::UnicodeNormalization;

fn is_punct_or_control(c: char) -> bool {
    use GeneralCategory::*;
    clinic_edu::text::is_invisible_control(c)
        || matches!(
            get_general_category(c),
            ConnectorPunctuation
                | DashPunctuation
                | OpenPunctuation
                | ClosePunctuation
                | InitialPunctuation
                | FinalPunctuation
                | OtherPunctuation
                | MathSymbol
                | CurrencySymbol
                | ModifierSymbol
                | OtherSymbol
                | Format
                | Control
        )
}

/// NFKC, with bidi controls and other format characters removed and punctuation
/// (and symbols) turned into spaces.
fn normalize(text: &str) -> String {
    text.nfkc()
        .filter(|&c| {
            !clinic_edu::text::is_invisible_control(c)
                && get_general_category(c) != GeneralCategory::Format
        })
        .map(|c| {
            if !c.is_whitespace() && is_punct_or_control(c) {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .to_lowercase()
}

fn words(text: &str) -> Vec<String> {
    normalize(text)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Runs of four characters (the last run of a piece may be shorter).
fn char_runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in normalize(text).split_whitespace() {
        let chars: Vec<char> = piece.chars().collect();
        for run in chars.chunks(4) {
            out.push(run.iter().collect());
        }
    }
    out
}

/// A line in visual order read back in logical order: reversed, with runs of
/// left-to-right text (Latin words and numbers, and the spaces and dots between
/// them) kept in their order.
fn unvisual(line: &str) -> String {
    // Numbers keep their order in a right-to-left line in any digits (UAX #9:
    // European and Arabic-Indic digits alike).
    let ltr = |c: char| c.is_ascii_alphanumeric() || c.is_numeric();
    let chars: Vec<char> = line.chars().rev().collect();
    let inside = |i: usize| {
        matches!(chars[i], ' ' | '.' | ',' | '-')
            && i > 0
            && ltr(chars[i - 1])
            && chars.get(i + 1).is_some_and(|&c| ltr(c))
    };
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if ltr(chars[i]) {
            let start = i;
            while i < chars.len() && (ltr(chars[i]) || inside(i)) {
                i += 1;
            }
            out.extend(chars[start..i].iter().rev());
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Extractor {
    Poppler,
    Pdfminer,
}

fn extract(extractor: Extractor, pdf: &Path) -> String {
    let output = match extractor {
        Extractor::Poppler => Command::new("pdftotext").arg(pdf).arg("-").output(),
        Extractor::Pdfminer => Command::new("pdf2txt").arg(pdf).output(),
    }
    .unwrap_or_else(|e| panic!("{extractor:?} cannot run ({e}); .ci/run installs it"));
    assert!(
        output.status.success(),
        "{extractor:?} failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("extractors print UTF-8")
}

/// The paragraphs and list items of every section of `topic` in `lang`.
fn expected(library: &clinic_edu::content::Library, topic: &str, lang: Language) -> Vec<String> {
    let text = library.topic(topic).unwrap().text(lang);
    let mut out = Vec::new();
    for section in SectionId::ALL {
        for part in text.section(section) {
            for block in &part.blocks {
                out.extend(block_strings(block).map(str::to_owned));
            }
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    checked: usize,
    named: BTreeMap<&'static str, usize>,
    missing: Vec<String>,
}

/// `furniture`: the footer and page numbers, taken out of Japanese text, where they
/// would stand between the halves of a paragraph that goes on to the next page.
fn check(
    extractor: Extractor,
    lang: Language,
    extracted: &str,
    expected: &[String],
    furniture: &[String],
    tally: &mut Tally,
) {
    let extracted = if extractor == Extractor::Pdfminer && lang.is_rtl() {
        extracted
            .lines()
            .map(unvisual)
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        extracted.to_owned()
    };
    if lang == Language::builtin("ja") {
        let mut stream: String = char_runs(&extracted).concat();
        for piece in furniture {
            stream = stream.replace(&char_runs(piece).concat(), "");
        }
        for text in expected {
            for run in char_runs(text) {
                tally.checked += 1;
                if !stream.contains(&run) {
                    tally.missing.push(format!("{run:?} of {text:?}"));
                }
            }
        }
        return;
    }
    let found: HashSet<String> = words(&extracted).into_iter().collect();
    let spaceless: String = normalize(&extracted).split_whitespace().collect();
    for text in expected {
        // Halves of a hyphenated word that poppler joined where a line broke after
        // the hyphen.
        let mut joined = HashSet::new();
        for compound in text.split_whitespace().filter(|w| w.contains('-')) {
            let parts = words(compound);
            if extractor == Extractor::Poppler && found.contains(&parts.concat()) {
                joined.extend(parts);
            }
        }
        let text_words = words(text);
        for (i, word) in text_words.iter().enumerate() {
            let word = word.clone();
            let latin = |j: Option<usize>| {
                j.and_then(|j| text_words.get(j)).is_some_and(|w| {
                    w.chars()
                        .any(|c| c.is_ascii_alphanumeric() || c.is_numeric())
                })
            };
            let by_latin = latin(Some(i)) || latin(i.checked_sub(1)) || latin(Some(i + 1));
            tally.checked += 1;
            if found.contains(&word) {
                continue;
            }
            let case = match extractor {
                _ if joined.contains(&word) => {
                    Some("poppler: a hyphenated word broken at a line end comes out joined")
                }
                Extractor::Poppler if lang.is_rtl() && by_latin && spaceless.contains(&word) => {
                    Some(
                        "poppler: the space beside a Latin word or number in a right-to-left line moves",
                    )
                }
                _ => None,
            };
            match case {
                Some(case) => *tally.named.entry(case).or_default() += 1,
                None => tally.missing.push(format!("{word:?} of {text:?}")),
            }
        }
    }
}

#[test]
fn every_word_of_every_handout_comes_back_out_of_the_pdf() {
    let files = ContentFiles::embedded();
    let loaded = clinic_edu::content::load(&files, None);
    assert!(loaded.errors.is_empty());
    let library = loaded.library;
    let strings = Strings::embedded().unwrap();
    let mut text = TextSystem::new(FontOptions::default());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("handout_text");
    std::fs::create_dir_all(&dir).unwrap();

    let mut tallies: BTreeMap<(Extractor, Language), Tally> = BTreeMap::new();
    for topic in library.topics() {
        for lang in Language::all() {
            let request = HandoutRequest {
                topic: topic.id.clone(),
                lang,
                staff_lang: None,
                sections: SectionId::ALL.to_vec(),
                paper: Paper::A4,
                clinic_name: None,
                date: clinic_edu::content::review::Date::parse("2026-12-01").unwrap(),
                review_months: 24,
            };
            let bytes = pdf::make(&library, &strings, &mut text, &request).unwrap();
            let path = dir.join(format!("{}-{}.pdf", topic.id, lang.code()));
            std::fs::write(&path, bytes).unwrap();
            let expected = expected(&library, &topic.id, lang);
            let pages = pdf::compose(&library, &strings, &mut text, &request)
                .unwrap()
                .pages
                .len();
            let mut furniture = vec![strings.get(lang, msg::HANDOUT_FOOTER)];
            for page in 1..=pages {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("page", localize_digits(lang, &page.to_string()));
                args.set("pages", localize_digits(lang, &pages.to_string()));
                furniture.push(strings.format(lang, msg::HANDOUT_PAGE, Some(&args)));
            }
            for extractor in [Extractor::Poppler, Extractor::Pdfminer] {
                let extracted = extract(extractor, &path);
                let tally = tallies.entry((extractor, lang)).or_default();
                check(extractor, lang, &extracted, &expected, &furniture, tally);
            }
        }
    }
    let mut failed = false;
    for ((extractor, lang), tally) in &tallies {
        eprintln!(
            "{extractor:?} {lang}: {} checked, {} missing, named cases {:?}",
            tally.checked,
            tally.missing.len(),
            tally.named
        );
        for missing in tally.missing.iter().take(15) {
            eprintln!("    missing {missing}");
        }
        failed |= !tally.missing.is_empty();
    }
    assert!(!failed, "words missing from extracted text (listed above)");
}
