//! The shape of `src/`: every file opens with its `//!` purpose line and stays
//! under 400 lines, and no two files import each other through `crate::` paths,
//! directly or in a longer cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> (PathBuf, Vec<PathBuf>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    (root, files)
}

#[test]
fn every_file_says_what_it_is_for_and_stays_short() {
    let (root, files) = src();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(&root).unwrap().display().to_string();
        assert!(
            text.starts_with("//!"),
            "src/{name} does not open with a //! line"
        );
        let lines = text.lines().count();
        assert!(lines <= 400, "src/{name} has {lines} lines (at most 400)");
    }
}

/// `app/command.rs` → `app::command`, `app/mod.rs` → `app`.
fn module_of(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts.join("::")
}

#[test]
fn no_import_cycles() {
    let (root, files) = src();
    let modules: BTreeMap<String, PathBuf> = files
        .iter()
        .map(|f| (module_of(&root, f), f.clone()))
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, file) in &modules {
        let text = std::fs::read_to_string(file).unwrap();
        for (at, _) in text.match_indices("crate::") {
            // The longest module the path names: `crate::app::state::Route` → `app::state`.
            let path: String = text[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let target = (1..=segments.len())
                .rev()
                .map(|n| segments[..n].join("::"))
                .find(|m| modules.contains_key(m));
            if let Some(target) = target
                && &target != module
                && !target.starts_with(&format!("{module}::"))
            {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(i) = stack.iter().position(|s| s == m) {
            panic!("import cycle: {} -> {m}", stack[i..].join(" -> "));
        }
        stack.push(m.to_owned());
        for next in edges.get(m).into_iter().flatten() {
            visit(next, edges, stack, done);
        }
        stack.pop();
        done.insert(m.to_owned());
    }
    let mut done = BTreeSet::new();
    for module in modules.keys() {
        visit(module, &edges, &mut Vec::new(), &mut done);
    }
}
