// 发布版在 Windows 上不弹出控制台窗口。
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Linux：WebKitGTK 不走 GPU 合成（加速合成模式），页面直接按软件绘制。本程序是表格与表单，用不着
    // 合成层；合成模式在没有 GPU 或只有软件 OpenGL（虚拟机、很多办公电脑、Xvfb）时经 Mesa llvmpipe 绘制，
    // 网页进程多用约 100 MB 内存（docs/benchmarks.md「桌面程序的内存」）。用户自己设了这个变量时照用户的；
    // 设 MULU_WEBKIT_COMPOSITING=1 恢复 WebKit 的默认做法。必须在启动 GTK/WebKit 之前设（此时只有一个线程）。
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none()
        && std::env::var_os("MULU_WEBKIT_COMPOSITING").is_none()
    {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    biaozhunmulu::run();
}
