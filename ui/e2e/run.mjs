// End-to-end test of the real Turnus window: Xvfb, tauri-driver (which starts WebKitWebDriver,
// which starts target/debug/turnus), and the WebDriver HTTP API through plain fetch.
//
// It does what a person does, by keyboard: the guide creates a plan in a file (the native save
// dialog cannot be driven, so the page is told the path), two shifts nine hours apart give a
// daily-rest finding from the Rust core, Ctrl+Z takes it away, and the plan opened again from the
// recent list is as it was: the answers came from the core over IPC, not the UI's fake. The
// Export page then saves the rota as a PDF (read back with pdftotext) and keeps a calendar folder
// that follows a deleted shift.
// Every wait is bounded; Xvfb and tauri-driver (with everything it started) are stopped on
// success, on failure and on Ctrl-C.

import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const APP = resolve(ROOT, process.env.TURNUS_APP ?? 'target/debug/turnus');
const OUT = join(ROOT, 'test-output');
const TOTAL_LIMIT_MS = 240_000;
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

const TAB = '\uE004';
const ENTER = '\uE007';
const CONTROL = '\uE009';
const ARROW_RIGHT = '\uE014';
const ARROW_DOWN = '\uE015';
const DELETE = '\uE017';
const PLAN_DIR = mkdtempSync(join(tmpdir(), 'turnus-e2e-plan-'));
const PLAN_FILE = join(PLAN_DIR, 'E2E-plan.turnus');
const EXPORT_DIR = join(PLAN_DIR, 'exports');
const CALENDAR_DIR = join(PLAN_DIR, 'calendars');
const REST_FINDING = "//ul[contains(@class,'findings')]/li[contains(., '10-8')]";

async function keyActions(session, actions) {
  await session.call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  await session.call('DELETE', '/actions');
}

async function press(session, key) {
  await keyActions(session, [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }]);
}

async function pressWith(session, modifier, key) {
  await keyActions(session, [
    { type: 'keyDown', value: modifier },
    { type: 'keyDown', value: key },
    { type: 'keyUp', value: key },
    { type: 'keyUp', value: modifier },
  ]);
}

async function selectAll(session) {
  await pressWith(session, CONTROL, 'a');
}

async function type(session, text) {
  const actions = [];
  for (const char of text) actions.push({ type: 'keyDown', value: char }, { type: 'keyUp', value: char });
  await keyActions(session, actions);
}

async function run(session, script) {
  return session.call('POST', '/execute/sync', { script, args: [] });
}

/** What has the keyboard focus: its id, role, type and text. */
async function focused(session) {
  return run(
    session,
    `const e = document.activeElement;
     return e ? { id: e.id, role: e.getAttribute('role'), type: e.getAttribute('type'), text: e.textContent.trim() } : {};`,
  );
}

