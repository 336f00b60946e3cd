// 由 mulu-core 的 Rust 类型生成（ts-rs），请勿手改：运行 `make generate`。

export type Audience = "全社会" | "特定群体";

export type Mode = "主动" | "依申请";

export type Level = "县级" | "乡级";

export type StandardCarrier = "政府网站" | "政府公报" | "两微一端" | "发布会/听证会" | "广播电视" | "纸质媒体" | "公开查阅点" | "政务服务中心" | "便民服务站" | "入户/现场" | "社区/企事业单位/村公示栏（电子屏）" | "精准推送" | "其他";

export type Channels = { 
/**
 * 选中的标准载体（按官方顺序，去重）。
 */
standard: Array<StandardCarrier>, 
/**
 * 其他载体的名称，例如“投资项目在线审批监管平台”“办税服务厅”。
 */
extra: Array<string>, };

export type UnitKind = "县级部门" | "乡镇" | "街道";

export type Unit = { id: number, 
/**
 * 单位全称，例如“某某县某某镇人民政府”。
 */
name: string, kind: UnitKind, 
/**
 * 所在地区路径：省、市、县、乡（可只填前几级）。
 */
region: Array<string>, };

export type NewUnit = { name: string, kind: UnitKind, region: Array<string>, };

export type ListedUnit = { name: string, kind: UnitKind | null, };

export type DeskUnit = { id: number, name: string, kind: UnitKind | null, };

export type Verdict = "采纳" | "不采纳";

export type Decision = { unit_id: number, 
/**
 * 规则编号。
 */
rule: string, 
/**
 * 问题的位置（`社会救助!F12`、`社会救助 第12行`、事项或领域）。
 */
place: string, verdict: Verdict, 
/**
 * 不采纳的理由（采纳时可空）。
 */
reason: string, 
/**
 * 审核人（操作系统的用户名）。
 */
reviewer: string, 
/**
 * 决定的时间（UTC，`2026-12-02T01:30:00Z`）。
 */
decided_at: string, 
/**
 * 在第几轮作出的决定。
 */
round: number, };

export type CatalogStatus = "草稿" | "已提交" | "已审核";

export type Catalog = { id: number, unit_id: number, year: number, 
/**
 * 标题，例如“某某镇2026年政务公开事项标准目录”。
 */
title: string, status: CatalogStatus, 
/**
 * 目录涵盖的领域（按添加顺序）。
 */
domains: Array<string>, 
/**
 * 创建与最后修改时间（UTC，RFC 3339）。
 */
created_at: string, updated_at: string, };

export type CatalogSummary = { unit_name: string, item_count: number, id: number, unit_id: number, year: number, 
/**
 * 标题，例如“某某镇2026年政务公开事项标准目录”。
 */
title: string, status: CatalogStatus, 
/**
 * 目录涵盖的领域（按添加顺序）。
 */
domains: Array<string>, 
/**
 * 创建与最后修改时间（UTC，RFC 3339）。
 */
created_at: string, updated_at: string, };

export type NewCatalog = { unit_id: number, year: number, 
/**
 * 为空时按单位名称与年度生成。
 */
title: string | null, };

export type CatalogExport = { 
/**
 * 本文件格式的版本。
 */
format_version: number, unit: Unit, catalog: Catalog, items: Array<Item>, withheld: Array<Withheld>, not_applicable: Array<NotApplicable>, };

export type Provenance = { "kind": "标准指引", 
/**
 * 指引事项的稳定编号，例如 `05.003`。
 */
guideline_item_id: string, 
/**
 * 采用时指引库的数据版本。
 */
data_version: string, 
/**
 * 采用后是否在本地改动过。
 */
modified: boolean, } | { "kind": "本级特色事项" };

