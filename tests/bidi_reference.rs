//! Every line of every string the app ships, in all four languages and at three
//! widths, against references nobody here wrote: the visual order and the levels
//! against GNU FriBidi (paragraph direction from the language, rules L1 and L2 per
//! line), the glyph ids of every run of one font and one level against HarfBuzz's
//! `hb-shape` with the same font file, direction and language; and every line
//! starts where UAX #14 (the `unicode-linebreak` tables) allows a break in the
//! whole paragraph.
//!
//! Needs Debian's libfribidi-bin and libharfbuzz-bin (`.ci/run` installs both); it
//! fails, never skips, without them.
//!
//! Unix only: FriBidi is loaded from Debian's `libfribidi.so.0` (dlopen). The text
//! engine checked is the same code on Windows, where `.ci/windows` compares its
//! `layout` output with the Linux build's.
#![cfg(unix)]

mod reference;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use clinic_edu::Language;
use clinic_edu::text::{
    FontOptions, Line, TextLayout, TextStyle, TextSystem, is_invisible_control, paragraphs,
};
use reference::fribidi::FriBidi;
use reference::harfbuzz::{self, Batch, Setup};
use reference::inventory::{self, Visible};

const WIDTHS: [f32; 3] = [320.0, 640.0, 1000.0];

/// Cases where the engine's shaper (harfrust) and this machine's HarfBuzz truly
/// disagree, by string origin, with the reason. Keep it short.
const KNOWN_SHAPING_DIFFERENCES: &[(&str, &str)] = &[];

fn language_tag(lang: Language) -> &'static str {
    lang.code()
}

/// A run of one font and one level on a line, in visual order.
struct Run<'a> {
    glyphs: Vec<&'a clinic_edu::text::Glyph>,
    range: std::ops::Range<usize>,
    setup: Setup,
}

fn runs<'a>(system: &TextSystem, line: &'a Line, lang: Language) -> Vec<Run<'a>> {
    let mut out: Vec<Run<'a>> = Vec::new();
    for g in &line.glyphs {
        let font = system
            .bundled_file(g.font_id)
            .unwrap_or_else(|| panic!("glyph from a face that is not bundled"));
        let rtl = g.level % 2 == 1;
        match out.last_mut() {
            Some(run)
                if run.setup.font == font
                    && run.setup.rtl == rtl
                    && run.glyphs[0].level == g.level =>
            {
                run.glyphs.push(g);
                run.range.start = run.range.start.min(g.start);
                run.range.end = run.range.end.max(g.end);
            }
            _ => out.push(Run {
                glyphs: vec![g],
                range: g.start..g.end,
                setup: Setup {
                    font,
                    rtl,
                    language: language_tag(lang),
                },
            }),
        }
    }
    out
}

fn style(v: &Visible) -> TextStyle {
    if v.bold {
        TextStyle::bold(16.0)
    } else {
        TextStyle::regular(16.0)
    }
}

fn short(text: &str) -> String {
    let s: String = text.chars().take(60).collect();
    if s.len() < text.len() {
        format!("{s}…")
    } else {
        s
    }
}

/// The cluster (start byte) that each byte of `text` belongs to, from the layout.
fn clusters(layout: &TextLayout, len: usize) -> Vec<Option<usize>> {
    let mut of = vec![None; len];
    for g in layout.glyphs() {
        for slot in &mut of[g.start..g.end] {
            *slot = Some(g.start);
        }
    }
    of
}

