import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The console: built into dist/web, which the API serves at `/` (same origin as /graphql). */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [vue()],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts anywhere (the API's Content-Security-Policy has script-src 'self').
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1000, // exceljs (loaded only for an XLSX export) is the largest chunk
    reportCompressedSize: false,
  },
  server: { proxy: { '/graphql': 'http://localhost:3000' } },
});
