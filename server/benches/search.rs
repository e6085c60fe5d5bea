//! Services search latency (SPEC §6: 10 000 services p95 < 20 ms, 100 000 < 100 ms).
//!
//! `cargo bench -p server --bench search -- [SERVICES] [ROUNDS]` seeds an in-memory
//! database with the bundled data, adds synthetic services (copies of the real ones at
//! jittered positions, flagged `is_sample`) up to SERVICES, then times a mix of searches
//! through the same code the page and the API use, and prints percentiles per query.

use app::i18n::Lang;
use app::seed::memory_with_seed;
use app::services::{search, ServiceQuery};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const QUERIES: &[(&str, &[(&str, &str)])] = &[
    ("text: gare", &[("q", "gare")]),
    (
        "text + filter: gemeentehuis, FR",
        &[("q", "gemeentehuis"), ("country", "FR")],
    ),
    ("near Wervik 10 km", &[("near", "Wervik"), ("radius", "10")]),
    (
        "near Lille 25 km + category + open now",
        &[
            ("near", "Lille"),
            ("radius", "25"),
            ("category", "town_hall"),
            ("open", "1"),
        ],
    ),
    (
        "text + near: station, Ieper 25 km",
        &[("q", "station"), ("near", "Ieper"), ("radius", "25")],
    ),
    ("browse everything, by name", &[]),
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let target = args.first().copied().unwrap_or(10_000);
    let rounds = args.get(1).copied().unwrap_or(50);

    let db = memory_with_seed().await.expect("seeded database");
    let mut response = db
        .query("SELECT name, category, country, record::id(municipality) AS code, address, lat, lon, languages, cross_border_access, opening_hours, source, licence FROM service WHERE lat != NONE")
        .await
        .unwrap();
    let real: Vec<Value> = response.take(0).unwrap();
    let existing = 413;
    let started = Instant::now();
    let mut batch = vec![];
    for i in 0..target.saturating_sub(existing) {
        let mut row = real[i % real.len()].clone();
        // Spread copies within about 5 km of the original, deterministically.
        let jitter = |k: usize| ((k * 7919 % 1000) as f64 / 1000.0 - 0.5) * 0.09;
        row["lat"] = json!(row["lat"].as_f64().unwrap() + jitter(i));
        row["lon"] = json!(row["lon"].as_f64().unwrap() + jitter(i + 17));
        row["is_sample"] = json!(true);
        // option<T> fields take NONE, not null.
        if let Value::Object(map) = &mut row {
            map.retain(|_, v| !v.is_null());
        }
        batch.push(row);
        if batch.len() == 1000 {
            insert(&db, std::mem::take(&mut batch)).await;
        }
    }
    if !batch.is_empty() {
        insert(&db, batch).await;
    }
    let mut response = db
        .query("RETURN count(SELECT VALUE id FROM service)")
        .await
        .unwrap();
    let count: Option<i64> = response.take(0).unwrap();
    println!(
        "services: {} (synthetic rows added in {:.1} s); {rounds} rounds per query",
        count.unwrap_or(0),
        started.elapsed().as_secs_f64()
    );

    // Raw SurrealDB costs, to see where the time goes.
    for (name, sql) in [
        (
            "db: ids matching 'gare' (fr index)",
            "SELECT VALUE id FROM service WHERE search_fr @1@ 'gare'",
        ),
        (
            "db: ids matching 'gare' (both indexes)",
            "SELECT VALUE id FROM service WHERE search_nl @0@ 'gare' OR search_fr @1@ 'gare'",
        ),
        ("db: all ids", "SELECT VALUE id FROM service"),
        (
            "db: all rows, 6 fields",
            "SELECT id, name, category, country, lat, lon FROM service",
        ),
    ] {
        let mut times = vec![];
        for _ in 0..rounds.min(10) {
            let t = Instant::now();
            let mut r = db.query(sql).await.unwrap();
            let rows: Vec<Value> = r.take(0).unwrap();
            times.push(t.elapsed());
            std::hint::black_box(rows);
        }
        times.sort();
        println!("{name:<44} p50 {} ms", ms(percentile(&times, 0.5)));
    }

    // Tuesday 24 November 2026, 10:00 in Brussels: town halls are open.
    let at = {
        use chrono::TimeZone;
        chrono_tz::Europe::Brussels
            .with_ymd_and_hms(2026, 11, 24, 10, 0, 0)
            .unwrap()
    };
    let mut everything = vec![];
    // The in-memory copy of the services is loaded once per data version.
    let t = Instant::now();
    search::run(
        &db,
        Lang::Nl,
        &ServiceQuery::default().validate().unwrap(),
        at,
    )
    .await
    .unwrap();
    println!(
        "first search after a data change (loads the copy): {} ms",
        ms(t.elapsed())
    );
    println!(
        "{:<44} {:>8} {:>9} {:>8} {:>8} {:>8}",
        "query", "results", "first ms", "p50 ms", "p95 ms", "max ms"
    );
    for (name, pairs) in QUERIES {
        let filter = ServiceQuery::from_pairs(pairs.iter().copied())
            .validate()
            .unwrap();
        // The first run of a query pays for what the server caches (a text's matches,
        // parsed opening hours); it is reported on its own.
        let t = Instant::now();
        let warm = search::run(&db, Lang::Nl, &filter, at).await.unwrap();
        let first = t.elapsed();
        let mut times = vec![];
        for _ in 0..rounds {
            let t = Instant::now();
            let found = search::run(&db, Lang::Nl, &filter, at).await.unwrap();
            times.push(t.elapsed());
            assert_eq!(found.total, warm.total);
        }
        times.sort();
        everything.extend(times.iter().copied());
        println!(
            "{:<44} {:>8} {:>9} {:>8} {:>8} {:>8}",
            name,
            warm.total,
            ms(first),
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95)),
            ms(*times.last().unwrap())
        );
    }
    everything.sort();
    println!(
        "all queries: p50 {} ms, p95 {} ms, max {} ms",
        ms(percentile(&everything, 0.5)),
        ms(percentile(&everything, 0.95)),
        ms(*everything.last().unwrap())
    );

    // A stream of distinct texts, each searched once, as residents type them.
    let stream = distinct_texts(&db, 400).await;
    let (mut times, mut empty) = (vec![], vec![]);
    for (i, text) in stream.iter().enumerate() {
        let lang = if i % 2 == 0 { Lang::Nl } else { Lang::Fr };
        let filter = ServiceQuery::from_pairs([("q", text.as_str())])
            .validate()
            .unwrap();
        let t = Instant::now();
        let found = search::run(&db, lang, &filter, at).await.unwrap();
        times.push(t.elapsed());
        if found.total == 0 {
            empty.push(text.as_str());
        }
    }
    times.sort();
    println!(
        "distinct texts, each once ({} texts, {} without results): p50 {} ms, p95 {} ms, max {} ms",
        stream.len(),
        empty.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(*times.last().unwrap())
    );
    println!(
        "for example, without results: {:?}",
        &empty[..empty.len().min(12)]
    );

    // One service changed at a time, as staff edit: from the write until a search finds
    // the new name (the copy applies the change instead of reloading every service).
    let ids: Vec<String> = search::run(
        &db,
        Lang::Nl,
        &ServiceQuery::from_pairs([("q", "gare")])
            .validate()
            .unwrap(),
        at,
    )
    .await
    .unwrap()
    .hits
    .into_iter()
    .map(|h| h.core.id)
    .collect();
    let (mut writes, mut applied, mut visible) = (vec![], vec![], vec![]);
    for round in 0..rounds.min(40) {
        // A made-up ten-letter word per round, far from every other word.
        let word: String = (0..10)
            .map(|k| (b'a' + ((round * 7919 + k * 104_729 + k * k * 31) % 26) as u8) as char)
            .collect();
        let id = &ids[round % ids.len()];
        let t = Instant::now();
        db.query("UPDATE type::record('service', $id) SET name.nl = $name")
            .bind(("id", id.clone()))
            .bind(("name", format!("Station {word}")))
            .await
            .unwrap()
            .check()
            .unwrap();
        writes.push(t.elapsed());
        let applying = Instant::now();
        app::services::snapshot::current(&db).await.unwrap();
        applied.push(applying.elapsed());
        let filter = ServiceQuery::from_pairs([("q", word.as_str())])
            .validate()
            .unwrap();
        let found = search::run(&db, Lang::Nl, &filter, at).await.unwrap();
        visible.push(t.elapsed());
        assert_eq!(
            found.total, 1,
            "the changed service is not found by its new name"
        );
    }
    writes.sort();
    applied.sort();
    visible.sort();
    println!(
        "one service changed ({} times): write p50 {} ms, copy updated p50 {} ms; searchable after p50 {} ms, p95 {} ms, max {} ms",
        visible.len(),
        ms(percentile(&writes, 0.5)),
        ms(percentile(&applied, 0.5)),
        ms(percentile(&visible, 0.5)),
        ms(percentile(&visible, 0.95)),
        ms(*visible.last().unwrap())
    );
}

