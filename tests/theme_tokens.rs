//! Colours live only in the theme's tokens (src/theme/mod.rs): a scan of src/ fails on
//! any colour literal elsewhere, naming it as PATH:LINE:COL.
//!
//! A colour literal is a named colour (`Color32::WHITE`, `Rgba::TRANSPARENT`) or a
//! constructor whose arguments are all literals (`Color32::from_rgb(0x9B, 0x1C, 0x1C)`,
//! `Color32::from_hex("#fff")`). A colour computed from others
//! (`Color32::from_white_alpha(color.a())`) is not one: it is arithmetic on a token.

#[path = "common/files.rs"]
mod files;

use std::path::Path;

/// The types whose values are colours.
const COLOUR_TYPES: [&str; 4] = ["Color32", "Rgba", "Hsva", "HsvaGamma"];

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A literal argument: a number (`0x9B`, `120`, `0.5_f32`, `-1.0`) or a string.
fn is_literal_argument(arg: &str) -> bool {
    let arg = arg.trim();
    if arg.starts_with('"') && arg.ends_with('"') && arg.len() >= 2 {
        return true;
    }
    let arg = arg.trim_start_matches('-').replace('_', "");
    let arg = ["u8", "u16", "u32", "i32", "f32", "f64"]
        .iter()
        .find_map(|suffix| arg.strip_suffix(suffix))
        .unwrap_or(&arg);
    match arg.strip_prefix("0x") {
        Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
        None => !arg.is_empty() && arg.parse::<f64>().is_ok(),
    }
}

/// The 1-based columns of the colour literals in one line of code.
fn colour_literals(line: &str) -> Vec<usize> {
    let code = if line.trim_start().starts_with("//") {
        ""
    } else {
        line
    };
    let mut found = Vec::new();
    for ty in COLOUR_TYPES {
        let prefix = format!("{ty}::");
        for (at, _) in code.match_indices(&prefix) {
            if code[..at].chars().next_back().is_some_and(is_ident) {
                continue; // `MyColor32::`, not egui's.
            }
            let rest = &code[at + prefix.len()..];
            let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            let is_constant = !name.is_empty()
                && name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            let after = &rest[name.len()..];
            let is_constructor = (name.starts_with("from_") || name == "new")
                && after.starts_with('(')
                && after.find(')').is_some_and(|close| {
                    let args = &after[1..close];
                    !args.trim().is_empty()
                        && args
                            .split(',')
                            .filter(|a| !a.trim().is_empty())
                            .all(is_literal_argument)
                });
            if is_constant || is_constructor {
                found.push(code[..at].chars().count() + 1);
            }
        }
    }
    found.sort_unstable();
    found
}

#[test]
fn no_colour_literal_outside_the_theme() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = files::src_rust_files();
    let mut found = Vec::new();
    for path in &files {
        let relative = path.strip_prefix(root).unwrap();
        let shown = relative.to_string_lossy().replace('\\', "/");
        // The theme is where colours belong.
        if shown == "src/theme/mod.rs" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for (i, line) in text.lines().enumerate() {
            for column in colour_literals(line) {
                found.push(format!("{shown}:{}:{column}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "colour literals outside src/theme/mod.rs; name each as a token there:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_literals_and_only_literals() {
    assert_eq!(
        colour_literals("    .color(Color32::from_rgb(0x9B, 0x1C, 0x1C))"),
        [12]
    );
    assert_eq!(colour_literals("let c = egui::Color32::WHITE;"), [15]);
    assert_eq!(
        colour_literals(".backdrop_color(Color32::from_black_alpha(120))"),
        [17]
    );
    assert_eq!(colour_literals("Color32::from_hex(\"#fff\")"), [1]);
    assert_eq!(colour_literals("Rgba::from_rgb(0.5_f32, 1.0, -0.0)"), [1]);
    assert_eq!(
        colour_literals("(Color32::TRANSPARENT, Color32::from_gray(7))"),
        [2, 24]
    );
    // Computed from a token, a type, a token, a comment: none is a literal.
    assert!(colour_literals("Color32::from_white_alpha(color.a())").is_empty());
    assert!(colour_literals("Color32::from_rgba_premultiplied(a, a, a, a)").is_empty());
    assert!(colour_literals("fn f(c: Color32) -> Vec<Color32> {").is_empty());
    assert!(colour_literals("    .fill(tokens.danger_fill)").is_empty());
    assert!(colour_literals("    // was Color32::from_rgb(1, 2, 3)").is_empty());
    assert!(colour_literals("MyColor32::WHITE").is_empty());
}