export type ItemFields = { 
/**
 * 所属领域名称，例如“社会救助”。
 */
domain: string, 
/**
 * 一级事项。
 */
l1: string, 
/**
 * 二级事项（可为空）。
 */
l2: string, 
/**
 * 公开内容（要素），原文。
 */
content: string, 
/**
 * 公开内容拆成的要素列表。
 */
elements: Array<string>, 
/**
 * 公开依据，一条一项。
 */
basis: Array<string>, 
/**
 * 公开时限。
 */
time_limit: string, 
/**
 * 公开主体。
 */
subject: string, 
/**
 * 公开渠道和载体。
 */
channels: Channels, 
/**
 * 公开对象（通常恰好一项；导入的文件可能两项都勾或都没勾，审核规则会指出）。
 */
audience: Array<Audience>, 
/**
 * 特定群体的说明，例如“申请人”“项目单位”。
 */
audience_group: string | null, 
/**
 * 公开方式（通常恰好一项）。
 */
mode: Array<Mode>, 
/**
 * 公开层级。
 */
level: Array<Level>, 
/**
 * 备注。
 */
notes: string, };

export type Item = { id: number, catalog_id: number, 
/**
 * 在所属领域内的顺序（从 0 起）。
 */
position: number, provenance: Provenance, 
/**
 * 所属领域名称，例如“社会救助”。
 */
domain: string, 
/**
 * 一级事项。
 */
l1: string, 
/**
 * 二级事项（可为空）。
 */
l2: string, 
/**
 * 公开内容（要素），原文。
 */
content: string, 
/**
 * 公开内容拆成的要素列表。
 */
elements: Array<string>, 
/**
 * 公开依据，一条一项。
 */
basis: Array<string>, 
/**
 * 公开时限。
 */
time_limit: string, 
/**
 * 公开主体。
 */
subject: string, 
/**
 * 公开渠道和载体。
 */
channels: Channels, 
/**
 * 公开对象（通常恰好一项；导入的文件可能两项都勾或都没勾，审核规则会指出）。
 */
audience: Array<Audience>, 
/**
 * 特定群体的说明，例如“申请人”“项目单位”。
 */
audience_group: string | null, 
/**
 * 公开方式（通常恰好一项）。
 */
mode: Array<Mode>, 
/**
 * 公开层级。
 */
level: Array<Level>, 
/**
 * 备注。
 */
notes: string, };

export type WithholdGround = "条例第十四条" | "条例第十五条" | "条例第十六条";

export type Withheld = { id: number, catalog_id: number, 
/**
 * 所属领域；空表示不分领域。
 */
domain: string | null, 
/**
 * 事项名称。
 */
name: string, 
/**
 * 法定理由；为空时审核规则会提示补上。
 */
ground: WithholdGround | null, 
/**
 * 理由说明（引用的具体规定等）。
 */
detail: string, };

export type NotApplicable = { catalog_id: number, guideline_item_id: string, reason: string, };

export type DataStatus = "完整" | "部分";

export type CarrierRequirement = "必选" | "可选" | "未注明";

export type GuidelineCarrier = { 
/**
 * 载体名称：标准载体用标准名称，其余照录。
 */
name: string, requirement: CarrierRequirement, };

export type GuidelineItem = { 
/**
 * 稳定编号：两位领域序号、点、三位事项序号，例如 `05.003`。发布后不再改变。
 */
id: string, 
/**
 * 一级事项；来源中未见时为空。
 */
l1: string, l2: string, 
/**
 * 公开内容（要素）；空表示来源中未见。
 */
elements: Array<string>, basis: Array<string>, time_limit: string | null, subject: string | null, carriers: Array<GuidelineCarrier>, audience: Array<Audience>, audience_group: string | null, mode: Array<Mode>, level: Array<Level>, 
/**
 * 这一行取自哪里（网址或文件）。
 */
source: string, 
/**
 * 对这一行的说明：地方改动、推断的勾选、存疑之处。
 */
note: string | null, 
/**
 * 来源截断了的字段：值只含副本里看得到的部分（界面标“来源不完整”）。
 */
truncated?: Array<Field>, };

