/// <reference types="vitest/config" />
// Builds the single-page app into dist/ (served by `meekijk serve --web dist`) and declares the two
// test projects: `unit` (the app's own logic, in jsdom) and `e2e` (Chromium against the real server).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const kSlowTestMs = 180_000;

// What the dev server and Vitest may read: this folder, and the one outside it that holds the form
// field catalogue (form_fields.tsv, which src/lib/formFields.ts imports with ?raw; the server reads
// it too). A folder, not the file: Vite checks a ?raw import against the allowed folders.
const kAllowedFolders = [
  fileURLToPath(new URL('.', import.meta.url)),
  fileURLToPath(new URL('../src/domain', import.meta.url)),
];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Chunks above this are worth a look; the login screen's budget is checked by `npm run bench`.
    chunkSizeWarningLimit: 400,
  },
  server: {
    // `npm run dev` next to a `meekijk serve --listen 127.0.0.1:8080`.
    proxy: { '/api': 'http://127.0.0.1:8080' },
    fs: { allow: kAllowedFolders },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: kSlowTestMs,
          hookTimeout: kSlowTestMs,
        },
      },
    ],
  },
});
