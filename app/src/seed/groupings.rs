//! The region's groupings (the Eurometropolis, the conferences of mayors) and their
//! members: each grouping's membership follows a published rule, recorded with its
//! source in `cooperation.json` (`membership`, `rule`, `rule_source`), applied here to
//! the bundled reference data (Belgian arrondissements, French EPCI).

use super::*;

/// A grouping's rule: the Belgian arrondissements (NIS codes) and the French EPCI
/// (SIREN) whose municipalities belong to it.
#[derive(Clone, Debug, Default, Deserialize)]
pub(super) struct Membership {
    #[serde(default)]
    pub(super) be_arrondissements: Vec<String>,
    #[serde(default)]
    pub(super) fr_epci: Vec<String>,
}

impl Membership {
    pub(super) fn includes(&self, m: &MunicipalityRow) -> bool {
        match m.country {
            crate::kernel::geo::Country::Be => {
                self.be_arrondissements.contains(&m.arrondissement_code)
            }
            crate::kernel::geo::Country::Fr => self.fr_epci.contains(&m.intercommunality_code),
        }
    }

    /// The codes of the municipalities the rule includes, in code order.
    pub(super) fn members(&self, municipalities: &[MunicipalityRow]) -> Vec<String> {
        let mut codes: Vec<String> = municipalities
            .iter()
            .filter(|m| self.includes(m))
            .map(|m| m.code.clone())
            .collect();
        codes.sort();
        codes
    }
}

/// Adds `member_codes` to each grouping of the cooperation data, from its rule.
pub(super) fn with_members(
    cooperation: &mut Value,
    municipalities: &[MunicipalityRow],
) -> Result<(), AppError> {
    for cluster in cooperation["clusters"].as_array_mut().into_iter().flatten() {
        let rule: Membership = serde_json::from_value(cluster["membership"].clone())?;
        cluster["member_codes"] = json!(rule.members(municipalities));
    }
    Ok(())
}

/// On a database seeded before the groupings had rules: each grouping that staff have
/// not edited, and that has no rule yet, gets its rule, its source and its members.
/// Returns how many groupings it filled (none on every later start).
pub async fn fill_groupings(db: &Db) -> Result<usize, AppError> {
    let municipalities: Vec<MunicipalityRow> = read_csv(MUNICIPALITIES_CSV)?;
    let mut cooperation: Value = serde_json::from_str(COOPERATION_JSON)?;
    with_members(&mut cooperation, &municipalities)?;
    let clusters = cooperation["clusters"].clone();
    // Which groupings still lack their rule (none on every later start).
    let mut response = db
        .query(
            "RETURN $clusters.filter(|$c| {
                LET $rid = type::record('cluster', $c.id);
                RETURN record::exists($rid) AND ($rid.revision ?? 0) = 0 AND $rid.rule_source = NONE;
            }).map(|$c| $c.id);",
        )
        .bind(("clusters", clusters.clone()))
        .await?;
    let todo: Vec<String> = response.take(0)?;
    if todo.is_empty() {
        return Ok(0);
    }
    // One transaction, run again if it conflicts (another app server starting at the
    // same moment does the same; the second run finds nothing left to do).
    crate::db::transaction(
        db,
        "BEGIN TRANSACTION;
        FOR $c IN $clusters {
            LET $rid = type::record('cluster', $c.id);
            IF $c.id IN $todo AND ($rid.revision ?? 0) = 0 AND $rid.rule_source = NONE {
                UPDATE $rid SET rule = $c.rule, rule_source = $c.rule_source;
                DELETE member_of WHERE out = $rid;
                FOR $code IN $c.member_codes {
                    IF record::exists(type::record('municipality', $code)) {
                        RELATE (type::record('municipality', $code))->member_of->$rid;
                    };
                };
            };
        };
        COMMIT TRANSACTION;",
        vec![("clusters", clusters), ("todo", json!(todo))],
    )
    .await?;
    Ok(todo.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members_of(id: &str) -> Vec<String> {
        let municipalities: Vec<MunicipalityRow> = read_csv(MUNICIPALITIES_CSV).unwrap();
        let mut cooperation: Value = serde_json::from_str(COOPERATION_JSON).unwrap();
        with_members(&mut cooperation, &municipalities).unwrap();
        let cluster = cooperation["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone();
        assert!(cluster["rule"]["nl"]
            .as_str()
            .is_some_and(|r| !r.is_empty()));
        assert!(cluster["rule"]["fr"]
            .as_str()
            .is_some_and(|r| !r.is_empty()));
        assert!(cluster["rule_source"]
            .as_str()
            .is_some_and(|r| !r.is_empty()));
        serde_json::from_value(cluster["member_codes"].clone()).unwrap()
    }

    #[test]
    fn the_groupings_follow_their_rules() {
        let municipalities: Vec<MunicipalityRow> = read_csv(MUNICIPALITIES_CSV).unwrap();
        let arrondissement = |code: &str| {
            municipalities
                .iter()
                .find(|m| m.code == code)
                .map(|m| m.arrondissement_code.clone())
                .unwrap()
        };
        let westhoek = members_of("westhoek");
        let euro = members_of("eurometropool");
        // Wervik (arrondissement Ieper) is in both; Veurne only in the Westhoek.
        assert!(westhoek.contains(&"33029".into()) && euro.contains(&"33029".into()));
        assert!(westhoek.contains(&"38025".into()) && !euro.contains(&"38025".into()));
        // Lille, Roubaix and Tourcoing (Métropole Européenne de Lille) are in the
        // Eurometropolis; Dunkirk (CU de Dunkerque) is not.
        for lille in ["59350", "59512", "59599"] {
            assert!(euro.contains(&lille.into()), "{lille}");
        }
        assert!(!euro.contains(&"59183".into()));
        // Kortrijk, Menen, Mouscron and Tournai are in the Eurometropolis.
        for code in ["34022", "34027", "57096", "57081"] {
            assert!(euro.contains(&code.into()), "{code}");
        }
        // 14 Westhoek municipalities (arrondissements Diksmuide, Ieper and Veurne).
        assert_eq!(westhoek.len(), 14);
        assert!(westhoek
            .iter()
            .all(|c| ["32000", "33000", "38000"].contains(&arrondissement(c).as_str())));
        // The 44 MEL communes and the 38 Belgian municipalities of its arrondissements.
        let french = euro
            .iter()
            .filter(|c| {
                municipalities
                    .iter()
                    .any(|m| &m.code == *c && m.country == crate::kernel::geo::Country::Fr)
            })
            .count();
        assert_eq!((french, euro.len() - french), (44, 38));
        let midwest = members_of("midwest");
        assert!(midwest.contains(&"36015".into()), "Roeselare");
        assert!(midwest
            .iter()
            .all(|c| ["36000", "37000"].contains(&arrondissement(c).as_str())));
        assert_eq!(midwest.len(), 5);
        // The Bruges region lies away from the border: no member here.
        assert!(members_of("brugse-regio").is_empty());
    }
}
