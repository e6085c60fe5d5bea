//! `/api/v1`: neighbours and partner candidates of a municipality, clusters and the
//! observatory of cross-border service coverage (issue 9).

use super::municipalities::Neighbour;
use super::services::Text;
use super::{csv_response, geojson_response, query_pairs, ApiError};
use crate::state::AppState;
use app::clusters::{self, Cluster, ClusterQuery};
use app::error::AppError;
use app::i18n::Lang;
use app::municipalities::{is_municipality_code, repo as municipalities};
use app::observatory::{self, ObservatoryQuery, ObservatoryRow, Side};
use app::partners::{self, PartnerQuery, Reason};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct NeighbourList {
    pub data: Vec<Neighbour>,
}

/// A municipality's neighbours on both sides of the border, nearest first.
#[utoipa::path(
    get,
    path = "/api/v1/municipalities/{code}/neighbours",
    tag = "municipalities",
    params(("code" = String, Path, description = "NIS or INSEE code")),
    responses(
        (status = 200, description = "Neighbours", body = NeighbourList),
        (status = 404, description = "No municipality has this code", body = super::ErrorBody),
    )
)]
pub async fn neighbours(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, ApiError> {
    let profile = municipalities::profile(&state.db, &code).await?;
    let data = profile
        .neighbours
        .into_iter()
        .map(|n| Neighbour {
            code: n.code,
            country: n.country,
            name: n.name.into(),
            distance_km: n.distance_km,
            cross_border: n.cross_border,
        })
        .collect();
    Ok(Json(NeighbourList { data }).into_response())
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PartnerParams {
    /// `1`: only municipalities across the border.
    across: Option<String>,
    /// Only candidates within this many km (1–200).
    within: Option<u32>,
    /// How much a similar population matters, 0–3 (default 1).
    size: Option<u8>,
    /// How much complementary services matter, 0–3 (default 1).
    complement: Option<u8>,
}

/// One term of a candidate's score.
#[derive(Serialize, ToSchema)]
pub struct ApiReason {
    /// `near`, `across_the_border`, `similar_size`, `complementary`, `shared_clusters`,
    /// `shared_projects`, `shared_themes` or `common_language`.
    pub kind: String,
    pub km: Option<f64>,
    pub population: Option<i64>,
    /// Category codes the candidate has and the municipality lacks.
    pub offers: Vec<String>,
    /// Category codes the municipality has and the candidate lacks.
    pub lacks: Vec<String>,
    /// Shared cluster or project ids, themes, or languages.
    pub shared: Vec<String>,
}

impl From<Reason> for ApiReason {
    fn from(reason: Reason) -> Self {
        let base = |kind: &str| ApiReason {
            kind: kind.to_owned(),
            km: None,
            population: None,
            offers: vec![],
            lacks: vec![],
            shared: vec![],
        };
        match reason {
            Reason::Near { km } => ApiReason {
                km: Some(km),
                ..base("near")
            },
            Reason::AcrossTheBorder => base("across_the_border"),
            Reason::SimilarSize { population } => ApiReason {
                population: Some(population),
                ..base("similar_size")
            },
            Reason::Complementary { offers, lacks } => ApiReason {
                offers,
                lacks,
                ..base("complementary")
            },
            Reason::SharedClusters { ids } => ApiReason {
                shared: ids,
                ..base("shared_clusters")
            },
            Reason::SharedProjects { ids } => ApiReason {
                shared: ids,
                ..base("shared_projects")
            },
            Reason::SharedThemes { themes } => ApiReason {
                shared: themes,
                ..base("shared_themes")
            },
            Reason::CommonLanguage { languages } => ApiReason {
                shared: languages,
                ..base("common_language")
            },
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ApiPartner {
    pub code: String,
    pub country: String,
    pub name: Text,
    pub population: Option<i64>,
    pub distance_km: f64,
    pub cross_border: bool,
    /// The sum of the reasons' points (see `app/src/partners/score.rs` for the weights).
    pub score: f64,
    pub reasons: Vec<ApiReason>,
}

#[derive(Serialize, ToSchema)]
pub struct PartnerList {
    /// How many candidates passed the criteria (the list shows the best ones).
    pub total: usize,
    pub data: Vec<ApiPartner>,
}

/// Candidate partners of a municipality, best first, with the reasons of their score.
#[utoipa::path(
    get,
    path = "/api/v1/municipalities/{code}/partners",
    tag = "municipalities",
    params(("code" = String, Path, description = "NIS or INSEE code"), PartnerParams),
    responses(
        (status = 200, description = "Candidates", body = PartnerList),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
        (status = 404, description = "No municipality has this code", body = super::ErrorBody),
    )
)]
pub async fn partner_candidates(
    State(state): State<AppState>,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    if !is_municipality_code(&code) {
        return Err(AppError::NotFound.into());
    }
    let pairs = query_pairs(raw.as_deref(), &["across", "within", "size", "complement"])?;
    let mut query = PartnerQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    query.code = code;
    let results = partners::repo::find(&state.db, &query).await?;
    let data = results
        .candidates
        .into_iter()
        .map(|c| ApiPartner {
            code: c.code,
            country: c.country,
            name: c.name.into(),
            population: c.population,
            distance_km: c.distance_km,
            cross_border: c.cross_border,
            score: c.score,
            reasons: c.reasons.into_iter().map(Into::into).collect(),
        })
        .collect();
    Ok(Json(PartnerList {
        total: results.total,
        data,
    })
    .into_response())
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ClusterParams {
    /// `epci`, `eurometropolis`, `conference_of_mayors`…
    kind: Option<String>,
    /// Clusters with a member in `BE` or `FR`.
    country: Option<String>,
    /// Clusters with this member (NIS or INSEE code).
    member: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiMember {
    pub code: String,
    pub country: String,
    pub name: Text,
    pub population: Option<i64>,
}

/// Each member's share of a shared programme price, in euro cents.
#[derive(Serialize, ToSchema)]
pub struct ApiCostShare {
    pub members: i64,
    pub excl_vat_cents: i64,
    pub vat_cents: i64,
    pub incl_vat_cents: i64,
    /// VAT rate in per mille.
    pub vat_permille: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ApiCluster {
    pub id: String,
    pub name: Text,
    pub kind: String,
    pub description: Option<Text>,
    pub members: Vec<ApiMember>,
    /// The programme whose price (excl. VAT) the members share.
    pub programme: Option<String>,
    pub price_eur: Option<f64>,
    pub cost_share: Option<ApiCostShare>,
    pub source: String,
}

impl From<Cluster> for ApiCluster {
    fn from(c: Cluster) -> Self {
        let cost_share = c.cost_share().map(|s| ApiCostShare {
            members: s.members,
            excl_vat_cents: s.excl_vat_cents,
            vat_cents: s.vat_cents,
            incl_vat_cents: s.incl_vat_cents,
            vat_permille: clusters::VAT_PERMILLE,
        });
        ApiCluster {
            id: c.id,
            name: c.name.into(),
            kind: c.kind,
            description: c.description.map(Into::into),
            members: c
                .members
                .into_iter()
                .map(|m| ApiMember {
                    code: m.code,
                    country: m.country,
                    name: m.name.into(),
                    population: m.population,
                })
                .collect(),
            programme: c.programme.map(|p| p.id),
            price_eur: c.price_eur,
            cost_share,
            source: c.source,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ClusterList {
    pub data: Vec<ApiCluster>,
}

/// Clusters of municipalities with their members.
#[utoipa::path(
    get,
    path = "/api/v1/clusters",
    tag = "cooperation",
    params(ClusterParams),
    responses(
        (status = 200, description = "Matching clusters", body = ClusterList),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn cluster_list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = query_pairs(raw.as_deref(), &ClusterQuery::KEYS)?;
    let query = ClusterQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let all = clusters::repo::all(&state.db).await?;
    let data = query.apply(&all)?.into_iter().map(Into::into).collect();
    Ok(Json(ClusterList { data }).into_response())
}

/// One cluster.
#[utoipa::path(
    get,
    path = "/api/v1/clusters/{id}",
    tag = "cooperation",
    params(("id" = String, Path, description = "The cluster's id, e.g. `midwest`")),
    responses(
        (status = 200, description = "The cluster", body = ApiCluster),
        (status = 404, description = "No cluster has this id", body = super::ErrorBody),
    )
)]
pub async fn cluster_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    if let Some(id) = id.strip_suffix(".geojson") {
        return cluster_geojson(&state, id).await;
    }
    let cluster = clusters::repo::one(&state.db, &id).await?;
    Ok(Json(ApiCluster::from(cluster)).into_response())
}

/// `/api/v1/clusters/{id}.geojson`: the members' reference points.
async fn cluster_geojson(state: &AppState, id: &str) -> Result<Response, ApiError> {
    let cluster = clusters::repo::one(&state.db, id).await?;
    let directory = app::municipalities::directory::current(&state.db).await?;
    let features: Vec<serde_json::Value> = cluster
        .members
        .iter()
        .filter_map(|m| {
            let p = directory.profile(&m.code)?;
            Some(json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [p.detail.lon, p.detail.lat] },
                "properties": {
                    "code": m.code, "country": m.country,
                    "name_nl": m.name.nl, "name_fr": m.name.fr, "cluster": cluster.id,
                },
            }))
        })
        .collect();
    geojson_response(&json!({ "type": "FeatureCollection", "features": features }))
}

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ObservatoryParams {
    /// A service category code (default `town_hall`).
    category: Option<String>,
    /// `gain` (default), `nearest`, `own`, `other` or `name`.
    sort: Option<String>,
    /// Only municipalities with no such service within this many km.
    beyond: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiNearest {
    pub service_id: String,
    pub name: Text,
    pub municipality_code: String,
    pub country: String,
    pub distance_km: f64,
}

#[derive(Serialize, ToSchema)]
pub struct ApiObservatoryRow {
    pub code: String,
    pub country: String,
    pub name: Text,
    pub population: Option<i64>,
    /// Services of the category certainly in the municipality.
    pub here: usize,
    /// Filed here, but the municipality is uncertain (not counted in `here`).
    pub here_uncertain: usize,
    pub own_side: Option<ApiNearest>,
    pub other_side: Option<ApiNearest>,
    /// km saved by crossing the border, when the other side's is nearer.
    pub gain_km: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct ObservatoryTable {
    pub category: String,
    /// Services of the category in the inventory, per side.
    pub in_inventory_be: usize,
    pub in_inventory_fr: usize,
    pub data: Vec<ApiObservatoryRow>,
}

fn nearest(side: &Side) -> Option<ApiNearest> {
    side.nearest.as_ref().map(|n| ApiNearest {
        service_id: n.id.clone(),
        name: n.name.clone().into(),
        municipality_code: n.municipality_code.clone(),
        country: n.country.clone(),
        distance_km: n.distance_km,
    })
}

impl From<ObservatoryRow> for ApiObservatoryRow {
    fn from(r: ObservatoryRow) -> Self {
        ApiObservatoryRow {
            gain_km: r.coverage.gain_km(),
            own_side: nearest(&r.coverage.own_side),
            other_side: nearest(&r.coverage.other_side),
            here: r.coverage.here,
            here_uncertain: r.coverage.here_uncertain,
            code: r.code,
            country: r.country,
            name: r.name.into(),
            population: r.population,
        }
    }
}

async fn observatory_for(
    state: &AppState,
    raw: Option<&str>,
    extra: &[&str],
) -> Result<(observatory::Observatory, Vec<(String, String)>), ApiError> {
    let known: Vec<&str> = ObservatoryQuery::KEYS
        .iter()
        .chain(extra)
        .copied()
        .collect();
    let pairs = query_pairs(raw, &known)?;
    let query = ObservatoryQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    Ok((
        observatory::repo::observatory(&state.db, &query).await?,
        pairs,
    ))
}

/// Every municipality's distance to the nearest service of a category, per side.
#[utoipa::path(
    get,
    path = "/api/v1/observatory",
    tag = "cooperation",
    params(ObservatoryParams),
    responses(
        (status = 200, description = "The table", body = ObservatoryTable),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn observatory_table(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (data, _) = observatory_for(&state, raw.as_deref(), &[]).await?;
    Ok(Json(ObservatoryTable {
        category: data.category.code.clone(),
        in_inventory_be: data.category.be,
        in_inventory_fr: data.category.fr,
        data: data.rows.into_iter().map(Into::into).collect(),
    })
    .into_response())
}

const CSV_HEADER: [&str; 14] = [
    "code",
    "country",
    "name",
    "population",
    "category",
    "here",
    "here_uncertain",
    "own_side_km",
    "own_side_service",
    "own_side_service_id",
    "other_side_km",
    "other_side_service",
    "other_side_service_id",
    "gain_km",
];

/// The observatory table as CSV (names in `lang`, `nl` by default).
#[utoipa::path(
    get,
    path = "/api/v1/observatory.csv",
    tag = "cooperation",
    params(ObservatoryParams, ("lang" = Option<String>, Query, description = "`nl` or `fr`: the language of the names")),
    responses(
        (status = 200, description = "One row per municipality", content_type = "text/csv", body = String),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn observatory_csv(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (data, pairs) = observatory_for(&state, raw.as_deref(), &["lang"]).await?;
    let lang = match pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.as_str())
    {
        None | Some("nl") => Lang::Nl,
        Some("fr") => Lang::Fr,
        Some(_) => return Err(AppError::BadRequest("language".into()).into()),
    };
    let km = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_default();
    let name = |side: &Side| {
        side.nearest
            .as_ref()
            .and_then(|n| n.name.get(lang).map(|(_, t)| t.to_owned()))
            .unwrap_or_default()
    };
    let id = |side: &Side| {
        side.nearest
            .as_ref()
            .map(|n| n.id.clone())
            .unwrap_or_default()
    };
    let category = data.category.code.clone();
    let rows = data.rows.iter().map(|r| {
        let c = &r.coverage;
        [
            r.code.clone(),
            r.country.clone(),
            r.name.get(lang).to_owned(),
            r.population.map(|p| p.to_string()).unwrap_or_default(),
            category.clone(),
            c.here.to_string(),
            c.here_uncertain.to_string(),
            km(r.own_km()),
            name(&c.own_side),
            id(&c.own_side),
            km(r.other_km()),
            name(&c.other_side),
            id(&c.other_side),
            km(c.gain_km()),
        ]
    });
    csv_response(&format!("observatory-{category}.csv"), CSV_HEADER, rows)
}
