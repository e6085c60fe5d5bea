//! Every message id that the code builds at run time comes from a `MessageSet` (a
//! closed set of values and the prefix of their messages), never from `format!` at a
//! call site. This test enumerates every set and checks each id in both languages; the
//! ids written as literals are checked by `i18n::tests`.

use crate::i18n::{translate, Lang, MessageSet};

/// Every set of the crate.
fn all() -> Vec<(&'static str, &'static MessageSet)> {
    let mut sets: Vec<(&'static str, &'static MessageSet)> = vec![
        ("i18n::LANGUAGE_MESSAGES", &crate::i18n::LANGUAGE_MESSAGES),
        ("error::FIELD_MESSAGES", &crate::error::FIELD_MESSAGES),
        (
            "workflow::PUBLICATION_MESSAGES",
            &crate::workflow::PUBLICATION_MESSAGES,
        ),
        (
            "workflow::ACTION_MESSAGES",
            &crate::workflow::ACTION_MESSAGES,
        ),
        ("workflow::AUDIT_MESSAGES", &crate::workflow::AUDIT_MESSAGES),
        ("coop::LIST_TITLES", &crate::coop::LIST_TITLES),
        ("coop::NEW_TITLES", &crate::coop::NEW_TITLES),
        ("coop::EDIT_TITLES", &crate::coop::EDIT_TITLES),
        ("coop::FIELD_MESSAGES", &crate::coop::FIELD_MESSAGES),
        ("coop::HELP_MESSAGES", &crate::coop::HELP_MESSAGES),
        ("coop::MOMENT_ERRORS", &crate::coop::MOMENT_ERRORS),
        (
            "kinds::PROJECT_STATUS_MESSAGES",
            &crate::kernel::kinds::PROJECT_STATUS_MESSAGES,
        ),
        (
            "kinds::PROJECT_KIND_MESSAGES",
            &crate::kernel::kinds::PROJECT_KIND_MESSAGES,
        ),
        (
            "kinds::PARTNER_ROLE_MESSAGES",
            &crate::kernel::kinds::PARTNER_ROLE_MESSAGES,
        ),
        (
            "kinds::EVENT_KIND_MESSAGES",
            &crate::kernel::kinds::EVENT_KIND_MESSAGES,
        ),
        (
            "kinds::CLUSTER_KIND_MESSAGES",
            &crate::kernel::kinds::CLUSTER_KIND_MESSAGES,
        ),
        (
            "kinds::PRACTICE_KIND_MESSAGES",
            &crate::kernel::kinds::PRACTICE_KIND_MESSAGES,
        ),
        (
            "kinds::CONTACT_OFFICE_MESSAGES",
            &crate::kernel::kinds::CONTACT_OFFICE_MESSAGES,
        ),
        ("projects::PHASE_MESSAGES", &crate::projects::PHASE_MESSAGES),
        ("events::TIMING_MESSAGES", &crate::events::TIMING_MESSAGES),
        (
            "geo::COUNTRY_MESSAGES",
            &crate::kernel::geo::COUNTRY_MESSAGES,
        ),
        ("mail::SUBJECT_MESSAGES", &crate::mail::SUBJECT_MESSAGES),
        ("ideas::STATUS_MESSAGES", &crate::ideas::STATUS_MESSAGES),
        (
            "ideas::SUBMITTER_MESSAGES",
            &crate::ideas::SUBMITTER_MESSAGES,
        ),
        ("ideas::FIELD_ERRORS", &crate::ideas::FIELD_ERRORS),
        (
            "ideas::CALL_FIELD_MESSAGES",
            &crate::ideas::CALL_FIELD_MESSAGES,
        ),
        ("mail::BODY_MESSAGES", &crate::mail::BODY_MESSAGES),
        (
            "registrations::QUESTION_MESSAGES",
            &crate::registrations::QUESTION_MESSAGES,
        ),
        (
            "registrations::ROLE_MESSAGES",
            &crate::registrations::ROLE_MESSAGES,
        ),
        (
            "registrations::STANDING_MESSAGES",
            &crate::registrations::STANDING_MESSAGES,
        ),
        (
            "registrations::FIELD_ERRORS",
            &crate::registrations::FIELD_ERRORS,
        ),
        ("auth::ROLE_MESSAGES", &crate::auth::ROLE_MESSAGES),
        (
            "auth::accounts::ACCOUNT_ERRORS",
            &crate::auth::accounts::ACCOUNT_ERRORS,
        ),
        (
            "services::edit::FIELD_ERRORS",
            &crate::services::edit::FIELD_ERRORS,
        ),
        (
            "services::edit::FIELD_LABELS",
            &crate::services::edit::FIELD_LABELS,
        ),
        (
            "services::edit::ACCESS_MESSAGES",
            &crate::services::edit::ACCESS_MESSAGES,
        ),
        (
            "location_picker::LOCATION_LABELS",
            &crate::staff::location_picker::LOCATION_LABELS,
        ),
        (
            "location_picker::LOCATION_ERRORS",
            &crate::staff::location_picker::LOCATION_ERRORS,
        ),
        (
            "hours_editor::DAY_MESSAGES",
            &crate::staff::hours_editor::DAY_MESSAGES,
        ),
        ("transfer::DATA_ERRORS", &crate::transfer::DATA_ERRORS),
        (
            "transfer::EXPORT_MESSAGES",
            &crate::transfer::EXPORT_MESSAGES,
        ),
        (
            "services::WEEKDAY_MESSAGES",
            &crate::services::WEEKDAY_MESSAGES,
        ),
        ("services::SORT_MESSAGES", &crate::services::SORT_MESSAGES),
        ("services::NAMED_MESSAGES", &crate::services::NAMED_MESSAGES),
        ("services::DROP_MESSAGES", &crate::services::DROP_MESSAGES),
        (
            "municipalities::SORT_MESSAGES",
            &crate::municipalities::SORT_MESSAGES,
        ),
        (
            "observatory::SORT_MESSAGES",
            &crate::observatory::SORT_MESSAGES,
        ),
        ("partners::LEVEL_MESSAGES", &crate::partners::LEVEL_MESSAGES),
        (
            "format::MONTH_MESSAGES",
            &crate::kernel::format::MONTH_MESSAGES,
        ),
        ("reports::STATUS_MESSAGES", &crate::reports::STATUS_MESSAGES),
        ("reports::KIND_MESSAGES", &crate::reports::KIND_MESSAGES),
        ("reports::FIELD_ERRORS", &crate::reports::FIELD_ERRORS),
    ];
    #[cfg(feature = "ssr")]
    sets.extend([
        (
            "services::edit::form::DONE",
            &crate::services::edit::form::DONE,
        ),
        ("coop::form::DONE", &crate::coop::form::DONE),
    ]);
    sets
}

