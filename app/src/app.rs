//! The HTML shell and the router: every page exists under `/nl` and `/fr`.

use crate::auth::{SignInPage, StaffUsersPage};
use crate::clusters::{ClusterPage, ClustersPage};
use crate::components::{IslandScriptsSent, Layout};
use crate::coop::{CoopEditPage, CoopHistoryPage, CoopListPage, CoopNewPage};
use crate::events::{AgendaPage, EventPage};
use crate::i18n::Lang;
use crate::municipalities::{ComparePage, MunicipalitiesPage, MunicipalityPage};
use crate::observatory::ObservatoryPage;
use crate::pages::{AboutPage, HomePage, NotFound};
use crate::partners::PartnersPage;
use crate::projects::{ProjectPage, ProjectsPage};
use crate::reports::review::StaffReportsPage;
use crate::reports::{ReportFollowPage, ReportPage};
use crate::services::edit::{
    StaffServiceEditPage, StaffServiceHistoryPage, StaffServiceNewPage, StaffServicesPage,
};
use crate::services::{ServicePage, ServicesPage};
use crate::staff::StaffHomePage;
use crate::transfer::StaffDataPage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// Server-side settings that only the shell needs (rendered once, never hydrated).
#[derive(Clone, Debug, Default)]
pub struct ShellSettings {
    /// Optional raster tile URL template for the map (`MAP_TILE_URL`).
    pub map_tile_url: Option<String>,
    pub map_tile_attribution: Option<String>,
    /// The public base URL without a trailing slash (`PUBLIC_URL`), for absolute links.
    pub public_url: String,
}

/// The public base URL of absolute links (`PUBLIC_URL`). Pages are rendered on the
/// server only (islands), where the shell settings are provided.
pub fn public_base_url() -> String {
    use_context::<ShellSettings>()
        .map(|s| s.public_url)
        .unwrap_or_default()
}

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let settings = use_context::<ShellSettings>().unwrap_or_default();
    // Islands: the page is rendered for the browser to read, not to hydrate, so no
    // hydration markers or resource data go into it; only islands opt back in.
    #[cfg(feature = "ssr")]
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    // An island brings its own loader scripts (see `IslandScripts`).
    provide_context(IslandScriptsSent::default());
    provide_context(options.clone());
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                {settings.map_tile_url.map(|url| view! { <meta name="map-tiles" content=url /> })}
                {settings
                    .map_tile_attribution
                    .map(|text| view! { <meta name="map-tiles-attribution" content=text /> })}
                // Leaflet itself is loaded by leaflet-loader.js when a map nears the viewport.
                <script defer src="/js/leaflet-loader.js"></script>
                <script defer src="/js/map.js"></script>
                <script defer src="/js/services-map.js"></script>
                <HashedStylesheet options=options.clone() id="leptos" />
                <AutoReload options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Pages wait for their data so that titles and descriptions are in the <head>.
