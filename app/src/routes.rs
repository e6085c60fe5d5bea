//! Localized paths. Each page exists in both languages under its own slug.

use crate::coop::CoopKind;
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Municipalities,
    Municipality(String),
    Services,
    Service(String),
    Report,
    About,
    Projects,
    Project(String),
    Compare,
    Partners,
    Clusters,
    Cluster(String),
    Observatory,
    Agenda,
    Event(String),
    /// A resident follows a report through its unguessable token.
    ReportFollow(String),
    StaffHome,
    StaffSignIn,
    StaffServices,
    StaffServiceNew,
    StaffService(String),
    StaffServiceHistory(String),
    StaffReports,
    StaffData,
    StaffUsers,
    /// Projects, events or clusters (admins).
    StaffCoopList(CoopKind),
    StaffCoopNew(CoopKind),
    StaffCoop(CoopKind, String),
    StaffCoopHistory(CoopKind, String),
}

impl Page {
    pub fn path(&self, lang: Lang) -> String {
        let l = lang.code();
        match (self, lang) {
            (Page::Home, _) => format!("/{l}"),
            (Page::Municipalities, Lang::Nl) => "/nl/gemeenten".into(),
            (Page::Municipalities, Lang::Fr) => "/fr/communes".into(),
            (Page::Municipality(code), _) => format!("{}/{code}", Page::Municipalities.path(lang)),
            (Page::Services, Lang::Nl) => "/nl/diensten".into(),
            (Page::Services, Lang::Fr) => "/fr/services".into(),
            (Page::Service(id), _) => format!("{}/{id}", Page::Services.path(lang)),
            (Page::Report, Lang::Nl) => "/nl/melden".into(),
            (Page::Report, Lang::Fr) => "/fr/signaler".into(),
            (Page::About, Lang::Nl) => "/nl/over-de-gegevens".into(),
            (Page::About, Lang::Fr) => "/fr/a-propos-des-donnees".into(),
            (Page::Projects, Lang::Nl) => "/nl/projecten".into(),
            (Page::Projects, Lang::Fr) => "/fr/projets".into(),
            (Page::Project(id), _) => format!("{}/{id}", Page::Projects.path(lang)),
            (Page::Compare, Lang::Nl) => "/nl/gemeenten/vergelijken".into(),
            (Page::Compare, Lang::Fr) => "/fr/communes/comparer".into(),
            (Page::Partners, Lang::Nl) => "/nl/partners".into(),
            (Page::Partners, Lang::Fr) => "/fr/partenaires".into(),
            (Page::Clusters, Lang::Nl) => "/nl/samenwerkingsverbanden".into(),
            (Page::Clusters, Lang::Fr) => "/fr/cooperations".into(),
            (Page::Cluster(id), _) => format!("{}/{id}", Page::Clusters.path(lang)),
            (Page::Observatory, Lang::Nl) => "/nl/observatorium".into(),
            (Page::Observatory, Lang::Fr) => "/fr/observatoire".into(),
            (Page::Agenda, _) => format!("/{l}/agenda"),
            (Page::Event(id), _) => format!("{}/{id}", Page::Agenda.path(lang)),
            (Page::ReportFollow(token), _) => format!("{}/{token}", Page::Report.path(lang)),
            (Page::StaffHome, Lang::Nl) => "/nl/beheer".into(),
            (Page::StaffHome, Lang::Fr) => "/fr/gestion".into(),
            (Page::StaffSignIn, Lang::Nl) => "/nl/beheer/aanmelden".into(),
            (Page::StaffSignIn, Lang::Fr) => "/fr/gestion/connexion".into(),
            (Page::StaffServices, Lang::Nl) => "/nl/beheer/diensten".into(),
            (Page::StaffServices, Lang::Fr) => "/fr/gestion/services".into(),
            (Page::StaffServiceNew, Lang::Nl) => "/nl/beheer/diensten/nieuw".into(),
            (Page::StaffServiceNew, Lang::Fr) => "/fr/gestion/services/nouveau".into(),
            (Page::StaffService(id), _) => format!("{}/{id}", Page::StaffServices.path(lang)),
            (Page::StaffServiceHistory(id), Lang::Nl) => {
                format!("{}/geschiedenis", Page::StaffService(id.clone()).path(lang))
            }
            (Page::StaffServiceHistory(id), Lang::Fr) => {
                format!("{}/historique", Page::StaffService(id.clone()).path(lang))
            }
            (Page::StaffReports, Lang::Nl) => "/nl/beheer/meldingen".into(),
            (Page::StaffReports, Lang::Fr) => "/fr/gestion/signalements".into(),
            (Page::StaffData, Lang::Nl) => "/nl/beheer/gegevens".into(),
            (Page::StaffData, Lang::Fr) => "/fr/gestion/donnees".into(),
            (Page::StaffUsers, Lang::Nl) => "/nl/beheer/gebruikers".into(),
            (Page::StaffUsers, Lang::Fr) => "/fr/gestion/utilisateurs".into(),
            (Page::StaffCoopList(kind), _) => {
                format!("{}/{}", Page::StaffHome.path(lang), coop_slug(*kind, lang))
            }
            (Page::StaffCoopNew(kind), Lang::Nl) => {
                format!("{}/nieuw", Page::StaffCoopList(*kind).path(lang))
            }
            (Page::StaffCoopNew(kind), Lang::Fr) => {
                format!("{}/nouveau", Page::StaffCoopList(*kind).path(lang))
            }
            (Page::StaffCoop(kind, id), _) => {
                format!("{}/{id}", Page::StaffCoopList(*kind).path(lang))
            }
            (Page::StaffCoopHistory(kind, id), Lang::Nl) => {
                format!(
                    "{}/geschiedenis",
                    Page::StaffCoop(*kind, id.clone()).path(lang)
                )
            }
            (Page::StaffCoopHistory(kind, id), Lang::Fr) => {
                format!(
                    "{}/historique",
                    Page::StaffCoop(*kind, id.clone()).path(lang)
                )
            }
        }
    }

