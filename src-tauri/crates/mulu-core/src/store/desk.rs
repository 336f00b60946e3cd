//! 审核台账的存取：名单上的单位、各单位各轮的报送、对问题的决定（迁移 0003_review_desk.sql）。
//! 每次写入一个事务。

use rusqlite::{params, OptionalExtension, Row};

use super::{Result, Store, StoreError};
use crate::model::{Decision, DeskUnit, ListedUnit, UnitKind, Verdict};

/// 要记下的一次报送（一个检查过的文件）。
#[derive(Debug, Clone, PartialEq)]
pub struct NewSubmission {
    pub unit_id: i64,
    pub file_name: String,
    pub path: String,
    /// 文件内容的指纹（sha256，十六进制）：同一单位再收到同样的文件不算新的一轮。
    pub fingerprint: String,
    pub unsure: bool,
    pub readable: bool,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub coverage: Option<f64>,
    /// 完整的检查结果（JSON）。
    pub result: String,
}

/// 记下的一次报送。
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub id: i64,
    pub unit_id: i64,
    pub round: i64,
    /// 收到（检查）的时间，UTC。
    pub received: String,
    pub file_name: String,
    pub path: String,
    pub fingerprint: String,
    pub unsure: bool,
    pub readable: bool,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub coverage: Option<f64>,
    pub result: String,
}

const SUBMISSION_COLUMNS: &str = "id, unit_id, round, received, file_name, path, fingerprint, \
     unsure, readable, errors, warnings, infos, coverage, result";

fn submission(r: &Row) -> rusqlite::Result<Submission> {
    Ok(Submission {
        id: r.get("id")?,
        unit_id: r.get("unit_id")?,
        round: r.get("round")?,
        received: r.get("received")?,
        file_name: r.get("file_name")?,
        path: r.get("path")?,
        fingerprint: r.get("fingerprint")?,
        unsure: r.get("unsure")?,
        readable: r.get("readable")?,
        errors: r.get::<_, i64>("errors")?.max(0) as usize,
        warnings: r.get::<_, i64>("warnings")?.max(0) as usize,
        infos: r.get::<_, i64>("infos")?.max(0) as usize,
        coverage: r.get("coverage")?,
        result: r.get("result")?,
    })
}

fn kind_of(id: i64, kind: Option<String>) -> Result<Option<UnitKind>> {
    kind.map(|k| {
        UnitKind::from_name(&k)
            .ok_or_else(|| StoreError::Invalid(format!("台账单位 {id} 的类别“{k}”无法识别")))
    })
    .transpose()
}

impl Store {
    /// 换上县里的单位名单（按给出的顺序）。已有的同名单位保留其报送与决定；名单上没有了的单位连同
    /// 其报送与决定一起删去。名称空白的跳过；一个单位也没有时报错。
    pub fn desk_set_units(&mut self, units: &[ListedUnit]) -> Result<Vec<DeskUnit>> {
        let names: Vec<(String, Option<UnitKind>)> = units
            .iter()
            .map(|u| (crate::text::tidy(&u.name), u.kind))
            .filter(|(n, _)| !n.is_empty())
            .collect();
        if names.is_empty() {
            return Err(StoreError::Invalid(
                "单位名单是空的：请至少列出一个单位。".into(),
            ));
        }
        let tx = super::write_tx(&mut self.conn)?;
        tx.execute("UPDATE desk_units SET position = -1", [])?;
        for (i, (name, kind)) in names.iter().enumerate() {
            tx.execute(
                "INSERT INTO desk_units (name, kind, position) VALUES (?1, ?2, ?3)
                 ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, position = excluded.position",
                params![name, kind.map(UnitKind::as_str), i as i64],
            )?;
        }
        tx.execute("DELETE FROM desk_units WHERE position = -1", [])?;
        tx.commit()?;
        self.desk_units()
    }

