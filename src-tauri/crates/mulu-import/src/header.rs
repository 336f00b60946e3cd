//! 找表头、认栏目：表头可在任一行开始，一行或两行；栏名有各地的同义写法、截断与繁体。

use crate::grid::Grid;
use crate::normalize::{key, key_into};

/// 一栏的含义。
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Seq,
    /// 一级事项；表格只有一栏“公开事项”时也用它。
    L1,
    L2,
    Content,
    Basis,
    TimeLimit,
    Subject,
    Channels,
    AudiencePublic,
    AudienceGroup,
    /// 只有一栏“公开对象”，格里写“全社会”或“特定群体”。
    AudienceText,
    Proactive,
    OnRequest,
    ModeText,
    County,
    Township,
    LevelText,
    Notes,
    /// 其他栏（责任科室、事项编码……）：内容并入备注，栏名照录。
    Extra(String),
}

/// 认出的表头。
#[derive(Debug, Clone)]
pub struct Header {
    /// 表头第一行（从 0 起）。
    pub first_row: u32,
    /// 表头占几行（1 或 2）。
    pub rows: u32,
    /// 每栏：(列, 含义, 栏名原文)。
    pub columns: Vec<(u32, Role, String)>,
}

impl Header {
    pub fn col(&self, role: &Role) -> Option<u32> {
        self.columns
            .iter()
            .find(|(_, r, _)| r == role)
            .map(|(c, _, _)| *c)
    }

    pub fn has(&self, role: &Role) -> bool {
        self.col(role).is_some()
    }

    pub fn data_start(&self) -> u32 {
        self.first_row + self.rows
    }
}

/// 单独一栏（不分子栏）的栏名。
fn single_role(k: &str) -> Option<Role> {
    let r = match k {
        "序号" | "序" | "编号" | "No." | "NO." => Role::Seq,
        "一级事项" | "一级目录" | "一级指标" | "一级" | "事项类别" => Role::L1,
        "二级事项" | "二级目录" | "二级指标" | "二级" | "事项名称" | "具体事项" => {
            Role::L2
        }
        "公开事项" | "公开事项名称" => Role::L1,
        "公开依据" | "依据" | "政策依据" => Role::Basis,
        "公开时限" | "时限" => Role::TimeLimit,
        "公开主体" | "公开责任单位" | "责任主体" | "公开单位" | "责任单位" => {
            Role::Subject
        }
        "全社会" => Role::AudiencePublic,
        "特定群体" | "特定群众" | "特定对象" => Role::AudienceGroup,
        "主动" | "主动公开" => Role::Proactive,
        "依申请" | "依申请公开" | "申请公开" => Role::OnRequest,
        "备注" | "说明" => Role::Notes,
        _ => {
            if k.starts_with("公开内容") || k == "内容" || k.starts_with("公开要素") {
                Role::Content
            } else if is_channels(k) {
                Role::Channels
            } else if is_group(k, "公开对象") {
                Role::AudienceText
            } else if is_group(k, "公开方式") {
                Role::ModeText
            } else if is_group(k, "公开层级") || is_group(k, "公开层次") {
                Role::LevelText
            } else {
                return None;
            }
        }
    };
    Some(r)
}

fn is_channels(k: &str) -> bool {
    k.starts_with("公开渠道") || k.starts_with("公开载体") || k.starts_with("渠道和载体")
}

/// 分组栏名，允许截断（“公开对”“公开层”）。
fn is_group(k: &str, full: &str) -> bool {
    k == full || (k.chars().count() >= 3 && full.starts_with(k))
}

/// 分组下的子栏。
fn sub_role(group: &str, sub: &str) -> Option<Role> {
    if is_group(group, "公开对象") {
        return Some(match sub {
            s if s.contains("全社会") || s == "社会" || s == "公众" => Role::AudiencePublic,
            s if s.contains("特定") => Role::AudienceGroup,
            _ => return None,
        });
    }
    if is_group(group, "公开方式") {
        return Some(match sub {
            s if s.starts_with("主动") => Role::Proactive,
            s if s.contains("申请") => Role::OnRequest,
            _ => return None,
        });
    }
    if is_group(group, "公开层级") || is_group(group, "公开层次") {
        return level_role(sub);
    }
    if group == "公开事项" || group == "事项" || group == "公开事项名称" {
        return single_role(sub).filter(|r| matches!(r, Role::L1 | Role::L2 | Role::Seq));
    }
    None
}

