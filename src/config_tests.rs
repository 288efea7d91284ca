//! Unit tests of the config: defaults, ranges, and errors that point into the file.
use super::*;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clinic-edu-config-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("config.ron")
}

#[test]
fn missing_config_is_the_default_without_a_pin() {
    let config = Config::load(&temp("missing")).unwrap();
    assert_eq!(config, Config::default());
    assert_eq!((config.idle_seconds, config.countdown_seconds), (90, 20));
    assert!(config.pin_hash.is_none());
}

#[test]
fn config_round_trips_and_fills_defaults() {
    let path = temp("roundtrip");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "(clinic_name: \"Harbour Skin\", languages: [ar, en], idle_seconds: 120)",
    )
    .unwrap();
    let config = Config::load(&path).unwrap();
    assert_eq!(config.clinic_name, "Harbour Skin");
    assert_eq!(
        config.languages,
        [Language::builtin("ar"), Language::fallback()]
    );
    assert_eq!(config.countdown_seconds, 20);
    config.save(&path).unwrap();
    assert_eq!(Config::load(&path).unwrap(), config);
}

#[test]
fn malformed_config_says_file_line_and_column() {
    let path = temp("malformed");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "(\n  clinic_name: \"A\",\n  idle_seconds: ninety,\n)",
    )
    .unwrap();
    let err = Config::load(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:3:", path.display())), "{err}");
    std::fs::write(&path, "(languages: [fr])").unwrap();
    let err = Config::load(&path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:1:", path.display())), "{err}");
    std::fs::write(&path, "(\n  countdown_seconds: 1,\n)").unwrap();
    let err = Config::load(&path).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}:2:3: countdown_seconds: 1 is out of range; give 5 to 300 seconds",
            path.display()
        )
    );
    std::fs::write(&path, "(idle_seconds: 4000000000)").unwrap();
    let err = Config::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("idle_seconds: 4000000000 is out of range"),
        "{err}"
    );
    std::fs::write(&path, "(languages: [ar, ar])").unwrap();
    let err = Config::load(&path).unwrap_err().to_string();
    assert!(err.contains("ar is listed twice"), "{err}");
    std::fs::write(&path, "x".repeat(100_000)).unwrap();
    let err = Config::load(&path).unwrap_err().to_string();
    assert!(err.contains("the file is 100000 bytes"), "{err}");
}

#[test]
fn settings_hold_nothing_about_a_patient() {
    let path = temp("settings").with_file_name("settings.ron");
    let settings = Settings {
        staff_language: Language::builtin("ja"),
        window_size: Some([1200.0, 800.0]),
    };
    settings.save(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("staff_language") && text.contains("window_size"));
    assert_eq!(Settings::load(&path), settings);
    assert_eq!(
        Settings::load(&path.with_file_name("none.ron")),
        Settings::default()
    );
}

#[test]
fn a_window_size_out_of_range_is_reported_where_it_is_and_falls_back() {
    let path = temp("window").with_file_name("settings.ron");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    for size in [
        "(0.0, 0.0)",
        "(-800.0, 600.0)",
        "(1100.0, -1.0)",
        "(NaN, 760.0)",
        "(inf, 760.0)",
        "(100000.0, 760.0)",
        "(1100.0, 100000.0)",
    ] {
        std::fs::write(
            &path,
            format!("(\n    staff_language: ar,\n    window_size: Some({size}),\n)"),
        )
        .unwrap();
        let (settings, problem) = Settings::load_checked(&path);
        let problem = problem
            .unwrap_or_else(|| panic!("{size} was taken"))
            .to_string();
        let at = format!("{}:3:5: window_size: ", path.display());
        assert!(problem.starts_with(&at), "{size}: {problem}");
        assert!(problem.contains("is out of range"), "{size}: {problem}");
        // The default size, and the rest of the settings kept.
        assert_eq!(settings.window_size, None, "{size}");
        assert_eq!(settings.staff_language, Language::builtin("ar"), "{size}");
        assert_eq!(Settings::load(&path), settings);
    }
    for size in [[480.0, 360.0], [1100.0, 760.0], [16384.0, 16384.0]] {
        let settings = Settings {
            staff_language: Language::fallback(),
            window_size: Some(size),
        };
        settings.save(&path).unwrap();
        let (loaded, problem) = Settings::load_checked(&path);
        assert!(problem.is_none(), "{size:?}: {problem:?}");
        assert_eq!(loaded, settings);
    }
}

#[test]
fn a_kiosk_reads_the_config_it_is_given_or_its_platform_folder() {
    let given = Path::new("/clinic/kiosk.ron");
    assert_eq!(kiosk_config_path(Some(given)).unwrap(), given);
    // Elsewhere than on Windows the kiosk user's own config is the kiosk's; on
    // Windows it is the machine's, in %ProgramData% (.ci/windows checks it there).
    #[cfg(not(windows))]
    assert_eq!(kiosk_config_path(None).ok(), config_path(None).ok());
}
