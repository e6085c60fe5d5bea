//! Localized paths, declared once. Every page exists in both languages under its own
//! slugs; `ROUTES` is the one table of them. From it come `Page::path` and
//! `Page::from_path` (both ways), the route tree of each language (`app.rs` routes every
//! path of a language to the page this table finds), the pages that are never stored by
//! a cache (`Page::is_private`), the sitemap's fixed pages and the main navigation
//! (`Page::sitemap`, `Page::navigation`). Adding a page is one entry here and the
//! variant it makes (plus its view in `app::view_of`, which the compiler asks for).

use crate::i18n::Lang;
use crate::kernel::kinds::CoopKind;
use std::collections::HashMap;
use std::mem::Discriminant;
use std::sync::LazyLock;

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
    /// Good practices, and one practice.
    Practices,
    Practice(String),
    Observatory,
    Agenda,
    Event(String),
    /// A resident follows a report through its unguessable token.
    ReportFollow(String),
    /// The registration form of a meeting.
    Register(String),
    /// A person's own registration, through its unguessable token.
    Registration(String),
    Privacy,
    Accessibility,
    Legal,
    /// Calls for project ideas, and one call with its form.
    Calls,
    Call(String),
    /// A submitter follows their idea through its unguessable token.
    Idea(String),
    StaffHome,
    StaffSignIn,
    StaffPasswordForgot,
    /// A new password through the link of a reset letter.
    StaffPasswordReset(String),
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
    /// The registrations of one meeting.
    StaffRegistrations(String),
    /// The municipalities interested in a cluster, and saying one's is.
    StaffClusterInterest(String),
    /// Calls for project ideas (admins), and one with its ideas.
    StaffCalls,
    StaffCall(String),
}

/// Who may see a page, and what caches may keep of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Audience {
    /// Anyone; cacheable.
    Public,
    /// Staff pages and pages that carry a secret: never stored by a browser or proxy.
    Private,
}

/// One entry of the table: the path after `/nl` and after `/fr` (a segment `:x` holds
/// the page's one parameter), the page it is, and where else it appears.
struct Route {
    nl: &'static str,
    fr: &'static str,
    page: fn(String) -> Page,
    audience: Audience,
    /// The label of its link in the main navigation, if it has one (in table order).
    nav: Option<&'static str>,
    /// Listed in the sitemap as a page of its own (pages with a parameter are listed
    /// from the data).
    sitemap: bool,
}

const fn public(nl: &'static str, fr: &'static str, page: fn(String) -> Page) -> Route {
    Route {
        nl,
        fr,
        page,
        audience: Audience::Public,
        nav: None,
        sitemap: false,
    }
}

const fn private(nl: &'static str, fr: &'static str, page: fn(String) -> Page) -> Route {
    Route {
        audience: Audience::Private,
        ..public(nl, fr, page)
    }
}

/// A public page with a link in the main navigation and its own line in the sitemap.
const fn main(
    nl: &'static str,
    fr: &'static str,
    page: fn(String) -> Page,
    nav: &'static str,
) -> Route {
    Route {
        nav: Some(nav),
        sitemap: true,
        ..public(nl, fr, page)
    }
}

/// A public page without a navigation link, listed in the sitemap (the footer's pages).
const fn listed(nl: &'static str, fr: &'static str, page: fn(String) -> Page) -> Route {
    Route {
        sitemap: true,
        ..public(nl, fr, page)
    }
}

