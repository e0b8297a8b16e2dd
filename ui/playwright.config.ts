import { defineConfig } from '@playwright/test';

// The built UI (ui/dist) in Debian's Chromium (Playwright never downloads a browser here), on
// the real core: the loopback test server (examples/ui_test_server.rs, built by `make
// test-browser`) serves the UI and answers its commands through the core's command table. Every
// page load gets a session of its own on the server, in a fresh folder, so no two tests share a
// plan. The server's folders are under test-output/ui-server, made anew at each start.
const PORT = Number(process.env.TURNUS_UI_TEST_PORT ?? 4173);
const SERVER = process.env.TURNUS_UI_TEST_SERVER ?? '../target/debug/examples/ui_test_server';

export default defineConfig({
  testDir: 'tests',
  outputDir: '../test-output/playwright',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'nb-NO',
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `${SERVER} --ui dist --root ../test-output/ui-server-${PORT} --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
