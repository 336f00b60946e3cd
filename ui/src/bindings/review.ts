// 由 mulu-review 的 Rust 类型生成（ts-rs），请勿手改：运行 `make generate`。

import type { Field, ItemFields, Severity, UnitKind } from './core'

export type ItemRef = { 
/**
 * 库里事项的编号；来自文件时为空。
 */
id: number | null, l1: string, l2: string, 
/**
 * 所在工作表与行号（从 1 起）；来自库时为空。
 */
sheet: string | null, row: number | null, };

export type Finding = { 
/**
 * 规则编号，例如 `R101-required-field`（见 `docs/rules.md`）。
 */
rule: string, severity: Severity, 
/**
 * 所属领域；领域未识别时为空。
 */
domain: string, 
/**
 * 针对某个事项时为该事项；针对整份目录、整张表或缺失的指引事项时为空。
 */
item: ItemRef | null, 
/**
 * 针对的字段。
 */
field: Field | null, 
/**
 * 工作表名（来自文件时）。
 */
sheet: string | null, 
/**
 * 单元格引用，例如 `H12`（不含工作表名；来自文件且知道该字段所在的单元格时）。
 */
cell: string | null, 
/**
 * 中文说明：哪里不对、在哪里、该怎么办。
 */
message: string, 
/**
 * 建议改成的文字（有把握时给出），例如规范的文号或标准载体名称。
 */
suggestion: string | null, };

export type SeverityCounts = { errors: number, warnings: number, infos: number, };

export type DomainCoverage = { domain: string, 
/**
 * 指引的数据版本。
 */
data_version: string, 
/**
 * 指引中的事项数。
 */
expected: number, 
/**
 * 目录中有的（采用自该事项，或同名）。
 */
present: number, 
/**
 * 标为本单位不涉及且写了理由的。
 */
not_applicable: number, 
/**
 * 缺少的指引事项编号。
 */
missing: Array<string>, 
/**
 * (present + not_applicable) / expected，百分数，保留一位小数；expected 为 0 时为 100。
 */
percent: number, };

export type Coverage = { expected: number, present: number, not_applicable: number, missing: number, 
/**
 * (present + not_applicable) / expected，百分数，保留一位小数；expected 为 0 时为 100。
 */
percent: number, domains: Array<DomainCoverage>, };

export type Report = { 
/**
 * 按工作表、行、列（库里的目录按领域、事项顺序、字段）排好的问题。
 */
findings: Array<Finding>, 
/**
 * 审核的事项数。
 */
item_count: number, counts: SeverityCounts, coverage: Coverage, };

export type FileFinding = { 
/**
 * 规则编号，例如 `R101-required-field`。
 */
rule: string, severity: Severity, sheet: string | null, 
/**
 * 单元格，例如 `H12`。
 */
cell: string | null, 
/**
 * 事项：“一级事项 / 二级事项”。
 */
item: string | null, field: Field | null, message: string, suggestion: string | null, 
/**
 * 所属领域（v2 起）；领域未识别时为空。
 */
domain: string, 
/**
 * 事项所在的行（从 1 起，v2 起）。
 */
row: number | null, };

export type FileCheck = { 
/**
 * 文件路径（显示用）。
 */
path: string, 
/**
 * 编制单位：本程序导出的文件取往返数据里的单位，其他文件取标题里的单位名。
 */
unit: string | null, 
/**
 * 读出事项的领域，按出现顺序。
 */
domains: Array<string>, 
/**
 * 事项数。
 */
items: number, errors: number, warnings: number, infos: number, 
/**
 * 指引覆盖率（百分数）；读不了时为空。
 */
coverage: number | null, 
/**
 * 读不了（或写批注工作簿失败）时的原因（中文句子）。
 */
error: string | null, findings: Array<FileFinding>, 
/**
 * 写出的批注工作簿（`mulu check --annotate`）。
 */
annotated: string | null, 
/**
 * 文件读出并审核了（v2 起）。为假时 `error` 是读不了的原因。
 */
readable: boolean, 
/**
 * 各领域的覆盖情况（v2 起）；读不了时为空。
 */
coverage_detail: Coverage | null, };

export type AnnotatedFile = { 
/**
 * 原工作簿。
 */
source: string, 
/**
 * 写出的批注工作簿。
 */
output: string | null, 
/**
 * 没写成时的原因（中文句子）。
 */
failure: string | null, };

export type BatchProgress = { done: number, total: number, path: string, };

export type DeskStatus = "未报送" | "退回修改" | "待审" | "通过";

export type UnitMatch = { unit: number, sure: boolean, };

