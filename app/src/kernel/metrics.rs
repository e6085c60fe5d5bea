//! What an operator measures (server only): the process's counters in the Prometheus
//! text format. Requests by route and status with their latency, refusals by rate limit,
//! requests cut by the time limit, panics, the read models' caches (`cache::stats`) and
//! the process's resident memory. The server records requests and serves `/metrics`;
//! domains record their own events here (`refused`), never through the server.
//!
//! Labels come from closed sets only (route templates, limit names, cache names, status
//! codes), so a crawler of made-up URLs cannot grow the registry.

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use std::sync::LazyLock;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct MailLabels {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LimitLabels {
    limit: &'static str,
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 33 s: pages answer in milliseconds, the request time limit is 20 s.
    Histogram::new(prometheus_client::metrics::histogram::exponential_buckets(
        0.001, 2.0, 16,
    ))
}

struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    timeouts: Counter,
    refusals: Family<LimitLabels, Counter>,
    panics: Counter,
    mail: Family<MailLabels, Counter>,
    pages: Family<PageLabels, Counter>,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PageLabels {
    outcome: &'static str,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let mut registry = Registry::default();
    let requests = Family::<RequestLabels, Counter>::default();
    let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
        latency_histogram,
    );
    let timeouts = Counter::default();
    let refusals = Family::<LimitLabels, Counter>::default();
    let panics = Counter::default();
    let mail = Family::<MailLabels, Counter>::default();
    let pages = Family::<PageLabels, Counter>::default();
    registry.register(
        "page_cache_lookups",
        "Public pages answered from the page cache (hit) or rendered (miss)",
        pages.clone(),
    );
    registry.register(
        "mail_letters",
        "Letters queued, sent, refused for now (queued again) and failed for good",
        mail.clone(),
    );
    registry.register(
        "http_requests",
        "Requests answered, by route template, method and status",
        requests.clone(),
    );
    registry.register(
        "http_request_duration_seconds",
        "Time to the response's head, by route template",
        latency.clone(),
    );
    registry.register(
        "http_request_timeouts",
        "Requests answered 503 because they had no answer within their time limit (the log names the route)",
        timeouts.clone(),
    );
    registry.register(
        "rate_limit_refusals",
        "Events refused by a rate limit (reports, sign-in per account, per address)",
        refusals.clone(),
    );
    registry.register(
        "panics",
        "Panics anywhere in the process (request handlers, rendering, tasks)",
        panics.clone(),
    );
    registry.register_collector(Box::new(Process));
    Metrics {
        registry,
        requests,
        latency,
        timeouts,
        refusals,
        panics,
        mail,
        pages,
    }
});

/// A public page answered from the page cache (`hit`) or rendered for it.
pub fn page_cache(hit: bool) {
    let outcome = if hit { "hit" } else { "miss" };
    METRICS.pages.get_or_create(&PageLabels { outcome }).inc();
}

/// Letters that reached `outcome` (`queued`, `sent`, `failed`).
pub fn mail(outcome: &'static str, count: u64) {
    METRICS
        .mail
        .get_or_create(&MailLabels { outcome })
        .inc_by(count);
}

/// The label of a request's method: one of the methods HTTP defines, or `other` for
/// anything a client made up (a method is any token of any length, so keeping it as
/// sent would let anonymous requests grow the registry without bound).
pub fn method_label(method: &str) -> &'static str {
    const KNOWN: [&str; 9] = [
        "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
    ];
    KNOWN
        .into_iter()
        .find(|known| *known == method)
        .unwrap_or("other")
}

/// One answered request: `route` is a template (`/:lang/diensten/:id`, `/api/v1/…`,
/// `static`), never the path itself; the method is counted by `method_label`.
pub fn request(route: &str, method: &str, status: u16, seconds: f64) {
    let metrics = &*METRICS;
    metrics
        .requests
        .get_or_create(&RequestLabels {
            route: route.to_owned(),
            method: method_label(method),
            status,
        })
        .inc();
    metrics
        .latency
        .get_or_create(&RouteLabels {
            route: route.to_owned(),
        })
        .observe(seconds);
}

