import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Built into dist/web, which the gateway serves (apps/gateway/src/web). `npm run dev -w @enforcement/web` proxies the
// API to a gateway on :3000.
export default defineConfig({
  root: here('.'),
  plugins: [vue()],
  resolve: {
    alias: {
      '@enforcement/domain': here('../../libs/domain/src'),
      '@': here('src'),
    },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/web-config.json': 'http://127.0.0.1:3000' } },
});
