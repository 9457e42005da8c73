import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The browser app is built into the package's dist/app, which the server serves: every script,
// style and font is bundled, so the dashboard needs no network.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/app/', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
});
