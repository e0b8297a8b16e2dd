// End-to-end test of the real Turnus window: Xvfb, tauri-driver (which starts WebKitWebDriver,
// which starts target/debug/turnus), and the WebDriver HTTP API through plain fetch.
//
// It checks what a person sees: the start page, Tab reaching "Åpne demoplanen", a click on it,
// and the overview with the demo plan's assistants and shifts, compared with what the core's
// own `turnus demo` writes, so the answer came from the Rust core over IPC, not the UI's fake.
// Every wait is bounded; Xvfb and tauri-driver (with everything it started) are stopped on
// success, on failure and on Ctrl-C.

import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const APP = resolve(ROOT, process.env.TURNUS_APP ?? 'target/debug/turnus');
const OUT = join(ROOT, 'test-output');
const TOTAL_LIMIT_MS = 180_000;
const STEP_LIMIT_MS = 30_000;

const children = [];
let passed = 0;
let failed = 0;
let driverLog = '';

function log(message) {
  console.log(`e2e: ${message}`);
}

function findTauriDriver() {
  const candidates = [process.env.TAURI_DRIVER, join(homedir(), '.cargo/bin/tauri-driver')];
  for (const path of (process.env.PATH ?? '').split(':')) candidates.push(join(path, 'tauri-driver'));
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('tauri-driver is not installed; run `make deps`');
  return found;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts `command` in its own process group, so stopping it also stops what it started. */
function start(name, command, args, options = {}) {
  const child = spawn(command, args, { detached: true, ...options });
  children.push({ name, child });
  child.on('error', (error) => log(`${name} failed to start: ${error.message}`));
  return child;
}

function stopAll() {
  for (const { name, child } of children.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // The group is already gone.
    }
    log(`stopped ${name}`);
  }
  children.length = 0;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts Xvfb on the first free display and returns ":N". */
async function startXvfb() {
  const xvfb = start('Xvfb', 'Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  xvfb.stderr.on('data', (chunk) => (stderr += chunk));
  const display = await withTimeout(
    new Promise((resolveDisplay, reject) => {
      let text = '';
      xvfb.stdio[3].on('data', (chunk) => {
        text += chunk;
        if (text.includes('\n')) resolveDisplay(`:${text.trim()}`);
      });
      xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr.trim()}`)));
    }),
    STEP_LIMIT_MS,
    'Xvfb to start',
  );
  return display;
}

async function webdriver(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(STEP_LIMIT_MS),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = json?.value?.message ?? json?.value?.error ?? response.statusText;
    const error = new Error(`${method} ${path}: ${response.status} ${detail}`);
    error.webdriverError = json?.value?.error;
    throw error;
  }
  return json.value;
}

async function waitForDriver(base) {
  const deadline = Date.now() + STEP_LIMIT_MS;
  while (Date.now() < deadline) {
    try {
      const status = await webdriver(base, 'GET', '/status');
      if (status?.ready !== false) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`tauri-driver did not answer on ${base} within ${STEP_LIMIT_MS / 1000} s`);
}

// The W3C WebDriver key under which an element reference is returned.
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Waits until the XPath finds at least one element and returns their ids. */
async function waitForElements(session, xpath, what) {
  const deadline = Date.now() + STEP_LIMIT_MS;
  let lastError = 'nothing found';
  while (Date.now() < deadline) {
    try {
      const found = await session.call('POST', '/elements', { using: 'xpath', value: xpath });
      if (found.length > 0) return found.map((e) => e[ELEMENT]);
    } catch (error) {
      lastError = error.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the window never showed ${what} (${xpath}): ${lastError}`);
}

async function text(session, element) {
  return session.call('GET', `/element/${element}/text`);
}

/**
 * Grabs the whole X display, which shows the real window as a person would see it. (WebKitWebDriver's
 * own screenshot command does not answer under Xvfb here.)
 */
function screenshot(display, name) {
  const path = join(OUT, name);
  execFileSync('import', ['-display', display, '-window', 'root', path], { timeout: STEP_LIMIT_MS });
  log(`screenshot ${path}`);
}

/** The demo plan as the core's command line writes it: what the window must show. */
function coreDemo() {
  const dir = mkdtempSync(join(tmpdir(), 'turnus-e2e-'));
  try {
    const file = join(dir, 'demo.json');
    execFileSync(APP, ['demo', file], { timeout: STEP_LIMIT_MS, stdio: ['ignore', 'ignore', 'inherit'] });
    const plan = JSON.parse(readFileSync(file, 'utf8'));
    return {
      assistants: plan.assistants.map((a) => a.name),
      shifts: plan.shifts.filter((s) => s.status !== 'cancelled').length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function check(name, body) {
  try {
    await body();
    passed += 1;
    log(`ok: ${name}`);
  } catch (error) {
    failed += 1;
    log(`FAILED: ${name}\n    ${error.message}`);
    throw error;
  }
}

async function main() {
  if (!existsSync(APP)) throw new Error(`the app is not built: ${APP} is missing; run \`make build\``);
  mkdirSync(OUT, { recursive: true });

  const display = await startXvfb();
  log(`Xvfb on ${display}`);

  const port = await freePort();
  const nativePort = await freePort();
  const env = {
    ...process.env,
    DISPLAY: display,
    // Software rendering: Xvfb has no GPU, and WebKitGTK's DMA-BUF renderer needs one.
    WEBKIT_DISABLE_DMABUF_RENDERER: '1',
    LIBGL_ALWAYS_SOFTWARE: '1',
  };
  const driver = start('tauri-driver', findTauriDriver(), ['--port', `${port}`, '--native-port', `${nativePort}`], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  driver.stdout.on('data', (chunk) => (driverLog += chunk));
  driver.stderr.on('data', (chunk) => (driverLog += chunk));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForDriver(base);
  } catch (error) {
    throw new Error(`${error.message}\n--- tauri-driver said:\n${driverLog}`);
  }

  const created = await webdriver(base, 'POST', '/session', {
    capabilities: { alwaysMatch: { 'tauri:options': { application: APP } } },
  });
  const sessionId = created.sessionId;
  const session = {
    call: (method, path, body) => webdriver(base, method, `/session/${sessionId}${path}`, body),
  };
  log(`session ${sessionId} with ${APP}`);

  try {
    await check('the window shows the start page with the heading "Turnus"', async () => {
      const [heading] = await waitForElements(session, "//h1[normalize-space()='Turnus']", 'the heading Turnus');
      const title = await session.call('GET', '/title');
      if (title !== 'Turnus') throw new Error(`the page title is "${title}", not "Turnus"`);
      if ((await text(session, heading)).trim() !== 'Turnus') throw new Error('the h1 does not read "Turnus"');
    });

    await check('the page runs inside Tauri, so it talks to the Rust core and not the fake', async () => {
      const inTauri = await session.call('POST', '/execute/sync', {
        script: 'return typeof window.__TAURI_INTERNALS__ === "object";',
        args: [],
      });
      if (inTauri !== true) throw new Error('window.__TAURI_INTERNALS__ is missing: the UI would use its fake backend');
    });

    screenshot(display, 'e2e-start.png');

    await check('Tab moves the keyboard focus to "Åpne demoplanen" in the real window', async () => {
      const TAB = '\uE004';
      await session.call('POST', '/actions', {
        actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: TAB }, { type: 'keyUp', value: TAB }] }],
      });
      const focused = await session.call('POST', '/execute/sync', {
        script: 'return document.activeElement ? document.activeElement.textContent.trim() : null;',
        args: [],
      });
      if (focused !== 'Åpne demoplanen') throw new Error(`after Tab the focus is on ${JSON.stringify(focused)}`);
      screenshot(display, 'e2e-focus.png');
    });

    await check('"Åpne demoplanen" shows the core\'s demo plan: its assistants and its shifts', async () => {
      const [button] = await waitForElements(
        session,
        "//button[normalize-space()='Åpne demoplanen']",
        'the button "Åpne demoplanen"',
      );
      await session.call('POST', `/element/${button}/click`, {});
      let planHeading;
      try {
        [planHeading] = await waitForElements(session, "//h2[@id='overview-heading']", 'the overview heading');
      } catch (error) {
        const alerts = await session.call('POST', '/elements', { using: 'xpath', value: "//*[@role='alert']" });
        const said = await Promise.all(alerts.map((a) => text(session, a[ELEMENT])));
        throw new Error(said.length > 0 ? `${error.message}; the page said: ${said.join(' ')}` : error.message);
      }
      const planName = (await text(session, planHeading)).trim();
      if (planName === '') throw new Error('the overview heading is empty');
      const items = await waitForElements(
        session,
        "//ul[@aria-labelledby='assistants-heading']/li",
        'the list of assistants',
      );
      const assistants = (await Promise.all(items.map((item) => text(session, item)))).map((n) => n.trim());
      log(`plan "${planName}" with ${assistants.join(', ')}`);
      const expected = coreDemo();
      if (JSON.stringify(assistants) !== JSON.stringify(expected.assistants)) {
        throw new Error(`the window lists ${assistants.join(', ')}; the core's demo has ${expected.assistants.join(', ')}`);
      }
      const [summary] = await waitForElements(
        session,
        "//section[@aria-labelledby='overview-heading']",
        'the overview section',
      );
      const summaryText = await text(session, summary);
      for (const sentence of [`Planen har ${expected.shifts} vakter`, 'Sjekken mot arbeidstidsreglene fant']) {
        if (!summaryText.includes(sentence)) throw new Error(`the overview does not say "${sentence}"`);
      }
    });

    screenshot(display, 'e2e-overview.png');
  } finally {
    await webdriver(base, 'DELETE', `/session/${sessionId}`).catch((error) =>
      log(`could not end the session: ${error.message}`),
    );
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    stopAll();
    process.exit(130);
  });
}
process.on('exit', stopAll);

let exitCode = 0;
try {
  await withTimeout(main(), TOTAL_LIMIT_MS, 'the whole end-to-end test');
} catch (error) {
  exitCode = 1;
  if (failed === 0) {
    failed += 1;
    log(`FAILED: ${error.message}`);
  }
  if (driverLog.trim() !== '') log(`tauri-driver, WebKitWebDriver and the app said:\n${driverLog.trim()}`);
} finally {
  stopAll();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