/// The table. Where two patterns could match a path, the one with a fixed segment
/// comes first (`diensten/nieuw` before `diensten/:id`).
const ROUTES: &[Route] = &[
    main("", "", |_| Page::Home, "nav-home"),
    main("diensten", "services", |_| Page::Services, "nav-services"),
    public("diensten/:id", "services/:id", Page::Service),
    main(
        "gemeenten",
        "communes",
        |_| Page::Municipalities,
        "nav-municipalities",
    ),
    public("gemeenten/vergelijken", "communes/comparer", |_| {
        Page::Compare
    }),
    public("gemeenten/:code", "communes/:code", Page::Municipality),
    main(
        "partners",
        "partenaires",
        |_| Page::Partners,
        "nav-partners",
    ),
    main(
        "samenwerkingsverbanden",
        "cooperations",
        |_| Page::Clusters,
        "nav-clusters",
    ),
    public(
        "samenwerkingsverbanden/:id",
        "cooperations/:id",
        Page::Cluster,
    ),
    main(
        "goede-praktijken",
        "bonnes-pratiques",
        |_| Page::Practices,
        "nav-practices",
    ),
    public(
        "goede-praktijken/:id",
        "bonnes-pratiques/:id",
        Page::Practice,
    ),
    main("projecten", "projets", |_| Page::Projects, "nav-projects"),
    public("projecten/:id", "projets/:id", Page::Project),
    main("agenda", "agenda", |_| Page::Agenda, "nav-agenda"),
    public("agenda/:id", "agenda/:id", Page::Event),
    public(
        "agenda/:id/inschrijven",
        "agenda/:id/inscription",
        Page::Register,
    ),
    private(
        "inschrijving/:token",
        "inscription/:token",
        Page::Registration,
    ),
    main(
        "observatorium",
        "observatoire",
        |_| Page::Observatory,
        "nav-observatory",
    ),
    main("melden", "signaler", |_| Page::Report, "nav-report"),
    private("melden/:token", "signaler/:token", Page::ReportFollow),
    main(
        "over-de-gegevens",
        "a-propos-des-donnees",
        |_| Page::About,
        "nav-about",
    ),
    listed("oproepen", "appels", |_| Page::Calls),
    public("oproepen/:id", "appels/:id", Page::Call),
    private("idee/:token", "idee/:token", Page::Idea),
    listed("privacy", "confidentialite", |_| Page::Privacy),
    listed("toegankelijkheid", "accessibilite", |_| Page::Accessibility),
    listed("juridische-informatie", "mentions-legales", |_| Page::Legal),
    private("beheer", "gestion", |_| Page::StaffHome),
    private("beheer/aanmelden", "gestion/connexion", |_| {
        Page::StaffSignIn
    }),
    private(
        "beheer/wachtwoord-vergeten",
        "gestion/mot-de-passe-oublie",
        |_| Page::StaffPasswordForgot,
    ),
    private(
        "beheer/nieuw-wachtwoord/:token",
        "gestion/nouveau-mot-de-passe/:token",
        Page::StaffPasswordReset,
    ),
    private("beheer/diensten", "gestion/services", |_| {
        Page::StaffServices
    }),
    private("beheer/diensten/nieuw", "gestion/services/nouveau", |_| {
        Page::StaffServiceNew
    }),
    private(
        "beheer/diensten/:id",
        "gestion/services/:id",
        Page::StaffService,
    ),
    private(
        "beheer/diensten/:id/geschiedenis",
        "gestion/services/:id/historique",
        Page::StaffServiceHistory,
    ),
    private("beheer/meldingen", "gestion/signalements", |_| {
        Page::StaffReports
    }),
    private("beheer/gegevens", "gestion/donnees", |_| Page::StaffData),
    private("beheer/oproepen", "gestion/appels", |_| Page::StaffCalls),
    private("beheer/oproepen/:id", "gestion/appels/:id", Page::StaffCall),
    private("beheer/gebruikers", "gestion/utilisateurs", |_| {
        Page::StaffUsers
    }),
    private("beheer/projecten", "gestion/projets", |_| {
        Page::StaffCoopList(CoopKind::Project)
    }),
    private("beheer/projecten/nieuw", "gestion/projets/nouveau", |_| {
        Page::StaffCoopNew(CoopKind::Project)
    }),
    private("beheer/projecten/:id", "gestion/projets/:id", |id| {
        Page::StaffCoop(CoopKind::Project, id)
    }),
    private(
        "beheer/projecten/:id/geschiedenis",
        "gestion/projets/:id/historique",
        |id| Page::StaffCoopHistory(CoopKind::Project, id),
    ),
    private("beheer/agenda", "gestion/agenda", |_| {
        Page::StaffCoopList(CoopKind::Event)
    }),
    private("beheer/agenda/nieuw", "gestion/agenda/nouveau", |_| {
        Page::StaffCoopNew(CoopKind::Event)
    }),
    private("beheer/agenda/:id", "gestion/agenda/:id", |id| {
        Page::StaffCoop(CoopKind::Event, id)
    }),
    private(
        "beheer/agenda/:id/geschiedenis",
        "gestion/agenda/:id/historique",
        |id| Page::StaffCoopHistory(CoopKind::Event, id),
    ),
    private(
        "beheer/agenda/:id/inschrijvingen",
        "gestion/agenda/:id/inscriptions",
        Page::StaffRegistrations,
    ),
    private(
        "beheer/samenwerkingsverbanden",
        "gestion/cooperations",
        |_| Page::StaffCoopList(CoopKind::Cluster),
    ),
    private(
        "beheer/samenwerkingsverbanden/nieuw",
        "gestion/cooperations/nouveau",
        |_| Page::StaffCoopNew(CoopKind::Cluster),
    ),
    private(
        "beheer/samenwerkingsverbanden/:id",
        "gestion/cooperations/:id",
        |id| Page::StaffCoop(CoopKind::Cluster, id),
    ),
    private(
        "beheer/samenwerkingsverbanden/:id/geschiedenis",
        "gestion/cooperations/:id/historique",
        |id| Page::StaffCoopHistory(CoopKind::Cluster, id),
    ),
    private(
        "beheer/samenwerkingsverbanden/:id/interesse",
        "gestion/cooperations/:id/interet",
        Page::StaffClusterInterest,
    ),
    private("beheer/praktijken", "gestion/pratiques", |_| {
        Page::StaffCoopList(CoopKind::Practice)
    }),
    private(
        "beheer/praktijken/nieuw",
        "gestion/pratiques/nouveau",
        |_| Page::StaffCoopNew(CoopKind::Practice),
    ),
    private("beheer/praktijken/:id", "gestion/pratiques/:id", |id| {
        Page::StaffCoop(CoopKind::Practice, id)
    }),
    private(
        "beheer/praktijken/:id/geschiedenis",
        "gestion/pratiques/:id/historique",
        |id| Page::StaffCoopHistory(CoopKind::Practice, id),
    ),
    private("beheer/contacten", "gestion/contacts", |_| {
        Page::StaffCoopList(CoopKind::Contact)
    }),
    private("beheer/contacten/nieuw", "gestion/contacts/nouveau", |_| {
        Page::StaffCoopNew(CoopKind::Contact)
    }),
    private("beheer/contacten/:id", "gestion/contacts/:id", |id| {
        Page::StaffCoop(CoopKind::Contact, id)
    }),
    private(
        "beheer/contacten/:id/geschiedenis",
        "gestion/contacts/:id/historique",
        |id| Page::StaffCoopHistory(CoopKind::Contact, id),
    ),
];