/// 层级子栏：县级/区级 → 县级；乡级、镇级、乡镇级、街道、乡、村级、镇(街)级 → 乡级。
fn level_role(sub: &str) -> Option<Role> {
    if sub.contains('县') || sub.contains("区级") {
        Some(Role::County)
    } else if sub.contains('乡') || sub.contains('镇') || sub.contains('街') || sub.contains('村')
    {
        Some(Role::Township)
    } else {
        None
    }
}

/// 单行表头里的“公开对象-全社会”写法。
fn split_combined(k: &str) -> Option<(&str, &str)> {
    k.split_once(['-', '－', '—', '_', '/', '·'])
        .filter(|(g, s)| !g.is_empty() && !s.is_empty())
}

/// 判断一栏的含义：两行表头时 `top` 是上行（分组），`sub` 是下行。
fn role_of(top: &str, sub: Option<&str>) -> Option<Role> {
    role_of_key(&key(top), sub)
}

/// [`role_of`]，上行已求好键（判断表头时每格只求一次键）。
fn role_of_key(top_k: &str, sub: Option<&str>) -> Option<Role> {
    if let Some(sub) = sub {
        let sub_k = key(sub);
        if !sub_k.is_empty() && sub_k != top_k {
            if let Some(r) = sub_role(top_k, &sub_k) {
                return Some(r);
            }
            // 下行是完整栏名（上行是与它无关的合并格），按下行认。
            if let Some(r) = single_role(&sub_k) {
                if !matches!(r, Role::AudienceText | Role::ModeText | Role::LevelText) {
                    return Some(r);
                }
            }
            // 截断的层级子栏（“、村级”）或单写的“县级”“乡级”。
            if is_group(top_k, "公开层级") || is_group(top_k, "公开层次") {
                return level_role(&sub_k);
            }
        }
    }
    if let Some((g, s)) = split_combined(top_k) {
        if let Some(r) = sub_role(g, s) {
            return Some(r);
        }
    }
    if let Some(r) = single_role(top_k) {
        return Some(r);
    }
    // 单行表头里直接写层级：“县级”“区级”“乡级”“镇级”“乡（镇）级”“镇街级”“乡、村级”“村级”“街道”。
    let short_level = top_k.chars().count() <= 6 && top_k.ends_with('级');
    if short_level || matches!(top_k, "街道" | "镇街" | "乡镇" | "镇（街）" | "乡（镇）")
    {
        return level_role(top_k);
    }
    None
}

/// “核心”栏：一行里认出至少三个，才当它是表头。
fn is_core(r: &Role) -> bool {
    matches!(
        r,
        Role::L1
            | Role::L2
            | Role::Content
            | Role::Basis
            | Role::TimeLimit
            | Role::Subject
            | Role::Channels
            | Role::AudienceText
            | Role::ModeText
            | Role::LevelText
    )
}

/// 栏名最长的字节数（约 40 个汉字，例如“公开渠道和载体（在所选项下打“■”，未选打“□”）”）。
const MAX_LABEL_BYTES: usize = 120;
/// 核心栏名最短的字节数：两个汉字。
const MIN_CORE_LABEL_BYTES: usize = 6;

/// 第 `r` 行是否像表头：至少三栏核心栏名。
fn core_count(grid: &Grid, r: u32) -> usize {
    let mut seen: Vec<Role> = Vec::new();
    let mut k = String::new();
    for t in grid.texts(r) {
        // 栏名都很短；长的单元格是数据（每个数据行都要判断一次是否又是表头，省下求键的时间）。
        // 最短的核心栏名是两个汉字（“依据”“时限”），更短的格（√、序号）也不必看。
        if t.len() > MAX_LABEL_BYTES || t.len() < MIN_CORE_LABEL_BYTES || !has_core_char(t) {
            continue;
        }
        key_into(t, &mut k);
        let k = k.as_str();
        if let Some(role) = role_of_key(k, None) {
            if is_core(&role) && !seen.contains(&role) {
                seen.push(role);
            }
        }
        // 分组名（公开对象/公开方式/公开层级/公开事项）也算。
        for g in ["公开对象", "公开方式", "公开层级", "公开事项"] {
            if is_group(k, g) {
                let role = Role::Extra(g.to_string());
                if !seen.contains(&role) {
                    seen.push(role);
                }
            }
        }
    }
    seen.len()
}

