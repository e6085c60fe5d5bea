//! Tests of `form`: reading a posted service form, and the workflow rules.

use super::*;
use crate::kernel::geo::Country;
use crate::workflow::Publication;

fn form(pairs: &[(&str, &str)]) -> Posted {
    Posted::of(pairs)
}

fn country(code: &str) -> Option<Country> {
    match code {
        "33011" => Some(Country::Be),
        "59350" => Some(Country::Fr),
        _ => None,
    }
}

fn good() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name_nl", "Bibliotheek Ieper"),
        ("name_fr", "Bibliothèque d'Ypres"),
        ("name_fr_mt", "on"),
        ("category", "library"),
        ("municipality", "33011"),
        ("lat", "50,85123456"),
        ("lon", "2.88"),
        ("phone", "+32 57 23 94 00"),
        ("email", "Bib@Ieper.be"),
        ("website", "https://www.ieper.be/bibliotheek"),
        ("speaks_nl", "on"),
        ("speaks_fr", "on"),
        ("hours_mode", "raw"),
        ("opening_hours", "Mo-Fr 09:00-17:00; PH off"),
        ("access_who", "both"),
    ]
}

#[test]
fn a_good_form_reads_into_a_service() {
    let service = read(&form(&good()), &StaffService::default(), country).unwrap();
    assert_eq!(service.country, Some(Country::Be));
    assert_eq!(service.lat, Some(50.85123));
    assert_eq!(service.email.as_deref(), Some("bib@ieper.be"));
    assert_eq!(service.languages, ["nl", "fr"]);
    assert_eq!(service.machine_translated, ["name.fr"]);
    assert_eq!(service.access.unwrap().who, "both");
    assert_eq!(service.description.nl, None);
}

#[test]
fn phones_are_one_per_line_or_separated_by_semicolons() {
    let read_phones = |value: &str| {
        let mut pairs = good();
        pairs.retain(|(k, _)| *k != "phone");
        pairs.push(("phone", value));
        read(&form(&pairs), &StaffService::default(), country).map(|s| s.phones)
    };
    assert_eq!(
        read_phones(" +32 57  23 94 00 \r\n\n057 23 94 01; 0800 12 345 ").unwrap(),
        ["+32 57 23 94 00", "057 23 94 01", "0800 12 345"]
    );
    assert_eq!(read_phones("").unwrap(), Vec::<String>::new());
    // One bad number, or too many, names the field and keeps nothing.
    assert!(read_phones("057 23 94 00\ncall us").is_err());
    assert!(read_phones(&["057 23 94 00"; 6].join("\n")).is_err());
}

#[test]
fn every_wrong_field_is_named() {
    let mut pairs = good();
    pairs.retain(|(k, _)| !["name_nl", "name_fr", "lon"].contains(k));
    pairs.extend([
        ("phone", "call us"),
        ("email", "not-an-email"),
        ("website", "javascript:alert(1)"),
        ("opening_hours", "whenever"),
        ("access_note_nl", "alleen in het Nederlands"),
        ("municipality", "99999"),
    ]);
    let invalid = read(&form(&pairs), &StaffService::default(), country).unwrap_err();
    for field in [
        "name_nl",
        "municipality",
        "lon",
        "phone",
        "email",
        "website",
        "opening_hours",
        "access_note",
    ] {
        assert!(invalid.iter().any(|f| f == field), "{field} in {invalid:?}");
    }
    let mut far = good();
    far.push(("lat", "48.1"));
    assert_eq!(
        read(&form(&far), &StaffService::default(), country).unwrap_err(),
        ["lat"]
    );
}

#[test]
fn publishing_needs_both_languages() {
    use crate::auth::Role::{Admin, Editor};
    use crate::workflow::{Action::*, Refusal};
    let service = read(&form(&good()), &StaffService::default(), country).unwrap();
    assert_eq!(
        next_status(Publish, None, &service, Editor).unwrap_err(),
        Refused::Fields(vec!["description_nl".into(), "description_fr".into()])
    );
    let mut complete = service.clone();
    complete.description = MaybeLocalized {
        nl: Some("Boeken lenen".into()),
        fr: Some("Emprunter des livres".into()),
    };
    assert_eq!(
        next_status(Publish, None, &complete, Editor).unwrap(),
        Publication::Published
    );
    let published = StaffService {
        status: Publication::Published,
        ..complete.clone()
    };
    assert_eq!(
        next_status(Archive, Some(&published), &service, Editor).unwrap(),
        Publication::Archived
    );
    // Saving a published service may not remove a language it had...
    assert_eq!(
        next_status(Save, Some(&published), &service, Editor).unwrap_err(),
        Refused::Fields(vec!["description_nl".into(), "description_fr".into()])
    );
    // ... but one that never had it stays editable.
    let partial = StaffService {
        status: Publication::Published,
        ..service.clone()
    };
    assert_eq!(
        next_status(Verify, Some(&partial), &service, Editor).unwrap(),
        Publication::Published
    );
    // Out of the archive: admins only, and only to a draft.
    let archived = StaffService {
        status: Publication::Archived,
        ..complete.clone()
    };
    for action in [Restore, Save] {
        assert_eq!(
            next_status(action, Some(&archived), &complete, Editor).unwrap_err(),
            Refused::Workflow(Refusal::Forbidden),
            "{action:?}"
        );
    }
    for action in [Publish, Unpublish, Verify, Archive] {
        for role in [Editor, Admin] {
            assert_eq!(
                next_status(action, Some(&archived), &complete, role).unwrap_err(),
                Refused::Workflow(Refusal::NotFromHere),
                "{action:?} {role:?}"
            );
        }
    }
    assert_eq!(
        next_status(Restore, Some(&archived), &service, Admin).unwrap(),
        Publication::Draft
    );
}

#[test]
fn hidden_controls_in_a_service_s_texts_name_their_fields() {
    let mut pairs = good();
    pairs.extend([
        ("description_nl", "Boeken lenen.\r\nOok\tstrips."),
        ("address", "Weverijstraat 2\n8900 Ieper"),
        ("access_note_nl", "Voor iedereen."),
        ("access_note_fr", "Pour tout le monde."),
    ]);
    assert!(read(&form(&pairs), &StaffService::default(), country).is_ok());
    let mut bad = good();
    bad.retain(|(k, _)| !k.starts_with("name_"));
    bad.extend([
        ("name_nl", "Bibliotheek \u{202E}repeI"),
        ("name_fr", "Bibliothèque\td'Ypres"),
        ("description_fr", "Emprunter des \u{2066}livres\u{2069}."),
        ("address", "Weverijstraat 2\u{7}"),
        ("access_note_nl", "Voor iedereen."),
        ("access_note_fr", "Pour \u{202B}tous."),
    ]);
    assert_eq!(
        read(&form(&bad), &StaffService::default(), country).unwrap_err(),
        [
            "name_nl",
            "name_fr",
            "description_fr",
            "address",
            "access_note"
        ]
    );
}