    /// 名单上的单位，按名单的顺序。
    pub fn desk_units(&self) -> Result<Vec<DeskUnit>> {
        let mut st = self
            .conn
            .prepare("SELECT id, name, kind FROM desk_units ORDER BY position, id")?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>("id")?,
                    r.get::<_, String>("name")?,
                    r.get::<_, Option<String>>("kind")?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, name, kind)| {
                Ok(DeskUnit {
                    id,
                    name,
                    kind: kind_of(id, kind)?,
                })
            })
            .collect()
    }

    /// 记下一次报送。同一单位已有同样指纹的文件（重新检查同一个文件）时更新那一轮的结果，否则记为新的
    /// 一轮（已有轮次 + 1）。返回记下的报送。
    pub fn desk_record(&mut self, s: &NewSubmission) -> Result<Submission> {
        let tx = super::write_tx(&mut self.conn)?;
        let exists: Option<i64> = tx
            .query_row(
                "SELECT id FROM desk_units WHERE id = ?1",
                [s.unit_id],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_none() {
            return Err(StoreError::not_found("台账单位", s.unit_id));
        }
        let same: Option<i64> = tx
            .query_row(
                "SELECT id FROM desk_submissions WHERE unit_id = ?1 AND fingerprint = ?2
                 ORDER BY round DESC LIMIT 1",
                params![s.unit_id, s.fingerprint],
                |r| r.get(0),
            )
            .optional()?;
        let values = params![
            s.unit_id,
            s.file_name,
            s.path,
            s.fingerprint,
            s.unsure,
            s.readable,
            s.errors as i64,
            s.warnings as i64,
            s.infos as i64,
            s.coverage,
            s.result,
        ];
        let id = match same {
            Some(id) => {
                tx.execute(
                    "UPDATE desk_submissions SET unit_id = ?1, file_name = ?2, path = ?3,
                     fingerprint = ?4, unsure = ?5, readable = ?6, errors = ?7, warnings = ?8,
                     infos = ?9, coverage = ?10, result = ?11 WHERE id = ?12",
                    params![
                        s.unit_id,
                        s.file_name,
                        s.path,
                        s.fingerprint,
                        s.unsure,
                        s.readable,
                        s.errors as i64,
                        s.warnings as i64,
                        s.infos as i64,
                        s.coverage,
                        s.result,
                        id,
                    ],
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO desk_submissions (unit_id, file_name, path, fingerprint, unsure,
                     readable, errors, warnings, infos, coverage, result, round, received)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                       (SELECT COALESCE(MAX(round), 0) + 1 FROM desk_submissions WHERE unit_id = ?1),
                       strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    values,
                )?;
                tx.last_insert_rowid()
            }
        };
        let out = tx.query_row(
            &format!("SELECT {SUBMISSION_COLUMNS} FROM desk_submissions WHERE id = ?1"),
            [id],
            submission,
        )?;
        tx.commit()?;
        Ok(out)
    }

    /// 报送（`unit_id` 为空时全部），按单位、轮次排列。
    pub fn desk_submissions(&self, unit_id: Option<i64>) -> Result<Vec<Submission>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {SUBMISSION_COLUMNS} FROM desk_submissions
             WHERE ?1 IS NULL OR unit_id = ?1 ORDER BY unit_id, round"
        ))?;
        let rows = st
            .query_map([unit_id], submission)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// 每个单位的最新一轮与它收到过几轮，按单位排列（台账只要最新一轮：不读出更早各轮的结果）。
    pub fn desk_latest_submissions(&self) -> Result<Vec<(Submission, i64)>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {SUBMISSION_COLUMNS}, n FROM desk_submissions
             JOIN (SELECT unit_id AS u, MAX(round) AS last, COUNT(*) AS n
                   FROM desk_submissions GROUP BY unit_id) ON unit_id = u AND round = last
             ORDER BY unit_id"
        ))?;
        let rows = st
            .query_map([], |r| Ok((submission(r)?, r.get::<_, i64>("n")?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// 记下（或改写）对一条问题的决定。
    pub fn desk_decide(&mut self, d: &Decision) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        tx.execute(
            "INSERT INTO desk_decisions (unit_id, rule, place, decision, reason, reviewer, decided_at, round)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT(unit_id, rule, place) DO UPDATE SET decision = excluded.decision,
               reason = excluded.reason, reviewer = excluded.reviewer,
               decided_at = excluded.decided_at, round = excluded.round",
            params![
                d.unit_id,
                d.rule,
                d.place,
                d.verdict.as_str(),
                d.reason,
                d.reviewer,
                d.decided_at,
                d.round
            ],
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                StoreError::not_found("台账单位", d.unit_id)
            }
            e => e.into(),
        })?;
        tx.commit()?;
        Ok(())
    }

    /// 撤销对一条问题的决定；没有这条决定时什么也不做。
    pub fn desk_undecide(&mut self, unit_id: i64, rule: &str, place: &str) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        tx.execute(
            "DELETE FROM desk_decisions WHERE unit_id = ?1 AND rule = ?2 AND place = ?3",
            params![unit_id, rule, place],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// 一个单位（为空时全部单位）的决定。
    pub fn desk_decisions(&self, unit_id: Option<i64>) -> Result<Vec<Decision>> {
        let mut st = self.conn.prepare(
            "SELECT unit_id, rule, place, decision, reason, reviewer, decided_at, round
             FROM desk_decisions WHERE ?1 IS NULL OR unit_id = ?1 ORDER BY id",
        )?;
        let rows = st
            .query_map([unit_id], |r| {
                Ok((
                    r.get::<_, i64>("unit_id")?,
                    r.get::<_, String>("rule")?,
                    r.get::<_, String>("place")?,
                    r.get::<_, String>("decision")?,
                    r.get::<_, String>("reason")?,
                    r.get::<_, String>("reviewer")?,
                    r.get::<_, String>("decided_at")?,
                    r.get::<_, i64>("round")?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(
                |(unit_id, rule, place, v, reason, reviewer, decided_at, round)| {
                    let verdict = Verdict::from_name(&v).ok_or_else(|| {
                        StoreError::Invalid(format!("决定“{v}”无法识别（应为采纳或不采纳）"))
                    })?;
                    Ok(Decision {
                        unit_id,
                        rule,
                        place,
                        verdict,
                        reason,
                        reviewer,
                        decided_at,
                        round,
                    })
                },
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(unit_id: i64, fp: &str, errors: usize) -> NewSubmission {
        NewSubmission {
            unit_id,
            file_name: "甲镇.xlsx".into(),
            path: "/收件/甲镇.xlsx".into(),
            fingerprint: fp.into(),
            unsure: false,
            readable: true,
            errors,
            warnings: 1,
            infos: 0,
            coverage: Some(50.0),
            result: "{}".into(),
        }
    }

    fn listed(names: &[&str]) -> Vec<ListedUnit> {
        names
            .iter()
            .map(|n| ListedUnit {
                name: n.to_string(),
                kind: UnitKind::guess(n),
            })
            .collect()
    }

    #[test]
    fn rounds_decisions_and_a_new_list() {
        let mut s = Store::open_in_memory().unwrap();
        let units = s.desk_set_units(&listed(&["甲镇", "乙镇", " "])).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].kind, Some(UnitKind::Township));
        let jia = units[0].id;

        let r1 = s.desk_record(&sub(jia, "aa", 2)).unwrap();
        assert_eq!(r1.round, 1);
        // 同一个文件再检查：还是第 1 轮，结果更新。
        let again = s.desk_record(&sub(jia, "aa", 1)).unwrap();
        assert_eq!((again.id, again.round, again.errors), (r1.id, 1, 1));
        let r2 = s.desk_record(&sub(jia, "bb", 0)).unwrap();
        assert_eq!(r2.round, 2);
        assert_eq!(s.desk_submissions(Some(jia)).unwrap().len(), 2);
        let latest = s.desk_latest_submissions().unwrap();
        assert_eq!(latest.len(), 1);
        assert_eq!((latest[0].0.id, latest[0].1), (r2.id, 2));
        assert!(s.desk_record(&sub(999, "cc", 0)).is_err());

        let d = Decision {
            unit_id: jia,
            rule: "R201-basis-repealed".into(),
            place: "社会救助!E4".into(),
            verdict: Verdict::Waive,
            reason: "已在公示栏更正".into(),
            reviewer: "张三".into(),
            decided_at: "2026-12-02T01:30:00Z".into(),
            round: 1,
        };
        s.desk_decide(&d).unwrap();
        s.desk_decide(&Decision {
            verdict: Verdict::Accept,
            reason: String::new(),
            ..d.clone()
        })
        .unwrap();
        let got = s.desk_decisions(Some(jia)).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].verdict, Verdict::Accept);
        s.desk_undecide(jia, &d.rule, &d.place).unwrap();
        assert!(s.desk_decisions(None).unwrap().is_empty());
        s.desk_decide(&d).unwrap();

        // 新名单：甲镇还在（报送与决定保留），乙镇删去，丙镇新增；顺序照新名单。
        let units = s.desk_set_units(&listed(&["丙镇", "甲镇"])).unwrap();
        let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["丙镇", "甲镇"]);
        assert_eq!(units[1].id, jia);
        assert_eq!(s.desk_submissions(None).unwrap().len(), 2);
        assert_eq!(s.desk_decisions(None).unwrap().len(), 1);
        // 删去的单位连同报送一起删。
        s.desk_set_units(&listed(&["丙镇"])).unwrap();
        assert!(s.desk_submissions(None).unwrap().is_empty());
        assert!(s.desk_decisions(None).unwrap().is_empty());
        assert!(s.desk_set_units(&[]).is_err());
    }
}
