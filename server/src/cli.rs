//! Command-line data commands other than serving: staff accounts.

use crate::config::UserCommand;
use app::auth::{session, users, UserInput};
use app::db::Db;
use app::error::AppError;
use std::io::BufRead;

/// One line from standard input, without its line ending.
fn password_from_stdin() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// A password for the account: typed on standard input, or generated (printed once).
fn new_password(from_stdin: bool) -> anyhow::Result<(String, bool)> {
    if from_stdin {
        Ok((password_from_stdin()?, false))
    } else {
        Ok((session::new_token(), true))
    }
}

fn explain(error: AppError) -> anyhow::Error {
    match error {
        AppError::BadRequest(field) if field == "password" => anyhow::anyhow!(
            "the password must be {} to {} characters long",
            app::auth::password::MIN_PASSWORD_CHARS,
            app::kernel::validate::Length::Password.chars()
        ),
        AppError::BadRequest(field) if field == "municipalities" => anyhow::anyhow!(
            "an editor needs at least one --municipality, and every code must be a known municipality"
        ),
        AppError::BadRequest(field) => anyhow::anyhow!("invalid {field}"),
        AppError::Conflict(_) => anyhow::anyhow!("an account with this e-mail address already exists"),
        AppError::NotFound => anyhow::anyhow!("no account with this e-mail address"),
        other => anyhow::anyhow!(other),
    }
}

pub async fn user(db: &Db, action: UserCommand) -> anyhow::Result<()> {
    match action {
        UserCommand::Add {
            email,
            role,
            municipalities,
            password_stdin,
        } => {
            let (password, generated) = new_password(password_stdin)?;
            let input = UserInput {
                email,
                role,
                municipalities,
            };
            let account = users::add(db, &input, &password).await.map_err(explain)?;
            println!("created {} ({})", account.email, account.role);
            if generated {
                println!("password (shown once): {password}");
            }
        }
        UserCommand::Passwd {
            email,
            password_stdin,
        } => {
            let (password, generated) = new_password(password_stdin)?;
            users::set_password(db, &email, &password)
                .await
                .map_err(explain)?;
            println!("password changed; every session of {email} has ended");
            if generated {
                println!("password (shown once): {password}");
            }
        }
    }
    Ok(())
}
