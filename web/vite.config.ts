import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The UI is built into web/dist and served by `scoutline serve`; in development
// `npm run dev:web` proxies /api to a server on SCOUTLINE_API (default :4477).
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': process.env.SCOUTLINE_API ?? 'http://127.0.0.1:4477',
      '/openapi.json': process.env.SCOUTLINE_API ?? 'http://127.0.0.1:4477',
    },
  },
});
