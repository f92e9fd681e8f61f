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
    chunkSizeWarningLimit: 4000, // Monaco (the explorer's editor, its page only) is the largest chunk; exceljs next
    reportCompressedSize: false,
    // The analysts' GraphQL explorer (/graphiql: GraphiQL, React, Monaco and its workers) is bundled like the
    // rest: nothing is fetched from another origin.
    rollupOptions: {
      // GraphiQL's React packages carry "use client" (a server-components hint that means nothing in this bundle).
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: { proxy: { '/graphql': 'http://localhost:3000' } },
});
