//! Broken files never break the app: every content file and the config, mutated
//! (cut short, random bytes, wrong types, huge numbers, deep nesting, invalid
//! UTF-8, a 50 MB file), gives located errors from validation and the loader, never
//! a panic, and the app still starts on the built-in content.

use std::path::{Path, PathBuf};

use clinic_edu::config::Config;
use clinic_edu::content::{self, ContentFile, ContentFiles};
use clinic_edu::{AppOptions, ClinicApp, Language};
use proptest::prelude::*;

/// How a file is broken.
#[derive(Clone, Copy, Debug)]
enum Mutation {
    Truncate,
    RandomBytes,
    WrongType,
    HugeNumber,
    DeepNesting,
    InvalidUtf8,
}

const ALL: [Mutation; 6] = [
    Mutation::Truncate,
    Mutation::RandomBytes,
    Mutation::WrongType,
    Mutation::HugeNumber,
    Mutation::DeepNesting,
    Mutation::InvalidUtf8,
];

/// A small deterministic generator for where and what to change.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A char boundary at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(text: &str, how: Mutation, rng: &mut Rng) -> Vec<u8> {
    let at = boundary(text, rng.below(text.len()));
    match how {
        Mutation::Truncate => text.as_bytes()[..at].to_vec(),
        Mutation::RandomBytes => {
            let mut bytes = text.as_bytes().to_vec();
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] = b"()[],:\"\\ x9-"[rng.below(12)];
            }
            bytes
        }
        Mutation::WrongType => {
            // A number where a text stands, or a text where a number stands.
            let swapped = if rng.below(2) == 0 {
                text.replacen("\"", "12345, \"", 1 + rng.below(4))
            } else {
                // The number after the first "version: " (a language file's
                // meta.version, whatever it is now), else a ": 1".
                match text.find("version: ").map(|i| i + "version: ".len()) {
                    Some(at) => {
                        let digits = text[at..]
                            .find(|c: char| !c.is_ascii_digit())
                            .unwrap_or(text.len() - at);
                        format!("{}\"one\"{}", &text[..at], &text[at + digits..])
                    }
                    None => text.replacen(": 1", ": \"one\"", 1),
                }
            };
            swapped.into_bytes()
        }
        Mutation::HugeNumber => {
            let digits = text.find(|c: char| c.is_ascii_digit()).unwrap_or(at);
            let huge = if rng.below(2) == 0 {
                "4000000000"
            } else {
                "99999999999999999999999999"
            };
            format!("{}{huge}{}", &text[..digits], &text[digits..]).into_bytes()
        }
        Mutation::DeepNesting => {
            let depth = 200 + rng.below(5000);
            format!("{}{}{}", &text[..at], "[".repeat(depth), &text[at..]).into_bytes()
        }
        Mutation::InvalidUtf8 => {
            let mut bytes = text.as_bytes().to_vec();
            bytes.insert(at, 0xFF);
            bytes
        }
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clinic-edu-mut-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Loads the embedded content with `rel` replaced by `bytes`, as the loader sees a
/// clinic's folder: either the folder is refused with located errors, or it is
/// validated; either way nothing panics and every error names its file.
fn check_content(rel: &str, bytes: &[u8], dir: &Path) -> usize {
    let embedded = ContentFiles::embedded();
    let errors = if rel.contains('/') {
        // Through a folder on disk, as a clinic would give it.
        let _ = std::fs::remove_dir_all(dir);
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        match ContentFiles::from_dir(dir) {
            Err(errors) => errors,
            Ok(over) => content::load(&embedded.clone().layered(over), None).errors,
        }
    } else {
        // questions.ron cannot come from a folder; change it in the set itself.
        let Ok(text) = String::from_utf8(bytes.to_vec()) else {
            // Invalid UTF-8 cannot be a `ContentFile`; `from_dir` refuses it (above).
            return 1;
        };
        let mut files = embedded.clone();
        files.insert(
            rel,
            ContentFile {
                path: format!("mutated/{rel}"),
                text,
            },
        );
        content::load(&files, None).errors
    };
    for e in &errors {
        let shown = e.to_string();
        assert!(
            shown.starts_with(&format!("{}:", e.path)) && !e.path.is_empty(),
            "{rel}: an error without its file: {shown}"
        );
    }
    errors.len()
}

