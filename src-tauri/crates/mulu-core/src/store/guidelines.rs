//! 指引库在数据库中的部分：每个领域的每个已载入版本都保留，
//! 以便按旧版本采用的事项仍能看到它的原文。当前版本是最后载入的那一个。

use rusqlite::{params, Connection, OptionalExtension};

use super::json::{from_json, to_json};
use super::{Result, Store, StoreError};
use crate::guideline::{
    builtin_domains, validate_domain, DomainLoad, GuidelineDomain, GuidelineDomainSummary,
    GuidelineImportPreview, GuidelineItem, GuidelinePack, LibraryLoad, LoadAction, PackPreview,
};
use crate::model::Diagnostic;

impl Store {
    /// 载入内置指引中数据库里还没有的版本（程序升级后自动生效，不改动已有目录）。
    pub(crate) fn sync_builtin_guidelines(&mut self) -> Result<()> {
        let domains = builtin_domains()?;
        let tx = super::write_tx(&mut self.conn)?;
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
        let tx = super::write_tx(&mut self.conn)?;
        insert_version(&tx, domain, false)?;
        tx.commit()?;
        Ok(())
    }

    /// 现在的时间（UTC，`2026-12-02T01:30:00Z`）。
    pub fn now_utc(&self) -> Result<String> {
        self.stamp("%Y-%m-%dT%H:%M:%SZ", false)
    }

    fn stamp(&self, format: &str, local: bool) -> Result<String> {
        let sql = if local {
            "SELECT strftime(?1, 'now', 'localtime')"
        } else {
            "SELECT strftime(?1, 'now')"
        };
        Ok(self.conn.query_row(sql, [format], |r| r.get(0))?)
    }

    /// 导入官方指引工作簿时新版本的版本号：给定的（去掉多余空白），或按导入时间生成
    /// `导入-YYYYMMDD-HHMMSS`（UTC）。
    pub fn guideline_import_version(&self, requested: Option<&str>) -> Result<String> {
        match requested.map(crate::text::tidy).filter(|v| !v.is_empty()) {
            Some(v) => Ok(v),
            None => Ok(format!("导入-{}", self.stamp("%Y%m%d-%H%M%S", false)?)),
        }
    }

    /// 由读工作簿得到的领域与提示做成导入预览（不写数据库）：每个领域将新增还是已有、
    /// 事项数与本机当前版本的比较。`version` 为 [`guideline_import_version`](Self::guideline_import_version)。
    pub fn preview_guideline_import(
        &self,
        file: &str,
        version: &str,
        domains: &[GuidelineDomain],
        diagnostics: Vec<Diagnostic>,
    ) -> Result<GuidelineImportPreview> {
        let (plan, _) = plan_load(&self.conn, domains, None, OnClash::Refuse)?;
        Ok(GuidelineImportPreview {
            file: file.to_string(),
            version: version.to_string(),
            domains: plan.domains,
            diagnostics,
        })
    }

    /// 把读入的领域（导入的官方指引工作簿）各存为新版本，全部在一个事务里：与本机已有的同一版本
    /// 内容相同的跳过；同一版本号、内容不同时报错（什么都不载入），请换一个版本号。
    /// 已有目录里的事项保留它们采用时的版本。
    pub fn load_guideline_versions(&mut self, domains: &[GuidelineDomain]) -> Result<LibraryLoad> {
        let tx = super::write_tx(&mut self.conn)?;
        let (plan, data) = plan_load(&tx, domains, None, OnClash::Refuse)?;
        store_planned(&tx, data)?;
        tx.commit()?;
        Ok(plan)
    }

    /// 把整个指引库（每个领域的当前版本，含导入的与用户添加的领域）做成指引包。
    /// `version` 为空时按现在的本地时间生成（`2026.12.02-0930`）。
    pub fn guideline_pack(&self, name: &str, version: Option<&str>) -> Result<GuidelinePack> {
        let name = crate::text::tidy(name);
        if name.is_empty() {
            return Err(StoreError::Invalid(
                "指引包的名称不能为空，例如“某某县政务公开指引库”。".into(),
            ));
        }
        let version = match version.map(crate::text::tidy).filter(|v| !v.is_empty()) {
            Some(v) => v,
            None => self.stamp("%Y.%m.%d-%H%M", true)?,
        };
        let domains = self
            .guideline_domains()?
            .iter()
            .map(|d| self.guideline_domain_unchecked(&d.name))
            .collect::<Result<Vec<_>>>()?;
        Ok(GuidelinePack::new(
            &name,
            &version,
            &self.now_utc()?,
            domains,
        )?)
    }

    /// 载入指引包将做什么（不写数据库）。
    pub fn preview_guideline_pack(&self, pack: &GuidelinePack) -> Result<PackPreview> {
        let label = pack.label();
        let (plan, _) = plan_load(
            &self.conn,
            &pack.domains,
            Some(&label),
            OnClash::Suffix(&pack.name),
        )?;
        Ok(PackPreview {
            name: pack.name.clone(),
            version: pack.version.clone(),
            created: pack.created.clone(),
            plan,
        })
    }

    /// 载入指引包，全部在一个事务里：每个领域存为新版本，`library` 记为“包名 版本”。
    /// 本机已有内容相同的同一版本的领域跳过（当前版本不变）；同一版本号、内容不同的，
    /// 版本号加上“（包名）”另存，两份都保留。已有目录里的事项保留它们采用时的版本。
    pub fn load_guideline_pack(&mut self, pack: &GuidelinePack) -> Result<LibraryLoad> {
        let label = pack.label();
        let tx = super::write_tx(&mut self.conn)?;
        let (plan, data) = plan_load(
            &tx,
            &pack.domains,
            Some(&label),
            OnClash::Suffix(&pack.name),
        )?;
        store_planned(&tx, data)?;
        tx.commit()?;
        Ok(plan)
    }

