//! The narration that ships with the app (assets/narration, made by
//! extra/narration/narrate-builtin): `validate` checks every clip (none stale, silent,
//! clipped or of an implausible length) and reports it per language, the app finds
//! it, a clinic's clips win over it and a person's recording over a computer voice,
//! and the clips stay out of the binary.

use std::path::{Path, PathBuf};
use std::process::Command;

use clinic_edu::Language;
use clinic_edu::content::narration::{self, NarrationIndex, Sidecar, Voice, narratables};

const BIN: &str = env!("CARGO_BIN_EXE_clinic-edu");

fn builtin() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/narration")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "clinic-edu-builtin-narration-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn validate_checks_and_reports_the_built_in_narration() {
    let out = Command::new(BIN).arg("validate").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "validate fails: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = builtin();
    assert!(
        text.contains(&format!("narration built in: {}\n", dir.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}: narration en: 447 of 447 texts have a clip (0 recorded, 447 computer voice), 0 missing, 0 stale or bad\n",
            dir.display()
        )),
        "{text}"
    );
    // No acceptable voice: README, "Built-in narration".
    for code in ["ar", "bn", "ja", "ur"] {
        assert!(
            text.contains(&format!(
                "{}: narration {code}: 0 of 447 texts have a clip (0 recorded, 0 computer voice), 447 missing, 0 stale or bad\n",
                dir.display()
            )),
            "{code}: {text}"
        );
    }
}

#[test]
fn an_installed_app_finds_it_beside_its_executable() {
    // The .deb's layout: PREFIX/bin/clinic-edu and PREFIX/share/clinic-edu/narration,
    // here with one clip.
    let prefix = Path::new(env!("CARGO_TARGET_TMPDIR")).join("installed-narration");
    let _ = std::fs::remove_dir_all(&prefix);
    std::fs::create_dir_all(prefix.join("bin")).unwrap();
    let exe = prefix.join("bin/clinic-edu");
    std::fs::hard_link(BIN, &exe)
        .or_else(|_| std::fs::copy(BIN, &exe).map(drop))
        .unwrap();
    let shipped = prefix.join("share/clinic-edu/narration");
    let (library, _) = clinic_edu::content::load::for_app(None);
    let item = &narratables(&library, &strings(), Language::builtin("en"))[0];
    for file in [item.clip.clone(), item.sidecar()] {
        std::fs::create_dir_all(shipped.join(&file).parent().unwrap()).unwrap();
        std::fs::copy(builtin().join(&file), shipped.join(&file)).unwrap();
    }
    let out = Command::new(&exe).arg("validate").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains(&format!("narration built in: {}\n", shipped.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{}: narration en: 1 of 447 texts have a clip (0 recorded, 1 computer voice), 446 missing, 0 stale or bad",
            shipped.display()
        )),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&prefix);
}

#[test]
fn the_app_finds_the_built_in_narration() {
    // Run from the source tree (a test), it is the checkout's assets/narration; an
    // installed binary finds ../share/clinic-edu/narration instead.
    assert_eq!(narration::builtin_dir(), Some(builtin()));
    let (library, errors) = clinic_edu::content::load::for_app(None);
    assert!(errors.is_empty());
    let index = NarrationIndex::scan(&[&builtin()], &library, &strings());
    let en = Language::builtin("en");
    for item in narratables(&library, &strings(), en) {
        assert_eq!(
            index.clip(en, &item.id),
            Some(builtin().join(&item.clip).as_path()),
            "{}",
            item.id
        );
        let sidecar =
            Sidecar::parse(&std::fs::read_to_string(builtin().join(item.sidecar())).unwrap())
                .unwrap();
        assert!(
            matches!(&sidecar.voice, Voice::Computer { engine, voice }
                if engine.starts_with("hibari-tts ") && voice == "heart"),
            "{}: {:?}",
            item.id,
            sidecar.voice
        );
    }
    let ar = Language::builtin("ar");
    assert!(
        narratables(&library, &strings(), ar)
            .iter()
            .all(|item| index.clip(ar, &item.id).is_none())
    );
}

/// Copies text `item`'s built-in clip into `dir`, with a sidecar saying `voice`.
fn put(dir: &Path, item: &narration::Narratable, voice: Voice) {
    let clip = dir.join(&item.clip);
    std::fs::create_dir_all(clip.parent().unwrap()).unwrap();
    std::fs::copy(builtin().join(&item.clip), &clip).unwrap();
    let sidecar = Sidecar {
        text_sha256: narration::text_sha256(&item.text),
        voice,
    };
    std::fs::write(dir.join(item.sidecar()), sidecar.to_ron()).unwrap();
}

#[test]
fn a_clinic_folder_wins_and_a_recording_wins_over_a_computer_voice() {
    let (library, _) = clinic_edu::content::load::for_app(None);
    let en = Language::builtin("en");
    let items = narratables(&library, &strings(), en);
    let computer = Voice::Computer {
        engine: "espeak-ng 1.51".into(),
        voice: "en".into(),
    };
    // A clinic's folder and a second folder standing for the built-in one.
    let clinic = scratch("clinic");
    let shipped = scratch("shipped");
    put(&clinic, &items[0], Voice::Recorded);
    put(&clinic, &items[1], computer.clone());
    put(&shipped, &items[1], computer.clone());
    put(&clinic, &items[2], computer.clone());
    put(&shipped, &items[2], Voice::Recorded);
    put(&shipped, &items[3], computer.clone());
    let index = NarrationIndex::scan(&[&clinic, &shipped], &library, &strings());
    let from = |n: usize| index.clip(en, &items[n].id).map(Path::to_path_buf);
    assert_eq!(from(0), Some(clinic.join(&items[0].clip)));
    // Both computer voices: the clinic's.
    assert_eq!(from(1), Some(clinic.join(&items[1].clip)));
    // A recording, wherever it is.
    assert_eq!(from(2), Some(shipped.join(&items[2].clip)));
    // Only built in.
    assert_eq!(from(3), Some(shipped.join(&items[3].clip)));
    assert_eq!(from(4), None);
    // A built-in clip whose text the clinic changed is stale: not played.
    let changed = shipped.join(items[3].sidecar());
    std::fs::write(
        &changed,
        Sidecar {
            text_sha256: narration::text_sha256("another text"),
            voice: computer,
        }
        .to_ron(),
    )
    .unwrap();
    let index = NarrationIndex::scan(&[&clinic, &shipped], &library, &strings());
    assert_eq!(index.clip(en, &items[3].id), None);
    let _ = std::fs::remove_dir_all(&clinic);
    let _ = std::fs::remove_dir_all(&shipped);
}

#[test]
fn the_built_in_clips_are_not_compiled_into_the_binary() {
    assert!(clinic_edu::assets::Assets::get("content/questions.ron").is_some());
    let embedded: Vec<String> = clinic_edu::assets::Assets::iter()
        .filter(|path| path.starts_with("narration/"))
        .map(|path| path.into_owned())
        .collect();
    assert!(embedded.is_empty(), "{embedded:?}");
}

/// The UI strings as the app has them.
fn strings() -> clinic_edu::i18n::Strings {
    clinic_edu::i18n::Strings::load(None).unwrap()
}