impl Route {
    fn pattern(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::Fr => self.fr,
        }
    }

    /// The parameter, when `segments` are this route's path in `lang`.
    fn matches(&self, lang: Lang, segments: &[&str]) -> Option<String> {
        let pattern: Vec<&str> = self
            .pattern(lang)
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        if pattern.len() != segments.len() {
            return None;
        }
        let mut param = String::new();
        for (expected, given) in pattern.iter().zip(segments) {
            if expected.starts_with(':') {
                if given.is_empty() {
                    return None;
                }
                param = (*given).to_owned();
            } else if expected != given {
                return None;
            }
        }
        Some(param)
    }
}

/// What tells pages apart in the table: the variant, and the cooperation table.
type Key = (Discriminant<Page>, Option<CoopKind>);

/// Each page's entry, found from a page built with a placeholder parameter.
static INDEX: LazyLock<HashMap<Key, &'static Route>> = LazyLock::new(|| {
    ROUTES
        .iter()
        .map(|route| ((route.page)(String::new()).key(), route))
        .collect()
});

impl Page {
    fn key(&self) -> Key {
        let kind = match self {
            Page::StaffCoopList(kind)
            | Page::StaffCoopNew(kind)
            | Page::StaffCoop(kind, _)
            | Page::StaffCoopHistory(kind, _) => Some(*kind),
            _ => None,
        };
        (std::mem::discriminant(self), kind)
    }

    /// The page's parameter (an id, a code, a token), if it has one.
    fn param(&self) -> &str {
        match self {
            Page::Municipality(p)
            | Page::Service(p)
            | Page::Project(p)
            | Page::Cluster(p)
            | Page::Practice(p)
            | Page::StaffClusterInterest(p)
            | Page::Event(p)
            | Page::ReportFollow(p)
            | Page::Register(p)
            | Page::Registration(p)
            | Page::StaffRegistrations(p)
            | Page::StaffPasswordReset(p)
            | Page::Call(p)
            | Page::Idea(p)
            | Page::StaffCall(p)
            | Page::StaffService(p)
            | Page::StaffServiceHistory(p)
            | Page::StaffCoop(_, p)
            | Page::StaffCoopHistory(_, p) => p,
            _ => "",
        }
    }