    /// 指引库的全部领域（当前版本），按领域序号排列。
    pub fn guideline_domains(&self) -> Result<Vec<GuidelineDomainSummary>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.builtin, v.data FROM guideline_domains d
             JOIN guideline_versions v ON v.seq = (SELECT max(seq) FROM guideline_versions WHERE domain = d.name)
             ORDER BY d.number, d.name",
        )?;
        let rows = st
            .query_map([], |r| {
                Ok((r.get::<_, bool>("builtin")?, r.get::<_, String>("data")?))
            })?
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

/// 另一个领域已用了 `d` 的序号时，返回那个领域的名称。
fn number_taken_by(conn: &Connection, d: &GuidelineDomain) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT name FROM guideline_domains WHERE number = ?1 AND name <> ?2",
            params![d.number, d.name],
            |r| r.get(0),
        )
        .optional()?)
}

fn insert_version(tx: &rusqlite::Transaction, d: &GuidelineDomain, builtin: bool) -> Result<()> {
    if let Some(other) = number_taken_by(tx, d)? {
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

/// 同一领域、同一版本号、内容不同时怎么办。
#[derive(Clone, Copy)]
enum OnClash<'a> {
    /// 报错，什么都不载入（导入工作簿：用户可以换一个版本号）。
    Refuse,
    /// 版本号加上“（包名）”（必要时再加序号）另存（指引包：乡镇无法改包里的版本号）。
    Suffix(&'a str),
}

/// 两个版本内容是否相同（不看来自哪个指引库）。
fn same_content(a: &GuidelineDomain, b: &GuidelineDomain) -> bool {
    let strip = |d: &GuidelineDomain| GuidelineDomain {
        library: None,
        ..d.clone()
    };
    strip(a) == strip(b)
}

fn version_data(conn: &Connection, domain: &str, version: &str) -> Result<Option<GuidelineDomain>> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM guideline_versions WHERE domain = ?1 AND data_version = ?2",
            params![domain, version],
            |r| r.get(0),
        )
        .optional()?;
    data.map(|d| from_json(&d)).transpose()
}

/// 载入计划：每个领域做什么，以及要存入的数据（[`LoadAction::Same`] 的为空）。只读。
fn plan_load(
    conn: &Connection,
    domains: &[GuidelineDomain],
    library: Option<&str>,
    clash: OnClash,
) -> Result<(LibraryLoad, Vec<Option<GuidelineDomain>>)> {
    let mut plan = LibraryLoad {
        library: library.map(str::to_string),
        domains: Vec::with_capacity(domains.len()),
    };
    let mut data = Vec::with_capacity(domains.len());
    for (i, d) in domains.iter().enumerate() {
        validate_domain(&d.name, d)?;
        if domains[..i].iter().any(|x| x.name == d.name) {
            return Err(StoreError::Invalid(format!(
                "“{}”领域出现了不止一次，未载入。",
                d.name
            )));
        }
        if let Some(other) = number_taken_by(conn, d)? {
            return Err(StoreError::Conflict(format!(
                "“{}”领域的序号 {} 在本机已被“{other}”使用，未载入。请为其中一个领域换一个序号后重试。",
                d.name, d.number
            )));
        }
        let current: Option<String> = conn
            .query_row(
                "SELECT data FROM guideline_versions WHERE domain = ?1 ORDER BY seq DESC LIMIT 1",
                [&d.name],
                |r| r.get(0),
            )
            .optional()?;
        let current: Option<GuidelineDomain> = current.map(|c| from_json(&c)).transpose()?;
        let mut next = d.clone();
        if let Some(l) = library {
            next.library = Some(l.to_string());
        }
        let mut action = LoadAction::Add;
        let mut attempt = 1;
        while let Some(have) = version_data(conn, &d.name, &next.data_version)? {
            if same_content(&have, &next) {
                action = LoadAction::Same;
                break;
            }
            match clash {
                OnClash::Refuse => {
                    return Err(StoreError::Conflict(format!(
                        "“{}”领域的指引版本 {} 已经载入过，内容与这次的不同。请换一个版本号后重新导入。",
                        d.name, d.data_version
                    )))
                }
                OnClash::Suffix(name) => {
                    next.data_version = if attempt == 1 {
                        format!("{}（{name}）", d.data_version)
                    } else {
                        format!("{}（{name} {attempt}）", d.data_version)
                    };
                    attempt += 1;
                    action = LoadAction::Renamed;
                }
            }
        }
        let new_items = match &current {
            Some(c) => d
                .items
                .iter()
                .filter(|i| !c.items.iter().any(|x| x.id == i.id))
                .count(),
            None => d.items.len(),
        };
        plan.domains.push(DomainLoad {
            name: d.name.clone(),
            number: d.number,
            data_version: next.data_version.clone(),
            requested_version: d.data_version.clone(),
            action,
            item_count: d.items.len(),
            current_count: current.as_ref().map(|c| c.items.len()),
            new_items,
            truncated_items: d.items.iter().filter(|i| !i.truncated.is_empty()).count(),
        });
        data.push((action != LoadAction::Same).then_some(next));
    }
    Ok((plan, data))
}

fn store_planned(tx: &rusqlite::Transaction, data: Vec<Option<GuidelineDomain>>) -> Result<()> {
    for d in data.into_iter().flatten() {
        insert_version(tx, &d, false)?;
    }
    Ok(())
}