export type UnitStatus = { name: string, kind: UnitKind | null, 
/**
 * 配到这个单位的文件（路径，按检查的顺序）。
 */
files: Array<string>, status: DeskStatus, 
/**
 * 决定状态的文件（修改时间最新的；同一时间取排在后面的）。
 */
latest: string | null, 
/**
 * `files` 中没把握配上的（按标题里的单位名近似或按文件名配上），请审核人确认。
 */
unsure: Array<string>, };

export type UnitsCheck = { files: Array<FileCheck>, units: Array<UnitStatus>, 
/**
 * 配不到名单上任何单位的文件。
 */
unmatched: Array<string>, };

export type DiffItem = { domain: string, l1: string, l2: string, sheet: string | null, row: number | null, };

export type FieldChange = { field: Field, 
/**
 * 字段名（官方表头），例如“公开时限”。
 */
label: string, old: string, new: string, };

export type ChangedEntry = { item: DiffItem, fields: Array<FieldChange>, };

export type CatalogDiff = { old: string, new: string, added: Array<DiffItem>, removed: Array<DiffItem>, changed: Array<ChangedEntry>, unchanged: number, };

export type PortalRow = { 
/**
 * 栏目路径（已规范为 `/` 分隔）。
 */
path: string, url: string, 
/**
 * 文档数；没有这一列或读不出时为空。
 */
count: number | null, 
/**
 * 最后更新日期 `YYYY-MM-DD`；没有这一列或读不出时为空。
 */
updated: string | null, 
/**
 * 所在工作表与路径单元格（如 `B4`）。
 */
sheet: string, cell: string, };

export type PortalReport = { 
/**
 * 问题：错误在前，其次警告、提示；同级按事项、栏目、门户导出的顺序。
 */
findings: Array<Finding>, counts: SeverityCounts, 
/**
 * 目录的栏目数、门户导出的栏目数、两边对上的栏目数。
 */
columns: number, portal_columns: number, matched: number, 
/**
 * 计算“多久没更新”用的日期 `YYYY-MM-DD`。
 */
today: string, };

export type Power = { name: string, 
/**
 * 事项类型：行政许可、行政处罚、行政给付、公共服务……（原文）。
 */
kind: string, 
/**
 * 实施依据（原文）。
 */
basis: string, 
/**
 * 实施主体。
 */
subject: string, 
/**
 * 所在工作表与名称单元格（如 `B3`）。
 */
sheet: string, cell: string, };

export type PowerMatch = { power: Power, item: ItemRef, 
/**
 * 比对用的名称：事项本身的名称，或它所采用的指引事项的原名。
 */
matched_name: string, };

export type PowerSuggestion = { power: Power, fields: ItemFields, };

export type PowersReport = { 
/**
 * 每项对不上的权力一个问题（行政许可、行政处罚为错误，其余为警告），按清单顺序。
 */
findings: Array<Finding>, counts: SeverityCounts, powers: number, covered: Array<PowerMatch>, 
/**
 * 与 `findings` 一一对应。
 */
suggestions: Array<PowerSuggestion>, };

export type SheetMerge = { row: number, col: number, rows: number, cols: number, };

export type SheetHeader = { row: number, rows: number, };

export type SheetGrid = { 
/**
 * 工作簿的全部工作表（往返数据表除外），按顺序。
 */
sheets: Array<string>, 
/**
 * 这一张的表名。
 */
sheet: string, 
/**
 * 给出的行数、列数（不超过 [`MAX_ROWS`]、[`MAX_COLS`]）。
 */
rows: number, cols: number, 
/**
 * 原表的行数、列数（比 `rows`、`cols` 大时只给了前面的部分）。
 */
total_rows: number, total_cols: number, 
/**
 * 每行各格的文字（合并区域只有左上角有字；行尾的空格省去）。
 */
cells: Array<Array<string>>, 
/**
 * 合并区域（截到给出的范围之内）。
 */
merges: Array<SheetMerge>, 
/**
 * 认出的目录表头，从上到下。
 */
headers: Array<SheetHeader>, 
/**
 * 文字过长、只给了前 [`MAX_CELL_CHARS`] 个字的格数。
 */
cut_cells: number, };

/** 字段的中文名称（官方表头）。 */
export const FIELD_LABELS: Record<Field, string> = {
  domain: '领域',
  l1: '一级事项',
  l2: '二级事项',
  content: '公开内容（要素）',
  basis: '公开依据',
  time_limit: '公开时限',
  subject: '公开主体',
  channels: '公开渠道和载体',
  audience: '公开对象',
  mode: '公开方式',
  level: '公开层级',
  notes: '备注',
}
