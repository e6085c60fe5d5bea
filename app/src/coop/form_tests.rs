use super::*;

fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn known() -> Known<'static> {
    Known {
        municipality: &|c| ["33011", "59350"].contains(&c),
        project: &|p| p == "partons-2-0",
        event: &|e| e == "kennisplatform-intergemeentelijk-samenwerken-2015-12-03",
        organization: &|o| ["eurometropool", "westhoekoverleg"].contains(&o),
    }
}

#[test]
fn a_good_project_form_is_normalised() {
    let values = read(
        CoopKind::Project,
        &form(&[
            ("name_nl", " Grensfietsroute "),
            ("name_fr", "Véloroute frontalière"),
            ("name_fr_mt", "on"),
            ("themes", "Mobiliteit|Mobilité\n\n Klimaat | Climat "),
            ("budget_eur", "12 500,50"),
            ("period_start", "2024-01-01"),
            ("period_end", "2026-12-31"),
            ("status", "ongoing"),
            ("kind", "interreg_project"),
            ("municipalities", "59350,33011, 33011"),
            ("parent", "partons-2-0"),
            ("lead_partner", "eurometropool"),
            ("partner_westhoekoverleg", "associated"),
            ("partner_eurometropool", "partner"),
            ("partner_midwestoverleg", ""),
            ("eu_cofinancing_eur", "6250"),
            ("priority_nl", "Prioriteit 4"),
            ("priority_fr", "Priorité 4"),
        ]),
        &known(),
    )
    .unwrap();
    assert_eq!(values["parent"], "partons-2-0");
    assert_eq!(values["lead_partner"], "eurometropool");
    assert_eq!(values["eu_cofinancing_eur"], "6250");
    assert_eq!(
        values["partners"],
        "eurometropool | partner\nwesthoekoverleg | associated"
    );
    assert_eq!(values["name_nl"], "Grensfietsroute");
    assert_eq!(values["name_fr_mt"], "on");
    assert_eq!(values["themes"], "Mobiliteit | Mobilité\nKlimaat | Climat");
    assert_eq!(values["budget_eur"], "12500.5");
    assert_eq!(values["municipalities"], "59350, 33011");
}

#[test]
fn every_wrong_field_is_named() {
    let invalid = read(
        CoopKind::Project,
        &form(&[
            ("programme_nl", "Interreg VI"),
            ("themes", "alleen Nederlands"),
            ("parent", "nope"),
            ("lead_partner", "nobody"),
            ("partner_eurometropool", "sponsor"),
            ("budget_eur", "-5"),
            ("period_start", "2024-02-30"),
            ("status", "finished"),
            ("kind", "interreg_project"),
            ("website", "javascript:alert(1)"),
            ("municipalities", "33011, 99999"),
        ]),
        &known(),
    )
    .unwrap_err();
    assert_eq!(
        invalid,
        [
            "name_nl",
            "programme_fr",
            "parent",
            "themes",
            "lead_partner",
            "partners",
            "budget_eur",
            "period_start",
            "status",
            "website",
            "municipalities"
        ]
    );
    let invalid = read(
        CoopKind::Event,
        &form(&[
            ("title_fr", "Rencontre"),
            ("kind", "consultation"),
            ("starts_at", "2026-03-29T02:30"),
            ("ends_at", "2026-03-01T10:00"),
            ("place_municipality", "59350"),
            ("project", "nope"),
            ("organiser", "nobody"),
            ("agenda", "Welkom | Bienvenue | Burgemeester\nAlleen NL"),
        ]),
        &known(),
    )
    .unwrap_err();
    assert_eq!(
        invalid,
        [
            "starts_at",
            "project",
            "organiser",
            "agenda",
            "place_name",
            "place_address"
        ]
    );
}

#[test]
fn publishing_needs_both_languages_of_the_required_texts() {
    use crate::workflow::{Action::*, Publication};
    let values = form(&[
        ("title_nl", "Overleg"),
        ("summary_nl", "x"),
        ("summary_fr", "y"),
    ]);
    assert_eq!(
        next_publication(CoopKind::Event, Publish, None, &values).unwrap_err(),
        ["title_fr", "audience_nl", "audience_fr"]
    );
    assert_eq!(
        next_publication(CoopKind::Event, Save, Some(Publication::Draft), &values).unwrap(),
        Publication::Draft
    );
    assert_eq!(
        next_publication(CoopKind::Event, Archive, Some(Publication::Draft), &values).unwrap(),
        Publication::Archived
    );
    assert!(next_publication(CoopKind::Event, Restore, Some(Publication::Draft), &values).is_err());
    assert_eq!(
        next_publication(
            CoopKind::Event,
            Restore,
            Some(Publication::Archived),
            &values
        )
        .unwrap(),
        Publication::Draft
    );
    // Nothing goes from the archive to the public in one step.
    assert_eq!(
        next_publication(
            CoopKind::Event,
            Publish,
            Some(Publication::Archived),
            &values
        )
        .unwrap_err(),
        ["action"]
    );
}

