//! Signed content updates, measured: `cargo bench --bench update`.
//!
//! A repository with a 100 MB bundle is made with the `clinic-edu` binary (`repo
//! init`, `publish`) under `target/update-bench/`, read through `file://`. Then, in
//! this process, with the app running in an egui harness drawn by wgpu on Mesa's
//! lavapipe (a frame stepped, drawn and read back every 16 ms):
//! - frame time and memory (RSS) while idle, and while the app's updater thread
//!   (`app::updates::Poller`, as the app starts it) installs the bundle (streamed
//!   into staging, unpacked, checked, swapped) and loads it for the window;
//! - a poll with nothing new: its wall and CPU time (that it makes one request is
//!   counted in nginx's log by `tests/update_interop.rs`).
//!
//! It prints the figures and checks them against the bounds: frames within
//! 1.2x of idle, memory within 20 MB of idle. Linux only (memory from /proc).
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use clinic_edu::app::updates::Poller;
use clinic_edu::config::Updates;
use clinic_edu::update::client::{Outcome, update_once};
use clinic_edu::{AppOptions, ClinicApp, Language};

const BIN: &str = env!("CARGO_BIN_EXE_clinic-edu");

fn run(args: &[&str]) {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Resident memory of this process, in bytes.
fn rss() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: u64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096
}

/// CPU time of this process so far.
#[cfg(target_os = "linux")]
fn cpu() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let t = |tv: libc::timeval| Duration::new(tv.tv_sec as u64, tv.tv_usec as u32 * 1000);
    t(usage.ru_utime) + t(usage.ru_stime)
}

/// A repository holding a content folder with a 100 MB file, and a kiosk config.
fn setup() -> (PathBuf, Updates) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/update-bench");
    let _ = std::fs::remove_dir_all(&dir);
    let content = dir.join("content");
    let topic = content.join("prp");
    std::fs::create_dir_all(&topic).unwrap();
    let prp = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content/prp");
    for entry in std::fs::read_dir(prp).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), topic.join(entry.file_name())).unwrap();
    }
    // 100 MB that does not compress (xorshift), as narration clips would not.
    let mut blob = Vec::with_capacity(100_000_000);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while blob.len() < 100_000_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        blob.extend_from_slice(&x.to_le_bytes());
    }
    std::fs::create_dir_all(content.join("media")).unwrap();
    std::fs::write(content.join("media/blob.bin"), blob).unwrap();
    let (repo, keys) = (dir.join("repo"), dir.join("keys"));
    run(&["repo", "init", s(&repo), "--keys", s(&keys)]);
    run(&[
        "publish",
        "--content",
        s(&content),
        "--repo",
        s(&repo),
        "--keys",
        s(&keys),
        "--allow-unreviewed",
    ]);
    let kiosk = dir.join("kiosk");
    std::fs::create_dir_all(&kiosk).unwrap();
    std::fs::copy(repo.join("metadata/1.root.json"), kiosk.join("root.json")).unwrap();
    let updates = Updates {
        repository: url::Url::from_directory_path(&repo).unwrap().to_string(),
        trusted_root: "root.json".into(),
        channel: "stable".into(),
        poll_seconds: 3600,
    };
    (kiosk.join("config.ron"), updates)
}

fn percentile(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p) as usize]
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("benches/update.rs measures memory from /proc: Linux only");
}

#[cfg(target_os = "linux")]
fn main() {
    let (config, updates) = setup();
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        language: Language::builtin("en"),
        ..AppOptions::default()
    })
    .unwrap();
    // Drawn by wgpu on Mesa's lavapipe, as a window without a GPU is: each frame is
    // laid out, rasterised and read back, so the frame time includes the drawing
    // that competes with the install for the CPU.
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .wgpu()
        .build_eframe(|_| app);
    harness.run();
    let frame = |harness: &mut egui_kittest::Harness<'_, ClinicApp>| {
        let start = Instant::now();
        harness.step();
        harness.render().expect("a frame drawn by wgpu");
        let took = start.elapsed();
        std::thread::sleep(Duration::from_millis(16).saturating_sub(took));
        took
    };
    // Warm up first: lavapipe's memory grows over the first frames drawn (about
    // 40 MB over 150 frames, then steady), which is not the install's.
    for _ in 0..150 {
        frame(&mut harness);
    }
    let idle_rss = rss();
    let idle: Vec<Duration> = (0..150).map(|_| frame(&mut harness)).collect();
    let (idle_median, idle_p95) = (percentile(idle.clone(), 0.5), percentile(idle, 0.95));

    // The app's own updater thread (at its lower priority), started as the app
    // starts it: it installs the bundle, then loads it for the window.
    let start = Instant::now();
    let poller = Poller::start(config.clone(), updates.clone(), false);
    let mut busy = Vec::new();
    let mut peak_rss = idle_rss;
    let ready = loop {
        if let Some(ready) = poller.take() {
            break ready;
        }
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "no bundle after 10 minutes: {:?}",
            poller.status().and_then(|s| s.last_error)
        );
        busy.push(frame(&mut harness));
        peak_rss = peak_rss.max(rss());
    };
    let install_time = start.elapsed();
    assert_eq!(ready.version, 1);
    drop(ready);
    let (busy_median, busy_p95) = (
        percentile(busy.clone(), 0.5),
        percentile(busy.clone(), 0.95),
    );

    let (cpu_before, start) = (cpu(), Instant::now());
    let poll = update_once(&config, &updates).unwrap();
    let (poll_wall, poll_cpu) = (start.elapsed(), cpu() - cpu_before);
    assert_eq!(poll, Outcome::UpToDate(Some(1)));

    let mb = |b: u64| b as f64 / 1_000_000.0;
    println!("install and load of a 100 MB bundle: {install_time:.2?} on the updater thread");
    println!(
        "frame time idle: median {idle_median:.2?}, p95 {idle_p95:.2?}; during the install ({} frames): median {busy_median:.2?}, p95 {busy_p95:.2?} ({:.2}x the idle median)",
        busy.len(),
        busy_median.as_secs_f64() / idle_median.as_secs_f64()
    );
    println!(
        "memory (RSS): idle {:.1} MB, peak during the install {:.1} MB (+{:.1} MB)",
        mb(idle_rss),
        mb(peak_rss),
        mb(peak_rss.saturating_sub(idle_rss))
    );
    println!("a poll with nothing new: {poll_wall:.2?} wall, {poll_cpu:.2?} CPU");
    let ratio = busy_median.as_secs_f64() / idle_median.as_secs_f64();
    assert!(ratio <= 1.2, "frames took {ratio:.2}x the idle median");
    assert!(
        peak_rss.saturating_sub(idle_rss) <= 20_000_000,
        "memory grew by {:.1} MB",
        mb(peak_rss - idle_rss)
    );
}
