//! 全部命令行参数定义在这里（帮助文字为中文）。这些形式是对外的约定：脚本依赖它们，只增不改。

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const HELP_TEMPLATE: &str = "{about}\n\n用法：{usage}\n\n{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "mulu",
    version,
    about = "标准目录编制器命令行工具：基层政务公开事项标准目录的编制、导入导出与审核",
    help_template = HELP_TEMPLATE,
    subcommand_value_name = "命令",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "数据库默认与桌面程序共用（可用环境变量 MULU_DB 或 --db 指定）。运行 `mulu 命令 --help` 查看各命令的用法。"
)]
pub struct Cli {
    /// 数据库文件路径（默认与桌面程序共用同一个文件；也可用环境变量 MULU_DB 指定）
    #[arg(long, global = true, value_name = "PATH", display_order = 900)]
    pub db: Option<PathBuf>,

    /// 显示帮助
    #[arg(short = 'h', long, global = true, action = clap::ArgAction::Help, display_order = 901)]
    pub help: Option<bool>,

    /// 显示版本
    #[arg(short = 'V', long, action = clap::ArgAction::Version, display_order = 902)]
    pub version: Option<bool>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 标准指引库：列出 26 个领域（事项数与数据状态）；查看、导出一个领域的指引，导入官方指引工作簿
    #[command(
        help_template = HELP_TEMPLATE,
        subcommand_value_name = "命令",
        after_help = "示例：\n  mulu guidelines                                   列出全部领域\n  mulu guidelines show 社会救助                     查看一个领域的指引事项\n  mulu guidelines export 社会救助 --xlsx 指引.xlsx  导出为工作簿"
    )]
    Guidelines(GuidelinesArgs),
    /// 目录：新建、采用指引、列出、查看
    #[command(
        subcommand,
        help_template = HELP_TEMPLATE,
        subcommand_value_name = "命令",
        after_help = "示例：\n  id=$(mulu catalog new --unit 某某县某某镇人民政府 --kind 乡镇 --year 2026)\n  mulu catalog adopt \"$id\" --domain 社会救助 养老服务\n  mulu catalog show \"$id\""
    )]
    Catalog(CatalogCommand),
    /// 导出目录：官方格式的 Excel 工作簿、可发布的网页或 JSON
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "示例：\n  mulu export 1 --xlsx 目录.xlsx --lower-level-label 镇级\n  mulu export 1 --html 目录.html --domain 社会救助 养老服务\n  mulu export 1 --xlsx 民政局目录.xlsx --no-level"
    )]
    Export(ExportArgs),
    /// 导入工作簿（.xlsx/.xls）、Word 文档（.docx）或目录 JSON：先给出预览与逐格提示，再写入新目录或合并进已有目录
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "示例：\n  mulu import 某某镇目录.xlsx --dry-run   只读取，列出各表、事项与逐格提示\n  mulu import 某某镇目录.xlsx             新建一份目录\n  mulu import 某某镇目录.xlsx --into 1    合并进 1 号目录（导入前自动备份数据库）"
    )]
    Import(ImportArgs),
    /// 审核：检查工作簿（文件或文件夹，可多个），逐格列出问题；可写汇总表与批注工作簿
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "示例：\n  mulu check 某某镇目录.xlsx\n  mulu check 收到的目录/ --summary 汇总.xlsx --annotate 批注/\n  mulu check 收到的目录/ --units 单位名单.xlsx   每个单位的状态与未报送的单位\n\n--units 与 --json 一起用时输出一个对象：files（各文件，同不带 --units 时的数组）、units（名单上每个单位：name、kind、files、status）、unmatched（配不上单位的文件）。\n--summary 是这一次检查的汇总表（每个文件一行）；全县各单位的状态（含各轮与审核人的采纳、不采纳）记在审核台账里，汇总表用 mulu desk summary --xlsx OUT.xlsx 写（见 mulu desk --help）。\n退出码：0 没有错误；1 有错误；2 有文件读不了。规则见 docs/rules.md。"
    )]
    Check(CheckArgs),
    /// 版本比对：两个版本的目录（两个文件，或库里的两个目录编号）之间的新增、删除与改动
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "示例：\n  mulu diff 2025年目录.xlsx 2026年目录.xlsx\n  mulu diff 1 2 --json"
    )]
    Diff(DiffArgs),
    /// 数据库备份：列出、立即备份、从备份恢复（数据库损坏时也能用）
    #[command(
        subcommand,
        help_template = HELP_TEMPLATE,
        subcommand_value_name = "命令",
        after_help = "示例：\n  mulu backup list\n  mulu backup create\n  mulu backup restore 1      用最新的一份备份恢复"
    )]
    Backup(BackupCommand),
    /// 修改历史：一份目录（或一个事项）每处改动的时间、用户、字段、旧值与新值；整批撤销一次导入，恢复删除的条目
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "示例：\n  mulu history 1                 1 号目录最近的改动（按批次，新的在前）\n  mulu history 1 --item 25       25 号事项的全部改动\n  mulu history 1 --undo 12       整批撤销第 12 批改动（例如一次导入）\n  mulu history 1 --restore 340   放回第 340 条记录删除的条目\n\n一批改动是一次操作（一次编辑、一次导入、一次采用）。之后又改过同一条目时不能整批撤销。"
    )]
    History(HistoryArgs),
    /// 在全部目录里搜索：事项名称、公开内容、公开依据、公开主体或备注含有搜索词的事项，按目录列出
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "示例：\n  mulu search 最低生活保障\n  mulu search 临时救助 --json\n\n--json 输出一个对象：query、catalogs（每份目录：catalog_id、title、unit_name、year、hits、items（前 5 个：item_id、domain、name））、items（命中总数）、truncated（超过 --limit 时为 true）。\n退出码：0 有命中；1 没有命中。"
    )]
    Search(SearchArgs),
    /// （内部）桌面程序在子进程里读不可信的文件：读、审核一个文件，结果以 JSON 写到标准输出
    #[command(
        hide = true,
        help_template = HELP_TEMPLATE,
        next_help_heading = "选项",
        subcommand_help_heading = "命令",
        subcommand_value_name = "命令"
    )]
    Worker(WorkerArgs),
    /// 门户栏目：按目录生成政府信息公开专栏的栏目表、导出给网站内容管理系统、用网站导出的栏目清单做体检
    #[command(
        subcommand,
        help_template = HELP_TEMPLATE,
        subcommand_value_name = "命令",
        after_help = "示例：\n  mulu columns generate 1                       按领域与一级事项生成栏目表\n  mulu columns export 1 --xlsx 栏目表.xlsx      导出给门户管理员\n  mulu columns check 1 网站栏目导出.xlsx        体检：空栏目、不更新的栏目、没有栏目的事项\n\n说明见 docs/linkage.md。"
    )]
    Columns(ColumnsCommand),
    /// 权责清单、公共服务事项清单：与目录对照，列出没有对应公开事项的权力与服务，并可补充为本级特色事项
    #[command(
        subcommand,
        help_template = HELP_TEMPLATE,
        subcommand_value_name = "命令",
        after_help = "示例：\n  mulu powers check 1 权责清单.xlsx\n  mulu powers check 1 权责清单.xlsx --add 1 3    把第 1、3 项建议补充为本级特色事项\n\n说明见 docs/linkage.md。"
    )]
    Powers(PowersCommand),
    /// 审核台账（与桌面程序「审核工作台 → 台账」共用数据库）：换上单位名单、检查并记下报送、写全县汇总表与各单位的审核意见
    #[command(
        subcommand,
        help_template = HELP_TEMPLATE,
        subcommand_value_name = "命令",
        after_help = "示例：\n  mulu desk units 单位名单.xlsx                换上县里的报送单位名单\n  mulu desk record 收到的目录/                 检查并按单位记下（内容不同的文件是新的一轮）\n  mulu desk status                             每个单位的状态与还没报送的单位\n  mulu desk summary --xlsx 全县汇总.xlsx       全县汇总表（各单位状态、未报送、按状态）\n  mulu desk letters --dir 审核意见/            为有采纳问题的每个单位写一份审核意见（.docx）\n\n对每条问题的采纳、不采纳在桌面程序里做；说明见 docs/review.md。"
    )]
    Desk(DeskCommand),
    // 新的子命令加在这一行之上（每个命令一个 cmd/ 模块）。
}