export type GuidelineDomain = { 
/**
 * 领域名称，与目录标题中的写法一致，例如“社会救助”。
 */
name: string, 
/**
 * 领域序号（26 个试点领域为 1–26，用户添加的领域从 27 起）。
 */
number: number, 
/**
 * 也称（别名），例如“公共资源配置”。
 */
aliases: Array<string>, 
/**
 * 印发部门；未经来源证实时带“（未核实）”。
 */
ministry: string | null, guideline_title: string | null, 
/**
 * 印发时间与文号。
 */
issued: string | null, 
/**
 * 本数据的版本，例如 `2026.11-1`。
 */
data_version: string, status: DataStatus, 
/**
 * 数据可信度：high / medium / low。
 */
confidence: string | null, sources: Array<string>, notes: string, 
/**
 * 官方全表的规模（来源写明时），让“部分”成为一个数字。
 */
national?: NationalSize | null, 
/**
 * 这一版本来自哪个指引库：内置为空；导入的工作簿或县里分发的指引包写其名称与版本。
 */
library?: string | null, items: Array<GuidelineItem>, };

export type NationalSize = { l1: number | null, l2: number | null, 
/**
 * 出处：来源中写明数量的原文摘录与网址。
 */
source: string, };

export type GuidelineDomainSummary = { name: string, number: number, ministry: string | null, data_version: string, status: DataStatus, item_count: number, l1_count: number, 
/**
 * 官方全表的一级、二级事项数（来源写明时）。
 */
national_l1: number | null, national_l2: number | null, 
/**
 * 有字段被来源截断的事项数。
 */
truncated_items: number, 
/**
 * 当前版本来自哪个指引库（内置为空）。
 */
library: string | null, 
/**
 * 是否随程序内置（否则为用户添加的领域）。
 */
builtin: boolean, };

export type SearchHit = { item_id: number, };

export type Severity = "错误" | "警告" | "提示";

export type Field = "domain" | "l1" | "l2" | "content" | "basis" | "time_limit" | "subject" | "channels" | "audience" | "mode" | "level" | "notes";

export type DiagnosticCode = "unknown_domain" | "extra_column" | "missing_column" | "no_level_column" | "error_value" | "no_items" | "ditto_without_above" | "tidied" | "damaged_marks" | "unmarked_carriers" | "no_name" | "unknown_mark" | "unknown_audience" | "unknown_mode" | "unknown_level" | "no_table" | "word_layout" | "no_legend" | "formula_without_value" | "cell_too_long" | "other";

export type Diagnostic = { sheet: string, 
/**
 * 单元格引用，例如 `H12`；针对整张表时为空。
 */
cell: string | null, severity: Severity, 
/**
 * 提示的种类（稳定的代码）。
 */
code: DiagnosticCode, 
/**
 * 中文说明：哪里不对、该怎么办。
 */
message: string, 
/**
 * 单元格原文。
 */
raw: string | null, };

export type PreviewItem = { 
/**
 * 所在工作表与行号（从 1 起）。
 */
sheet: string, row: number, 
/**
 * 各字段所在的单元格，例如 `{"time_limit": "F12"}`（合并单元格取其左上角）。
 */
cells: { [key in Field]?: string }, 
/**
 * 由本程序导出的工作簿带回的编号与来源；其他文件为空，提交时按名称与指引匹配。
 */
id: number | null, provenance: Provenance | null, 
/**
 * 所属领域名称，例如“社会救助”。
 */
domain: string, 
/**
 * 一级事项。
 */
l1: string, 
/**
 * 二级事项（可为空）。
 */
l2: string, 
/**
 * 公开内容（要素），原文。
 */
content: string, 
/**
 * 公开内容拆成的要素列表。
 */
elements: Array<string>, 
/**
 * 公开依据，一条一项。
 */
basis: Array<string>, 
/**
 * 公开时限。
 */
time_limit: string, 
/**
 * 公开主体。
 */
subject: string, 
/**
 * 公开渠道和载体。
 */
channels: Channels, 
/**
 * 公开对象（通常恰好一项；导入的文件可能两项都勾或都没勾，审核规则会指出）。
 */
audience: Array<Audience>, 
/**
 * 特定群体的说明，例如“申请人”“项目单位”。
 */
audience_group: string | null, 
/**
 * 公开方式（通常恰好一项）。
 */
mode: Array<Mode>, 
/**
 * 公开层级。
 */
level: Array<Level>, 
/**
 * 备注。
 */
notes: string, };