async function tabUntil(session, predicate, what, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await press(session, TAB);
    if (predicate(await focused(session))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function texts(session, xpath) {
  const found = await session.call('POST', '/elements', { using: 'xpath', value: xpath });
  return Promise.all(found.map((e) => text(session, e[ELEMENT])));
}

async function waitForText(session, xpath, wanted, what) {
  const deadline = Date.now() + STEP_LIMIT_MS;
  let last = [];
  while (Date.now() < deadline) {
    last = await texts(session, xpath).catch(() => []);
    if (last.some((t) => t.includes(wanted))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  const alerts = await texts(session, "//*[@role='alert' or @role='status']").catch(() => []);
  throw new Error(`the window never showed ${what}: ${JSON.stringify(last)}; the page said ${JSON.stringify(alerts)}`);
}

async function waitForGone(session, xpath, what) {
  const deadline = Date.now() + STEP_LIMIT_MS;
  while (Date.now() < deadline) {
    const found = await session.call('POST', '/elements', { using: 'xpath', value: xpath });
    if (found.length === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} is still shown`);
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
    // A fresh config and data folder: the recent list and settings start empty.
    XDG_CONFIG_HOME: join(PLAN_DIR, 'config'),
    XDG_DATA_HOME: join(PLAN_DIR, 'data'),
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

  /** A window of the app started with `args`, as the desktop starts it. */
  async function startApp(args) {
    const created = await webdriver(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application: APP, args } } },
    });
    const id = created.sessionId;
    return { id, call: (method, path, body) => webdriver(base, method, `/session/${id}${path}`, body) };
  }
  async function stopApp(session) {
    await webdriver(base, 'DELETE', `/session/${session.id}`).catch((error) => log(`could not end the session: ${error.message}`));
  }

  const session = await startApp([]);
  const sessionId = session.id;
  log(`session ${sessionId} with ${APP}`);

  try {
    await check('the window shows the start page with the heading "Turnus"', async () => {
      const [heading] = await waitForElements(session, "//h1[normalize-space()='Turnus']", 'the heading Turnus');
      const title = await session.call('GET', '/title');
      if (title !== 'Turnus') throw new Error(`the page title is "${title}", not "Turnus"`);
      if ((await text(session, heading)).trim() !== 'Turnus') throw new Error('the h1 does not read "Turnus"');
    });

    await check('the page runs inside Tauri, so it talks to the Rust core over Tauri IPC', async () => {
      const inTauri = await session.call('POST', '/execute/sync', {
        script: 'return typeof window.__TAURI_INTERNALS__ === "object";',
        args: [],
      });
      if (inTauri !== true) throw new Error('window.__TAURI_INTERNALS__ is missing: the UI would look for the browser tests’ server');
    });

    await check('at first start the window asks the name before anything else, and keeps it', async () => {
      await waitForElements(session, "//dialog[@open]//h2[normalize-space()='Hva heter du?']", 'the question of the name');
      const asked = await focused(session);
      if (asked.id !== 'first-name') throw new Error(`the box of the name does not have the focus: ${JSON.stringify(asked)}`);
      await type(session, 'Ingrid Haugen');
      await press(session, ENTER);
      await waitForGone(session, '//dialog[@open]', 'the question of the name');
    });

    screenshot(display, 'e2e-start.png');

    await check('keyboard only: the guide creates a plan with two assistants in the chosen file', async () => {
      await run(session, `window.turnusE2E = { savePath: ${JSON.stringify(PLAN_FILE)} }; return true;`);
      await press(session, TAB);
      const first = await focused(session);
      if (first.text !== 'Lag en ny plan') throw new Error(`the first Tab stop is ${JSON.stringify(first.text)}`);
      await press(session, ENTER);
      await waitForElements(session, "//h2[starts-with(normalize-space(), 'Ny plan: Om planen')]", 'the guide');
      await press(session, TAB);
      await type(session, 'Ingrid Haugen');
      await press(session, ENTER);
      await waitForElements(session, "//h2[starts-with(normalize-space(), 'Ny plan: Vedtaket')]", 'the guide step about the vedtak');
      await tabUntil(session, (f) => f.id === 'guide-hours-personlig_assistanse', 'the hours of personal assistance');
      await type(session, '40');
      await press(session, ENTER);
      await waitForElements(session, "//h2[starts-with(normalize-space(), 'Ny plan: Arbeidstidsregler')]", 'the guide step about rules');
      await tabUntil(session, (f) => f.type === 'submit', 'the button Neste');
      await press(session, ENTER);
      await waitForElements(session, "//h2[starts-with(normalize-space(), 'Ny plan: Assistenter')]", 'the guide step about assistants');
      await press(session, TAB);
      await type(session, 'Kari Nordmann');
      await tabUntil(session, (f) => f.id === 'guide-add-assistant', 'the button that adds an assistant');
      await press(session, ENTER);
      await type(session, 'Ola Hansen');
      screenshot(display, 'e2e-guide.png');
      await press(session, ENTER);
      await waitForElements(session, "//table[@role='grid']", 'the turnus grid of the new plan');
      const names = await texts(session, "//table[@role='grid']//th[@scope='row']");
      if (!names[0]?.startsWith('Kari Nordmann') || !names[1]?.startsWith('Ola Hansen')) {
        throw new Error(`the grid's rows are ${JSON.stringify(names)}`);
      }
      if (!existsSync(PLAN_FILE)) throw new Error(`${PLAN_FILE} was not written`);
    });

    await check('keyboard only: two shifts with nine hours between them give a daily-rest finding', async () => {
      await tabUntil(session, (f) => f.role === 'gridcell', 'the first cell of the grid');
      await press(session, ENTER);
      await waitForElements(session, "//dialog[@open]", 'the shift dialog');
      await press(session, TAB);
      await press(session, TAB);
      await press(session, TAB);
      await selectAll(session);
      await type(session, '15:00');
      await press(session, TAB);
      await selectAll(session);
      await type(session, '23:00');
      await press(session, ENTER);
      await waitForText(session, "//td[@id='cell-0-0']", '15:00–23:00', 'the evening shift in the first cell');
      await press(session, ARROW_RIGHT);
      await press(session, ENTER);
      await waitForElements(session, "//dialog[@open]", 'the shift dialog');
      await press(session, TAB);
      await press(session, TAB);
      await press(session, ENTER);
      await waitForText(session, "//td[@id='cell-0-1']", '08:00–16:00', 'the day shift the next morning');
      await waitForElements(session, REST_FINDING, 'a finding citing aml § 10-8 (daily rest)');
      screenshot(display, 'e2e-finding.png');
    });

    await check('Ctrl+Z undoes the second shift and the finding goes away', async () => {
      await pressWith(session, CONTROL, 'z');
      await waitForGone(session, REST_FINDING, 'the daily-rest finding');
      const cell = await texts(session, "//td[@id='cell-0-1']");
      if (cell[0]?.includes('08:00')) throw new Error(`the undone shift is still shown: ${cell[0]}`);
      screenshot(display, 'e2e-undone.png');
    });

    await check('closed and opened again from the recent list, the plan is as it was', async () => {
      const [close] = await waitForElements(session, "//button[normalize-space()='Lukk planen']", 'the button Lukk planen');
      await session.call('POST', `/element/${close}/click`, {});
      const [recent] = await waitForElements(
        session,
        "//ul[@aria-labelledby='recent-heading']//button",
        'the list of recent plans',
      );
      await session.call('POST', `/element/${recent}/click`, {});
      await waitForText(session, "//td[@id='cell-0-0']", '15:00–23:00', 'the evening shift after reopening');
      const names = await texts(session, "//table[@role='grid']//th[@scope='row']");
      if (!names[0]?.startsWith('Kari Nordmann') || !names[1]?.startsWith('Ola Hansen')) {
        throw new Error(`after reopening the rows are ${JSON.stringify(names)}`);
      }
      const tuesday = await texts(session, "//td[@id='cell-0-1']");
      if (tuesday[0]?.includes('08:00')) throw new Error('the undone shift came back after reopening');
      screenshot(display, 'e2e-reopened.png');
    });

    await check('the Export page previews the rota and saves it as a PDF with the shifts and names', async () => {
      mkdirSync(EXPORT_DIR, { recursive: true });
      mkdirSync(CALENDAR_DIR, { recursive: true });
      await run(
        session,
        `window.turnusE2E = { exportFolder: ${JSON.stringify(EXPORT_DIR)}, calendarFolder: ${JSON.stringify(CALENDAR_DIR)} }; return true;`,
      );
      const [nav] = await waitForElements(session, "//nav//button[contains(normalize-space(), 'Utskrift og kalender')]", 'the Export page in the menu');
      await session.call('POST', `/element/${nav}/click`, {});
      await waitForElements(session, "//img[starts-with(@alt, 'Første side av Turnusplan')]", 'the preview of the rota');
      screenshot(display, 'e2e-export.png');
      const [save] = await waitForElements(session, "//button[normalize-space()='Lagre PDF …']", 'the button Lagre PDF');
      await session.call('POST', `/element/${save}/click`, {});
      await waitForText(session, "//p[contains(@class, 'done')]", 'er lagret i', 'the sentence saying where the PDF is');
      const pdfs = readdirSync(EXPORT_DIR).filter((name) => name.endsWith('.pdf'));
      if (pdfs.length !== 1) throw new Error(`the export folder holds ${JSON.stringify(readdirSync(EXPORT_DIR))}`);
      const pdf = join(EXPORT_DIR, pdfs[0]);
      if (!readFileSync(pdf).subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error(`${pdf} is no PDF`);
      const words = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', timeout: STEP_LIMIT_MS });
      for (const wanted of ['Turnusplan', 'Kari Nordmann', 'Ingrid Haugen', '15:00–23:00']) {
        if (!words.includes(wanted)) throw new Error(`the PDF does not say ${wanted}:\n${words}`);
      }
    });

    await check('the calendar folder gets Kari\'s shift, and deleting the shift cancels it on her calendar', async () => {
      const [choose] = await waitForElements(session, "//button[normalize-space()='Velg mappe …']", 'the button Velg mappe');
      await session.call('POST', `/element/${choose}/click`, {});
      await waitForText(session, '//main//p', `Kalenderne skrives til ${CALENDAR_DIR}`, 'the calendar folder');
      const karis = () => readdirSync(CALENDAR_DIR).find((name) => name.startsWith('Kari-Nordmann'));
      if (!karis() || !existsSync(join(CALENDAR_DIR, 'Turnus.ics'))) {
        throw new Error(`the calendar folder holds ${JSON.stringify(readdirSync(CALENDAR_DIR))}`);
      }
      const before = readFileSync(join(CALENDAR_DIR, karis()), 'utf8');
      if (!before.includes('BEGIN:VEVENT') || before.includes('STATUS:CANCELLED')) {
        throw new Error(`Kari's calendar does not hold her shift:\n${before}`);
      }
      const [grid] = await waitForElements(session, "//nav//button[normalize-space()='Turnus']", 'the Turnus page in the menu');
      await session.call('POST', `/element/${grid}/click`, {});
      await tabUntil(session, (f) => f.role === 'gridcell', 'the first cell of the grid');
      await press(session, DELETE);
      await waitForGone(session, "//td[@id='cell-0-0'][contains(., '15:00')]", 'the deleted evening shift');
      const after = readFileSync(join(CALENDAR_DIR, karis()), 'utf8');
      if (!after.includes('STATUS:CANCELLED')) throw new Error(`the deleted shift is not cancelled on Kari's calendar:\n${after}`);
      screenshot(display, 'e2e-calendar-folder.png');
    });

    await check('keyboard: Kari marked sick, her shift needs cover, the first suggestion takes it, and the grid and the vikar\'s calendar file change', async () => {
      const olas = () => readdirSync(CALENDAR_DIR).find((name) => name.startsWith('Ola-Hansen'));
      const olaBefore = olas() ? readFileSync(join(CALENDAR_DIR, olas()), 'utf8') : '';
      // A day shift for Kari on the second day, as before (the focus is still in the grid).
      const [tuesday] = await waitForElements(session, "//td[@id='cell-0-1']", 'Kari\'s second day');
      await session.call('POST', `/element/${tuesday}/click`, {});
      await press(session, ENTER);
      await waitForElements(session, "//dialog[@open]", 'the shift dialog');
      await press(session, TAB);
      await press(session, TAB);
      await press(session, ENTER);
      await waitForText(session, "//td[@id='cell-0-1']", '08:00–16:00', 'Kari\'s day shift');
      // F: the absence dialog for that day; the arrow key chooses Sykdom, egenmelding is the default.
      await type(session, 'f');
      await waitForElements(session, "//dialog[@open]//h2[starts-with(normalize-space(), 'Nytt fravær')]", 'the absence dialog');
      await press(session, ARROW_DOWN);
      await tabUntil(session, (f) => f.text === 'Lagre', 'the button Lagre');
      await press(session, ENTER);
      await waitForText(session, "//td[@id='cell-0-1']//*[contains(@class,'band')]", 'Syk', 'the sick band in Kari\'s row');
      await waitForText(session, "//tr[contains(@class,'open-row')]//td", 'Trenger dekning', 'the shift in the open-shifts row as needing cover');
      screenshot(display, 'e2e-sick.png');
      const [list] = await waitForElements(session, "//button[starts-with(normalize-space(), 'Trenger dekning (1)')]", 'the button Trenger dekning');
      await session.call('POST', `/element/${list}/click`, {});
      await waitForText(session, '//main//table//tr', 'Kari Nordmann', 'Kari\'s shift in the list Trenger dekning');
      const [find] = await waitForElements(session, "//button[starts-with(normalize-space(), 'Finn vikar')]", 'the button Finn vikar');
      await session.call('POST', `/element/${find}/click`, {});
      await waitForText(session, "//table[contains(@class,'candidates')]//tr", 'Ola Hansen', 'Ola among the candidates');
      const [choose] = await waitForElements(session, "//table[contains(@class,'candidates')]//tbody/tr[1]//button", 'the first suggestion\'s button Velg');
      await session.call('POST', `/element/${choose}/click`, {});
      await waitForText(session, '//main//p', 'Ingen vakter trenger dekning', 'the empty list after the cover');
      const [grid] = await waitForElements(session, "//nav//button[normalize-space()='Turnus']", 'the Turnus page in the menu');
      await session.call('POST', `/element/${grid}/click`, {});
      await waitForText(session, "//td[@id='cell-1-1']", 'Dekker for Kari Nordmann', 'the shift in Ola\'s row, covering for Kari');
      screenshot(display, 'e2e-covered.png');
      const olaAfter = olas() ? readFileSync(join(CALENDAR_DIR, olas()), 'utf8') : '';
      if (olaAfter === olaBefore || !olaAfter.includes('BEGIN:VEVENT')) {
        throw new Error(`Ola's calendar file did not get the shift:\n${olaAfter}`);
      }
      // Kari's phone drops the shift: cancelled on her calendar, saying who covers (lines unfolded).
      const karis = readdirSync(CALENDAR_DIR).find((name) => name.startsWith('Kari-Nordmann'));
      const kari = readFileSync(join(CALENDAR_DIR, karis), 'utf8').replace(/\r?\n[ \t]/g, '');
      if (!kari.includes('dekkes av Ola Hansen')) throw new Error(`Kari's calendar does not say that Ola covers:\n${kari}`);
    });
  } finally {
    await stopApp(session);
  }

  // The file manager's double-click: `turnus PLAN.turnus`. The window opens on that plan's grid,
  // never on the start page; first paint is measured on this warm start.
  await check('started with a plan file, the window opens on that plan in the turnus grid', async () => {
    const started = Date.now();
    const opened = await startApp([PLAN_FILE]);
    const windowUp = Date.now();
    try {
      await waitForElements(opened, "//table[@role='grid']//th[@scope='row'][starts-with(normalize-space(), 'Kari Nordmann')]", 'the grid of the plan file');
      const painted = Date.now();
      log(`first paint: the plan's grid ${painted - windowUp} ms after the window was up (${painted - started} ms after the start)`);
      const start = await opened.call('POST', '/elements', { using: 'xpath', value: "//h2[normalize-space()='Velkommen til Turnus']" });
      if (start.length > 0) throw new Error('the start page is shown beside the plan');
      screenshot(display, 'e2e-opened-with-file.png');
    } finally {
      await stopApp(opened);
    }
  });

  // The plan changed by another program while it is open, as a sync client does it: the other
  // computer's version (made here in a copy by the app itself, then closed) is copied beside the
  // plan and renamed over it by another process. The window notices it within seconds.
  await check('a plan file replaced by another program while open is noticed, reloaded and told', async () => {
    const other = join(PLAN_DIR, 'Other-computer.turnus');
    copyFileSync(PLAN_FILE, other);
    const elsewhere = await startApp([other]);
    try {
      const [nav] = await waitForElements(elsewhere, "//nav//button[normalize-space()='Innstillinger']", 'the Settings page in the menu');
      await elsewhere.call('POST', `/element/${nav}/click`, {});
      const [name] = await waitForElements(elsewhere, "//input[@id='settings-name']", 'the plan name box');
      await elsewhere.call('POST', `/element/${name}/clear`, {});
      await elsewhere.call('POST', `/element/${name}/value`, { text: 'Turnus fra den andre maskinen' });
      await press(elsewhere, ENTER);
      await waitForText(elsewhere, "//header//p[contains(@class,'plan-name')]", 'Turnus fra den andre maskinen', 'the new plan name');
    } finally {
      await stopApp(elsewhere);
    }
    const opened = await startApp([PLAN_FILE]);
    try {
      await waitForElements(opened, "//table[@role='grid']", 'the grid of the plan file');
      execFileSync('sh', ['-c', 'cp "$1" "$2.sync-tmp" && mv "$2.sync-tmp" "$2"', 'sync', other, PLAN_FILE]);
      await waitForText(opened, "//section[contains(@class,'disk-notice')]//*[@role='status']", 'endret planen kl.', 'the notice of the change on disk');
      await waitForText(opened, "//header//p[contains(@class,'plan-name')]", 'Turnus fra den andre maskinen', 'the reloaded plan name');
      screenshot(display, 'e2e-changed-on-disk.png');
    } finally {
      await stopApp(opened);
    }
  });

  // A double-click on a plan file with a password: the window asks for it at once, and the
  // right one opens the plan (the file is given its password by the same program's command line).
  await check('started with a plan file that has a password, the window asks for it and opens the plan', async () => {
    const locked = join(PLAN_DIR, 'Med-passord.turnus');
    copyFileSync(PLAN_FILE, locked);
    execFileSync(APP, ['password', 'set', locked], { env: { ...process.env, TURNUS_PASSWORD: 'Fjellbekk-2026' } });
    const opened = await startApp([locked]);
    try {
      await waitForElements(opened, "//dialog[@open]//h2[@id='password-dialog-heading']", 'the password dialog');
      const [box] = await waitForElements(opened, "//input[@id='open-password']", 'the password box');
      await opened.call('POST', `/element/${box}/value`, { text: 'Fjellbekk-2026' });
      await press(opened, ENTER);
      await waitForElements(opened, "//table[@role='grid']//th[@scope='row'][starts-with(normalize-space(), 'Kari Nordmann')]", 'the grid of the plan with a password');
      screenshot(display, 'e2e-opened-with-password.png');
    } finally {
      await stopApp(opened);
    }
  });

  await check('a plan file held on another computer opens read-only, with who holds it, and a refused edit says so visibly', async () => {
    // Per Haugen's Turnus holds the file (a live lock row, as his program writes it).
    execFileSync('python3', ['-c', `
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
now = int(time.time())
db.execute("INSERT OR REPLACE INTO plan_lock (id, token, holder, computer, pid, since, heartbeat) VALUES (1, 'per', 'Per Haugen', 'PER-BÆRBAR', 4242, ?, ?)", (now - 600, now + 3600))
db.commit()
`, PLAN_FILE]);
    const opened = await startApp([PLAN_FILE]);
    try {
      await waitForElements(opened, "//table[@role='grid']", 'the grid of the plan file');
      await waitForText(opened, "//section[contains(@class,'notice')]", 'Per Haugen på PER-BÆRBAR', 'the notice saying who holds the plan');
      screenshot(display, 'e2e-opened-locked.png');
      // An edit refused in read-only mode is said where the person looks, not only to screen readers.
      const [assistants] = await waitForElements(opened, "//nav//button[normalize-space()='Assistenter']", 'the Assistants page in the menu');
      await opened.call('POST', `/element/${assistants}/click`, {});
      const [remove] = await waitForElements(opened, "//button[starts-with(normalize-space(), 'Slett') and contains(., 'Ola Hansen')]", 'the button that deletes Ola Hansen');
      await opened.call('POST', `/element/${remove}/click`, {});
      await waitForText(opened, "//div[contains(@class,'refusal') and @role='alert']", 'bare for lesing', 'the visible notice of the refused deletion');
      screenshot(display, 'e2e-refusal-read-only.png');
    } finally {
      await stopApp(opened);
    }
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    stopAll();
    process.exit(130);
  });
}
process.on('exit', () => {
  stopAll();
  rmSync(PLAN_DIR, { recursive: true, force: true });
});

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