#[derive(Debug, Args)]
pub struct GuidelinesArgs {
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
    #[command(subcommand)]
    pub action: Option<GuidelinesCommand>,
}

#[derive(Debug, Subcommand)]
pub enum GuidelinesCommand {
    /// 查看一个领域的全部指引事项
    #[command(help_template = HELP_TEMPLATE)]
    Show {
        /// 领域名称，例如 社会救助
        #[arg(value_name = "领域")]
        domain: String,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 把一个领域的指引导出为工作簿（来源图例写明的 ■ 必选 □ 可选，其余载体标 √；附图例与说明栏）
    #[command(help_template = HELP_TEMPLATE)]
    Export {
        /// 领域名称，例如 社会救助
        #[arg(value_name = "领域")]
        domain: String,
        /// 输出的 .xlsx 文件
        #[arg(long, value_name = "OUT")]
        xlsx: PathBuf,
    },
    /// 从官方或省级印发的指引工作簿导入领域指引，作为指引库的新版本
    #[command(help_template = HELP_TEMPLATE)]
    Import {
        /// 指引工作簿（.xlsx/.xls）或 Word 文档（.docx，读其中的表格）
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// 文件中认不出领域时按此领域读取
        #[arg(long, value_name = "领域")]
        domain: Option<String>,
        /// 新版本号（默认按导入时间生成）
        #[arg(long, value_name = "版本")]
        version: Option<String>,
    },
    /// 把整个指引库（每个领域的当前版本，含导入的领域）写成一个指引包，分发给乡镇载入
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Pack {
        /// 输出的指引包文件（.json）
        #[arg(value_name = "OUT")]
        out: PathBuf,
        /// 指引库的名称（默认取文件名），例如 某某县政务公开指引库
        #[arg(long, value_name = "名称")]
        name: Option<String>,
        /// 指引库的版本（默认按现在的时间生成）
        #[arg(long, value_name = "版本")]
        version: Option<String>,
    },
    /// 载入县里分发的指引包：每个领域存为新版本（已有目录不变）
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Load {
        /// 指引包文件（`mulu guidelines pack` 或桌面程序“导出指引包…”写出的）
        #[arg(value_name = "PACK")]
        pack: PathBuf,
        /// 只核对并报告将载入什么，不写入数据库
        #[arg(long)]
        dry_run: bool,
    },
    // 新的 guidelines 子命令加在这一行之上。
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// 新建目录，输出新目录的编号
    #[command(help_template = HELP_TEMPLATE)]
    New {
        /// 单位全称（不存在时自动新建）
        #[arg(long, value_name = "名称")]
        unit: String,
        /// 单位类别：县级部门、乡镇或街道
        #[arg(long, value_name = "县级部门|乡镇|街道")]
        kind: String,
        /// 年度，例如 2026
        #[arg(long, value_name = "YYYY")]
        year: i32,
    },
    /// 把标准指引的事项采用到目录
    #[command(help_template = HELP_TEMPLATE)]
    Adopt {
        /// 目录编号
        #[arg(value_name = "ID")]
        id: i64,
        /// 采用全部领域
        #[arg(long, conflicts_with = "domain", required_unless_present = "domain")]
        all: bool,
        /// 采用的领域（可写多个）
        #[arg(long, value_name = "领域", num_args = 1..)]
        domain: Vec<String>,
    },
    /// 列出全部目录
    #[command(help_template = HELP_TEMPLATE)]
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 查看一份目录
    #[command(help_template = HELP_TEMPLATE)]
    Show {
        /// 目录编号
        #[arg(value_name = "ID")]
        id: i64,
        /// 以 JSON 输出（形状见 schemas/catalog.schema.json）
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("format").required(true).args(["xlsx", "html", "json"])))]
pub struct ExportArgs {
    /// 目录编号
    #[arg(value_name = "ID")]
    pub id: i64,
    /// 导出为 Excel 工作簿（官方报送格式）
    #[arg(long, value_name = "OUT")]
    pub xlsx: Option<PathBuf>,
    /// 导出为可发布的网页（单个 HTML 文件）
    #[arg(long, value_name = "OUT")]
    pub html: Option<PathBuf>,
    /// 导出为 JSON（schemas/catalog.schema.json）
    #[arg(long, value_name = "OUT")]
    pub json: Option<PathBuf>,
    /// 只导出这些领域（可写多个）
    #[arg(long, value_name = "领域", num_args = 1..)]
    pub domain: Vec<String>,
    /// 不含“公开层级”两栏（县级部门的目录）
    #[arg(long)]
    pub no_level: bool,
    /// 下级一栏的名称（默认：乡级）
    #[arg(
        long,
        value_name = "乡级|镇级|街道",
        default_value = "乡级",
        hide_default_value = true
    )]
    pub lower_level_label: mulu_api::LowerLevelLabel,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 要导入的文件：Excel 工作簿（.xlsx/.xls）、Word 文档（.docx，读其中的表格）或目录 JSON（schemas/catalog.schema.json）
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// 合并进这份已有目录（按领域与事项名称匹配）；不写则新建目录
    #[arg(long, value_name = "ID")]
    pub into: Option<i64>,
    /// 只读取并报告，不写入数据库
    #[arg(long)]
    pub dry_run: bool,
    /// 以 JSON 输出预览（各表的领域、事项与提示）
    #[arg(long)]
    pub json: bool,
    /// 新建目录的单位名称（默认取文件中的单位）
    #[arg(long, value_name = "名称")]
    pub unit: Option<String>,
    /// 新建目录的单位类别（默认按单位名称判断）
    #[arg(long, value_name = "县级部门|乡镇|街道")]
    pub kind: Option<String>,
    /// 新建目录的年度（默认取文件中的年度）
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    /// 文件中认不出领域的表格按此领域读取
    #[arg(long, value_name = "领域")]
    pub domain: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 要检查的工作簿（.xlsx/.xls）或文件夹（含子文件夹），可写多个
    #[arg(value_name = "PATH", required = true, num_args = 1..)]
    pub paths: Vec<PathBuf>,
    /// 以 JSON 输出每个文件的问题
    #[arg(long)]
    pub json: bool,
    /// 把汇总表（每个文件一行）写成 Excel 工作簿
    #[arg(long, value_name = "OUT.xlsx")]
    pub summary: Option<PathBuf>,
    /// 为每个文件写一份批注工作簿（问题单元格着色并附批注，另有“审核意见”表）到这个文件夹
    #[arg(long, value_name = "DIR")]
    pub annotate: Option<PathBuf>,
    /// 报送单位名单（工作簿，“单位名称”一栏，可有“单位类别”栏）：按标题里的单位名把文件配到单位，
    /// 列出每个单位的状态（未报送/退回修改/待审/通过）与还没报送的单位
    #[arg(long, value_name = "UNITS.xlsx")]
    pub units: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// 读取选项与指引（JSON，`mulu_review::isolate::WorkerInput`；check、annotate 必须给出）
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// 本进程的地址空间上限（MB；只在 Linux 等 Unix 上生效）
    #[arg(long, value_name = "MB")]
    pub memory_mb: Option<u64>,
    #[command(subcommand)]
    pub job: WorkerJob,
}