#[test]
fn every_shipped_line_matches_fribidi_and_harfbuzz() {
    let started = std::time::Instant::now();
    let fribidi = FriBidi::load();
    let hb_version = harfbuzz::version();
    let strings = inventory::all();
    let mut system = TextSystem::new(FontOptions {
        system_fonts: false,
    });

    // Lay everything out once; ask HarfBuzz for every run.
    let mut layouts: Vec<(usize, f32, TextLayout)> = Vec::new();
    let mut batch = Batch::default();
    for (i, v) in strings.iter().enumerate() {
        for width in WIDTHS {
            let layout = system.layout_uncached(&v.text, v.lang, style(v), Some(width), 1.0);
            for line in &layout.lines {
                for run in runs(&system, line, v.lang) {
                    batch.add(&run.setup, &v.text[run.range.clone()]);
                }
            }
            layouts.push((i, width, layout));
        }
    }
    let scratch = std::env::temp_dir().join(format!("clinic-edu-hb-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    batch.run(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts"),
        &scratch,
    );
    let _ = std::fs::remove_dir_all(&scratch);

    let mut lines_total: BTreeMap<Language, usize> = BTreeMap::new();
    let mut lines_ok: BTreeMap<Language, usize> = BTreeMap::new();
    let mut failures: Vec<String> = Vec::new();
    let mut known_hits: HashMap<&str, usize> = HashMap::new();

    for (i, width, layout) in &layouts {
        let v = &strings[*i];
        let text = v.text.as_str();
        let cluster_of = clusters(layout, text.len());
        let rtl = v.lang.is_rtl();
        let paras = paragraphs(text);
        let resolved: Vec<_> = paras
            .iter()
            .map(|p| {
                let chars: Vec<char> = text[p.clone()].chars().collect();
                fribidi.paragraph(&chars, rtl)
            })
            .collect();
        // Byte offset of each char of each paragraph, and back.
        let char_starts: Vec<Vec<usize>> = paras
            .iter()
            .map(|p| {
                text[p.clone()]
                    .char_indices()
                    .map(|(b, _)| p.start + b)
                    .collect()
            })
            .collect();

        // Lines of each paragraph: a line starts at its first glyph's cluster.
        let mut para_lines: Vec<Vec<(usize, usize)>> = vec![Vec::new(); paras.len()];
        for (li, line) in layout.lines.iter().enumerate() {
            let Some(start) = line.glyphs.iter().map(|g| g.start).min() else {
                continue;
            };
            let pi = paras
                .iter()
                .position(|p| p.contains(&start) || p.end == start)
                .unwrap();
            para_lines[pi].push((li, start));
        }

        for (pi, lines) in para_lines.iter().enumerate() {
            let starts = &char_starts[pi];
            for (k, &(li, start)) in lines.iter().enumerate() {
                let line = &layout.lines[li];
                *lines_total.entry(v.lang).or_default() += 1;
                let end = lines.get(k + 1).map_or(paras[pi].end, |&(_, s)| s);
                let first = if k == 0 {
                    0
                } else {
                    starts.partition_point(|&b| b < start)
                };
                let last = starts.partition_point(|&b| b < end);
                let (order, levels) = fribidi.reorder_line(&resolved[pi], first..last);
                let where_ = format!(
                    "{} [{}] at {width} px, line {} of {:?}",
                    v.origin,
                    v.lang,
                    li + 1,
                    short(text)
                );
                // A line starts where UAX #14 allows a break in the whole paragraph,
                // or inside a word too wide for a line of its own.
                if k > 0 {
                    let para_text = &text[paras[pi].clone()];
                    let rel = start - paras[pi].start;
                    let before: Vec<usize> = unicode_linebreak::linebreaks(para_text)
                        .map(|(b, _)| b)
                        .take_while(|&b| b <= rel)
                        .collect();
                    let allowed = before.last() == Some(&rel);
                    let prev_start = lines[k - 1].1 - paras[pi].start;
                    let forced = before.last().is_none_or(|&b| b <= prev_start);
                    if !allowed && !forced {
                        failures.push(format!(
                            "{where_}: the line starts at byte {start}, where UAX #14 allows no break"
                        ));
                    }
                }
                if line.rtl != rtl {
                    failures.push(format!(
                        "{where_}: the line is {}",
                        if line.rtl { "RTL" } else { "LTR" }
                    ));
                    continue;
                }

                // Visual order, cluster by cluster.
                let mut expected: Vec<usize> = Vec::new();
                let mut expected_level: Vec<u8> = Vec::new();
                for &ci in &order {
                    let byte = starts[ci];
                    let c = text[byte..].chars().next().unwrap();
                    let Some(cluster) = cluster_of[byte] else {
                        // The engine draws no glyph for a control, nor for the space
                        // where a line wraps.
                        assert!(
                            is_invisible_control(c) || c.is_whitespace(),
                            "{where_}: {c:?} has no glyph"
                        );
                        continue;
                    };
                    if expected.last() != Some(&cluster) {
                        expected.push(cluster);
                        expected_level.push(levels[ci - first]);
                    }
                }
                let mut got: Vec<usize> = Vec::new();
                let mut got_level: Vec<u8> = Vec::new();
                for g in &line.glyphs {
                    if got.last() != Some(&g.start) {
                        got.push(g.start);
                        got_level.push(g.level);
                    }
                }
                let mut ok = true;
                if expected != got {
                    let at = expected
                        .iter()
                        .zip(&got)
                        .position(|(a, b)| a != b)
                        .unwrap_or(expected.len().min(got.len()));
                    let cluster = |list: &[usize]| {
                        list.get(at).map_or("(end)".to_owned(), |&b| {
                            format!("{:?} at byte {b}", text[b..].chars().next().unwrap())
                        })
                    };
                    failures.push(format!(
                        "{where_}: visual order differs at cluster {at}: FriBidi has {}, the engine {}",
                        cluster(&expected),
                        cluster(&got)
                    ));
                    ok = false;
                } else if expected_level != got_level {
                    let at = expected_level
                        .iter()
                        .zip(&got_level)
                        .position(|(a, b)| a != b)
                        .unwrap();
                    failures.push(format!(
                        "{where_}: level of {:?} (byte {}) is {} in FriBidi, {} in the engine",
                        text[got[at]..].chars().next().unwrap(),
                        got[at],
                        expected_level[at],
                        got_level[at]
                    ));
                    ok = false;
                }

                // Glyphs, run by run.
                for run in runs(&system, line, v.lang) {
                    let run_text = &text[run.range.clone()];
                    let reference: Vec<u16> = batch
                        .glyphs(&run.setup, run_text)
                        .iter()
                        .filter(|g| {
                            !run_text
                                .chars()
                                .nth(g.cluster)
                                .is_some_and(is_invisible_control)
                        })
                        .map(|g| g.id)
                        .collect();
                    let ours: Vec<u16> = run.glyphs.iter().map(|g| g.glyph_id).collect();
                    if reference != ours {
                        if let Some((name, _)) = KNOWN_SHAPING_DIFFERENCES
                            .iter()
                            .find(|(name, _)| v.origin.starts_with(name))
                        {
                            *known_hits.entry(name).or_default() += 1;
                            continue;
                        }
                        let at = reference
                            .iter()
                            .zip(&ours)
                            .position(|(a, b)| a != b)
                            .unwrap_or(reference.len().min(ours.len()));
                        let cluster = run.glyphs.get(at).map_or("(end)".to_owned(), |g| {
                            format!("{:?}", &text[g.start..g.end])
                        });
                        failures.push(format!(
                            "{where_}: glyphs of run {:?} ({}, {}) differ at glyph {at} (cluster {cluster}): hb-shape {reference:?}, engine {ours:?}",
                            run_text,
                            run.setup.font,
                            if run.setup.rtl { "rtl" } else { "ltr" },
                        ));
                        ok = false;
                    }
                }
                if ok {
                    *lines_ok.entry(v.lang).or_default() += 1;
                }
            }
        }
    }

    let total: usize = lines_total.values().sum();
    let ok: usize = lines_ok.values().sum();
    println!(
        "{ok} of {total} lines match {} and {hb_version} ({} strings x {} widths, {:.1} s)",
        fribidi.version,
        strings.len(),
        WIDTHS.len(),
        started.elapsed().as_secs_f64()
    );
    for (lang, n) in &lines_total {
        println!(
            "  {lang}: {} of {n}",
            lines_ok.get(lang).copied().unwrap_or(0)
        );
    }
    for (name, reason) in KNOWN_SHAPING_DIFFERENCES {
        println!(
            "  known: {name} ({} runs): {reason}",
            known_hits.get(name).copied().unwrap_or(0)
        );
    }
    for f in failures.iter().take(60) {
        println!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {total} lines differ from the references (first ones above)",
        failures.len()
    );
}