export type PreviewSheet = { sheet: string, 
/**
 * 识别出的领域；为空时由用户选择。
 */
domain: string | null, items: Array<PreviewItem>, diagnostics: Array<Diagnostic>, };

export type ImportPreview = { 
/**
 * 文件路径（显示用）。
 */
file: string, sheets: Array<PreviewSheet>, 
/**
 * 本程序导出的工作簿里带回的单位、目录、不予公开事项与不涉及标记。
 */
origin: PreviewOrigin | null, 
/**
 * 标题行里领域名前面的单位名（`某某县某某镇社会救助领域…` → `某某县某某镇`）。
 */
unit_hint: string | null, };

export type PreviewOrigin = { unit: Unit, catalog: Catalog, withheld: Array<Withheld>, not_applicable: Array<NotApplicable>, };

export type ImportPlan = { 
/**
 * 合并到的目录；为空表示新建目录。
 */
catalog_id: number | null, added: Array<PlannedItem>, changed: Array<ChangedItem>, 
/**
 * 内容相同、不需改动的事项数。
 */
unchanged: number, 
/**
 * 因认不出领域而不导入的工作表。
 */
skipped_sheets: Array<string>, };

export type PlannedItem = { provenance: Provenance, 
/**
 * 保留的编号（导入本程序导出的文件到新目录时）。
 */
id: number | null, sheet: string, row: number, 
/**
 * 所属领域名称，例如“社会救助”。
 */
domain: string, 
/**
 * 一级事项。
 */
l1: string, 
/**
 * 二级事项（可为空）。
 */
l2: string, 
/**
 * 公开内容（要素），原文。
 */
content: string, 
/**
 * 公开内容拆成的要素列表。
 */
elements: Array<string>, 
/**
 * 公开依据，一条一项。
 */
basis: Array<string>, 
/**
 * 公开时限。
 */
time_limit: string, 
/**
 * 公开主体。
 */
subject: string, 
/**
 * 公开渠道和载体。
 */
channels: Channels, 
/**
 * 公开对象（通常恰好一项；导入的文件可能两项都勾或都没勾，审核规则会指出）。
 */
audience: Array<Audience>, 
/**
 * 特定群体的说明，例如“申请人”“项目单位”。
 */
audience_group: string | null, 
/**
 * 公开方式（通常恰好一项）。
 */
mode: Array<Mode>, 
/**
 * 公开层级。
 */
level: Array<Level>, 
/**
 * 备注。
 */
notes: string, };

export type ChangedItem = { id: number, before: ItemFields, after: ItemFields, fields: Array<Field>, sheet: string, row: number, };

export type BackupKind = "每日" | "升级前" | "导入前" | "恢复前" | "手动" | "损坏的数据库";

export type BackupInfo = { 
/**
 * 备份文件的完整路径。
 */
file: string, kind: BackupKind, 
/**
 * 备份时间（本地时间），例如 `2026-12-02 03:15:00`。
 */
created: string, 
/**
 * 文件大小（字节）。
 */
size: number, };

export type LoadAction = "新增" | "已有" | "改名";

