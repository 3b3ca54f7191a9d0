import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  // @vitejs/plugin-react is not installable here; esbuild's automatic runtime is all we need (no fast refresh).
  esbuild: { jsx: 'automatic' },
  // Other workspaces may hoist React 18 at the root: two Reacts render a blank page.
  resolve: { dedupe: ['react', 'react-dom'] },
  server: {
    // ws: the browser test call's socket goes through the API as well.
    proxy: { '/api': { target: api, ws: true }, '/health': api },
  },
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true },
});