    /// Recognises a localized path (without query), in either language.
    pub fn from_path(path: &str) -> Option<(Page, Lang)> {
        let lang = Lang::from_path(path)?;
        let rest: Vec<&str> = path.trim_matches('/').split('/').skip(1).collect();
        let page = match rest.as_slice() {
            [] | [""] => Page::Home,
            ["gemeenten"] | ["communes"] => Page::Municipalities,
            ["gemeenten", "vergelijken"] | ["communes", "comparer"] => Page::Compare,
            ["gemeenten", code] | ["communes", code] => Page::Municipality((*code).to_owned()),
            ["diensten"] | ["services"] => Page::Services,
            ["diensten", id] | ["services", id] => Page::Service((*id).to_owned()),
            ["melden"] | ["signaler"] => Page::Report,
            ["over-de-gegevens"] | ["a-propos-des-donnees"] => Page::About,
            ["projecten"] | ["projets"] => Page::Projects,
            ["projecten", id] | ["projets", id] => Page::Project((*id).to_owned()),
            ["partners"] | ["partenaires"] => Page::Partners,
            ["samenwerkingsverbanden"] | ["cooperations"] => Page::Clusters,
            ["samenwerkingsverbanden", id] | ["cooperations", id] => {
                Page::Cluster((*id).to_owned())
            }
            ["observatorium"] | ["observatoire"] => Page::Observatory,
            ["agenda"] => Page::Agenda,
            ["agenda", id] => Page::Event((*id).to_owned()),
            ["melden", token] | ["signaler", token] => Page::ReportFollow((*token).to_owned()),
            ["beheer"] | ["gestion"] => Page::StaffHome,
            ["beheer", "aanmelden"] | ["gestion", "connexion"] => Page::StaffSignIn,
            ["beheer", "diensten"] | ["gestion", "services"] => Page::StaffServices,
            ["beheer", "diensten", "nieuw"] | ["gestion", "services", "nouveau"] => {
                Page::StaffServiceNew
            }
            ["beheer", "diensten", id] | ["gestion", "services", id] => {
                Page::StaffService((*id).to_owned())
            }
            ["beheer", "diensten", id, "geschiedenis"]
            | ["gestion", "services", id, "historique"] => {
                Page::StaffServiceHistory((*id).to_owned())
            }
            ["beheer", "meldingen"] | ["gestion", "signalements"] => Page::StaffReports,
            ["beheer", "gegevens"] | ["gestion", "donnees"] => Page::StaffData,
            ["beheer", "gebruikers"] | ["gestion", "utilisateurs"] => Page::StaffUsers,
            ["beheer" | "gestion", section, more @ ..] => {
                let kind = CoopKind::ALL
                    .into_iter()
                    .find(|k| coop_slug(*k, lang) == *section)?;
                match more {
                    [] => Page::StaffCoopList(kind),
                    ["nieuw" | "nouveau"] => Page::StaffCoopNew(kind),
                    [id] => Page::StaffCoop(kind, (*id).to_owned()),
                    [id, "geschiedenis" | "historique"] => {
                        Page::StaffCoopHistory(kind, (*id).to_owned())
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        // A Dutch slug under /fr (or the reverse) is not a page.
        (page.path(lang) == format!("/{}", path.trim_matches('/'))).then_some((page, lang))
    }
}

/// The staff area's slug of a cooperation table.
fn coop_slug(kind: CoopKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (CoopKind::Project, Lang::Nl) => "projecten",
        (CoopKind::Project, Lang::Fr) => "projets",
        (CoopKind::Event, _) => "agenda",
        (CoopKind::Cluster, Lang::Nl) => "samenwerkingsverbanden",
        (CoopKind::Cluster, Lang::Fr) => "cooperations",
    }
}

/// The compare page for these municipalities (`?codes=a,b`: the URL carries the selection).
pub fn compare_path(lang: Lang, codes: &[&str]) -> String {
    format!(
        "{}{}",
        Page::Compare.path(lang),
        query_string([("codes", codes.join(",").as_str())])
    )
}

/// `?key=value&…` for a link, leaving out empty values so shared links stay short
/// ("" when every value is empty).
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        if !value.is_empty() {
            serializer.append_pair(key, value);
        }
    }
    let encoded = serializer.finish();
    if encoded.is_empty() {
        encoded
    } else {
        format!("?{encoded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_in_both_languages() {
        for lang in Lang::ALL {
            for page in [
                Page::Home,
                Page::Municipalities,
                Page::Municipality("59350".into()),
                Page::Services,
                Page::Service("s1a2b3".into()),
                Page::Report,
                Page::About,
                Page::Projects,
                Page::Project("partons-2-0".into()),
                Page::Compare,
                Page::Partners,
                Page::Clusters,
                Page::Cluster("westhoek".into()),
                Page::Observatory,
                Page::Agenda,
                Page::Event("kennisplatform-intergemeentelijk-samenwerken-2015-12-03".into()),
                Page::ReportFollow("k3Jx".into()),
                Page::StaffHome,
                Page::StaffSignIn,
                Page::StaffServices,
                Page::StaffServiceNew,
                Page::StaffService("s-1".into()),
                Page::StaffServiceHistory("s-1".into()),
                Page::StaffReports,
                Page::StaffData,
                Page::StaffUsers,
                Page::StaffCoopList(CoopKind::Project),
                Page::StaffCoopNew(CoopKind::Event),
                Page::StaffCoop(CoopKind::Cluster, "westhoek".into()),
                Page::StaffCoopHistory(CoopKind::Project, "partons-2-0".into()),
            ] {
                assert_eq!(
                    Page::from_path(&page.path(lang)),
                    Some((page.clone(), lang))
                );
            }
        }
    }

    #[test]
    fn slugs_are_localized() {
        assert_eq!(Page::Municipalities.path(Lang::Fr), "/fr/communes");
        assert_eq!(
            Page::Municipality("33011".into()).path(Lang::Nl),
            "/nl/gemeenten/33011"
        );
        assert_eq!(Page::from_path("/fr/gemeenten"), None);
        assert_eq!(Page::from_path("/nl/onbekend"), None);
        assert_eq!(
            Page::StaffCoopNew(CoopKind::Cluster).path(Lang::Fr),
            "/fr/gestion/cooperations/nouveau"
        );
        assert_eq!(
            Page::StaffCoopHistory(CoopKind::Event, "x".into()).path(Lang::Nl),
            "/nl/beheer/agenda/x/geschiedenis"
        );
    }
}