#[derive(Debug, Subcommand)]
pub enum WorkerJob {
    /// 读、审核一个文件（输出 `FileCheck`）
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Check {
        /// 要读的文件
        #[arg(value_name = "FILE")]
        path: PathBuf,
    },
    /// 读、审核一个文件并写批注工作簿到 DIR（输出 `AnnotatedFile`）
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Annotate {
        /// 要读的文件
        #[arg(value_name = "FILE")]
        path: PathBuf,
        /// 批注工作簿写到这个文件夹
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// 读一张表照原样供显示（输出 `mulu_review::sheet::SheetRead`）
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Sheet {
        /// 要读的文件
        #[arg(value_name = "FILE")]
        path: PathBuf,
        /// 表名（不给：第一张认得出目录表头的表）
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// 旧版本：工作簿、目录 JSON，或库里的目录编号
    #[arg(value_name = "OLD")]
    pub old: String,
    /// 新版本：工作簿、目录 JSON，或库里的目录编号
    #[arg(value_name = "NEW")]
    pub new: String,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// 目录编号（`mulu catalog list` 列出）
    #[arg(value_name = "ID")]
    pub id: i64,
    /// 只看这个事项的改动（事项编号；已删除的事项也可以看）
    #[arg(long, value_name = "事项编号", conflicts_with_all = ["undo", "restore"])]
    pub item: Option<i64>,
    /// 最多列出的批次数（默认 50）
    #[arg(
        long,
        value_name = "N",
        default_value_t = 50,
        hide_default_value = true
    )]
    pub limit: usize,
    /// 整批撤销这一批改动（批次编号见列表的“第 N 批”）
    #[arg(long, value_name = "批次", conflicts_with = "restore")]
    pub undo: Option<i64>,
    /// 放回一条删除的事项、不予公开事项或不涉及标记（历史记录编号见列表的“#N”）
    #[arg(long, value_name = "记录")]
    pub restore: Option<i64>,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// 搜索词（三个字以上按词语全文查找，更短的按包含查找）
    #[arg(value_name = "搜索词")]
    pub query: String,
    /// 最多列出的事项数（默认 10000）
    #[arg(
        long,
        value_name = "N",
        default_value_t = 10_000,
        hide_default_value = true
    )]
    pub limit: usize,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ColumnsCommand {
    /// 按目录的领域与一级事项生成栏目表（根/领域/一级事项），并把事项对应到栏目；已有的栏目、网址与对应不变，可反复运行
    #[command(help_template = HELP_TEMPLATE)]
    Generate {
        /// 目录编号
        #[arg(value_name = "ID")]
        id: i64,
        /// 栏目表的上级路径，各级用“/”分隔（默认：政府信息公开/法定主动公开内容）
        #[arg(long, value_name = "路径")]
        root: Option<String>,
    },
    /// 导出栏目表（栏目路径、层级、名称、上级、网址、对应事项），供门户管理员在网站内容管理系统里建栏目
    #[command(
        help_template = HELP_TEMPLATE,
        group(clap::ArgGroup::new("format").required(true).args(["xlsx", "csv"]))
    )]
    Export {
        /// 目录编号
        #[arg(value_name = "ID")]
        id: i64,
        /// 导出为 Excel 工作簿
        #[arg(long, value_name = "OUT")]
        xlsx: Option<PathBuf>,
        /// 导出为 CSV（UTF-8，带 BOM，Excel/WPS 可直接打开）
        #[arg(long, value_name = "OUT")]
        csv: Option<PathBuf>,
    },
    /// 门户体检：读网站内容管理系统导出的栏目清单（工作簿或 CSV：栏目路径、网址、文档数、最后更新日期），列出没有栏目的事项、没有事项的栏目、空栏目与超过公开时限没有更新的栏目
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "示例：\n  mulu columns check 1 栏目统计.xlsx\n  mulu columns check 1 栏目统计.csv --today 2026-12-02 --json\n  mulu columns check 1 栏目统计.xlsx --map 栏目路径=B --map 最后更新日期=F\n\n退出码：0 没有错误；1 有错误（如空栏目）；2 文件读不了或参数有误。说明见 docs/linkage.md。"
    )]
    Check {
        /// 目录编号
        #[arg(value_name = "ID")]
        id: i64,
        /// 网站导出的栏目清单（.xlsx/.xls/.csv）
        #[arg(value_name = "CMS_EXPORT")]
        file: std::path::PathBuf,
        /// 以 JSON 输出（问题的形状与 mulu check 相同）
        #[arg(long)]
        json: bool,
        /// 按这一天计算多久没有更新（YYYY-MM-DD；默认今天），便于复核
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        /// 指定某一列（自动识别不对时）：栏目路径、上级栏目、网址、文档数、最后更新日期 或 表头行，例如 --map 网址=C（可写多个）
        #[arg(long, value_name = "列名=列号")]
        map: Vec<String>,
    },
    // 新的 columns 子命令加在这一行之上。
}