/// A request cut by its time limit.
pub fn timed_out() {
    METRICS.timeouts.inc();
}

/// An event a rate limit refused (`limit` is the limit's name).
pub fn refused(limit: &'static str) {
    METRICS.refusals.get_or_create(&LimitLabels { limit }).inc();
}

/// Events `limit` has refused since the process started.
pub fn refusals(limit: &'static str) -> u64 {
    METRICS
        .refusals
        .get(&LimitLabels { limit })
        .map_or(0, |counter| counter.get())
}

/// A panic (counted by the process's panic hook).
pub fn panicked() {
    METRICS.panics.inc();
}

/// Panics counted since the process started.
pub fn panics() -> u64 {
    METRICS.panics.get()
}

/// Requests cut by their time limit since the process started.
pub fn timeouts() -> u64 {
    METRICS.timeouts.get()
}

/// Everything, in the Prometheus text exposition format.
pub fn encode() -> String {
    let mut text = String::new();
    if prometheus_client::encoding::text::encode(&mut text, &METRICS.registry).is_err() {
        text.clear();
    }
    text
}

/// A counter of every cache: name, help, and how to read it from the cache's stats.
type CacheCounter = (
    &'static str,
    &'static str,
    fn(&super::cache::CacheStats) -> u64,
);

/// The caches of read models and the process's memory, read at each scrape.
#[derive(Debug)]
struct Process;

impl Collector for Process {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let stats = super::cache::stats();
        let counters: [CacheCounter; 3] = [
            ("cache_hits", "Lookups a read-model cache answered", |s| {
                s.hits
            }),
            (
                "cache_misses",
                "Lookups a read-model cache could not answer",
                |s| s.misses,
            ),
            (
                "cache_evictions",
                "Entries a read-model cache dropped to stay within its bound",
                |s| s.evictions,
            ),
        ];
        for (name, help, value) in counters {
            let mut family = encoder.encode_descriptor(
                name,
                help,
                None,
                prometheus_client::metrics::MetricType::Counter,
            )?;
            for s in &stats {
                let labels = [("cache", s.name)];
                ConstCounter::new(value(s)).encode(family.encode_family(&labels)?)?;
            }
        }
        let mut entries = encoder.encode_descriptor(
            "cache_entries",
            "Entries a read-model cache holds now",
            None,
            prometheus_client::metrics::MetricType::Gauge,
        )?;
        for s in &stats {
            let labels = [("cache", s.name)];
            ConstGauge::new(s.entries as i64).encode(entries.encode_family(&labels)?)?;
        }
        if let Some(bytes) = resident_bytes() {
            let gauge = ConstGauge::new(bytes as i64);
            let metric = encoder.encode_descriptor(
                "process_resident_memory_bytes",
                "Resident memory of the process",
                None,
                gauge.metric_type(),
            )?;
            gauge.encode(metric)?;
        }
        Ok(())
    }
}

/// Resident set size from `/proc/self/statm` (Linux), in bytes.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_a_closed_set() {
        assert_eq!(method_label("GET"), "GET");
        assert_eq!(method_label("PATCH"), "PATCH");
        assert_eq!(method_label("get"), "other");
        assert_eq!(method_label("ANYTHING1"), "other");
        assert_eq!(method_label(&"X".repeat(16 * 1024)), "other");
    }

    #[test]
    fn made_up_methods_add_no_series() {
        let route = "/metrics-test-route";
        for i in 0..50 {
            request(route, &format!("MADEUP{i}"), 405, 0.001);
        }
        let text = encode();
        let lines: Vec<&str> = text
            .lines()
            .filter(|line| line.contains(route) && line.starts_with("http_requests_total"))
            .collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("method=\"other\""), "{}", lines[0]);
        assert!(lines[0].ends_with(" 50"), "{}", lines[0]);
    }
}
