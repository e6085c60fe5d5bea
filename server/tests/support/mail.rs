//! The letters: a real SMTP server for the tests, aiosmtpd (Debian's python3-aiosmtpd,
//! installed by the test command's setup) on a free local port, writing what it receives
//! into a Maildir that the tests read back as a mail program would (mail-parser); the
//! link in a letter; waiting for letters to be queued.

use super::common::free_port;
use super::test_app::BASE;
use app::db::Db;
use app::mail::smtp::{Mailer, Security, SmtpSettings};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpSink {
    child: Child,
    pub port: u16,
    dir: PathBuf,
}

/// One received letter.
#[derive(Debug)]
pub struct Received {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        Self::start_on(free_port())
    }

    pub fn start_on(port: u16) -> SmtpSink {
        let dir = std::env::temp_dir().join(format!("smtp-sink-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        // Debian's python3-aiosmtpd belongs to Debian's python3, which may not be the
        // first python3 on PATH (pyenv).
        let python = ["/usr/bin/python3", "python3"]
            .into_iter()
            .find(|python| {
                Command::new(python)
                    .args(["-c", "import aiosmtpd"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|status| status.success())
            })
            .unwrap_or("python3");
        let child = Command::new(python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 with aiosmtpd (apt install python3-aiosmtpd; .ci/setup.sh does)");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "aiosmtpd did not listen on {port} (is python3-aiosmtpd installed?)"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        SmtpSink { child, port, dir }
    }

    pub fn mailer(&self) -> Mailer {
        mailer_on(self.port)
    }

    /// Every letter received so far.
    pub fn received(&self) -> Vec<Received> {
        let mut files = vec![];
        for sub in ["new", "cur"] {
            if let Ok(entries) = std::fs::read_dir(self.dir.join(sub)) {
                files.extend(entries.flatten().map(|e| e.path()));
            }
        }
        // In the order they arrived: the Maildir counter of the one receiving process
        // (`…Q7.host`); the names' time part is not zero-padded, so it does not sort.
        files.sort_by_key(|file| {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            let counter = name
                .split_once(".M")
                .and_then(|(_, rest)| rest.split_once('Q'))
                .and_then(|(_, rest)| rest.split('.').next())
                .and_then(|n| n.parse::<u64>().ok());
            (counter, name.into_owned())
        });
        files
            .into_iter()
            .map(|file| {
                let raw = std::fs::read(&file).unwrap();
                let message = mail_parser::MessageParser::default()
                    .parse(&raw)
                    .expect("a well-formed message");
                Received {
                    to: message
                        .to()
                        .and_then(|a| a.first())
                        .and_then(|a| a.address())
                        .unwrap_or_default()
                        .to_owned(),
                    subject: message.subject().unwrap_or_default().to_owned(),
                    text: message.body_text(0).unwrap_or_default().into_owned(),
                    html: message.body_html(0).unwrap_or_default().into_owned(),
                }
            })
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A mailer to a plain SMTP server on this machine's `port`.
pub fn mailer_on(port: u16) -> Mailer {
    Mailer::new(&SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
        user: None,
        password: None,
        from: "Grensdiensten <noreply@grensdiensten.test>".into(),
    })
    .unwrap()
}

/// The path of the personal link in a letter's text.
pub fn link_path(text: &str) -> String {
    let link = text
        .lines()
        .find(|l| l.starts_with(BASE))
        .unwrap_or_else(|| panic!("no link in {text}"))
        .trim();
    link.strip_prefix(BASE).unwrap().to_owned()
}

/// Waits until at least `n` letters are queued (a reset link is made after the answer).
pub async fn queued_letters(db: &Db, n: i64) {
    for _ in 0..400 {
        let counts = app::mail::outbox::counts(db).await.unwrap();
        let queued = counts
            .iter()
            .find(|(status, _)| status == "queued")
            .map_or(0, |(_, n)| *n);
        if queued >= n {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("{n} letters were not queued");
}
