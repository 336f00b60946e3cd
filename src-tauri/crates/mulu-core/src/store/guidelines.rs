//! 指引库在数据库中的部分：每个领域的每个已载入版本都保留，
//! 以便按旧版本采用的事项仍能看到它的原文。当前版本是最后载入的那一个。

use rusqlite::{params, OptionalExtension};

use super::json::{from_json, to_json};
use super::{Result, Store, StoreError};
use crate::guideline::{
    builtin_domains, validate_domain, GuidelineDomain, GuidelineDomainSummary, GuidelineItem,
};

impl Store {
    /// 载入内置指引中数据库里还没有的版本（程序升级后自动生效，不改动已有目录）。
    pub(crate) fn sync_builtin_guidelines(&mut self) -> Result<()> {
        let domains = builtin_domains()?;
        let tx = self.conn.transaction()?;
        for d in &domains {
            let have: Option<i64> = tx
                .query_row(
                    "SELECT seq FROM guideline_versions WHERE domain = ?1 AND data_version = ?2",
                    params![d.name, d.data_version],
                    |r| r.get(0),
                )
                .optional()?;
            if have.is_none() {
                insert_version(&tx, d, true)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// 载入一个领域的新版本（导入的官方指引工作簿，或用户新增的领域）。
    /// 已有目录里的事项保留它们采用时的版本。同一版本号已存在时报错。
    pub fn load_guideline_version(&mut self, domain: &GuidelineDomain) -> Result<()> {
        validate_domain(&domain.name, domain)?;
        let tx = self.conn.transaction()?;
        insert_version(&tx, domain, false)?;
        tx.commit()?;
        Ok(())
    }

    /// 指引库的全部领域（当前版本），按领域序号排列。
    pub fn guideline_domains(&self) -> Result<Vec<GuidelineDomainSummary>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.builtin, v.data FROM guideline_domains d
             JOIN guideline_versions v ON v.seq = (SELECT max(seq) FROM guideline_versions WHERE domain = d.name)
             ORDER BY d.number, d.name",
        )?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, bool>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(builtin, data)| Ok(from_json::<GuidelineDomain>(&data)?.summary(builtin)))
            .collect()
    }

    /// 一个领域的指引：`version` 为 `None` 时取当前版本。也接受领域的别名（如“公共资源配置”）。
    pub fn guideline_domain(&self, name: &str, version: Option<&str>) -> Result<GuidelineDomain> {
        let name = self.resolve_domain_name(name)?;
        let data: Option<String> = match version {
            Some(v) => self
                .conn
                .query_row(
                    "SELECT data FROM guideline_versions WHERE domain = ?1 AND data_version = ?2",
                    params![name, v],
                    |r| r.get(0),
                )
                .optional()?,
            None => self
                .conn
                .query_row(
                    "SELECT data FROM guideline_versions WHERE domain = ?1 ORDER BY seq DESC LIMIT 1",
                    [&name],
                    |r| r.get(0),
                )
                .optional()?,
        };
        match data {
            Some(d) => from_json(&d),
            None => Err(StoreError::not_found(
                "该版本的标准指引",
                format!("{name} {}", version.unwrap_or("")),
            )),
        }
    }

    /// 一个领域载入过的全部版本号（旧的在前）。
    pub fn guideline_versions(&self, name: &str) -> Result<Vec<String>> {
        let name = self.resolve_domain_name(name)?;
        let mut st = self.conn.prepare_cached(
            "SELECT data_version FROM guideline_versions WHERE domain = ?1 ORDER BY seq",
        )?;
        let v = st
            .query_map([name], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(v)
    }

    /// 按编号找指引事项（给定版本，或当前版本），返回所在领域名与事项。
    pub fn guideline_item(
        &self,
        id: &str,
        version: Option<&str>,
    ) -> Result<Option<(String, GuidelineItem)>> {
        let number: u32 = match id.split('.').next().and_then(|n| n.parse().ok()) {
            Some(n) => n,
            None => return Ok(None),
        };
        let name: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM guideline_domains WHERE number = ?1",
                [number],
                |r| r.get(0),
            )
            .optional()?;
        let Some(name) = name else { return Ok(None) };
        let domain = match self.guideline_domain(&name, version) {
            Ok(d) => d,
            Err(StoreError::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(domain
            .items
            .into_iter()
            .find(|i| i.id == id)
            .map(|i| (name, i)))
    }

    /// 把领域名称或别名换成库里的正式名称。
    pub fn resolve_domain_name(&self, name: &str) -> Result<String> {
        let name = crate::text::squeeze(name);
        let exact: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM guideline_domains WHERE name = ?1",
                [&name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(n) = exact {
            return Ok(n);
        }
        for d in self.guideline_domains()? {
            let full = self.guideline_domain_unchecked(&d.name)?;
            if full.aliases.contains(&name) {
                return Ok(d.name);
            }
        }
        Err(StoreError::UnknownDomain(name))
    }

    fn guideline_domain_unchecked(&self, name: &str) -> Result<GuidelineDomain> {
        let data: String = self.conn.query_row(
            "SELECT data FROM guideline_versions WHERE domain = ?1 ORDER BY seq DESC LIMIT 1",
            [name],
            |r| r.get(0),
        )?;
        from_json(&data)
    }
}

fn insert_version(tx: &rusqlite::Transaction, d: &GuidelineDomain, builtin: bool) -> Result<()> {
    let taken: Option<String> = tx
        .query_row(
            "SELECT name FROM guideline_domains WHERE number = ?1 AND name <> ?2",
            params![d.number, d.name],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(other) = taken {
        return Err(StoreError::Conflict(format!(
            "领域序号 {} 已被“{other}”使用，请为“{}”换一个序号。",
            d.number, d.name
        )));
    }
    tx.execute(
        "INSERT INTO guideline_domains (name, number, builtin) VALUES (?1, ?2, ?3)
         ON CONFLICT(name) DO UPDATE SET builtin = max(builtin, excluded.builtin)",
        params![d.name, d.number, builtin],
    )?;
    tx.execute(
        "INSERT INTO guideline_versions (domain, data_version, data) VALUES (?1, ?2, ?3)",
        params![d.name, d.data_version, to_json(d)?],
    )
    .map_err(|e| {
        super::error::on_unique(e, || {
            format!(
                "“{}”领域的指引版本 {} 已经载入过，请换一个版本号。",
                d.name, d.data_version
            )
        })
    })?;
    Ok(())
}