#[test]
fn every_id_of_every_set_exists_in_both_languages() {
    let mut missing = vec![];
    for (name, set) in all() {
        assert!(!set.ids().is_empty(), "{name} is empty");
        for id in set.ids() {
            for lang in Lang::ALL {
                if translate(lang, &id, None) == id {
                    missing.push(format!("{name}: {id} ({lang:?})"));
                }
            }
        }
    }
    // The main navigation's labels come from the route table.
    for (page, label) in crate::routes::Page::navigation() {
        for lang in Lang::ALL {
            if translate(lang, label, None) == label {
                missing.push(format!("navigation {page:?}: {label} ({lang:?})"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn every_set_of_the_code_is_enumerated_and_no_id_is_built_elsewhere() {
    let sets = all();
    let mut declared = 0;
    let mut built = vec![];
    for file in crate::text::source_files() {
        let source = std::fs::read_to_string(&file).unwrap();
        if file.ends_with("i18n.rs") || file.ends_with("message_sets.rs") {
            continue;
        }
        declared += source.matches("MessageSet::new(").count();
        for call in [
            ".t(&format!(",
            ".t_args(&format!(",
            "Flash::error(&format!(",
            "Flash::notice(&format!(",
        ] {
            if source.contains(call) {
                built.push(format!("{}: {call}", file.display()));
            }
        }
    }
    // i18n.rs declares one set (the languages).
    assert_eq!(declared + 1, sets.len(), "a set is missing from `all()`");
    assert!(
        built.is_empty(),
        "message ids built at call sites: {built:?}"
    );
}
