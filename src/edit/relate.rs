//! Giving a claim a typed relation to another party's claim, as accepting a suggested row with a
//! relation chosen does: `{"kind", "to"}` appended to the claim's `relations` (made when it has
//! none) in its side file's own layout, together with the rest of the plan and checked with it.

use super::json::{self, Step};
use super::{EditError, Plan, Workspace, claim_path, has_list, plan_write, planned};
use crate::format::{Dispute, RelationKind};
use serde_json::json;

impl Workspace {
    /// Adds to `plan` the relation `kind` from claim `from` to claim `to` (of another party).
    /// Nothing is added when the claim already relates so. The loader checks the files as the
    /// whole plan leaves them.
    pub fn relate(
        &self,
        dispute: &Dispute,
        mut plan: Plan,
        from: &str,
        kind: RelationKind,
        to: &str,
    ) -> Result<Plan, EditError> {
        let find = |id: &str, other: &str| {
            dispute
                .find_claim(id)
                .ok_or_else(|| super::unknown_claim(dispute, id, other))
        };
        let (at, target) = (find(from, to)?, find(to, from)?);
        if at == target {
            return Err(EditError::Refused(format!(
                "`{from}` is named twice; a relation joins two claims, one of each party"
            )));
        }
        if at.side() == target.side() {
            return Err(EditError::Refused(format!(
                "`{from}` and `{to}` are claims of the same party; a relation joins two parties' claims"
            )));
        }
        if dispute
            .claim(at)
            .is_some_and(|c| c.links().any(|(k, t)| k == kind && t == to))
        {
            return Ok(plan);
        }
        let file = self
            .sides
            .get(at.side())
            .ok_or_else(|| EditError::Load("a side file was not read".to_owned()))?;
        let name = file.path.display().to_string();
        let (i, text) = planned(&plan.writes, file);
        let claim = claim_path(at);
        let entry = json!({"kind": kind.as_str(), "to": to});
        let after = if has_list(&text, &claim, "relations") {
            let [topics, topic, claims, index] = claim;
            let list = [topics, topic, claims, index, Step::Key("relations")];
            json::append_element(&text, &list, &entry)
        } else {
            // Absent or `null`: a list of it.
            json::set_property(&text, &claim, "rebuts", "relations", &json!([entry]))
        }
        .map_err(|e| EditError::Invalid(name.clone(), e.to_string()))?
        .into_bytes();
        plan_write(&mut plan.writes, i, file, after);
        let loaded = self
            .load(Some(&plan.writes))
            .map_err(|e| EditError::Invalid(name.clone(), e.to_string()))?;
        let related = loaded
            .find_claim(from)
            .and_then(|a| loaded.claim(a))
            .is_some_and(|c| c.relations.iter().any(|r| r.kind == kind && r.to == to));
        if !related {
            return Err(EditError::Invalid(
                name,
                "the claim does not hold the relation after the change".to_owned(),
            ));
        }
        Ok(plan)
    }
}