#[test]
fn every_content_file_mutated_every_way_gives_located_errors_and_no_panic() {
    let embedded = ContentFiles::embedded();
    let names: Vec<String> = embedded.names().map(str::to_owned).collect();
    assert!(names.len() > 30, "{names:?}");
    let dir = temp_dir("each");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut cases, mut reported) = (0, 0);
    for rel in &names {
        let text = &embedded.get(rel).unwrap().text;
        for how in ALL {
            cases += 1;
            if check_content(rel, &mutate(text, how, &mut rng), &dir) > 0 {
                reported += 1;
            }
        }
    }
    println!("{reported} of {cases} mutated files gave errors");
    // Some mutations leave a valid file (a cut after the last bracket); most break it.
    assert!(reported * 10 >= cases * 8, "{reported} of {cases}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_mutations_of_random_files_never_panic(file in 0usize..31, how in 0usize..6, seed in 1u64..u64::MAX) {
        let embedded = ContentFiles::embedded();
        let names: Vec<String> = embedded.names().map(str::to_owned).collect();
        let rel = &names[file % names.len()];
        let mut rng = Rng(seed);
        let bytes = mutate(&embedded.get(rel).unwrap().text, ALL[how], &mut rng);
        let dir = temp_dir(&format!("prop-{seed}"));
        check_content(rel, &bytes, &dir);
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn a_50_mb_file_is_refused_by_validate_and_the_app_starts_on_the_built_in_content() {
    let dir = temp_dir("huge");
    let path = dir.join("prp/en.ron");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .arg("validate")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "{}: the file is 52428800 bytes; a content file is at most 262144 bytes",
            path.display()
        )),
        "{stdout}"
    );

    // The app starts on the built-in content and lists the problem for staff, for
    // this folder and for a mutated file of each kind.
    let mut rng = Rng(7);
    let text = ContentFiles::embedded()
        .get("prp/en.ron")
        .unwrap()
        .text
        .clone();
    for how in [None].into_iter().chain(ALL.map(Some)) {
        if let Some(how) = how {
            std::fs::write(&path, mutate(&text, how, &mut rng)).unwrap();
        }
        let app = ClinicApp::new(AppOptions {
            system_fonts: false,
            language: Language::builtin("en"),
            content_dir: Some(dir.clone()),
            ..AppOptions::default()
        })
        .unwrap();
        assert_eq!(app.library().topics().len(), 5, "{how:?}");
        assert_eq!(
            app.library()
                .topic("prp")
                .unwrap()
                .text(Language::builtin("en"))
                .title,
            "PRP (platelet-rich plasma)",
            "{how:?}: the built-in text"
        );
        assert!(
            !app.content_errors().is_empty() || matches!(how, Some(Mutation::HugeNumber)),
            "{how:?}"
        );
    }
}

#[test]
fn the_config_mutated_every_way_is_a_located_error_or_a_valid_config() {
    let dir = temp_dir("config");
    let path = dir.join("config.ron");
    let good = "(\n    clinic_name: \"Harbour Skin Clinic\",\n    languages: [ar, en, bn, ja],\n    topics: [\"prp\"],\n    idle_seconds: 90,\n    countdown_seconds: 20,\n    pin_hash: None,\n)\n";
    let mut rng = Rng(0xC0FFEE);
    for round in 0..40 {
        for how in ALL {
            std::fs::write(&path, mutate(good, how, &mut rng)).unwrap();
            if let Err(e) = Config::load(&path) {
                assert!(
                    e.to_string().starts_with(&path.display().to_string()),
                    "round {round}, {how:?}: {e}"
                );
            }
        }
    }
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let e = Config::load(&path).unwrap_err().to_string();
    assert!(e.contains("the file is 52428800 bytes"), "{e}");
}
