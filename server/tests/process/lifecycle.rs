//! Starting and stopping: SIGTERM lets requests in flight finish, then the process
//! exits; a second process on the same directory is refused with a clear message.

use crate::support::common::encode;
use crate::support::server::{run_command, Scratch, Server};
use leptos::server_fn::ServerFn;
use std::time::Duration;

#[test]
#[ignore = "starts the server binary; the test command runs it on the release build"]
fn sigterm_lets_requests_in_flight_finish_then_exits() {
    use std::io::{Read, Write};
    let scratch = Scratch::new("sigterm");
    let mut server = Server::start("mem://", &scratch.0, &[("SHUTDOWN_GRACE_SECS", "20")]);
    // A report whose body is still arriving when the signal comes.
    let body = encode(&[
        ("lang", "nl"),
        ("form[service]", ""),
        ("form[kind]", "missing"),
        (
            "form[message]",
            "Het postkantoor van Menen ontbreekt in de lijst.",
        ),
        ("form[email]", ""),
        ("form[website]", ""),
    ]);
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    write!(
        stream,
        "POST {} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        app::reports::SubmitReport::PATH,
        body.len()
    )
    .unwrap();
    let (first, rest) = body.split_at(body.len() / 2);
    stream.write_all(first.as_bytes()).unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    server.signal("TERM");
    std::thread::sleep(Duration::from_millis(700));
    // No new connections once the signal is in.
    assert!(
        std::net::TcpStream::connect(&address).is_err(),
        "the listener is closed"
    );
    stream.write_all(rest.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 302"), "{answer}");
    assert!(answer.contains("sent=1"), "{answer}");
    let status = server.wait_exit(Duration::from_secs(15));
    assert!(status.success(), "{status}");
}

#[test]
#[ignore = "starts the server binary; the test command runs it on the release build"]
fn a_second_process_on_the_same_directory_is_refused_clearly() {
    let scratch = Scratch::new("second");
    let url = scratch.db_url();
    let _server = Server::start(&url, &scratch.0, &[]);
    let out = run_command(&url, &scratch.0, &["export", "exported"], "");
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("is in use by another process") && message.contains("SIGUSR1"),
        "{message}"
    );
    assert!(
        !message.contains("stack backtrace") && !message.contains("panicked"),
        "{message}"
    );
    let second = Server::start_expecting_failure(&url, &scratch.0);
    assert!(second.contains("is in use by another process"), "{second}");
}
