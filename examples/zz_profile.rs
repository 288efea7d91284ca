use std::time::Instant;
fn main() {
    let rss = || clinic_edu::probe::resident_kb().unwrap_or(0);
    let t = Instant::now();
    let r0 = rss();
    let (lib, _e) = clinic_edu::content::load::for_app(None);
    println!(
        "content  {:>7.1} ms  +{} kB",
        t.elapsed().as_secs_f64() * 1e3,
        rss() - r0
    );
    let t = Instant::now();
    let r0 = rss();
    let s = clinic_edu::i18n::Strings::embedded().unwrap();
    println!(
        "strings  {:>7.1} ms  +{} kB",
        t.elapsed().as_secs_f64() * 1e3,
        rss() - r0
    );
    let t = Instant::now();
    let r0 = rss();
    let _sm = clinic_edu::samples::Samples::embedded().unwrap();
    println!(
        "samples  {:>7.1} ms  +{} kB",
        t.elapsed().as_secs_f64() * 1e3,
        rss() - r0
    );
    let t = Instant::now();
    let r0 = rss();
    let mut sys = clinic_edu::text::TextSystem::new(clinic_edu::text::FontOptions {
        system_fonts: false,
    });
    println!(
        "fonts    {:>7.1} ms  +{} kB",
        t.elapsed().as_secs_f64() * 1e3,
        rss() - r0
    );
    let t = Instant::now();
    let r0 = rss();
    for topic in lib.topics() {
        let tx = topic.text(clinic_edu::Language::English);
        sys.layout(
            &tx.title,
            clinic_edu::Language::English,
            clinic_edu::text::TextStyle::bold(19.0),
            Some(700.0),
            1.0,
        );
        sys.layout(
            &tx.summary,
            clinic_edu::Language::English,
            clinic_edu::text::TextStyle::regular(17.0),
            Some(700.0),
            1.0,
        );
    }
    println!(
        "layouts  {:>7.1} ms  +{} kB",
        t.elapsed().as_secs_f64() * 1e3,
        rss() - r0
    );
    let _ = s;
}