#[test]
fn stored_records_round_trip_through_the_form() {
    let record = CoopRecord {
        id: "x".into(),
        publication: crate::workflow::Publication::Published,
        revision: 3,
        values: form(&[
            ("title_nl", "Overleg"),
            ("title_fr", "Concertation"),
            ("title_fr_mt", "on"),
            ("starts_at", "2026-07-01T14:00"),
            ("place_name", "Stadhuis"),
            ("place_address", "Grote Markt 1"),
            ("place_municipality", "33011"),
            (
                "agenda",
                "Welkom | Bienvenue | Burgemeester\nVragen | Questions",
            ),
            ("kind", "consultation"),
        ]),
    };
    let mut stored = crate::coop::record::stored(CoopKind::Event, &record);
    assert_eq!(stored["starts_at"], "2026-07-01T12:00:00+00:00");
    assert_eq!(
        stored["machine_translated"],
        serde_json::json!(["title.fr"])
    );
    stored["id"] = "x".into();
    stored["revision"] = 3.into();
    let back = crate::coop::record::from_stored(CoopKind::Event, &stored);
    assert_eq!(back, record);
}

#[test]
fn a_contact_names_one_municipality_an_office_and_valid_addresses() {
    let good = read(
        CoopKind::Contact,
        &form(&[
            ("name_nl", "Dienst samenwerking"),
            ("name_fr", "Service coopération"),
            ("municipality", "33011"),
            ("office", "cooperation"),
            ("phone", "057 23 94 00;+32 57 23 94 01"),
            ("email", "samenwerking@ieper.be"),
            ("verified_on", "2026-11-30"),
        ]),
        &known(),
    )
    .unwrap();
    assert_eq!(good["phone"], "057 23 94 00; +32 57 23 94 01");
    assert_eq!(good["municipality"], "33011");
    let bad = read(
        CoopKind::Contact,
        &form(&[
            ("name_nl", "Kabinet"),
            ("municipality", "33011, 59350"),
            ("phone", "call us"),
            ("email", "not-an-address"),
            ("website", "javascript:alert(1)"),
        ]),
        &known(),
    )
    .unwrap_err();
    for field in ["phone", "email", "website", "municipality", "office"] {
        assert!(bad.contains(&field.to_owned()), "{field} in {bad:?}");
    }
}

#[test]
fn a_practice_needs_a_kind_and_a_known_meeting() {
    let values = read(
        CoopKind::Practice,
        &form(&[
            ("name_nl", "Samen aankopen"),
            ("name_fr", "Achats groupés"),
            ("summary_nl", "Drie gemeenten kopen samen."),
            ("summary_fr", "Trois communes achètent ensemble."),
            ("kind", "shared_purchase"),
            ("themes", "Klimaat | Climat"),
            ("municipalities", "33011, 59350"),
            ("cost_eur", "10 000"),
            (
                "event",
                "kennisplatform-intergemeentelijk-samenwerken-2015-12-03",
            ),
        ]),
        &known(),
    )
    .unwrap();
    assert_eq!(values["cost_eur"], "10000");
    assert_eq!(values["municipalities"], "33011, 59350");
    let bad = read(
        CoopKind::Practice,
        &form(&[
            ("name_nl", "X"),
            ("event", "nope"),
            ("period_start", "2020-01-01"),
            ("period_end", "2019-01-01"),
        ]),
        &known(),
    )
    .unwrap_err();
    for field in ["event", "kind", "period_end"] {
        assert!(bad.contains(&field.to_owned()), "{field} in {bad:?}");
    }
}

#[test]
fn editors_propose_practices_and_keep_contacts_admins_do_everything() {
    use crate::auth::Role::{Admin, Editor};
    use crate::workflow::{Action, Publication::*};
    let allowed = super::super::allowed_actions;
    // An editor saves a practice as a draft, and nothing else, ever.
    assert_eq!(allowed(CoopKind::Practice, Editor, None), [Action::Save]);
    assert_eq!(
        allowed(CoopKind::Practice, Editor, Some(Draft)),
        [Action::Save]
    );
    assert!(allowed(CoopKind::Practice, Editor, Some(Published)).is_empty());
    assert!(allowed(CoopKind::Practice, Editor, Some(Archived)).is_empty());
    assert!(allowed(CoopKind::Practice, Admin, Some(Draft)).contains(&Action::Publish));
    // Contacts follow the shared table for editors too.
    assert!(allowed(CoopKind::Contact, Editor, None).contains(&Action::Publish));
    assert!(allowed(CoopKind::Contact, Editor, Some(Published)).contains(&Action::Archive));
    assert!(!allowed(CoopKind::Contact, Editor, Some(Archived)).contains(&Action::Restore));
    // Projects, meetings and clusters stay with admins.
    for kind in [CoopKind::Project, CoopKind::Event, CoopKind::Cluster] {
        assert!(!super::super::open_to(kind, Editor));
        assert!(allowed(kind, Editor, None).is_empty());
        assert!(super::super::open_to(kind, Admin));
    }
}
