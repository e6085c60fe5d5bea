//! Sending one written letter over SMTP (server only), with lettre. The settings come
//! from the server's configuration (`SMTP_*`); the connection is plain (a relay on this
//! machine), STARTTLS or TLS, with credentials when given.

use super::Written;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// How the connection to the mail server is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// No TLS: only for a relay on this machine or a private network (and the tests).
    Plain,
    /// Plain, then upgraded with STARTTLS (required): port 587.
    StartTls,
    /// TLS from the first byte: port 465.
    Tls,
}

impl Security {
    pub fn parse(value: &str) -> Result<Security, String> {
        match value {
            "none" | "plain" => Ok(Security::Plain),
            "starttls" => Ok(Security::StartTls),
            "tls" => Ok(Security::Tls),
            _ => Err("expected `starttls`, `tls` or `none`".into()),
        }
    }
}

#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: Option<String>,
    pub password: Option<String>,
    /// The sender, `Grensdiensten <noreply@example.be>`.
    pub from: String,
}

/// Why a letter was not sent.
#[derive(Debug)]
pub enum SendError {
    /// The mail server will never take it (a refused address, a 5xx answer): not retried.
    Permanent(String),
    /// Try again later (no connection, a timeout, a 4xx answer).
    Transient(String),
}

/// A connection pool to the mail server and the sender's address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

impl Mailer {
    pub fn new(settings: &SmtpSettings) -> Result<Mailer, String> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| format!("SMTP_FROM {:?}: {e}", settings.from))?;
        let builder = match settings.security {
            Security::Plain => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            }
            Security::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)
                    .map_err(|e| format!("SMTP_HOST {:?}: {e}", settings.host))?
            }
            Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)
                .map_err(|e| format!("SMTP_HOST {:?}: {e}", settings.host))?,
        };
        let mut builder = builder
            .port(settings.port)
            .timeout(Some(Duration::from_secs(20)));
        if let (Some(user), Some(password)) = (&settings.user, &settings.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
        })
    }

    /// Sends one letter: plain text and HTML alternatives of the same text.
    pub async fn send(&self, letter: &Written) -> Result<(), SendError> {
        let to: Mailbox = letter
            .to
            .parse()
            .map_err(|e| SendError::Permanent(format!("recipient: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(letter.subject.clone())
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .body(letter.text.clone()),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .body(letter.html.clone()),
                    ),
            )
            .map_err(|e| SendError::Permanent(format!("message: {e}")))?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(error) if error.is_permanent() => Err(SendError::Permanent(error.to_string())),
            Err(error) => Err(SendError::Transient(error.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_modes_are_checked() {
        assert_eq!(Security::parse("starttls"), Ok(Security::StartTls));
        assert_eq!(Security::parse("tls"), Ok(Security::Tls));
        assert_eq!(Security::parse("none"), Ok(Security::Plain));
        assert!(Security::parse("ssl3").is_err());
    }

    #[test]
    fn a_sender_that_is_no_address_is_refused_at_start() {
        let settings = SmtpSettings {
            host: "localhost".into(),
            port: 25,
            security: Security::Plain,
            user: None,
            password: None,
            from: "not an address".into(),
        };
        assert!(Mailer::new(&settings).unwrap_err().contains("SMTP_FROM"));
    }
}
