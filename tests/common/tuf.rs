//! Helpers for the update tests: a repository made with `repo init` and `publish`
//! in a scratch folder, a kiosk config that subscribes to it, the CLI run as a
//! real process, and metadata re-signed by hand (as an attacker or a stale mirror
//! would serve it).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use clinic_edu::content::review::Date;
use tough::editor::signed::SignedRole;
use tough::key_source::{KeySource, LocalKeySource};
use tough::schema::{KeyHolder, Root, Signed};

pub const BIN: &str = env!("CARGO_BIN_EXE_clinic-edu");

/// Records in `content` a clinician's review of `topic`, dated `date`, in each of
/// the five built-in languages.
pub fn review_in_every_language(content: &Path, topic: &str, date: &str) {
    for lang in ["en", "ar", "bn", "ja", "ur"] {
        ok(run(
            &[
                "review",
                "--topic",
                topic,
                "--lang",
                lang,
                "--reviewer",
                "Dr Amal Haddad, dermatologist",
                "--registration",
                "GMC 1234567",
                "--date",
                date,
                "--content",
                s(content),
            ],
            &[],
        ));
    }
}

/// A review date whose review (24 months) runs out `days` from today (UTC), and
/// that day.
pub fn review_running_out_in(days: i64) -> (Date, Date) {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let ends = Date::from_days(seconds / 86_400 + days);
    let reviewed = Date {
        year: ends.year - 2,
        ..ends
    };
    (reviewed, ends)
}

/// A fresh folder under the test target folder.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("update")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(BIN);
    command.args(args).env_remove("CLINIC_EDU_TEST_ABORT_AT");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().unwrap()
}

pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

pub fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}", text(&out));
    text(&out)
}

/// A repository, its keys, and a kiosk subscribed to it, all under one scratch folder.
pub struct Setup {
    pub dir: PathBuf,
}

impl Setup {
    pub fn new(name: &str) -> Setup {
        let setup = Setup { dir: scratch(name) };
        ok(run(
            &["repo", "init", s(&setup.repo()), "--keys", s(&setup.keys())],
            &[],
        ));
        std::fs::create_dir_all(setup.kiosk()).unwrap();
        std::fs::copy(
            setup.repo().join("metadata/1.root.json"),
            setup.kiosk().join("root.json"),
        )
        .unwrap();
        let url = url::Url::from_directory_path(setup.repo()).unwrap();
        setup.subscribe(url.as_str(), "stable");
        setup
    }

    pub fn subscribe(&self, repository: &str, channel: &str) {
        std::fs::write(
            self.config(),
            format!(
                "(updates: Some((repository: {repository:?}, trusted_root: \"root.json\", channel: {channel:?})))\n"
            ),
        )
        .unwrap();
    }

    pub fn repo(&self) -> PathBuf {
        self.dir.join("repo")
    }
    pub fn keys(&self) -> PathBuf {
        self.dir.join("keys")
    }
    pub fn kiosk(&self) -> PathBuf {
        self.dir.join("kiosk")
    }
    pub fn config(&self) -> PathBuf {
        self.kiosk().join("config.ron")
    }
    pub fn metadata(&self) -> PathBuf {
        self.repo().join("metadata")
    }

    /// A content folder named `name` with the topic `prp-local` (a copy of PRP)
    /// whose English summary line ends in `marker`, and `extra` topics beside it.
    pub fn content(&self, name: &str, marker: &str, with_local: bool) -> PathBuf {
        let dir = self.dir.join(name);
        let _ = std::fs::remove_dir_all(&dir);
        let prp = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content/prp");
        let target = if with_local {
            dir.join("prp-local")
        } else {
            dir.join("prp")
        };
        crate::common::copy_tree(&prp, &target);
        let topic = target.join("topic.ron");
        let text = std::fs::read_to_string(&topic).unwrap();
        let id = if with_local { "prp-local" } else { "prp" };
        std::fs::write(
            &topic,
            text.replacen("id: \"prp\",", &format!("id: \"{id}\","), 1),
        )
        .unwrap();
        std::fs::write(dir.join("marker.txt"), marker).unwrap();
        dir
    }

    pub fn publish(&self, content: &Path, extra: &[&str]) -> Output {
        let (repo, keys) = (self.repo(), self.keys());
        let mut args = vec![
            "publish",
            "--content",
            s(content),
            "--repo",
            s(&repo),
            "--keys",
            s(&keys),
            "--allow-unreviewed",
        ];
        args.extend_from_slice(extra);
        run(&args, &[])
    }

    pub fn update(&self, env: &[(&str, &str)]) -> Output {
        run(&["update", "--once", "--config", s(&self.config())], env)
    }

    pub fn status(&self) -> String {
        ok(run(&["status", "--config", s(&self.config())], &[]))
    }

    /// The marker of the installed bundle, or None.
    pub fn shown(&self) -> Option<String> {
        let dir = clinic_edu::update::state::installed_content(&self.config())?;
        std::fs::read_to_string(dir.join("marker.txt")).ok()
    }

    /// The repository's latest root.
    pub fn root(&self) -> Signed<Root> {
        serde_json::from_slice(&std::fs::read(self.metadata().join("root.json")).unwrap()).unwrap()
    }

    /// Signs `role` with the key files `keys` as holders listed in `root`.
    pub fn sign<T>(&self, role: T, root: &Root, keys: &[PathBuf]) -> Vec<u8>
    where
        T: tough::schema::Role + serde::Serialize,
    {
        let sources: Vec<Box<dyn KeySource>> = keys
            .iter()
            .map(|p| Box::new(LocalKeySource { path: p.clone() }) as Box<dyn KeySource>)
            .collect();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let signed = runtime
            .block_on(SignedRole::new(
                role,
                &KeyHolder::Root(root.clone()),
                &sources,
                &aws_lc_rs::rand::SystemRandom::new(),
            ))
            .unwrap();
        signed.buffer().clone()
    }

    pub fn key(&self, name: &str) -> PathBuf {
        self.keys().join(format!("{name}.pk8"))
    }

    /// Reads a metadata file.
    pub fn read<T: serde::de::DeserializeOwned>(&self, file: &str) -> Signed<T> {
        serde_json::from_slice(&std::fs::read(self.metadata().join(file)).unwrap()).unwrap()
    }
}

pub fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Copies every file of `from` into `to` (folders made as needed).
pub fn copy_dir(from: &Path, to: &Path) {
    crate::common::copy_tree(from, to);
}

/// Runs the CLI with the clock moved by `offset` (libfaketime's `+8d`, `-10d`),
/// through Debian's `faketime` (the test fails when it is missing).
pub fn run_at(offset: &str, args: &[&str]) -> Output {
    Command::new("faketime")
        .args(["-f", offset, BIN])
        .args(args)
        .env_remove("CLINIC_EDU_TEST_ABORT_AT")
        .output()
        .expect("faketime (Debian's faketime package; .ci/run installs it)")
}

impl Setup {
    pub fn update_at(&self, offset: &str) -> Output {
        run_at(offset, &["update", "--once", "--config", s(&self.config())])
    }

    /// Replaces `file` in the repository's metadata with `bytes`.
    pub fn put(&self, file: &str, bytes: &[u8]) {
        std::fs::write(self.metadata().join(file), bytes).unwrap();
    }
}

/// Fails unless `out` failed and says `needle` (case-insensitively).
pub fn refused(out: &Output, needle: &str) {
    let said = text(out);
    assert!(!out.status.success(), "not refused:\n{said}");
    assert!(
        said.to_lowercase().contains(&needle.to_lowercase()),
        "refused without saying {needle:?}:\n{said}"
    );
}
