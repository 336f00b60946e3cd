//! 审核台账里文件与单位的配对：确认一个“请确认”的配对，或把一轮报送改配到另一个单位。
//! 文件按标题里的单位名记到单位名下（`mulu_api::desk::record`）；名称只是近似时标为 `unsure`，由审核人确认。

use rusqlite::{params, OptionalExtension};

use super::{Result, Store, StoreError};

impl Store {
    /// 确认单位 `unit_id` 第 `round` 轮的配对（去掉“请确认”）。
    pub fn desk_confirm(&mut self, unit_id: i64, round: i64) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        let n = tx.execute(
            "UPDATE desk_submissions SET unsure = 0 WHERE unit_id = ?1 AND round = ?2",
            params![unit_id, round],
        )?;
        if n == 0 {
            return Err(StoreError::not_found("台账报送", round));
        }
        tx.commit()?;
        Ok(())
    }

    /// 把单位 `unit_id` 第 `round` 轮的报送改配到单位 `to`：从原单位移走（原单位其后的轮次各前移一轮），
    /// 记为 `to` 的下一轮（已确认）；`to` 已有同一个文件（指纹相同）时只从原单位移走。原单位上的决定不动
    /// （它们按单位 + 规则 + 位置记，仍属于原单位其余各轮）。一个事务。返回文件在 `to` 名下的轮次。
    pub fn desk_reassign(&mut self, unit_id: i64, round: i64, to: i64) -> Result<i64> {
        if to == unit_id {
            self.desk_confirm(unit_id, round)?;
            return Ok(round);
        }
        let tx = super::write_tx(&mut self.conn)?;
        let target: Option<i64> = tx
            .query_row("SELECT id FROM desk_units WHERE id = ?1", [to], |r| {
                r.get(0)
            })
            .optional()?;
        if target.is_none() {
            return Err(StoreError::not_found("台账单位", to));
        }
        let moved: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, fingerprint FROM desk_submissions WHERE unit_id = ?1 AND round = ?2",
                params![unit_id, round],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, fingerprint)) = moved else {
            return Err(StoreError::not_found("台账报送", round));
        };
        let already: Option<i64> = tx
            .query_row(
                "SELECT round FROM desk_submissions WHERE unit_id = ?1 AND fingerprint = ?2",
                params![to, fingerprint],
                |r| r.get(0),
            )
            .optional()?;
        let new_round = match already {
            Some(r) => {
                tx.execute("DELETE FROM desk_submissions WHERE id = ?1", [id])?;
                r
            }
            None => {
                tx.execute(
                    "UPDATE desk_submissions SET unit_id = ?2, unsure = 0,
                       round = (SELECT COALESCE(MAX(round), 0) + 1 FROM desk_submissions WHERE unit_id = ?2)
                     WHERE id = ?1",
                    params![id, to],
                )?;
                tx.query_row(
                    "SELECT round FROM desk_submissions WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?
            }
        };
        // Close the gap in the old unit's rounds; through a far-away range so that UNIQUE (unit_id, round)
        // and CHECK (round >= 1) hold at every row whatever order SQLite updates them in.
        const AWAY: i64 = 1_000_000_000;
        tx.execute(
            "UPDATE desk_submissions SET round = round - 1 + ?3 WHERE unit_id = ?1 AND round > ?2",
            params![unit_id, round, AWAY],
        )?;
        tx.execute(
            "UPDATE desk_submissions SET round = round - ?2 WHERE unit_id = ?1 AND round > ?2",
            params![unit_id, AWAY],
        )?;
        tx.commit()?;
        Ok(new_round)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ListedUnit;
    use crate::store::{NewSubmission, Store};

    fn sub(unit_id: i64, fingerprint: &str, unsure: bool) -> NewSubmission {
        NewSubmission {
            unit_id,
            file_name: format!("{fingerprint}.xlsx"),
            path: format!("/收到/{fingerprint}.xlsx"),
            fingerprint: fingerprint.into(),
            unsure,
            readable: true,
            errors: 0,
            warnings: 0,
            infos: 0,
            coverage: None,
            result: "{}".into(),
        }
    }

    fn rounds(s: &Store, unit: i64) -> Vec<(i64, String, bool)> {
        s.desk_submissions(Some(unit))
            .unwrap()
            .into_iter()
            .map(|x| (x.round, x.fingerprint, x.unsure))
            .collect()
    }

    #[test]
    fn confirming_and_reassigning_keep_the_rounds_in_order() {
        let mut s = Store::open_in_memory().unwrap();
        let units = s
            .desk_set_units(&[
                ListedUnit {
                    name: "甲镇人民政府".into(),
                    kind: None,
                },
                ListedUnit {
                    name: "乙镇人民政府".into(),
                    kind: None,
                },
            ])
            .unwrap();
        let (a, b) = (units[0].id, units[1].id);
        s.desk_record(&sub(a, "a1", false)).unwrap();
        s.desk_record(&sub(a, "wrong", true)).unwrap();
        s.desk_record(&sub(a, "a3", false)).unwrap();
        s.desk_record(&sub(b, "b1", false)).unwrap();

        s.desk_confirm(a, 3).unwrap();
        assert!(s.desk_confirm(a, 9).is_err());

        // Round 2 of 甲 was 乙's file: it becomes 乙's round 2, confirmed; 甲's round 3 becomes round 2.
        assert_eq!(s.desk_reassign(a, 2, b).unwrap(), 2);
        assert_eq!(
            rounds(&s, a),
            vec![(1, "a1".into(), false), (2, "a3".into(), false)]
        );
        assert_eq!(
            rounds(&s, b),
            vec![(1, "b1".into(), false), (2, "wrong".into(), false)]
        );

        // The same file already recorded for the target: only removed from the source.
        s.desk_record(&sub(a, "b1", true)).unwrap();
        assert_eq!(s.desk_reassign(a, 3, b).unwrap(), 1);
        assert_eq!(rounds(&s, a).len(), 2);
        assert_eq!(rounds(&s, b).len(), 2);

        // Unknown target or round: an error, nothing changed.
        assert!(s.desk_reassign(a, 1, 999).is_err());
        assert!(s.desk_reassign(a, 7, b).is_err());
        assert_eq!(rounds(&s, a).len(), 2);
        // Reassigning to the same unit is confirming.
        s.desk_record(&sub(a, "a4", true)).unwrap();
        assert_eq!(s.desk_reassign(a, 3, a).unwrap(), 3);
        assert!(!rounds(&s, a)[2].2);
    }
}