fn ssr() -> SsrMode {
    SsrMode::Async
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=NotFound>
                <ParentRoute path=path!("/nl") view=|| view! { <Layout lang=Lang::Nl /> } ssr=ssr()>
                    <Route path=path!("") view=HomePage ssr=ssr() />
                    <Route path=path!("gemeenten") view=MunicipalitiesPage ssr=ssr() />
                    <Route path=path!("gemeenten/vergelijken") view=ComparePage ssr=ssr() />
                    <Route path=path!("gemeenten/:code") view=MunicipalityPage ssr=ssr() />
                    <Route path=path!("diensten") view=ServicesPage ssr=ssr() />
                    <Route path=path!("diensten/:id") view=ServicePage ssr=ssr() />
                    <Route path=path!("melden") view=ReportPage ssr=ssr() />
                    <Route path=path!("melden/:token") view=ReportFollowPage ssr=ssr() />
                    <Route path=path!("over-de-gegevens") view=AboutPage ssr=ssr() />
                    <Route path=path!("projecten") view=ProjectsPage ssr=ssr() />
                    <Route path=path!("projecten/:id") view=ProjectPage ssr=ssr() />
                    <Route path=path!("partners") view=PartnersPage ssr=ssr() />
                    <Route path=path!("samenwerkingsverbanden") view=ClustersPage ssr=ssr() />
                    <Route path=path!("samenwerkingsverbanden/:id") view=ClusterPage ssr=ssr() />
                    <Route path=path!("observatorium") view=ObservatoryPage ssr=ssr() />
                    <Route path=path!("agenda") view=AgendaPage ssr=ssr() />
                    <Route path=path!("agenda/:id") view=EventPage ssr=ssr() />
                    <Route path=path!("beheer") view=StaffHomePage ssr=ssr() />
                    <Route path=path!("beheer/aanmelden") view=SignInPage ssr=ssr() />
                    <Route path=path!("beheer/diensten") view=StaffServicesPage ssr=ssr() />
                    <Route path=path!("beheer/diensten/nieuw") view=StaffServiceNewPage ssr=ssr() />
                    <Route path=path!("beheer/diensten/:id") view=StaffServiceEditPage ssr=ssr() />
                    <Route path=path!("beheer/diensten/:id/geschiedenis") view=StaffServiceHistoryPage ssr=ssr() />
                    <Route path=path!("beheer/meldingen") view=StaffReportsPage ssr=ssr() />
                    <Route path=path!("beheer/gebruikers") view=StaffUsersPage ssr=ssr() />
                    <Route path=path!("beheer/projecten") view=CoopListPage ssr=ssr() />
                    <Route path=path!("beheer/projecten/nieuw") view=CoopNewPage ssr=ssr() />
                    <Route path=path!("beheer/projecten/:id") view=CoopEditPage ssr=ssr() />
                    <Route path=path!("beheer/projecten/:id/geschiedenis") view=CoopHistoryPage ssr=ssr() />
                    <Route path=path!("beheer/agenda") view=CoopListPage ssr=ssr() />
                    <Route path=path!("beheer/agenda/nieuw") view=CoopNewPage ssr=ssr() />
                    <Route path=path!("beheer/agenda/:id") view=CoopEditPage ssr=ssr() />
                    <Route path=path!("beheer/agenda/:id/geschiedenis") view=CoopHistoryPage ssr=ssr() />
                    <Route path=path!("beheer/samenwerkingsverbanden") view=CoopListPage ssr=ssr() />
                    <Route path=path!("beheer/samenwerkingsverbanden/nieuw") view=CoopNewPage ssr=ssr() />
                    <Route path=path!("beheer/samenwerkingsverbanden/:id") view=CoopEditPage ssr=ssr() />
                    <Route path=path!("beheer/samenwerkingsverbanden/:id/geschiedenis") view=CoopHistoryPage ssr=ssr() />
                    <Route path=path!("beheer/gegevens") view=StaffDataPage ssr=ssr() />
                </ParentRoute>
                <ParentRoute path=path!("/fr") view=|| view! { <Layout lang=Lang::Fr /> } ssr=ssr()>
                    <Route path=path!("") view=HomePage ssr=ssr() />
                    <Route path=path!("communes") view=MunicipalitiesPage ssr=ssr() />
                    <Route path=path!("communes/comparer") view=ComparePage ssr=ssr() />
                    <Route path=path!("communes/:code") view=MunicipalityPage ssr=ssr() />
                    <Route path=path!("services") view=ServicesPage ssr=ssr() />
                    <Route path=path!("services/:id") view=ServicePage ssr=ssr() />
                    <Route path=path!("signaler") view=ReportPage ssr=ssr() />
                    <Route path=path!("signaler/:token") view=ReportFollowPage ssr=ssr() />
                    <Route path=path!("a-propos-des-donnees") view=AboutPage ssr=ssr() />
                    <Route path=path!("projets") view=ProjectsPage ssr=ssr() />
                    <Route path=path!("projets/:id") view=ProjectPage ssr=ssr() />
                    <Route path=path!("partenaires") view=PartnersPage ssr=ssr() />
                    <Route path=path!("cooperations") view=ClustersPage ssr=ssr() />
                    <Route path=path!("cooperations/:id") view=ClusterPage ssr=ssr() />
                    <Route path=path!("observatoire") view=ObservatoryPage ssr=ssr() />
                    <Route path=path!("agenda") view=AgendaPage ssr=ssr() />
                    <Route path=path!("agenda/:id") view=EventPage ssr=ssr() />
                    <Route path=path!("gestion") view=StaffHomePage ssr=ssr() />
                    <Route path=path!("gestion/connexion") view=SignInPage ssr=ssr() />
                    <Route path=path!("gestion/services") view=StaffServicesPage ssr=ssr() />
                    <Route path=path!("gestion/services/nouveau") view=StaffServiceNewPage ssr=ssr() />
                    <Route path=path!("gestion/services/:id") view=StaffServiceEditPage ssr=ssr() />
                    <Route path=path!("gestion/services/:id/historique") view=StaffServiceHistoryPage ssr=ssr() />
                    <Route path=path!("gestion/signalements") view=StaffReportsPage ssr=ssr() />
                    <Route path=path!("gestion/utilisateurs") view=StaffUsersPage ssr=ssr() />
                    <Route path=path!("gestion/projets") view=CoopListPage ssr=ssr() />
                    <Route path=path!("gestion/projets/nouveau") view=CoopNewPage ssr=ssr() />
                    <Route path=path!("gestion/projets/:id") view=CoopEditPage ssr=ssr() />
                    <Route path=path!("gestion/projets/:id/historique") view=CoopHistoryPage ssr=ssr() />
                    <Route path=path!("gestion/agenda") view=CoopListPage ssr=ssr() />
                    <Route path=path!("gestion/agenda/nouveau") view=CoopNewPage ssr=ssr() />
                    <Route path=path!("gestion/agenda/:id") view=CoopEditPage ssr=ssr() />
                    <Route path=path!("gestion/agenda/:id/historique") view=CoopHistoryPage ssr=ssr() />
                    <Route path=path!("gestion/cooperations") view=CoopListPage ssr=ssr() />
                    <Route path=path!("gestion/cooperations/nouveau") view=CoopNewPage ssr=ssr() />
                    <Route path=path!("gestion/cooperations/:id") view=CoopEditPage ssr=ssr() />
                    <Route path=path!("gestion/cooperations/:id/historique") view=CoopHistoryPage ssr=ssr() />
                    <Route path=path!("gestion/donnees") view=StaffDataPage ssr=ssr() />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
