import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Tauri loads ui/dist through its custom protocol; a fixed port for `vite dev` only.
// Element Plus on demand: each <el-…> used in a template is imported (with its CSS) by the SFC that
// uses it, so a screen's chunk carries only its own components. Components used from script
// (ElMessage, ElTag in render functions…) are imported explicitly; their CSS is imported in
// main.ts / next to the import. (Templates' <el-…> tags stay untyped, as before.)
export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false, dirs: [] }),
  ],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  // ECharts (lib/charts.ts: only the chart types used, loaded when the 审核工作台's 概况 tab first opens) is one
  // chunk of about 510 kB; the main bundle does not carry it.
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
})