#[derive(Debug, Subcommand)]
pub enum PowersCommand {
    /// 对照权责清单或公共服务事项清单（事项名称、事项类型、实施依据、实施主体）与目录：列出对上的与对不上的；对不上的行政许可、行政处罚为错误
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "退出码：0 没有错误；1 有未覆盖的行政许可或行政处罚；2 文件读不了或参数有误。"
    )]
    Check {
        /// 目录编号
        #[arg(value_name = "ID")]
        id: i64,
        /// 清单文件（.xlsx/.xls/.csv）
        #[arg(value_name = "POWERS")]
        file: PathBuf,
        /// 以 JSON 输出（问题的形状与 mulu check 相同，另有对上的事项与建议事项）
        #[arg(long)]
        json: bool,
        /// 指定某一列（自动识别不对时）：事项名称、事项类型、实施依据、实施主体 或 表头行，例如 --map 事项类型=C（可写多个）
        #[arg(long, value_name = "列名=列号")]
        map: Vec<String>,
        /// 把这几项建议（按输出中“建议”的序号，从 1 起）补充为本级特色事项（已预填名称、依据与实施主体）
        #[arg(long, value_name = "序号", num_args = 1..)]
        add: Vec<usize>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// 列出数据库的备份（新的在前）：时间、缘由（每日、升级前、导入前、恢复前、手动）、大小、文件
    #[command(help_template = HELP_TEMPLATE)]
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 立即备份一次（缘由记为“手动”），输出备份文件的路径
    #[command(help_template = HELP_TEMPLATE)]
    Create,
    /// 用一份备份恢复数据库：当前数据库先另存为“恢复前”备份（损坏的原样移到备份文件夹），不会丢失
    #[command(help_template = HELP_TEMPLATE)]
    Restore {
        /// 备份文件的路径，或 `mulu backup list` 列出的序号（1 为最新）
        #[arg(value_name = "文件|序号")]
        backup: String,
    },
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    fn has_chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// 每个命令（含子命令的子命令）都有中文说明，每个参数都有中文帮助。
    #[test]
    fn every_command_and_option_is_described_in_chinese() {
        let mut root = Cli::command();
        root.build();
        let mut stack = vec![(String::from("mulu"), root)];
        let mut seen = 0;
        while let Some((path, mut cmd)) = stack.pop() {
            seen += 1;
            let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert!(has_chinese(&about), "`{path}` 没有中文说明");
            for arg in cmd.get_arguments() {
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(
                    has_chinese(&help),
                    "`{path}` 的参数 {} 没有中文帮助",
                    arg.get_id()
                );
            }
            // 渲染出的帮助（中文栏目名、没有英文套话）由 tests/help.rs 逐个命令运行 `--help` 检查。
            let text = crate::output::localize_help(&cmd.render_help().to_string());
            assert!(
                text.contains("用法："),
                "`{path} --help` 没有用法行：\n{text}"
            );
            for sub in cmd.get_subcommands() {
                stack.push((format!("{path} {}", sub.get_name()), sub.clone()));
            }
        }
        assert!(seen >= 16, "只找到 {seen} 个命令");
    }

    #[test]
    fn localize_help_translates_clap_words() {
        let got = crate::output::localize_help(
            "用法：mulu export [OPTIONS] <COMMAND>\n\nOptions:\n  --x <A>  说明 [default: 乡级]\nArguments:\n",
        );
        assert_eq!(
            got,
            "用法：mulu export [选项] <命令>\n\n选项：\n  --x <A>  说明 [默认：乡级]\n参数：\n"
        );
    }
}