/// Texts residents type, built from the data: whole words of service and municipality
/// names in both languages, prefixes (3-5 letters), one- and two-letter typing mistakes,
/// and a place with a kind of service ("mairie wervicq", "station ieper"). Deterministic.
async fn distinct_texts(db: &app::db::Db, count: usize) -> Vec<String> {
    let mut response = db
        .query(
            "SELECT VALUE [name.nl ?? '', name.fr ?? ''] FROM service WHERE is_sample != true;
             SELECT VALUE [name.nl, name.fr] FROM municipality;",
        )
        .await
        .unwrap();
    let services: Vec<Vec<String>> = response.take(0).unwrap();
    let places: Vec<Vec<String>> = response.take(1).unwrap();
    let words = |names: &[Vec<String>]| -> Vec<String> {
        let mut out: Vec<String> = names
            .iter()
            .flatten()
            .flat_map(|n| {
                n.split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|w| w.chars().count() >= 4)
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let (service_words, place_words) = (words(&services), words(&places));
    let kinds = [
        "mairie",
        "gemeentehuis",
        "gare",
        "station",
        "justice",
        "vredegerecht",
        "politie",
        "tribunal",
    ];
    let typo = |w: &str, k: usize| -> String {
        let mut c: Vec<char> = w.chars().collect();
        if c.len() >= 5 {
            c.swap(2, 3);
        }
        if k == 2 && c.len() >= 9 {
            c.remove(c.len() - 2);
        }
        c.into_iter().collect()
    };
    let mut texts: Vec<String> = vec![];
    let mut seen = std::collections::HashSet::new();
    for i in 0.. {
        if texts.len() >= count || i > count * 20 {
            break;
        }
        let s = &service_words[(i * 7919) % service_words.len()];
        let p = &place_words[(i * 104_729) % place_words.len()];
        let text = match i % 6 {
            0 => s.clone(),
            1 => p.clone(),
            2 => s.chars().take(3 + i % 3).collect(),
            3 => typo(s, 1),
            4 => format!("{} {}", kinds[i % kinds.len()], p),
            _ => typo(p, 2),
        };
        if seen.insert(text.clone()) {
            texts.push(text);
        }
    }
    texts
}

async fn insert(db: &app::db::Db, rows: Vec<Value>) {
    db.query(
        "FOR $s IN $rows {
            CREATE service CONTENT object::extend($s.{name, category, country, address, lat, lon, languages,
                cross_border_access, opening_hours, source, licence, is_sample},
                { municipality: type::record('municipality', $s.code) });
        }",
    )
        .bind(("rows", rows))
        .await
        .unwrap()
        .check()
        .unwrap();
}
