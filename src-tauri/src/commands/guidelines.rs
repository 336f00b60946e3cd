//! 标准指引库的命令：浏览、导入官方指引（先预览再载入）、指引包的导出与载入。
//!
//! 导入官方指引走 [`mulu_api::guideline`]（与 `mulu guidelines import` 相同）：预览时读一次文件，
//! 读到的内容留在 [`GuidelineSessions`] 里，载入凭编号、不再读文件，文件在预览之后被改过就拒绝。
//! 指引包走核心函数（`Store::guideline_pack`、`Store::load_guideline_pack`），每次载入一个事务。
//! 读文件、写文件在阻塞线程池里进行，界面不卡。

use std::path::PathBuf;

use mulu_api::guideline::{GuidelinePreviewed, GuidelineRead, GuidelineReader};
use mulu_core::guideline::{
    GuidelineDomain, GuidelineDomainSummary, GuidelinePack, LibraryLoad, PackPreview,
};
use serde::Serialize;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_guidelines(state: State<'_, AppState>) -> Result<Vec<GuidelineDomainSummary>, String> {
    state.with(|s| s.guideline_domains())
}

#[tauri::command]
pub fn guideline_domain(
    state: State<'_, AppState>,
    name: String,
) -> Result<GuidelineDomain, String> {
    state.with(|s| s.guideline_domain(&name, None))
}

/// 最近几次指引导入的预览（编号 → 读到的内容），见 [`crate::sessions`]。
pub type GuidelineSessions = crate::sessions::Sessions<GuidelineRead>;

/// 读官方指引（.xlsx/.xls/.docx，只读这一次），得到将载入的领域与提示及其编号，不写数据库。
/// `domain` 为认不出领域时按哪个领域读；`version` 为空时按现在的时间生成。
#[tauri::command]
pub async fn guideline_import_preview(
    state: State<'_, AppState>,
    sessions: State<'_, GuidelineSessions>,
    path: String,
    domain: Option<String>,
    version: Option<String>,
) -> Result<GuidelinePreviewed, String> {
    let read = read_guideline(&state, &path, domain, version).await?;
    let preview = state.try_with(|s| read.preview(s))?;
    Ok(GuidelinePreviewed {
        token: sessions.insert(read),
        preview,
    })
}

/// 载入预览时读到的领域，存为新版本（一个事务；已有目录不变）。文件在预览之后被改过时拒绝。
#[tauri::command]
pub async fn guideline_import_commit(
    state: State<'_, AppState>,
    sessions: State<'_, GuidelineSessions>,
    token: u64,
) -> Result<LibraryLoad, String> {
    sessions.with(token, true, |read| state.try_with(|s| read.commit(s)))
}

/// 读官方指引（[`mulu_api::guideline`]）：库里取出读取要用的东西，读文件在阻塞线程池里。
async fn read_guideline(
    state: &AppState,
    path: &str,
    domain: Option<String>,
    version: Option<String>,
) -> Result<GuidelineRead, String> {
    let reader =
        state.try_with(|s| GuidelineReader::new(s, domain.as_deref(), version.as_deref()))?;
    let path = PathBuf::from(path);
    tauri::async_runtime::spawn_blocking(move || reader.read(&path).map_err(|e| e.to_string()))
        .await
        .map_err(|e| format!("读取指引文件中途出错：{e}"))?
}

/// 指引包写好了：在哪里、叫什么、多少个领域与事项。
#[derive(Debug, Serialize)]
pub struct PackWritten {
    pub path: String,
    pub label: String,
    pub domains: usize,
    pub items: usize,
}

/// 把整个指引库写成指引包（`name` 为指引库名称，`version` 为空时按现在的时间生成）。
#[tauri::command]
pub async fn guideline_pack_export(
    state: State<'_, AppState>,
    path: String,
    name: String,
    version: Option<String>,
) -> Result<PackWritten, String> {
    if path.trim().is_empty() {
        return Err("请选择指引包的保存位置。".into());
    }
    let file = super::paths::file_to_write(&path, &["json"], state.db_path())?;
    let pack = state.with(|s| s.guideline_pack(&name, version.as_deref()))?;
    tauri::async_runtime::spawn_blocking(move || {
        pack.write(&file).map_err(|e| e.to_string())?;
        Ok(PackWritten {
            label: pack.label(),
            domains: pack.domains.len(),
            items: pack.domains.iter().map(|d| d.items.len()).sum(),
            path,
        })
    })
    .await
    .map_err(|e| format!("写出指引包中途出错：{e}"))?
}