export type DomainLoad = { name: string, number: number, 
/**
 * 存入的版本号（[`LoadAction::Renamed`] 时与 `requested_version` 不同）。
 */
data_version: string, 
/**
 * 指引包或文件里的版本号。
 */
requested_version: string, action: LoadAction, item_count: number, 
/**
 * 本机这个领域当前版本的事项数；本机还没有这个领域时为空。
 */
current_count: number | null, 
/**
 * 本机当前版本里没有的事项编号数。
 */
new_items: number, 
/**
 * 有字段被来源截断的事项数。
 */
truncated_items: number, };

export type LibraryLoad = { 
/**
 * 载入的各领域记下的来源（指引包为“名称 版本”，导入的工作簿为“导入：文件名”）。
 */
library: string | null, domains: Array<DomainLoad>, };

export type GuidelineImportPreview = { 
/**
 * 文件路径（显示用）。
 */
file: string, 
/**
 * 新版本的版本号（确认载入时沿用这一个）。
 */
version: string, domains: Array<DomainLoad>, diagnostics: Array<Diagnostic>, };

export type PackPreview = { name: string, version: string, 
/**
 * 生成时间（UTC）。
 */
created: string, plan: LibraryLoad, };

export type AdoptOutcome = { 
/**
 * 新增到目录的事项数（已采用过的不重复）。
 */
added: number, 
/**
 * 新增的事项里有字段被来源截断的（指引事项编号）：要核对官方指引后补全。
 */
truncated: Array<string>, };

export type PortalColumn = { id: number, catalog_id: number, 
/**
 * 栏目路径，各级用 `/` 连接。
 */
path: string, 
/**
 * 栏目的网址（可为空：门户管理员建好栏目后填写）。
 */
url: string, 
/**
 * 在栏目表中的顺序（从 0 起）。
 */
position: number, };

export type ItemColumnLink = { item_id: number, column_id: number, };

export type ColumnTree = { catalog_id: number, columns: Array<PortalColumn>, links: Array<ItemColumnLink>, };

export type ColumnsGenerated = { columns_added: number, items_linked: number, };

export type HistoryEntity = "item" | "withheld" | "not_applicable";

export type ChangeOp = "insert" | "update" | "delete";

export type Change = { 
/**
 * 历史记录的编号（恢复删除的条目时用它）。
 */
id: number, change_set: number, catalog_id: number, entity: HistoryEntity, 
/**
 * 事项、不予公开事项的编号，或指引事项编号（不涉及标记）。
 */
entity_id: string, 
/**
 * 条目的名称（事项的二级或一级事项名、不予公开事项名），便于辨认。
 */
name: string, op: ChangeOp, 
/**
 * 修改的字段（数据库列名）；新增、删除时为空。
 */
field: string | null, 
/**
 * 字段的中文名称。
 */
field_label: string | null, 
/**
 * 旧值与新值，列表字段写成“甲、乙”；删除时旧值为空（整条内容另存，用于恢复）。
 */
old_value: string | null, new_value: string | null, 
/**
 * 删除的条目现在可以恢复（仍不存在，所在目录还在）。
 */
restorable: boolean, };

export type ChangeSet = { id: number, 
/**
 * 时间（UTC，ISO 8601）。
 */
at: string, 
/**
 * 操作系统用户。
 */
user: string, 
/**
 * 操作：“导入”“采用指引”“修改事项”…
 */
action: string, catalog_id: number | null, 
/**
 * 撤销了这批改动的批次。
 */
undone_by: number | null, 
/**
 * 这一批的改动数（不含事项顺序的变化）。
 */
count: number, 
/**
 * 改动（按目录查看时最多前 [`CHANGES_SHOWN`] 处，不含顺序的变化）。
 */
changes: Array<Change>, };

export type UndoOutcome = { 
/**
 * 撤销（或恢复）本身的批次编号。
 */
change_set: number, 
/**
 * 退回的改动数。
 */
reverted: number, catalog_id: number | null, };
