//! Server wiring: configuration, the axum router, the API and language negotiation.
//! The binary (`main.rs`) adds the command line.

pub mod api;
pub mod backup;
pub mod cli;
pub mod client_addr;
pub mod config;
pub mod csp;
pub mod csrf;
pub mod etag;
pub mod language;
pub mod observe;
pub mod page_cache;
pub mod seo;
pub mod server_fns;
pub mod site;
pub mod state;
pub mod transfer;
pub mod web;