/// 读指引包并核对（校验和、格式），说明载入后每个领域会怎样，不写数据库。
#[tauri::command]
pub async fn guideline_pack_preview(
    state: State<'_, AppState>,
    path: String,
) -> Result<PackPreview, String> {
    let pack = read_pack(path).await?;
    state.with(|s| s.preview_guideline_pack(&pack))
}

/// 载入指引包（一个事务；已有目录里的事项保留它们采用时的版本）。
#[tauri::command]
pub async fn guideline_pack_load(
    state: State<'_, AppState>,
    path: String,
) -> Result<LibraryLoad, String> {
    let pack = read_pack(path).await?;
    state.with(|s| s.load_guideline_pack(&pack))
}

async fn read_pack(path: String) -> Result<GuidelinePack, String> {
    if path.trim().is_empty() {
        return Err("请选择要载入的指引包。".into());
    }
    tauri::async_runtime::spawn_blocking(move || {
        GuidelinePack::read(&PathBuf::from(path)).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| format!("读取指引包中途出错：{e}"))?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::fixture;
    use mulu_core::guideline::LoadAction;

    fn block<T>(f: impl std::future::Future<Output = T>) -> T {
        tauri::async_runtime::block_on(f)
    }

    #[test]
    fn imports_an_official_workbook_after_a_preview() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("mulu.db"));
        let sessions = GuidelineSessions::default();
        let path = fixture("guideline_template.xlsx");
        let read = block(read_guideline(&state, &path, None, None)).unwrap();
        let preview = state.try_with(|s| read.preview(s)).unwrap();
        assert_eq!(preview.domains.len(), 1);
        assert_eq!(preview.domains[0].name, "生态环境");
        assert_eq!(preview.domains[0].action, LoadAction::Add);
        assert!(preview.version.starts_with("导入-"), "{}", preview.version);
        let before = state.with(|s| s.guideline_versions("生态环境")).unwrap();

        let token = sessions.insert(read);
        let loaded = sessions
            .with(token, true, |read| state.try_with(|s| read.commit(s)))
            .unwrap();
        assert_eq!(loaded.stored(), 1);
        let after = state
            .with(|s| s.guideline_domain("生态环境", None))
            .unwrap();
        assert_eq!(after.data_version, preview.version);
        assert_eq!(
            after.library.as_deref(),
            Some("导入：guideline_template.xlsx")
        );
        assert_eq!(
            state
                .with(|s| s.guideline_versions("生态环境"))
                .unwrap()
                .len(),
            before.len() + 1
        );
        // 载入之后编号作废：再载入一次是“预览已失效”，不会重复存版本。
        assert!(sessions
            .with(token, true, |read| state.try_with(|s| read.commit(s)))
            .is_err());
    }

    #[test]
    fn a_pack_round_trips_through_the_commands_helpers() {
        let dir = tempfile::tempdir().unwrap();
        let county = AppState::new(dir.path().join("county.db"));
        let town = AppState::new(dir.path().join("town.db"));
        let path = dir.path().join("县.json").display().to_string();
        let pack = county
            .with(|s| s.guideline_pack("某某县指引库", Some("1")))
            .unwrap();
        pack.write(std::path::Path::new(&path)).unwrap();
        let read = block(read_pack(path)).unwrap();
        let loaded = town.with(|s| s.load_guideline_pack(&read)).unwrap();
        assert_eq!(loaded.stored(), 0, "两边都是内置数据：没有新版本");
        assert_eq!(
            block(read_pack(" ".into())).unwrap_err(),
            "请选择要载入的指引包。"
        );
        let err = block(read_pack(fixture("official_openpyxl.xlsx"))).unwrap_err();
        assert!(err.contains("不是标准指引包"), "{err}");
    }
}
