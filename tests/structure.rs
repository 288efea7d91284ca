//! The shape of `src/`: every file opens with its `//!` purpose line and stays
//! under 400 lines; no import cycle between top-level modules or between the files
//! of one module (`crate::`, `super::`, `self::` and `clinic_edu::` paths, in `use`
//! items and in expressions); each top-level module names only the layers below it
//! in the order written at the top of `src/lib.rs`; and README.md's source map
//! names what is in `src/`.

#[path = "common/files.rs"]
mod files;
#[path = "structure/graph.rs"]
mod graph;
#[path = "structure/paths.rs"]
mod paths;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use graph::{Tree, cycles, describe};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn src_files() -> Vec<PathBuf> {
    files::src_rust_files()
}

#[test]
fn every_file_says_what_it_is_for_and_stays_short() {
    for file in src_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(manifest()).unwrap().display().to_string();
        assert!(
            text.starts_with("//!"),
            "{name} does not open with a //! line"
        );
        let lines = text.lines().count();
        assert!(lines <= 400, "{name} has {lines} lines (at most 400)");
    }
}

#[test]
fn every_file_is_part_of_the_module_tree() {
    let tree = Tree::read(&manifest().join("src"));
    let reached: BTreeSet<PathBuf> = tree.files.values().map(|(f, _)| f.clone()).collect();
    let stray: Vec<String> = src_files()
        .into_iter()
        .filter(|f| !reached.contains(f))
        .map(|f| f.strip_prefix(manifest()).unwrap().display().to_string())
        .collect();
    assert!(
        stray.is_empty(),
        "not reached from lib.rs or main.rs: {stray:?}"
    );
}

fn assert_no_cycles(what: &str, edges: &BTreeMap<String, BTreeMap<String, graph::Site>>) {
    let found = cycles(edges, 100);
    let text: Vec<String> = found
        .iter()
        .map(|cycle| describe(&cycle.last().unwrap().0, cycle))
        .collect();
    assert!(
        found.is_empty(),
        "{} import cycle(s) {what}:\n{}",
        found.len(),
        text.join("\n")
    );
}

#[test]
fn no_import_cycle_between_top_level_modules() {
    let tree = Tree::read(&manifest().join("src"));
    assert_no_cycles("between top-level modules", &tree.top_edges());
}

#[test]
fn no_import_cycle_between_the_files_of_a_module() {
    let tree = Tree::read(&manifest().join("src"));
    assert_no_cycles("between the files of one module", &tree.inner_edges());
}

/// The layers written at the top of `src/lib.rs`: the `//!` paragraph after the
/// one that starts with `Layers`, read as `a, b -> c -> d`.
fn layers(lib_rs: &str) -> Vec<Vec<String>> {
    let doc: Vec<&str> = lib_rs
        .lines()
        .map_while(|l| l.strip_prefix("//!"))
        .map(str::trim)
        .collect();
    let start = doc
        .iter()
        .position(|l| l.starts_with("Layers"))
        .expect("src/lib.rs:1:1: the doc comment has no `Layers` paragraph");
    let chain: String = doc[start..]
        .iter()
        .skip_while(|l| !l.is_empty())
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        // The chain sits in a ```text block, so rustdoc does not run it as a test.
        .filter(|l| !l.starts_with("```"))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    chain
        .split("->")
        .map(|level| {
            level
                .split(',')
                .map(|m| m.trim().to_owned())
                .filter(|m| !m.is_empty())
                .collect()
        })
        .collect()
}

#[test]
fn the_layers_parse_from_the_doc_comment() {
    let doc = "//! About.\n//!\n//! Layers, lowest first; a module names\n//! only those before it:\n//!\n//! ```text\n//! lang, assets -> i18n\n//! -> content\n//! ```\n//!\n//! More.\nmod x;\n";
    assert_eq!(
        layers(doc),
        [vec!["lang", "assets"], vec!["i18n"], vec!["content"]]
    );
}

#[test]
fn each_top_level_module_names_only_layers_below_it() {
    let lib_rs = std::fs::read_to_string(manifest().join("src/lib.rs")).unwrap();
    let order = layers(&lib_rs);
    let level: BTreeMap<String, usize> = order
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (n.clone(), i)))
        .collect();
    let tree = Tree::read(&manifest().join("src"));
    let tops: BTreeSet<String> = tree.modules.iter().filter_map(|m| m.top()).collect();
    let unplaced: Vec<&String> = tops.iter().filter(|t| !level.contains_key(*t)).collect();
    let unknown: Vec<&String> = level.keys().filter(|n| !tops.contains(*n)).collect();
    assert!(
        unplaced.is_empty() && unknown.is_empty(),
        "src/lib.rs: the layers leave out {unplaced:?} and name modules that do not exist: {unknown:?}"
    );
    let mut wrong = Vec::new();
    for (from, targets) in tree.top_edges() {
        for (to, site) in targets {
            if level[&to] >= level[&from] {
                wrong.push(format!(
                    "{}: {from} (layer {}) names {to} (layer {}) with {}",
                    site.at, level[&from], level[&to], site.path
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} name(s) against the layers of src/lib.rs:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The paths in backticks in the first cell of each row of README.md's "Source
/// map" table.
fn source_map(readme: &str) -> Vec<String> {
    let section = readme
        .split("\n## Source map")
        .nth(1)
        .expect("README.md has a \"## Source map\" section");
    let section = section.split("\n## ").next().unwrap_or_default();
    let mut named = Vec::new();
    for row in section.lines().filter(|l| l.starts_with('|')).skip(2) {
        let cell = row.split('|').nth(1).unwrap_or_default();
        named.extend(cell.split('`').skip(1).step_by(2).map(str::to_owned));
    }
    named
}

#[test]
fn the_readme_source_map_matches_the_tree() {
    let readme = std::fs::read_to_string(manifest().join("README.md")).unwrap();
    let named = source_map(&readme);
    assert!(!named.is_empty(), "README.md's source map names no paths");
    let missing: Vec<&String> = named
        .iter()
        .filter(|p| !manifest().join(p.trim_end_matches('/')).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "README.md's source map names paths that do not exist: {missing:?}"
    );
    let mut unnamed = Vec::new();
    for entry in std::fs::read_dir(manifest().join("src")).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let shown = if entry.path().is_dir() {
            format!("src/{name}/")
        } else {
            format!("src/{name}")
        };
        if !named.contains(&shown) {
            unnamed.push(shown);
        }
    }
    unnamed.sort();
    assert!(
        unnamed.is_empty(),
        "README.md's source map does not name {unnamed:?}"
    );
}

#[test]
fn the_source_map_reader_takes_the_first_cell_only() {
    let readme = "# x\n## Source map\n\n| path | what |\n|---|---|\n| `src/a.rs`, `src/b/` | holds `c` |\n\n## Next\n| `src/no.rs` | |\n";
    assert_eq!(source_map(readme), ["src/a.rs", "src/b/"]);
}
