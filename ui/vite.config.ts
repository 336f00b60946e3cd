import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Tauri loads ui/dist through its custom protocol; a fixed port for `vite dev` only.
export default defineConfig({
  plugins: [vue()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
})