/// 每个核心栏名（及分组名“公开……”）都含下面的某个字（简体或繁体）：不含的格不必求键。
/// 数据格（事项名、时限、主体……）多半一个都不含。
fn has_core_char(t: &str) -> bool {
    t.chars().any(|c| {
        matches!(
            c,
            '级' | '級'
                | '事'
                | '依'
                | '限'
                | '主'
                | '单'
                | '單'
                | '内'
                | '內'
                | '要'
                | '渠'
                | '载'
                | '載'
                | '公'
        )
    })
}

/// 从 `from` 行起往下找表头，找不到返回 `None`。
pub fn find(grid: &Grid, from: u32) -> Option<Header> {
    (from..grid.height()).find_map(|r| at(grid, r))
}

/// 第 `r` 行本身是否是表头（读数据时逐行判断新表格的开始：只看这一行，不往下找）。
pub fn at(grid: &Grid, r: u32) -> Option<Header> {
    (core_count(grid, r) >= 3).then(|| read(grid, r))
}

/// 下一行是否是第二行表头：有子栏名（全社会、主动、县级、一级事项……），且不像数据。
fn second_row_is_header(grid: &Grid, r: u32) -> bool {
    let next = r + 1;
    if next >= grid.height() {
        return false;
    }
    let mut subs = 0;
    for c in 0..grid.width() {
        let top = key(grid.get(r, c));
        let sub = key(grid.get(next, c));
        if sub.is_empty() || sub == top {
            continue;
        }
        if sub_role(&top, &sub).is_some() {
            subs += 1;
        }
    }
    subs >= 1
}

