//! HarfBuzz's own `hb-shape` (Debian's libharfbuzz-bin): the reference for glyph ids.
//! Runs are batched, one `hb-shape` call per font, direction and language, each
//! reading its runs from one file, a run per line.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::Command;

/// What a run is shaped with.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Setup {
    /// Font file under `fonts/`.
    pub font: String,
    pub rtl: bool,
    /// BCP 47 language tag.
    pub language: &'static str,
}

/// One glyph as `hb-shape` prints it: glyph id and cluster (character index in the run).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HbGlyph {
    pub id: u16,
    pub cluster: usize,
}

/// Collects runs, then shapes them all at once.
#[derive(Default)]
pub struct Batch {
    runs: BTreeMap<Setup, Vec<String>>,
    shaped: HashMap<(Setup, String), Vec<HbGlyph>>,
}

pub fn version() -> String {
    let out = Command::new("hb-shape")
        .arg("--version")
        .output()
        .unwrap_or_else(|e| {
            panic!("hb-shape is missing ({e}): install Debian's libharfbuzz-bin (.ci/run does)")
        });
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

impl Batch {
    /// Asks for `text` to be shaped with `setup` (once, however often it is asked).
    pub fn add(&mut self, setup: &Setup, text: &str) {
        assert!(!text.contains(['\n', '\r']), "a run holds no line break");
        let runs = self.runs.entry(setup.clone()).or_default();
        runs.push(text.to_owned());
    }

    /// Shapes every run asked for.
    pub fn run(&mut self, fonts_dir: &Path, scratch: &Path) {
        for (i, (setup, texts)) in std::mem::take(&mut self.runs).into_iter().enumerate() {
            let mut texts = texts;
            texts.sort();
            texts.dedup();
            let input = scratch.join(format!("runs-{i}.txt"));
            std::fs::write(&input, texts.join("\n") + "\n").unwrap();
            let out = Command::new("hb-shape")
                .arg(format!(
                    "--font-file={}",
                    fonts_dir.join(&setup.font).display()
                ))
                .arg(format!(
                    "--direction={}",
                    if setup.rtl { "rtl" } else { "ltr" }
                ))
                .arg(format!("--language={}", setup.language))
                .args(["--no-glyph-names", "--no-positions"])
                .arg(format!("--text-file={}", input.display()))
                .env("LC_ALL", "C")
                .output()
                .unwrap_or_else(|e| {
                    panic!("hb-shape is missing ({e}): install Debian's libharfbuzz-bin")
                });
            assert!(
                out.status.success(),
                "hb-shape failed for {setup:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let stdout = String::from_utf8(out.stdout).unwrap();
            let lines: Vec<&str> = stdout.lines().collect();
            assert_eq!(
                lines.len(),
                texts.len(),
                "hb-shape printed {} lines for {} runs of {setup:?}",
                lines.len(),
                texts.len()
            );
            for (text, line) in texts.into_iter().zip(lines) {
                self.shaped.insert((setup.clone(), text), parse(line));
            }
        }
    }

    /// HarfBuzz's glyphs for `text`, in visual order (left to right).
    pub fn glyphs(&self, setup: &Setup, text: &str) -> &[HbGlyph] {
        self.shaped
            .get(&(setup.clone(), text.to_owned()))
            .map(Vec::as_slice)
            .unwrap_or_else(|| panic!("{text:?} was not shaped with {setup:?}"))
    }
}

/// `[12=0|40=2]` into glyphs.
fn parse(line: &str) -> Vec<HbGlyph> {
    let inner = line.trim().trim_start_matches('[').trim_end_matches(']');
    if inner.is_empty() {
        return Vec::new();
    }
    inner
        .split('|')
        .map(|g| {
            let (id, cluster) = g
                .split_once('=')
                .unwrap_or_else(|| panic!("hb-shape output {g:?}"));
            HbGlyph {
                id: id.parse().unwrap(),
                cluster: cluster.parse().unwrap(),
            }
        })
        .collect()
}
