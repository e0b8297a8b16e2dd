import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The Tauri window loads the dev server on this fixed port (tauri.conf.json: build.devUrl).
const DEV_PORT = 5173;

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: DEV_PORT, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
