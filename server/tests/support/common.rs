//! What both test binaries need: `integration.rs` declares this file through `support`,
//! `process.rs` by its path (a free local port, a form's body).

/// A port nobody listens on now (the system picks it).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A form's body as a browser sends it (`application/x-www-form-urlencoded`).
pub fn encode(pairs: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}