    fn route(&self) -> &'static Route {
        INDEX
            .get(&self.key())
            .copied()
            .expect("every page has an entry in ROUTES (tested)")
    }

    pub fn path(&self, lang: Lang) -> String {
        let mut path = format!("/{}", lang.code());
        for segment in self
            .route()
            .pattern(lang)
            .split('/')
            .filter(|s| !s.is_empty())
        {
            path.push('/');
            path.push_str(if segment.starts_with(':') {
                self.param()
            } else {
                segment
            });
        }
        path
    }

    /// Recognises a localized path (without query), in either language. A Dutch slug
    /// under `/fr` (or the reverse) is not a page.
    pub fn from_path(path: &str) -> Option<(Page, Lang)> {
        let lang = Lang::from_path(path)?;
        let segments: Vec<&str> = path
            .trim_matches('/')
            .split('/')
            .skip(1)
            .filter(|s| !s.is_empty())
            .collect();
        ROUTES.iter().find_map(|route| {
            let param = route.matches(lang, &segments)?;
            Some(((route.page)(param), lang))
        })
    }

    /// The page's pattern, the same in both languages (the Dutch one under `/:lang/`):
    /// a label for metrics and logs that never carries a parameter.
    pub fn template(&self) -> String {
        format!("/:lang/{}", self.route().nl)
    }

    /// Never stored by a browser or a proxy (staff pages, a report's follow page).
    pub fn is_private(&self) -> bool {
        self.route().audience == Audience::Private
    }

    /// The pages of the main navigation, in order, with their label's message id.
    pub fn navigation() -> impl Iterator<Item = (Page, &'static str)> {
        ROUTES
            .iter()
            .filter_map(|r| r.nav.map(|label| ((r.page)(String::new()), label)))
    }

    /// The pages the sitemap lists as they are (the others come from the data).
    pub fn sitemap() -> impl Iterator<Item = Page> {
        ROUTES
            .iter()
            .filter(|r| r.sitemap)
            .map(|r| (r.page)(String::new()))
    }
}

/// The private downloads outside the pages (a person's own data, a meeting's list),
/// declared once: the server routes `template`, pages link to `path`, and a path is
/// known as one (never cached) by `Download::of`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Download {
    /// A meeting's registrations as CSV (staff): `{file}` is `{event}.csv`.
    StaffRegistrations,
    /// A person's registration as JSON, through their link.
    Registration,
    /// A submitter's idea as JSON, through their link.
    Idea,
}

impl Download {
    pub const ALL: [Download; 3] = [
        Download::StaffRegistrations,
        Download::Registration,
        Download::Idea,
    ];

    /// The route's pattern (axum's `{name}` captures).
    pub fn template(self) -> &'static str {
        match self {
            Download::StaffRegistrations => "/api/v1/staff/registrations/{file}",
            Download::Registration => "/api/v1/registration/{token}/data.json",
            Download::Idea => "/api/v1/idea/{token}/data.json",
        }
    }

    /// The path of one download: the meeting's id, or the person's token.
    pub fn path(self, of: &str) -> String {
        match self {
            Download::StaffRegistrations => self.template().replace("{file}", &format!("{of}.csv")),
            Download::Registration | Download::Idea => self.template().replace("{token}", of),
        }
    }

    /// The download a path is, if any.
    pub fn of(path: &str) -> Option<Download> {
        Download::ALL.into_iter().find(|d| {
            let template = d.template();
            let open = template.find('{').unwrap_or(template.len());
            let (before, after) = (&template[..open], &template[open..]);
            let tail = after.split_once('}').map_or("", |(_, tail)| tail);
            path.len() > before.len() + tail.len()
                && path.starts_with(before)
                && path.ends_with(tail)
        })
    }
}

/// The compare page for these municipalities (`?codes=a,b`: the URL carries the selection).
pub fn compare_path(lang: Lang, codes: &[&str]) -> String {
    format!(
        "{}{}",
        Page::Compare.path(lang),
        crate::kernel::query::query_string([("codes", codes.join(",").as_str())])
    )
}

/// Where a personal link leads: the page a token of each purpose opens.
#[cfg(feature = "ssr")]
impl crate::kernel::personal_link::Purpose {
    /// The page a token of this purpose opens.
    pub fn page(self, token: String) -> Page {
        use crate::kernel::personal_link::Purpose;
        match self {
            Purpose::Registration => Page::Registration(token),
            Purpose::Idea => Page::Idea(token),
            Purpose::Report => Page::ReportFollow(token),
        }
    }

