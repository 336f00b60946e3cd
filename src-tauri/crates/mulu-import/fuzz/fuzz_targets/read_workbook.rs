//! 模糊测试：任意字节交给读取器，只能得到预览或错误，不能 panic、不能卡死。
//! 运行：`bash scripts/fuzz.sh [秒数]`（需要 nightly 与 cargo-fuzz）。
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = mulu_import::ReadOptions {
        max_sheet_cells: 200_000,
        ..mulu_import::ReadOptions::default()
    };
    let _ = mulu_import::read_workbook_bytes("fuzz.xlsx", data.to_vec(), &opts);
});
