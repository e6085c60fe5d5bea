//! `/api/v1/clusters`: clusters of municipalities with their members and, for a
//! programme with a shared price, each member's share (issue 9).

use super::services::Text;
use super::{geojson_response, query_pairs, ApiError};
use crate::state::AppState;
use app::clusters::{self, Cluster, ClusterQuery};
use app::kernel::geo::Country;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

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
    #[schema(value_type = String, example = "BE")]
    pub country: Country,
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
    /// The published rule the membership follows (the region's groupings), and its source.
    pub membership_rule: Option<Text>,
    pub membership_rule_source: Option<String>,
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
            membership_rule: c.rule.map(Into::into),
            membership_rule_source: c.rule_source,
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
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = query_pairs(raw.as_deref(), ClusterQuery::KEYS)?;
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
pub async fn one(
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
