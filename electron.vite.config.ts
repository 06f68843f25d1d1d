import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * React's fast refresh injects an inline script in `electron-vite dev`; the page's CSP
 * (`script-src 'self'`) would block it. Only the dev server relaxes it; builds keep it strict.
 */
function devOnlyInlineScripts(): Plugin {
  return {
    name: 'meras-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The Electron shell and the plain-Node host shell share one core.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          host: resolve(__dirname, 'src/main/host/host-main.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require packages: bundle everything into one CommonJS file.
    build: { externalizeDeps: false },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
      // Inlined data: URLs would need a looser CSP (font-src, img-src); ship every asset as a file.
      assetsInlineLimit: 0,
      // Also served to browsers on the office network: keep the first load small.
      minify: true,
    },
    plugins: [react(), devOnlyInlineScripts()],
  },
});
