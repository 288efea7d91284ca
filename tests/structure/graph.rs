//! The module tree of `src/` (the library from `lib.rs`, the binary from `main.rs`,
//! following `mod` declarations and `#[path]`) and who names whom in it: every
//! `crate::`, `super::`, `self::` and `clinic_edu::` path resolved to the file
//! module it names, through `use` re-exports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::paths::{self, FileItems, NamedPath};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Krate {
    Lib,
    Bin,
}

/// A module: its crate and its path from that crate's root.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Module {
    pub krate: Krate,
    pub path: Vec<String>,
}

impl Module {
    fn child(&self, names: &[String]) -> Module {
        let mut path = self.path.clone();
        path.extend(names.iter().cloned());
        Module {
            krate: self.krate,
            path,
        }
    }

    fn contains(&self, other: &Module) -> bool {
        self.krate == other.krate && other.path.starts_with(&self.path)
    }

    /// The top-level module it belongs to (`content` for `content::load`); the
    /// binary's root is `main`; `None` for the library's root.
    pub fn top(&self) -> Option<String> {
        match (self.krate, self.path.first()) {
            (_, Some(first)) => Some(first.clone()),
            (Krate::Bin, None) => Some("main".to_owned()),
            (Krate::Lib, None) => None,
        }
    }
}

impl std::fmt::Display for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.krate, self.path.is_empty()) {
            (Krate::Lib, true) => f.write_str("lib"),
            (Krate::Bin, true) => f.write_str("main"),
            _ => f.write_str(&self.path.join("::")),
        }
    }
}

/// Where one module names another: `src/x.rs:LINE:COL` and the path as written.
#[derive(Clone, Debug)]
pub struct Site {
    pub at: String,
    pub path: String,
}

pub struct Tree {
    pub root: PathBuf,
    /// Every file module and the file it is read from.
    pub files: BTreeMap<Module, (PathBuf, FileItems)>,
    /// Every module, the inline ones (`mod tests { … }`) too.
    pub modules: BTreeSet<Module>,
    /// Edges between file modules, with where each was first seen.
    pub edges: BTreeMap<Module, BTreeMap<Module, Site>>,
}

impl Tree {
    pub fn read(root: &Path) -> Tree {
        let mut tree = Tree {
            root: root.to_owned(),
            files: BTreeMap::new(),
            modules: BTreeSet::new(),
            edges: BTreeMap::new(),
        };
        for (krate, file) in [(Krate::Lib, "lib.rs"), (Krate::Bin, "main.rs")] {
            let module = Module {
                krate,
                path: Vec::new(),
            };
            tree.walk(module, root.join(file), root.to_owned());
        }
        tree.link();
        tree
    }

    fn walk(&mut self, module: Module, file: PathBuf, children: PathBuf) {
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let items = paths::items(&text);
        self.modules.insert(module.clone());
        for scope in &items.inline {
            self.modules.insert(module.child(scope));
        }
        for decl in &items.mods {
            let dir = decl.scope.iter().fold(children.clone(), |d, s| d.join(s));
            let child_file = match &decl.path {
                Some(p) => file.parent().unwrap().join(p),
                None if dir.join(format!("{}.rs", decl.name)).exists() => {
                    dir.join(format!("{}.rs", decl.name))
                }
                None => dir.join(&decl.name).join("mod.rs"),
            };
            let grandchildren = if child_file.file_stem().is_some_and(|s| s == "mod") {
                child_file.parent().unwrap().to_owned()
            } else {
                child_file.with_extension("")
            };
            let mut names = decl.scope.clone();
            names.push(decl.name.clone());
            self.walk(module.child(&names), child_file, grandchildren);
        }
        self.files.insert(module, (file, items));
    }

    /// The absolute path (crate, segments) `p` names from `from`, or `None` for a
    /// path into another crate.
    fn absolute(&self, from: &Module, p: &[String]) -> Option<(Krate, Vec<String>)> {
        let (first, rest) = p.split_first()?;
        let mut base = match first.as_str() {
            "crate" => Vec::new(),
            "clinic_edu" if from.krate == Krate::Bin => {
                return Some((Krate::Lib, rest.to_vec()));
            }
            "self" | "super" => from.path.clone(),
            _ if self
                .modules
                .contains(&from.child(std::slice::from_ref(first))) =>
            {
                from.path.clone()
            }
            _ => return None,
        };
        let mut rest = p;
        if first == "crate" || first == "self" {
            rest = &p[1..];
        }
        while rest.first().is_some_and(|s| s == "super") {
            base.pop();
            rest = &rest[1..];
        }
        base.extend(rest.iter().cloned());
        Some((from.krate, base))
    }

