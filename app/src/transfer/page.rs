//! The import and export page (admins only): upload a file for a dry run, read its
//! report (what would be created and updated, each wrong record by line), commit it;
//! and the export's download links. Plain forms and links: it works without JavaScript.

use super::{
    error_message_id, import_preview, ImportCommit, ImportUpload, ImportView, EXPORT_FILES,
    EXPORT_PATH,
};
use crate::auth::{CsrfField, StaffContext, StaffFrame};
use crate::components::{failure, Loaded, Otherwise};
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

fn upload_path() -> &'static str {
    <ImportUpload as ServerFn>::PATH
}

fn commit_path() -> &'static str {
    <ImportCommit as ServerFn>::PATH
}

/// Records with errors listed on the page at most (the count says how many more).
const MAX_LISTED: usize = 500;

#[component]
pub fn StaffDataPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_query_map()
        .with_untracked(|p| p.get("import"))
        .unwrap_or_default();
    view! {
        <StaffFrame title=i18n.t("staff-data-title") render=move |ctx| {
            if !ctx.staff.is_admin() {
                return view! {
                    <h1>{i18n.t("staff-data-title")}</h1>
                    {failure(AppError::Forbidden)}
                }.into_any();
            }
            let token = token.clone();
            view! {
                <h1>{i18n.t("staff-data-title")}</h1>
                <p class="lead">{i18n.t("staff-data-intro")}</p>
                {(!token.is_empty()).then(|| view! { <Preview token ctx=ctx.clone() /> })}
                <UploadForm ctx />
                <ExportLinks />
            }.into_any()
        } />
    }
}

#[component]
fn UploadForm(ctx: StaffContext) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">{i18n.t("staff-data-import-heading")}</h2>
            <form method="post" action=upload_path() enctype="multipart/form-data" class="staff-form"
                data-import-form="" data-label-upload=i18n.t("staff-data-progress-upload")
                data-label-working=i18n.t("staff-data-progress-check")>
                <input type="hidden" name="lang" value=i18n.lang.code() />
                <CsrfField csrf=ctx.csrf />
                <div class="field">
                    <label for="import-file">{i18n.t("staff-data-file")}</label>
                    <p class="help" id="import-file-help">{i18n.t("staff-data-file-help")}</p>
                    <input id="import-file" type="file" name="file" required
                        accept=".csv,.json,text/csv,application/json" aria-describedby="import-file-help" />
                </div>
                <button type="submit" data-testid="import-check">{i18n.t("staff-data-check")}</button>
                <ImportProgress id="import-check-progress" />
            </form>
            <script defer src="/js/import-progress.js"></script>
        </section>
    }
}

#[component]
fn Preview(token: String, ctx: StaffContext) -> impl IntoView {
    let i18n = use_i18n();
    // Reference-counted (see `components::Loaded`).
    let preview = ArcResource::new(move || token.clone(), import_preview);
    let expired = Otherwise::new(move |error| {
        (*error == AppError::NotFound).then(|| {
            view! {
                <p class="notice notice--error" role="alert">{i18n.t("staff-data-error-expired")}</p>
            }
            .into_any()
        })
    });
    view! {
        <Loaded resource=preview view=move |view| view! { <Report view ctx=ctx.clone() /> }
            otherwise=expired />
    }
}

#[component]
fn Report(view: ImportView, ctx: StaffContext) -> impl IntoView {
    let i18n = use_i18n();
    let report = view.report.clone();
    let counts = [
        ("rows", report.rows()),
        ("created", report.create),
        ("updated", report.update),
        ("unchanged", report.unchanged),
        ("errors", report.errors.len()),
    ];
    let args = || counts.map(|(k, v)| (k, v.into()));
    let summary = if view.committed {
        i18n.t_args("staff-data-report-done", args())
    } else {
        i18n.t_args("staff-data-report-dry-run", args())
    };
    let writes = report.create + report.update;
    let may_commit = !view.committed && report.errors.is_empty() && writes > 0;
    let more = report.errors.len().saturating_sub(MAX_LISTED);
    view! {
        <section aria-labelledby="report-heading" class="import-report" data-testid="import-report">
            <h2 id="report-heading">{i18n.t_args("staff-data-report-heading", [("name", view.file_name.clone().into())])}</h2>
            <p role="status" data-testid="import-summary">{summary}</p>
            {(!report.errors.is_empty()).then(|| view! {
                <p>{i18n.t("staff-data-report-has-errors")}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("staff-data-errors-label")>
                    <table class="staff-table">
                        <thead><tr>
                            <th scope="col">{i18n.t("staff-data-line")}</th>
                            <th scope="col">{i18n.t("staff-data-problem")}</th>
                        </tr></thead>
                        <tbody>
                            {report.errors.iter().take(MAX_LISTED).map(|e| view! {
                                <tr data-testid="import-error">
                                    <td>{if e.line == 0 { i18n.t("staff-data-whole-file") } else { e.line.to_string() }}</td>
                                    <td><ul>{e.fields.iter().map(|f| view! { <li>{i18n.t(&error_message_id(f))}</li> }).collect_view()}</ul></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {(more > 0).then(|| view! { <p>{i18n.t_args("staff-data-errors-more", [("count", more.into())])}</p> })}
            })}
            {(!view.committed && report.errors.is_empty() && writes == 0).then(|| view! {
                <p>{i18n.t("staff-data-nothing-to-do")}</p>
            })}
            {may_commit.then(|| view! {
                <form method="post" action=commit_path() data-import-form=""
                    data-label-working=i18n.t("staff-data-progress-commit")>
                    <input type="hidden" name="lang" value=i18n.lang.code() />
                    <input type="hidden" name="token" value=view.token.clone() />
                    <CsrfField csrf=ctx.csrf.clone() />
                    <button type="submit" data-testid="import-commit">
                        {i18n.t_args("staff-data-commit", [("count", writes.into())])}
                    </button>
                    <ImportProgress id="import-commit-progress" />
                </form>
            })}
        </section>
    }
}

/// Filled by `js/import-progress.js` while a form is sent and processed; hidden until then.
#[component]
fn ImportProgress(id: &'static str) -> impl IntoView {
    view! {
        <div class="import-progress" data-import-progress="" hidden>
            <progress max="100" aria-labelledby=id></progress>
            <p id=id role="status" data-import-progress-text=""></p>
        </div>
    }
}

#[component]
fn ExportLinks() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">{i18n.t("staff-data-export-heading")}</h2>
            <p>{i18n.t("staff-data-export-intro")}</p>
            <ul class="staff-links">
                {EXPORT_FILES.into_iter().map(|name| view! {
                    <li>
                        <a href=format!("{EXPORT_PATH}{name}") download=name>{name}</a>
                        " – " {i18n.t(&super::export_message_id(name))}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
