//! 规则表：每条规则的编号、严重程度、标题与说明都在这里，是唯一来源。
//!
//! 规则模块引用这里的静态条目（如 [`REQUIRED_FIELD`]）产出问题，严重程度因此不会写散；
//! `docs/rules.md` 逐条说明，测试保证它列出了 [`RULES`] 里的每个编号。
//!
//! 编号形如 `R101-required-field`：`R` + 三位数字 + 英文短名。百位表示规则组：
//! 1 必填与勾选，2 公开依据，3 公开时限，4 公开渠道和载体，5 事项名称，
//! 6 覆盖与不予公开，7 文字规整。编号一经发布不再改变；删除的规则编号不再复用。

use mulu_core::model::Severity;
use schemars::JsonSchema;
use serde::Serialize;
use ts_rs::TS;

/// 一条规则的说明（命令行 `mulu check --rules`、界面的规则列表与文档用）。
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, TS)]
pub struct RuleInfo {
    /// 稳定编号，例如 `R101-required-field`。
    pub id: &'static str,
    pub severity: Severity,
    /// 一句话标题。
    pub title: &'static str,
    /// 检查什么、为什么。
    pub description: &'static str,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $sev:ident, $title:literal, $desc:literal;)+) => {
        $(
            #[doc = concat!("`", $id, "`：", $title)]
            pub static $name: RuleInfo = RuleInfo {
                id: $id,
                severity: Severity::$sev,
                title: $title,
                description: $desc,
            };
        )+
        /// 全部规则，按编号排列。
        pub static RULES: &[&RuleInfo] = &[$(&$name),+];
    };
}

rules! {
    REQUIRED_FIELD = "R101-required-field", Error,
        "必填要素为空",
        "事项名称、公开内容、公开依据、公开时限、公开主体、公开渠道和载体是标准目录必须写明的要素（国办发〔2019〕54号）。";
    AUDIENCE_MARKS = "R102-audience-marks", Error,
        "公开对象没有勾选或两项都勾",
        "公开对象应在“全社会”“特定群体”中恰好勾选一项。";
    MODE_MARKS = "R103-mode-marks", Error,
        "公开方式没有勾选或两项都勾",
        "公开方式应在“主动”“依申请”中恰好勾选一项。";
    LEVEL_MISSING = "R104-level-missing", Warning,
        "事项没有标公开层级",
        "同一张表里其他事项标了公开层级，这一项却没有标。";
    LEVEL_COLUMNS_ABSENT = "R105-level-columns-absent", Info,
        "整张表没有公开层级",
        "一张表（或整份目录）里没有一个事项标了公开层级，多半是表格没有层级列（县级部门的目录常见）；每张表只提示一次。";
    LEVEL_UNIT_CATALOG = "R106-level-unit-catalog", Warning,
        "公开层级与单位不符（整张表）",
        "乡镇、街道的目录里事项都只标了县级，或县级部门的目录里事项都只标了乡级：多半套用了别的层级的模板。";
    LEVEL_UNIT_ITEM = "R107-level-unit-item", Info,
        "公开层级与单位不符（个别事项）",
        "乡镇、街道目录中的个别事项只标了县级，或县级部门目录中的个别事项只标了乡级。";
    BASIS_REPEALED = "R201-basis-repealed", Error,
        "公开依据引用了已废止的文件",
        "公开依据引用的文件已被废止或取代（见 schemas/rules/repealed.json），应改为现行文本。";
    BASIS_SUPERSEDED = "R202-basis-superseded", Info,
        "公开依据引用了修订前的文本",
        "公开依据引用的是已经修订的行政法规的原始文号（见 schemas/rules/repealed.json），建议改引修订后的文号。";
    BASIS_TITLE_UNQUOTED = "R203-basis-title-unquoted", Warning,
        "文件名称没有书名号",
        "公开依据里的法律、法规、规章和文件名称应加书名号《》。";
    BASIS_DOCNUM_MALFORMED = "R204-basis-docnum-malformed", Warning,
        "文号残缺",
        "发文字号的年份应为四位数字并用六角括号〔〕括起，例如 国办发〔2019〕54号；令号写作 国务院令第711号。残缺的文号多来自 PDF 提取。";
    BASIS_DOCNUM_BRACKETS = "R205-basis-docnum-brackets", Info,
        "文号年份括号不规范",
        "发文字号的年份用六角括号〔〕，不用方括号 [] 、圆括号（）或【】。";
    TIME_LIMIT_UNRECOGNISED = "R301-time-limit-unrecognised", Warning,
        "公开时限无法识别",
        "公开时限应写明期限，例如“信息形成或者变更之日起20个工作日内”“实时”“办理完成后5个工作日内”“按……规定的时限”。";
    TIME_LIMIT_TOO_LONG = "R302-time-limit-too-long", Warning,
        "主动公开时限超过20个工作日",
        "条例第二十六条：主动公开的信息应自形成或者变更之日起20个工作日内公开，法律、法规另有规定的从其规定。";
    NO_PUBLIC_CARRIER = "R401-no-public-carrier", Warning,
        "面向全社会主动公开却没有公开载体",
        "主动公开、面向全社会的事项应至少通过一个面向社会的载体公开（政府网站、政府公报、公示栏等），不能只入户或精准推送。";
    CARRIER_MISSPELT = "R402-carrier-misspelt", Warning,
        "载体名称疑似写错",
        "其他载体的名称与某个标准载体只差一两个字，多半是错别字；改用标准名称后导出时才能勾在标准载体上。";
    DUPLICATE_ITEM = "R501-duplicate-item", Warning,
        "事项重复",
        "同一领域里一级事项、二级事项（去掉空白后）完全相同的事项出现了不止一次。";
    NAME_NEAR_GUIDELINE = "R502-name-near-guideline", Info,
        "事项名称与指引相近但不同",
        "事项名称与本领域标准指引中的某个事项只差一两个字，可能是错别字；若是有意改写可忽略。";
    GUIDELINE_ITEM_MISSING = "R601-guideline-item-missing", Warning,
        "缺少指引事项",
        "目录所涉领域的标准指引中的事项，目录里没有（既没有采用自它的事项，也没有同名事项），也没有标为本单位不涉及。";
    NOT_APPLICABLE_NO_REASON = "R602-not-applicable-no-reason", Warning,
        "标为不涉及但没有理由",
        "指引事项标为本单位不涉及时应写明理由，否则覆盖率检查不予认可。";
    WITHHELD_NO_GROUND = "R603-withheld-no-ground", Error,
        "不予公开事项没有法定理由",
        "负面清单中的每个不予公开事项都应写明依据条例第十四、十五或十六条的哪一条。";
    STRAY_SPACES = "R701-stray-spaces", Info,
        "多余的空格",
        "文字首尾有空格、中间有连续空格或全角空格、不间断空格。";
    FULLWIDTH_DIGITS = "R702-fullwidth-digits", Info,
        "全角数字",
        "数字里夹着全角数字（如“２0个工作日”），应统一为半角数字。";
    GLYPH_DAMAGE = "R703-glyph-damage", Warning,
        "勾选符号乱码残留",
        "Wingdings 字体的勾选框被显示成字母（t、R、þ、¨、£）或“口”字，残留在文字里。";
    DITTO_UNRESOLVED = "R704-ditto-unresolved", Error,
        "“同上”没有还原",
        "单元格里写着“同上”，应换成上一行同一列的内容。";
}

/// 按编号找规则。
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().copied().find(|r| r.id == id)
}