#[derive(Debug, Subcommand)]
pub enum DeskCommand {
    /// 换上县里的报送单位名单（工作簿，格式同 mulu check --units）；名单上没有了的单位连同其报送与决定一起删去
    #[command(help_template = HELP_TEMPLATE)]
    Units {
        /// 单位名单工作簿
        #[arg(value_name = "UNITS.xlsx")]
        file: PathBuf,
    },
    /// 检查工作簿（文件或文件夹，同 mulu check）并按标题里的单位名记到台账：同一单位内容相同的文件更新那一轮，不同的是新的一轮
    #[command(help_template = HELP_TEMPLATE)]
    Record {
        /// 要检查的工作簿（.xlsx/.xls）或文件夹，可写多个
        #[arg(value_name = "PATH", required = true, num_args = 1..)]
        paths: Vec<PathBuf>,
    },
    /// 台账：每个单位的状态、最新轮次、收到日期、错误与警告（不采纳的不计），还没报送的单位
    #[command(help_template = HELP_TEMPLATE)]
    Status {
        /// 以 JSON 输出（rows：各单位；missing：还没报送的单位）
        #[arg(long)]
        json: bool,
    },
    /// 写全县汇总表工作簿：表“各单位状态”（序号、单位、类型、状态、最新轮次、收到日期、文件、错误、警告、不采纳、覆盖率）、“未报送”“按状态”
    #[command(help_template = HELP_TEMPLATE)]
    Summary {
        /// 输出的工作簿（.xlsx）
        #[arg(long, value_name = "OUT.xlsx", required = true)]
        xlsx: PathBuf,
    },
    /// 为最新一轮有“采纳”问题的每个单位写一份《审核意见》（〈单位〉审核意见.docx）到文件夹（不存在时创建）
    #[command(help_template = HELP_TEMPLATE)]
    Letters {
        /// 存放审核意见的文件夹
        #[arg(long, value_name = "DIR", required = true)]
        dir: PathBuf,
    },
}
