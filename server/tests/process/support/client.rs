//! What browsers and an admin send the running server over HTTP: form posts, reports,
//! signing in, services created in the editor, imports of new services.

use super::common::encode;
use super::server::{ADMIN_EMAIL, ADMIN_PASSWORD};
use leptos::server_fn::ServerFn;
use reqwest::blocking::{multipart, Client};
use reqwest::StatusCode;
use std::time::Duration;

/// A client that follows no redirects (the tests read them), with a generous timeout.
pub fn client() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

/// Where a redirect goes (empty when none).
pub fn location_of(response: &reqwest::blocking::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// A plain form post, as a browser without JavaScript sends it.
pub fn send_form(
    client: &Client,
    base: &str,
    path: &str,
    body: String,
    cookie: Option<&str>,
) -> reqwest::Result<reqwest::blocking::Response> {
    let mut request = client
        .post(format!("{base}{path}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .body(body);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send()
}

/// A report; true when the server acknowledged it (redirected to "sent").
pub fn send_report(client: &Client, base: &str, message: &str) -> bool {
    let body = encode(&[
        ("lang", "nl"),
        ("form[service]", ""),
        ("form[kind]", "missing"),
        ("form[message]", message),
        ("form[email]", ""),
        ("form[website]", ""),
    ]);
    send_form(client, base, app::reports::SubmitReport::PATH, body, None)
        .is_ok_and(|r| r.status() == StatusCode::FOUND && location_of(&r).contains("sent=1"))
}

/// Signs the admin in: the session cookie and the form token (None if the server is
/// gone).
pub fn sign_in_admin(client: &Client, base: &str) -> Option<(String, String)> {
    let body = encode(&[
        ("lang", "nl"),
        ("email", ADMIN_EMAIL),
        ("password", ADMIN_PASSWORD),
        ("next", ""),
    ]);
    let response = send_form(client, base, app::auth::SignIn::PATH, body, None).ok()?;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("staff_session="))
        .map(|v| v.split(';').next().unwrap().to_owned())?;
    let page = client
        .get(format!("{base}/nl/beheer"))
        .header("cookie", &cookie)
        .send()
        .ok()?
        .text()
        .ok()?;
    let at = page.find("name=\"csrf\" value=\"")? + 19;
    let csrf = page[at..].split('"').next()?.to_owned();
    Some((cookie, csrf))
}

/// Creates and publishes a service in the editor; its id when acknowledged.
pub fn create_service(
    client: &Client,
    base: &str,
    staff: &(String, String),
    n: &str,
) -> Option<String> {
    let (name_nl, name_fr) = (
        format!("Crashtest dienst {n}"),
        format!("Service crashtest {n}"),
    );
    let fields = [
        ("f[lang]", "nl"),
        ("f[csrf]", staff.1.as_str()),
        ("f[id]", ""),
        ("f[revision]", ""),
        ("f[action]", "publish"),
        ("f[hours_mode]", "raw"),
        ("f[name_nl]", name_nl.as_str()),
        ("f[name_fr]", name_fr.as_str()),
        ("f[category]", "culture"),
        ("f[municipality]", "33011"),
        ("f[lat]", "50.85114"),
        ("f[lon]", "2.88569"),
        ("f[speaks_nl]", "on"),
        ("f[opening_hours]", "Mo-Fr 09:00-17:00; PH off"),
        (
            "f[description_nl]",
            "Boeken lenen aan beide kanten van de grens.",
        ),
        (
            "f[description_fr]",
            "Emprunter des livres des deux côtés de la frontière.",
        ),
    ];
    let response = send_form(
        client,
        base,
        app::services::edit::SaveService::PATH,
        encode(&fields),
        Some(&staff.0),
    )
    .ok()?;
    let to = location_of(&response);
    let id = to.strip_prefix("/nl/beheer/diensten/")?;
    (response.status() == StatusCode::FOUND && !id.is_empty() && id != "nieuw")
        .then(|| id.to_owned())
}

pub const IMPORT_HEADER: &str = "id,status,country,category,name_fr,name_nl,description_nl,description_fr,municipality_code,address,lat,lon,phone,email,website,opening_hours,source";

pub const IMPORT_ROWS: usize = 40;

pub fn import_id(batch: usize, row: usize) -> String {
    format!("crashtest-import-{batch}-{row}")
}

/// Uploads a file of new services and commits it; true when the commit was
/// acknowledged.
pub fn import(client: &Client, base: &str, staff: &(String, String), batch: usize) -> bool {
    import_across(client, base, base, staff, batch)
}

/// Uploads (the dry run) to one app server and commits on another.
pub fn import_across(
    client: &Client,
    base: &str,
    commit_base: &str,
    staff: &(String, String),
    batch: usize,
) -> bool {
    let mut csv = vec![IMPORT_HEADER.to_owned()];
    for row in 0..IMPORT_ROWS {
        csv.push(format!(
            "{},published,BE,culture,Service importé {batch} {row},Geïmporteerde dienst {batch} {row},Boeken lenen over de grens heen,Emprunter des livres par-delà la frontière,33011,Grote Markt 1,50.851234,2.885,,,,Mo-Fr 09:00-17:00; PH off,crash test",
            import_id(batch, row)
        ));
    }
    let upload = multipart::Form::new()
        .text("lang", "nl")
        .text("csrf", staff.1.clone())
        .part(
            "file",
            multipart::Part::bytes(csv.join("\n").into_bytes()).file_name("services.csv"),
        );
    let Ok(response) = client
        .post(format!("{base}{}", app::transfer::ImportUpload::PATH))
        .header("cookie", &staff.0)
        .header("accept", "text/html")
        .multipart(upload)
        .send()
    else {
        return false;
    };
    let to = location_of(&response);
    let Some(token) = to.split("import=").nth(1).map(str::to_owned) else {
        return false;
    };
    let commit = encode(&[("lang", "nl"), ("csrf", &staff.1), ("token", &token)]);
    send_form(
        client,
        commit_base,
        app::transfer::ImportCommit::PATH,
        commit,
        Some(&staff.0),
    )
    .is_ok_and(|r| r.status() == StatusCode::FOUND && location_of(&r) == to)
}
