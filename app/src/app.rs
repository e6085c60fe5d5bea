//! The HTML shell and the router: every page exists under `/nl` and `/fr`. Each
//! language's route sends every path to the page that `routes::ROUTES` finds for it
//! (`view_of`); this is the one module that knows every page's component.

use crate::auth::{PasswordForgotPage, PasswordResetPage, SignInPage, StaffUsersPage};
use crate::clusters::{ClusterInterestPage, ClusterPage, ClustersPage};
use crate::components::{IslandScriptsSent, Layout};
use crate::coop::{CoopEditPage, CoopHistoryPage, CoopListPage, CoopNewPage};
use crate::events::{AgendaPage, EventPage};
use crate::i18n::Lang;
use crate::ideas::{CallPage, CallsPage, IdeaPage, StaffCallPage, StaffCallsPage};
use crate::municipalities::{ComparePage, MunicipalitiesPage, MunicipalityPage};
use crate::observatory::ObservatoryPage;
use crate::pages::{AboutPage, HomePage, NotFound};
use crate::partners::PartnersPage;
use crate::practices::{PracticePage, PracticesPage};
use crate::privacy::{AccessibilityPage, LegalPage, PrivacyPage};
use crate::projects::{ProjectPage, ProjectsPage};
use crate::registrations::{RegisterPage, RegistrationPage, StaffRegistrationsPage};
use crate::reports::review::StaffReportsPage;
use crate::reports::{ReportFollowPage, ReportPage};
use crate::routes::Page;
use crate::services::edit::{
    StaffServiceEditPage, StaffServiceHistoryPage, StaffServiceNewPage, StaffServicesPage,
};
use crate::services::{ServicePage, ServicesPage};
use crate::staff::StaffHomePage;
use crate::transfer::StaffDataPage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{path, SsrMode};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let settings = crate::kernel::settings::settings();
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
                    <Route path=path!("") view=PageOfPath ssr=ssr() />
                    <Route path=path!("*path") view=PageOfPath ssr=ssr() />
                </ParentRoute>
                <ParentRoute path=path!("/fr") view=|| view! { <Layout lang=Lang::Fr /> } ssr=ssr()>
                    <Route path=path!("") view=PageOfPath ssr=ssr() />
                    <Route path=path!("*path") view=PageOfPath ssr=ssr() />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The page of the request's path (`routes::ROUTES`), or "not found" (404).
#[component]
fn PageOfPath() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    match Page::from_path(&path) {
        Some((page, _)) => view_of(page),
        None => view! { <crate::components::NotFoundContent /> }.into_any(),
    }
}

/// Every page's component, with its parameter.
fn view_of(page: Page) -> AnyView {
    match page {
        Page::Home => view! { <HomePage /> }.into_any(),
        Page::Municipalities => view! { <MunicipalitiesPage /> }.into_any(),
        Page::Municipality(code) => view! { <MunicipalityPage code /> }.into_any(),
        Page::Compare => view! { <ComparePage /> }.into_any(),
        Page::Services => view! { <ServicesPage /> }.into_any(),
        Page::Service(id) => view! { <ServicePage id /> }.into_any(),
        Page::Report => view! { <ReportPage /> }.into_any(),
        Page::ReportFollow(token) => view! { <ReportFollowPage token /> }.into_any(),
        Page::About => view! { <AboutPage /> }.into_any(),
        Page::Projects => view! { <ProjectsPage /> }.into_any(),
        Page::Project(id) => view! { <ProjectPage id /> }.into_any(),
        Page::Partners => view! { <PartnersPage /> }.into_any(),
        Page::Clusters => view! { <ClustersPage /> }.into_any(),
        Page::Cluster(id) => view! { <ClusterPage id /> }.into_any(),
        Page::Practices => view! { <PracticesPage /> }.into_any(),
        Page::Practice(id) => view! { <PracticePage id /> }.into_any(),
        Page::StaffClusterInterest(id) => view! { <ClusterInterestPage id /> }.into_any(),
        Page::Observatory => view! { <ObservatoryPage /> }.into_any(),
        Page::Agenda => view! { <AgendaPage /> }.into_any(),
        Page::Event(id) => view! { <EventPage id /> }.into_any(),
        Page::StaffHome => view! { <StaffHomePage /> }.into_any(),
        Page::StaffSignIn => view! { <SignInPage /> }.into_any(),
        Page::StaffPasswordForgot => view! { <PasswordForgotPage /> }.into_any(),
        Page::StaffPasswordReset(token) => view! { <PasswordResetPage token /> }.into_any(),
        Page::StaffServices => view! { <StaffServicesPage /> }.into_any(),
        Page::StaffServiceNew => view! { <StaffServiceNewPage /> }.into_any(),
        Page::StaffService(id) => view! { <StaffServiceEditPage id /> }.into_any(),
        Page::StaffServiceHistory(id) => view! { <StaffServiceHistoryPage id /> }.into_any(),
        Page::StaffReports => view! { <StaffReportsPage /> }.into_any(),
        Page::StaffData => view! { <StaffDataPage /> }.into_any(),
        Page::StaffUsers => view! { <StaffUsersPage /> }.into_any(),
        Page::StaffCoopList(kind) => view! { <CoopListPage kind /> }.into_any(),
        Page::StaffCoopNew(kind) => view! { <CoopNewPage kind /> }.into_any(),
        Page::StaffCoop(kind, id) => view! { <CoopEditPage kind id /> }.into_any(),
        Page::StaffCoopHistory(kind, id) => view! { <CoopHistoryPage kind id /> }.into_any(),
        Page::Register(id) => view! { <RegisterPage id /> }.into_any(),
        Page::Registration(token) => view! { <RegistrationPage token /> }.into_any(),
        Page::StaffRegistrations(id) => view! { <StaffRegistrationsPage id /> }.into_any(),
        Page::Privacy => view! { <PrivacyPage /> }.into_any(),
        Page::Calls => view! { <CallsPage /> }.into_any(),
        Page::Call(id) => view! { <CallPage id /> }.into_any(),
        Page::Idea(token) => view! { <IdeaPage token /> }.into_any(),
        Page::StaffCalls => view! { <StaffCallsPage /> }.into_any(),
        Page::StaffCall(id) => view! { <StaffCallPage id /> }.into_any(),
        Page::Accessibility => view! { <AccessibilityPage /> }.into_any(),
        Page::Legal => view! { <LegalPage /> }.into_any(),
    }
}