    /// The link as a letter carries it: absolute, on the site's public address.
    pub fn url(self, lang: Lang, token: &str) -> String {
        format!(
            "{}{}",
            crate::kernel::settings::public_base_url(),
            self.page(token.to_owned()).path(lang)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_are_declared_once_and_known_by_their_paths() {
        assert_eq!(
            Download::StaffRegistrations.path("grensoverleg"),
            "/api/v1/staff/registrations/grensoverleg.csv"
        );
        for download in Download::ALL {
            assert_eq!(
                Download::of(&download.path("abcDEF0123456789-_xyz")),
                Some(download)
            );
        }
        assert_eq!(Download::of("/api/v1/registration/"), None);
        assert_eq!(Download::of("/api/v1/idea/x/other.json"), None);
        assert_eq!(Download::of("/nl/diensten"), None);
    }

    /// A page of every entry, with a parameter where it takes one.
    fn every_page() -> Vec<Page> {
        ROUTES
            .iter()
            .map(|r| {
                (r.page)(if r.nl.contains(':') {
                    "x-1".into()
                } else {
                    String::new()
                })
            })
            .collect()
    }

    #[test]
    fn every_page_has_one_entry_and_paths_round_trip_in_both_languages() {
        assert_eq!(INDEX.len(), ROUTES.len(), "two entries make the same page");
        for lang in Lang::ALL {
            for page in every_page() {
                assert_eq!(
                    Page::from_path(&page.path(lang)),
                    Some((page.clone(), lang)),
                    "{page:?}"
                );
            }
        }
        for (nl, fr) in ROUTES.iter().map(|r| (r.nl, r.fr)) {
            assert_eq!(
                nl.matches(':').count(),
                fr.matches(':').count(),
                "{nl} / {fr}"
            );
        }
    }

    #[test]
    fn slugs_are_localized() {
        assert_eq!(Page::Municipalities.path(Lang::Fr), "/fr/communes");
        assert_eq!(
            Page::Municipality("33011".into()).path(Lang::Nl),
            "/nl/gemeenten/33011"
        );
        assert_eq!(Page::Home.path(Lang::Nl), "/nl");
        assert_eq!(Page::from_path("/nl"), Some((Page::Home, Lang::Nl)));
        assert_eq!(Page::from_path("/fr/gemeenten"), None);
        assert_eq!(Page::from_path("/nl/onbekend"), None);
        assert_eq!(Page::from_path("/nl/diensten/a/b"), None);
        assert_eq!(
            Page::from_path("/nl/gemeenten/vergelijken"),
            Some((Page::Compare, Lang::Nl))
        );
        assert_eq!(
            Page::StaffCoopNew(CoopKind::Cluster).path(Lang::Fr),
            "/fr/gestion/cooperations/nouveau"
        );
        assert_eq!(
            Page::StaffCoopHistory(CoopKind::Event, "x".into()).path(Lang::Nl),
            "/nl/beheer/agenda/x/geschiedenis"
        );
    }

    #[test]
    fn staff_pages_and_follow_links_are_private() {
        for page in every_page() {
            let staff = matches!(
                page,
                Page::StaffHome
                    | Page::StaffSignIn
                    | Page::StaffServices
                    | Page::StaffServiceNew
                    | Page::StaffService(_)
                    | Page::StaffServiceHistory(_)
                    | Page::StaffReports
                    | Page::StaffData
                    | Page::StaffUsers
                    | Page::StaffCoopList(_)
                    | Page::StaffCoopNew(_)
                    | Page::StaffCoop(..)
                    | Page::StaffCoopHistory(..)
                    | Page::StaffRegistrations(_)
                    | Page::StaffClusterInterest(_)
                    | Page::StaffPasswordForgot
                    | Page::StaffPasswordReset(_)
                    | Page::StaffCalls
                    | Page::StaffCall(_)
                    | Page::Idea(_)
                    | Page::ReportFollow(_)
                    | Page::Registration(_)
            );
            assert_eq!(page.is_private(), staff, "{page:?}");
            for lang in Lang::ALL {
                let path = page.path(lang);
                assert_eq!(
                    staff,
                    path.starts_with("/nl/beheer")
                        || path.starts_with("/fr/gestion")
                        || path.starts_with("/nl/melden/")
                        || path.starts_with("/fr/signaler/")
                        || path.starts_with("/nl/inschrijving/")
                        || path.starts_with("/fr/inscription/")
                        || path.starts_with("/nl/idee/")
                        || path.starts_with("/fr/idee/"),
                    "{path}"
                );
            }
        }
    }

    #[test]
    fn the_navigation_and_the_sitemap_list_the_main_pages() {
        let nav: Vec<Page> = Page::navigation().map(|(p, _)| p).collect();
        assert_eq!(nav.len(), 11);
        assert_eq!(nav[0], Page::Home);
        let mut listed = nav.clone();
        listed.extend([Page::Calls, Page::Privacy, Page::Accessibility, Page::Legal]);
        assert_eq!(Page::sitemap().collect::<Vec<_>>(), listed);
        assert!(nav.iter().all(|p| !p.is_private()));
    }
}
