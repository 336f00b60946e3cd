// 由 mulu-api 的 Rust 类型生成（ts-rs），请勿手改：运行 `make generate`。

import type { Decision, DeskUnit, GuidelineImportPreview, ImportPreview, ItemFields, Severity, UnitKind } from './core'
import type { CatalogDiff, DeskStatus, FileCheck, FileFinding, Power, PortalRow } from './review'

export type LowerLevelLabel = "乡级" | "镇级" | "街道";

export type ExportFormat = "xlsx" | "html" | "json";

export type ExportOptionsArg = { 
/**
 * 只导出这些领域（名称或别名）；`null` 或空为目录的全部领域。
 */
domains: Array<string> | null, 
/**
 * 是否含“公开层级”两栏。
 */
include_level: boolean, 
/**
 * 下级一栏的名称。
 */
lower_level_label: LowerLevelLabel, };

export type ExportDone = { path: string, 
/**
 * 整份目录的事项数。
 */
items: number, 
/**
 * 目录标题（命令行的提示用）。
 */
title: string, };

export type ImportTarget = { 
/**
 * 合并到的目录；为空时新建目录。
 */
into: number | null, 
/**
 * 新建目录的单位全称（空白等于没填：取文件里的）。
 */
unit: string | null, 
/**
 * 新建单位的类别；为空时按单位名称判断（已有的单位不变）。
 */
kind: UnitKind | null, 
/**
 * 新建目录的年度。
 */
year: number | null, };

export type ImportPreviewed = { token: number, preview: ImportPreview, };

export type PastePreview = { items: Array<ItemFields>, warnings: Array<string>, };

export type GuidelinePreviewed = { token: number, preview: GuidelineImportPreview, };

export type SubmissionSummary = { round: number, 
/**
 * 收到（第一次检查）的时间，UTC。
 */
received: string, file_name: string, path: string, 
/**
 * 按近似的名称或文件名配到这个单位，请确认。
 */
unsure: boolean, readable: boolean, errors: number, warnings: number, infos: number, open_errors: number, open_warnings: number, 
/**
 * 不采纳的问题数。
 */
waived: number, coverage: number | null, status: DeskStatus, };

export type DeskRow = { unit: DeskUnit, status: DeskStatus, 
/**
 * 收到过几轮。
 */
rounds: number, latest: SubmissionSummary | null, };

export type DeskView = { rows: Array<DeskRow>, 
/**
 * 还没报送的单位（名单顺序）。
 */
missing: Array<string>, };

export type DecidedFinding = { finding: FileFinding, 
/**
 * 问题的位置（决定按它与规则记下）。
 */
place: string, decision: Decision | null, };

export type RoundComparison = { previous_round: number, 
/**
 * 上一轮有、这一轮没有的问题。
 */
fixed: Array<FileFinding>, 
/**
 * 这一轮新出的问题。
 */
new: Array<FileFinding>, 
/**
 * 两轮都有的问题。
 */
still_open: Array<FileFinding>, 
/**
 * 事项的增删改；两轮的文件有一个找不到或已改动时为空。
 */
items: CatalogDiff | null, };

export type SubmissionView = { unit: DeskUnit, summary: SubmissionSummary, check: FileCheck, findings: Array<DecidedFinding>, comparison: RoundComparison | null, 
/**
 * 这个单位的各轮（轮次）。
 */
rounds: Array<number>, };

export type Recorded = { path: string, unit: string, round: number, unsure: boolean, };

export type RecordOutcome = { recorded: Array<Recorded>, unmatched: Array<string>, };

export type StatusCount = { status: DeskStatus, units: number, };

export type DomainStat = { domain: string, units: number, average: number, lowest: number, };

export type RuleStat = { rule: string, 
/**
 * 规则的标题（规则表里没有这个编号时为编号本身）。
 */
title: string, severity: Severity, findings: number, units: number, };

export type StaleUnit = { name: string, kind: UnitKind | null, 
/**
 * 最近一次收到的日期（`2025-11-30`）；从没收到过时为空。
 */
last_received: string | null, };

export type DeskDashboard = { 
/**
 * 名单上的单位数。
 */
units: number, 
/**
 * “今年”：按这一年判断单位有没有更新。
 */
year: number, 
/**
 * 各状态的单位数（未报送、退回修改、待审、通过；没有的为 0）。
 */
by_status: Array<StatusCount>, 
/**
 * 各领域，按领域名排列。
 */
domains: Array<DomainStat>, 
/**
 * 报得最多的规则（最多 [`TOP_RULES`] 条），多的在前。
 */
rules: Array<RuleStat>, 
/**
 * 今年没有收到报送的单位（名单顺序）。
 */
stale: Array<StaleUnit>, };

export type SummaryWritten = { path: string, units: number, 
/**
 * 还没报送的单位数。
 */
missing: number, };

export type LetterWritten = { unit: string, 
/**
 * 写出的文件；没写成时为空。
 */
path: string | null, 
/**
 * 列出的（采纳的）问题数。
 */
accepted: number, 
/**
 * 没写成的原因。
 */
failure: string | null, };

export type LettersProgress = { done: number, total: number, unit: string, };

export type ColumnsFormat = "xlsx" | "csv";

export type CmsMapping = { 
/**
 * 读哪张表。
 */
sheet: string, 
/**
 * 表头所在行（从 0 起），数据从下一行开始。
 */
header_row: number, path: number | null, parent: number | null, url: number | null, count: number | null, updated: number | null, };

export type CmsPreview = { file: string, sheets: Array<string>, mapping: CmsMapping, 
/**
 * 表头行的文字（供用户改对应时选）。
 */
headers: Array<string>, rows: Array<PortalRow>, warnings: Array<string>, };

export type PowersMapping = { sheet: string, header_row: number, name: number | null, kind: number | null, basis: number | null, subject: number | null, };

export type PowersPreview = { file: string, mapping: PowersMapping, headers: Array<string>, powers: Array<Power>, };

export type FoundItem = { item_id: number, domain: string, 
/**
 * 一级事项 / 二级事项。
 */
name: string, };

export type FoundCatalog = { catalog_id: number, title: string, unit_name: string, year: number, 
/**
 * 这份目录里命中的事项数。
 */
hits: number, 
/**
 * 前 [`SHOWN_PER_CATALOG`] 个命中的事项（按目录顺序）。
 */
items: Array<FoundItem>, };

export type SearchAll = { query: string, 
/**
 * 有命中的目录，按目录编号。
 */
catalogs: Array<FoundCatalog>, 
/**
 * 命中的事项总数（到 `limit` 为止）。
 */
items: number, 
/**
 * 命中超过 `limit` 条，后面的没有列出：请把搜索词写得更具体。
 */
truncated: boolean, };

/** 下级一栏的全部写法（官方表格的顺序）。 */
export const LOWER_LEVEL_LABELS: LowerLevelLabel[] = ['乡级', '镇级', '街道']
