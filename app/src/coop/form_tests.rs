use super::*;

fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn posted(pairs: &[(&str, &str)]) -> Posted {
    Posted::new(form(pairs))
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
        &posted(&[
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
        &posted(&[
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
        &posted(&[
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
        &posted(&[
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
        &posted(&[
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
        &posted(&[
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
        &posted(&[
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

fn staff(role: crate::auth::Role, municipalities: &[&str]) -> crate::auth::Staff {
    crate::auth::Staff {
        id: "s".into(),
        email: "s@example.be".into(),
        role,
        municipalities: municipalities.iter().map(|m| (*m).to_owned()).collect(),
    }
}

fn practice_of(municipalities: Option<&str>) -> CoopRecord {
    let mut values = BTreeMap::from([("name_nl".to_owned(), "Samen aankopen".to_owned())]);
    if let Some(m) = municipalities {
        values.insert("municipalities".into(), m.into());
    }
    CoopRecord {
        id: "samen-aankopen".into(),
        values,
        ..Default::default()
    }
}

#[test]
fn an_editor_saves_only_practices_of_their_own_municipalities() {
    use crate::auth::Role::{Admin, Editor};
    let scope = super::super::out_of_scope;
    let ieper = staff(Editor, &["33011"]);
    let wervik = staff(Editor, &["33029"]);
    let lille = staff(Editor, &["59350"]);
    let admin = staff(Admin, &[]);
    let ieper_only = practice_of(Some("33011"));
    let shared = practice_of(Some("33011, 59183"));
    let nobody = practice_of(None);
    assert_eq!(scope(CoopKind::Practice, &ieper, &ieper_only), None);
    assert_eq!(
        scope(CoopKind::Practice, &wervik, &ieper_only),
        Some("municipalities")
    );
    // A practice shared across the border is its municipalities' editors' (one is
    // enough); an editor of none of them may not touch it.
    assert_eq!(scope(CoopKind::Practice, &ieper, &shared), None);
    assert_eq!(
        scope(CoopKind::Practice, &lille, &shared),
        Some("municipalities")
    );
    // A practice of no municipality is nobody's: admins only.
    assert_eq!(
        scope(CoopKind::Practice, &ieper, &nobody),
        Some("municipalities")
    );
    for record in [&ieper_only, &shared, &nobody] {
        assert_eq!(scope(CoopKind::Practice, &admin, record), None);
    }
    // Contacts keep their one municipality; projects are for admins anyway.
    let contact = CoopRecord {
        values: BTreeMap::from([("municipality".to_owned(), "33011".to_owned())]),
        ..Default::default()
    };
    assert_eq!(scope(CoopKind::Contact, &ieper, &contact), None);
    assert_eq!(
        scope(CoopKind::Contact, &wervik, &contact),
        Some("municipality")
    );
    assert_eq!(scope(CoopKind::Project, &wervik, &contact), None);
}

#[test]
fn hidden_controls_in_a_record_s_texts_name_their_fields() {
    let base = [
        ("name_nl", "Samen aankopen"),
        ("name_fr", "Achats groupés à l’Eurométropole"),
        (
            "summary_nl",
            "Drie gemeenten kopen samen.\r\nZe besparen\tveel.",
        ),
        ("summary_fr", "Trois communes achètent ensemble."),
        ("kind", "shared_purchase"),
        ("themes", "Klimaat | Climat"),
        ("source", "Verslag van het overleg"),
    ];
    assert!(read(CoopKind::Practice, &posted(&base), &known()).is_ok());
    let mut bad = form(&base);
    bad.insert("name_nl".into(), "Samen \u{202E}nepookaa".into());
    bad.insert(
        "summary_fr".into(),
        "Trois communes \u{2067}achètent\u{2069}.".into(),
    );
    bad.insert("themes".into(), "Klimaat | Cli\u{202D}mat".into());
    bad.insert("source".into(), "Verslag\u{1B}[2J".into());
    bad.insert("participants_nl".into(), "Ieper\tWervik".into());
    bad.insert("participants_fr".into(), "Ypres".into());
    let invalid = read(CoopKind::Practice, &Posted::new(bad.clone()), &known()).unwrap_err();
    for field in [
        "name_nl",
        "summary_fr",
        "themes",
        "source",
        "participants_nl",
    ] {
        assert!(
            invalid.contains(&field.to_owned()),
            "{field} in {invalid:?}"
        );
    }
    assert!(!invalid.contains(&"name_fr".to_owned()), "{invalid:?}");
}
