import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/** Chromium (Electron and the browser host) reads woff2: drop the woff fallbacks so they are not shipped. */
function woff2Only(): Plugin {
  return {
    name: 'kiosk:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
    },
  };
}

// Served at `/`, `/staff`, `/admin` by the browser host (SPA fallback) and at app://kiosk/ in Electron:
// an absolute base makes `/assets/…` resolve the same from every deep path.
export default defineConfig({
  // Vite substitutes import.meta.dirname in config files: the folder of this file, from any cwd.
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), woff2Only()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The CSP allows fonts and scripts from 'self' only: never inline assets as data: URLs.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome120',
    sourcemap: false,
  },
});
