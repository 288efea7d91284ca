//! What `publish` writes, read by others: python-tuf's ngclient (a TUF client no
//! one here wrote; PyPI `tuf`) verifies and fetches a bundle across a root
//! rotation; and the kiosk's own client installs over HTTPS from Debian's nginx on
//! 127.0.0.1, its certificate from a test CA made with openssl, refusing the same
//! server when the CA is not trusted, and polls with one request when nothing is
//! new. Both fail, never skip, without their tools.

mod common;
#[path = "common/tuf.rs"]
mod tuf;

use std::path::Path;
use std::process::{Child, Command};

use tuf::{Setup, ok, s};

#[test]
fn python_tuf_ngclient_verifies_and_fetches_what_publish_wrote() {
    let setup = Setup::new("ngclient");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(tuf::run(
        &[
            "repo",
            "rotate-key",
            s(&setup.repo()),
            "--keys",
            s(&setup.keys()),
            "--role",
            "timestamp",
        ],
        &[],
    ));
    ok(setup.publish(&setup.content("two", "two", true), &[]));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/update/ngclient.py");
    let work = setup.dir.join("ngclient");
    let out = Command::new("python3")
        .arg(&script)
        .args([
            s(&setup.repo()),
            s(&setup.metadata().join("1.root.json")),
            s(&work),
            "bundle-2.tar",
        ])
        .output()
        .expect("python3 with python-tuf (PyPI `tuf`; .ci/run installs it)");
    let said = tuf::text(&out);
    assert!(
        out.status.success(),
        "python-tuf refused the repository:\n{said}"
    );
    let fields: Vec<&str> = said.split_whitespace().collect();
    // The bundle's path, its content version, and the root version it trusts now.
    assert_eq!(fields[1..], ["2", "2"], "{said}");
    let fetched = std::fs::read(fields[0]).unwrap();
    let published = std::fs::read_dir(setup.repo().join("targets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".bundle-2.tar"))
        .unwrap();
    assert_eq!(fetched, std::fs::read(published).unwrap());
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl (.ci/run installs it)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        tuf::text(&out)
    );
}

/// A test CA and a certificate for 127.0.0.1 signed by it, in `dir`.
fn test_ca(dir: &Path) {
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend([
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=clinic-edu test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign",
    ]);
    openssl(dir, &ca);
    let mut csr = vec!["req"];
    csr.extend(ec);
    csr.extend([
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    openssl(dir, &csr);
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.pem",
            "-days",
            "2",
            "-extfile",
            "server.ext",
        ],
    );
}

/// nginx serving `root` over HTTPS on 127.0.0.1; stopped when dropped.
struct Nginx {
    child: Child,
    port: u16,
    log: std::path::PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn nginx(dir: &Path, root: &Path) -> Nginx {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let log = dir.join("access.log");
    let d = dir.display();
    let conf = format!(
        "daemon off;\nmaster_process off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
         events {{}}\nhttp {{\n  access_log {d}/access.log;\n  client_body_temp_path {d}/tmp;\n\
         proxy_temp_path {d}/tmp;\n  fastcgi_temp_path {d}/tmp;\n  uwsgi_temp_path {d}/tmp;\n\
         scgi_temp_path {d}/tmp;\n  server {{\n    listen 127.0.0.1:{port} ssl;\n\
         ssl_certificate {d}/server.pem;\n    ssl_certificate_key {d}/server.key;\n\
         root {};\n  }}\n}}\n",
        root.display()
    );
    std::fs::create_dir_all(dir.join("tmp")).unwrap();
    std::fs::write(dir.join("nginx.conf"), conf).unwrap();
    let program = ["/usr/sbin/nginx", "nginx"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .unwrap_or("nginx");
    let child = Command::new(program)
        .args(["-p", s(dir), "-c", s(&dir.join("nginx.conf"))])
        .spawn()
        .expect("nginx (Debian's nginx-light; .ci/run installs it)");
    // Stopped on drop, also when it never listens.
    let server = Nginx { child, port, log };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!(
        "nginx did not listen on 127.0.0.1:{port}: {:?}",
        std::fs::read_to_string(dir.join("error.log"))
    );
}

#[test]
fn the_kiosk_installs_over_https_from_nginx_with_a_test_ca() {
    let setup = Setup::new("nginx");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    let tls = setup.dir.join("tls");
    std::fs::create_dir_all(&tls).unwrap();
    test_ca(&tls);
    let server = nginx(&tls, &setup.repo());
    setup.subscribe(&format!("https://127.0.0.1:{}/", server.port), "stable");
    // Without the test CA the server is not trusted.
    let untrusted = setup.update(&[("SSL_CERT_FILE", s(&tls.join("server.key")))]);
    assert!(!untrusted.status.success(), "{}", tuf::text(&untrusted));
    assert_eq!(setup.shown(), None);
    let ca = tls.join("ca.pem");
    let trusted = [("SSL_CERT_FILE", s(&ca))];
    assert!(ok(setup.update(&trusted)).contains("installed content version 1"));
    assert_eq!(setup.shown().as_deref(), Some("one"));
    // A poll with nothing new.
    let before = std::fs::read_to_string(&server.log)
        .unwrap()
        .lines()
        .count();
    assert!(ok(setup.update(&trusted)).contains("up to date: content version 1"));
    let log = std::fs::read_to_string(&server.log).unwrap();
    let requests: Vec<&str> = log.lines().skip(before).collect();
    println!("a poll with nothing new: {requests:#?}");
    assert_eq!(requests.len(), 1, "{requests:#?}");
    assert!(
        requests[0].contains("\"GET /metadata/timestamp.json "),
        "{requests:#?}"
    );
    ok(setup.publish(&setup.content("two", "two", true), &[]));
    assert!(ok(setup.update(&trusted)).contains("installed content version 2"));
}