    /// The module an absolute path names: its longest module prefix, followed
    /// through that module's `use` items when the path goes on to a name it imports.
    fn resolve(&self, krate: Krate, segments: &[String], hops: usize) -> Module {
        let mut n = segments.len();
        let module = loop {
            let m = Module {
                krate,
                path: segments[..n].to_vec(),
            };
            if self.modules.contains(&m) || n == 0 {
                break m;
            }
            n -= 1;
        };
        if let Some(name) = segments.get(n)
            && hops < 16
            && let Some(bound) = self.binding(&module, name)
            && let Some((k, mut target)) = self.absolute(&module, &bound.segments)
        {
            target.extend(segments[n + 1..].iter().cloned());
            return self.resolve(k, &target, hops + 1);
        }
        module
    }

    /// The `use` item of `module` that binds `name`.
    fn binding(&self, module: &Module, name: &str) -> Option<&NamedPath> {
        let (file, scope) = self.file_of(module);
        let (_, items) = &self.files[&file];
        items
            .paths
            .iter()
            .find(|p| p.scope == scope && p.binds.as_deref() == Some(name))
    }

    /// The file module `module` is written in, and its inline scope in that file.
    fn file_of(&self, module: &Module) -> (Module, Vec<String>) {
        let mut file = module.clone();
        let mut scope = Vec::new();
        while !self.files.contains_key(&file) {
            scope.insert(0, file.path.pop().expect("the crate root is a file"));
        }
        (file, scope)
    }

    fn link(&mut self) {
        let mut edges: BTreeMap<Module, BTreeMap<Module, Site>> = BTreeMap::new();
        for (module, (file, items)) in &self.files {
            for p in &items.paths {
                let from = module.child(&p.scope);
                let Some((krate, abs)) = self.absolute(&from, &p.segments) else {
                    continue;
                };
                let (target, _) = self.file_of(&self.resolve(krate, &abs, 0));
                if module.contains(&target) {
                    continue; // itself, or a module it owns
                }
                let rel = file.strip_prefix(self.root.parent().unwrap()).unwrap();
                edges
                    .entry(module.clone())
                    .or_default()
                    .entry(target)
                    .or_insert_with(|| Site {
                        at: format!("{}:{}:{}", rel.display(), p.line, p.col),
                        path: p.segments.join("::"),
                    });
            }
        }
        self.edges = edges;
    }

    /// The edges between top-level modules, each with one site that makes it.
    pub fn top_edges(&self) -> BTreeMap<String, BTreeMap<String, Site>> {
        let mut out: BTreeMap<String, BTreeMap<String, Site>> = BTreeMap::new();
        for (from, targets) in &self.edges {
            for (to, site) in targets {
                if let (Some(a), Some(b)) = (from.top(), to.top())
                    && a != b
                {
                    out.entry(a).or_default().entry(b).or_insert(site.clone());
                }
            }
        }
        out
    }

    /// The edges between files of one top-level module.
    pub fn inner_edges(&self) -> BTreeMap<String, BTreeMap<String, Site>> {
        let mut out: BTreeMap<String, BTreeMap<String, Site>> = BTreeMap::new();
        for (from, targets) in &self.edges {
            for (to, site) in targets {
                if from.top() == to.top() {
                    let entry = out.entry(from.to_string()).or_default();
                    entry.insert(to.to_string(), site.clone());
                }
            }
        }
        out
    }
}

/// Every simple cycle of `edges` (at most `limit`), each as its nodes from its
/// smallest one, with the site of each step.
pub fn cycles(
    edges: &BTreeMap<String, BTreeMap<String, Site>>,
    limit: usize,
) -> Vec<Vec<(String, Site)>> {
    fn dfs(
        start: &str,
        at: &str,
        edges: &BTreeMap<String, BTreeMap<String, Site>>,
        stack: &mut Vec<(String, Site)>,
        out: &mut Vec<Vec<(String, Site)>>,
        limit: usize,
    ) {
        for (next, site) in edges.get(at).into_iter().flatten() {
            if out.len() >= limit {
                return;
            }
            if next == start {
                let mut cycle = stack.clone();
                cycle.push((next.clone(), site.clone()));
                out.push(cycle);
            } else if next.as_str() > start && !stack.iter().any(|(n, _)| n == next) {
                stack.push((next.clone(), site.clone()));
                dfs(start, next, edges, stack, out, limit);
                stack.pop();
            }
        }
    }
    let mut out = Vec::new();
    for start in edges.keys() {
        let mut stack = Vec::new();
        dfs(start, start, edges, &mut stack, &mut out, limit);
    }
    out
}

/// `a -> b -> a`, then one line per step saying where it is named.
pub fn describe(start: &str, cycle: &[(String, Site)]) -> String {
    let mut names = vec![start.to_owned()];
    names.extend(cycle.iter().map(|(n, _)| n.clone()));
    let mut text = format!("import cycle: {}", names.join(" -> "));
    let mut from = start;
    for (to, site) in cycle {
        text += &format!("\n    {}: {from} names {to} ({})", site.at, site.path);
        from = to;
    }
    text
}
