//! 随程序内置的 26 个试点领域指引（`schemas/guidelines/` 下的文件，编译时嵌入）。

use super::{validate_domain, GuidelineDomain, GuidelineError};

/// 内置指引文件：文件名与内容。新增文件时在此登记（测试会核对目录与此表一致）。
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "01-重大建设项目.json",
        include_str!("../../../../../schemas/guidelines/01-重大建设项目.json"),
    ),
    (
        "02-公共资源交易.json",
        include_str!("../../../../../schemas/guidelines/02-公共资源交易.json"),
    ),
    (
        "03-义务教育.json",
        include_str!("../../../../../schemas/guidelines/03-义务教育.json"),
    ),
    (
        "04-户籍管理.json",
        include_str!("../../../../../schemas/guidelines/04-户籍管理.json"),
    ),
    (
        "05-社会救助.json",
        include_str!("../../../../../schemas/guidelines/05-社会救助.json"),
    ),
    (
        "06-养老服务.json",
        include_str!("../../../../../schemas/guidelines/06-养老服务.json"),
    ),
    (
        "07-公共法律服务.json",
        include_str!("../../../../../schemas/guidelines/07-公共法律服务.json"),
    ),
    (
        "08-财政预决算.json",
        include_str!("../../../../../schemas/guidelines/08-财政预决算.json"),
    ),
    (
        "09-就业.json",
        include_str!("../../../../../schemas/guidelines/09-就业.json"),
    ),
    (
        "10-社会保险.json",
        include_str!("../../../../../schemas/guidelines/10-社会保险.json"),
    ),
    (
        "11-城乡规划.json",
        include_str!("../../../../../schemas/guidelines/11-城乡规划.json"),
    ),
    (
        "12-征地补偿.json",
        include_str!("../../../../../schemas/guidelines/12-征地补偿.json"),
    ),
    (
        "13-生态环境.json",
        include_str!("../../../../../schemas/guidelines/13-生态环境.json"),
    ),
    (
        "14-保障性住房.json",
        include_str!("../../../../../schemas/guidelines/14-保障性住房.json"),
    ),
    (
        "15-国有土地上房屋征收与补偿.json",
        include_str!("../../../../../schemas/guidelines/15-国有土地上房屋征收与补偿.json"),
    ),
    (
        "16-农村危房改造.json",
        include_str!("../../../../../schemas/guidelines/16-农村危房改造.json"),
    ),
    (
        "17-市政服务.json",
        include_str!("../../../../../schemas/guidelines/17-市政服务.json"),
    ),
    (
        "18-城市综合执法.json",
        include_str!("../../../../../schemas/guidelines/18-城市综合执法.json"),
    ),
    (
        "19-涉农补贴.json",
        include_str!("../../../../../schemas/guidelines/19-涉农补贴.json"),
    ),
    (
        "20-扶贫.json",
        include_str!("../../../../../schemas/guidelines/20-扶贫.json"),
    ),
    (
        "21-公共文化服务.json",
        include_str!("../../../../../schemas/guidelines/21-公共文化服务.json"),
    ),
    (
        "22-安全生产.json",
        include_str!("../../../../../schemas/guidelines/22-安全生产.json"),
    ),
    (
        "23-救灾.json",
        include_str!("../../../../../schemas/guidelines/23-救灾.json"),
    ),
    (
        "24-卫生健康.json",
        include_str!("../../../../../schemas/guidelines/24-卫生健康.json"),
    ),
    (
        "25-食品药品监管.json",
        include_str!("../../../../../schemas/guidelines/25-食品药品监管.json"),
    ),
    (
        "26-税收管理.json",
        include_str!("../../../../../schemas/guidelines/26-税收管理.json"),
    ),
];

/// 解析并校验全部内置领域，按领域序号排列。
pub fn builtin_domains() -> Result<Vec<GuidelineDomain>, GuidelineError> {
    let mut out = Vec::with_capacity(BUILTIN_FILES.len());
    for (file, text) in BUILTIN_FILES {
        let d: GuidelineDomain =
            serde_json::from_str(text).map_err(|source| GuidelineError::Parse {
                file: (*file).to_string(),
                source,
            })?;
        validate_domain(file, &d)?;
        out.push(d);
    }
    out.sort_by_key(|d| d.number);
    Ok(out)
}