fn read(grid: &Grid, r: u32) -> Header {
    let two = second_row_is_header(grid, r);
    let mut columns = Vec::new();
    for c in 0..grid.width() {
        let top = grid.get(r, c);
        let sub = if two { Some(grid.get(r + 1, c)) } else { None };
        let raw = match sub {
            Some(s) if !s.trim().is_empty() && key(s) != key(top) => {
                format!("{}-{}", top.trim(), s.trim())
            }
            _ => top.trim().to_string(),
        };
        if raw.is_empty() {
            continue;
        }
        let role = role_of(top, sub).unwrap_or_else(|| Role::Extra(key(&raw)));
        // 同一含义只认第一栏（重复的栏当其他栏保留）。
        let role = if !matches!(role, Role::Extra(_)) && columns.iter().any(|(_, x, _)| *x == role)
        {
            Role::Extra(key(&raw))
        } else {
            role
        };
        columns.push((c, role, raw));
    }
    Header {
        first_row: r,
        rows: if two { 2 } else { 1 },
        columns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_from_synonyms_and_truncations() {
        assert_eq!(
            role_of("公开对象", Some("特定群众")),
            Some(Role::AudienceGroup)
        );
        assert_eq!(
            role_of("公开方式", Some("依申请公开")),
            Some(Role::OnRequest)
        );
        assert_eq!(role_of("公开层级", Some("镇级")), Some(Role::Township));
        assert_eq!(role_of("公开层", Some("、村级")), Some(Role::Township));
        assert_eq!(
            role_of("公开对", Some("全社会")),
            Some(Role::AudiencePublic)
        );
        assert_eq!(role_of("公开渠道及载体", None), Some(Role::Channels));
        assert_eq!(role_of("公開內容\n（要素）", None), Some(Role::Content));
        assert_eq!(role_of("公开对象-全社会", None), Some(Role::AudiencePublic));
        assert_eq!(role_of("公开方式—申请公开", None), Some(Role::OnRequest));
        assert_eq!(role_of("公开责任单位", None), Some(Role::Subject));
        assert_eq!(role_of("公开事项", Some("二级事项")), Some(Role::L2));
        assert_eq!(role_of("一级目录", None), Some(Role::L1));
        assert_eq!(role_of("责任科室", None), None);
    }

    #[test]
    fn header_words_split_by_pdf_conversion() {
        // PDF 转换件的栏名里夹着空格：比较时去掉全部空白。
        assert_eq!(role_of("公开 时限", None), Some(Role::TimeLimit));
        assert_eq!(role_of("公开 依据", None), Some(Role::Basis));
        assert_eq!(
            role_of("公开对象", Some("全社 会")),
            Some(Role::AudiencePublic)
        );
        assert_eq!(role_of("公开方式", Some("依申 请")), Some(Role::OnRequest));
        assert_eq!(role_of("公开层 级", Some("县 级")), Some(Role::County));
    }

    #[test]
    fn level_headers_map_to_county_or_township() {
        // 县级、区级 → 县级；乡以下的各种写法（含“村级”）→ 乡级。两行表头与单独一栏都认。
        for (sub, want) in [
            ("县级", Role::County),
            ("区级", Role::County),
            ("乡级", Role::Township),
            ("镇级", Role::Township),
            ("乡、村级", Role::Township),
            ("乡(镇)级", Role::Township),
            ("乡（镇）级", Role::Township),
            ("街道", Role::Township),
            ("村级", Role::Township),
            ("镇街级", Role::Township),
            ("镇(街)级", Role::Township),
        ] {
            assert_eq!(role_of("公开层级", Some(sub)), Some(want.clone()), "{sub}");
            assert_eq!(role_of(sub, None), Some(want.clone()), "单独的 {sub}");
            assert_eq!(
                role_of(&format!("公开层级-{sub}"), None),
                Some(want),
                "公开层级-{sub}"
            );
        }
        assert_eq!(role_of("市级", None), None);
        assert_eq!(role_of("一级", None), Some(Role::L1));
    }

    #[test]
    fn a_village_column_beside_a_township_column_is_kept_as_an_extra_column() {
        // 县级/乡级/村级三栏：只有一个“乡级”，后出现的“村级”并入备注（并给提示），不覆盖乡级。
        let mut cells = crate::grid::Cells::default();
        let header = [
            ("序号", ""),
            ("公开事项", "一级事项"),
            ("公开事项", "二级事项"),
            ("公开内容（要素）", ""),
            ("公开依据", ""),
            ("公开层级", "县级"),
            ("公开层级", "乡级"),
            ("公开层级", "村级"),
        ];
        for (c, (top, sub)) in header.iter().enumerate() {
            cells.put(0, c as u32, top.to_string());
            cells.put(1, c as u32, sub.to_string());
        }
        let grid = crate::grid::Grid::from_cells("表", cells, &[], 0, &mut 0).unwrap();
        let h = at(&grid, 0).expect("表头");
        assert_eq!(h.col(&Role::Township), Some(6));
        assert!(matches!(h.columns[7].1, Role::Extra(_)));
    }

    #[test]
    fn every_core_label_passes_the_prefilter() {
        // 核心栏名的各种写法（含截断、繁体、组合写法）都必须通过预筛，否则表头会被漏认。
        for label in [
            "一级事项",
            "一级目录",
            "一级指标",
            "一级",
            "事项类别",
            "公开事项",
            "公开事项名称",
            "二级事项",
            "二级目录",
            "二级指标",
            "二级",
            "事项名称",
            "具体事项",
            "公开依据",
            "依据",
            "政策依据",
            "公开时限",
            "时限",
            "公开主体",
            "公开责任单位",
            "责任主体",
            "公开单位",
            "责任单位",
            "公开内容（要素）",
            "内容",
            "公开要素",
            "公开渠道和载体",
            "公开载体",
            "渠道和载体",
            "公开对象",
            "公开对",
            "公开方式",
            "公开层级",
            "公开层次",
            "公開內容\n（要素）",
            "一級事項",
            "公開依據",
            "公開時限",
            "公開主體",
            "公開渠道",
        ] {
            let k = key(label);
            let core = role_of_key(&k, None).is_some_and(|r| is_core(&r))
                || ["公开对象", "公开方式", "公开层级", "公开事项"]
                    .iter()
                    .any(|g| is_group(&k, g));
            assert!(core, "{label} 应是核心栏名");
            assert!(has_core_char(label), "{label} 被预筛漏掉");
            assert!(
                label.len() >= MIN_CORE_LABEL_BYTES,
                "{label} 比最短栏名还短"
            );
        }
    }
}
