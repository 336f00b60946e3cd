//! 采用指引事项：一个或几个领域（或指引库的全部领域），或一个领域里选定的事项。领域名先全部核对
//! （名称或别名），一个写错就一个都不采用；几个领域在一个事务里采用。

use mulu_core::guideline::AdoptOutcome;
use mulu_core::store::Store;

use crate::{ApiError, Result};

/// 一个领域的采用结果。
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainAdopted {
    /// 规范的领域名。
    pub domain: String,
    pub outcome: AdoptOutcome,
}

/// 把 `domains`（为空：指引库的全部领域）的指引事项采用到目录 `catalog_id`；`items` 只采用这些编号的
/// 事项，这时只能给一个领域。已采用过的事项跳过。
pub fn adopt(
    store: &mut Store,
    catalog_id: i64,
    domains: &[String],
    items: Option<&[String]>,
) -> Result<Vec<DomainAdopted>> {
    store.get_catalog(catalog_id)?;
    if items.is_some() && domains.len() != 1 {
        return Err(ApiError::Invalid(
            "只采用部分事项时，请只选一个领域。".into(),
        ));
    }
    let names: Vec<String> = if domains.is_empty() {
        store
            .guideline_domains()?
            .into_iter()
            .map(|d| d.name)
            .collect()
    } else {
        domains
            .iter()
            .map(|d| store.resolve_domain_name(d))
            .collect::<Result<_, _>>()?
    };
    // One transaction for all of them: stopped halfway (an error, the process killed), none is adopted.
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let outcomes = store.adopt_domains(catalog_id, &refs, items)?;
    Ok(names
        .into_iter()
        .zip(outcomes)
        .map(|(domain, outcome)| DomainAdopted { domain, outcome })
        .collect())
}

/// 几个领域的结果合在一起（共新增几项、哪些事项有被截断的字段）。
pub fn total(adopted: &[DomainAdopted]) -> AdoptOutcome {
    let mut t = AdoptOutcome::default();
    for a in adopted {
        t.extend(a.outcome.clone());
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::{NewCatalog, NewUnit, UnitKind};

    #[test]
    fn checks_every_name_first_then_adopts() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("mulu.db")).unwrap();
        let unit = s
            .create_unit(&NewUnit::new("某某县某某镇人民政府", UnitKind::Township))
            .unwrap();
        let id = s
            .create_catalog(&NewCatalog::new(unit.id, 2026))
            .unwrap()
            .id;
        let bad = adopt(
            &mut s,
            id,
            &["社会救助".into(), "没有这个领域".into()],
            None,
        );
        assert!(bad.is_err());
        assert!(
            s.list_items(id).unwrap().is_empty(),
            "一个写错就一个都不采用"
        );
        let done = adopt(&mut s, id, &["社会救助".into(), "养老服务".into()], None).unwrap();
        assert_eq!(done.len(), 2);
        assert_eq!(total(&done).added, s.list_items(id).unwrap().len());
        // Again: nothing new.
        let again = adopt(&mut s, id, &["社会救助".into()], None).unwrap();
        assert_eq!(total(&again).added, 0);
        assert!(adopt(&mut s, id, &[], Some(&["01.001".to_string()])).is_err());
        assert!(adopt(&mut s, id + 9, &["社会救助".into()], None).is_err());
    }
}
