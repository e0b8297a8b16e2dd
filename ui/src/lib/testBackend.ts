// The browser tests' backend: the core's commands over HTTP to the loopback test server
// (examples/ui_test_server.rs), which runs the real core through the same command table as the
// app. Each page load starts a session of its own on the server: a fresh folder with its own
// plans, recent list and settings, and a fixed "today".
//
// The address sets up the session and answers the file dialogs, as a person would:
//   ?today=YYYY-MM-DD  the core's today (default: the browser's own date)
//   ?fail=io           writing in the data folder fails, as on a broken disk
//   ?delay=MS          every answer takes that long, as on a slow network folder
//   ?firstStart=1      the computer's first start: no user name saved yet (otherwise "Ingrid")
//   ?launch=PATH       the program was started with that plan file (a double-click on it)
//   ?open= ?save= ?calendar= ?exportFolder= ?folder=
//                      what the open, save, calendar, export-folder and folder dialogs answer;
//                      empty: the person cancels; a path starting with / is inside the
//                      session's folder; `calendar` may give several answers separated by |,
//                      used in turn.
// `window.turnusTest.root` is the session's folder, so a test can read what was written.

import { CoreBackend, type Dialogs, type Transport } from './coreBackend';
import { isIsoDate, localToday } from './dates';

interface Session {
  id: string;
  root: string;
}

export interface TestOptions {
  today: string;
  fail: string | null;
  delayMs: number;
  firstStart: boolean;
  launch: string | null;
  open: string | null | undefined;
  save: string | null | undefined;
  calendar: string | null | undefined;
  exportFolder: string | null | undefined;
  folder: string | null | undefined;
}

/** The options of the address `search` (`?today=…&open=…`). */
export function testOptionsFromQuery(search: string): TestOptions {
  const query = new URLSearchParams(search);
  const answer = (key: string) => {
    const value = query.get(key);
    return value === null ? undefined : value === '' ? null : value;
  };
  const today = query.get('today');
  const delay = Number(query.get('delay'));
  return {
    today: today !== null && isIsoDate(today) ? today : localToday(),
    fail: query.get('fail'),
    delayMs: Number.isInteger(delay) && delay > 0 ? delay : 0,
    firstStart: query.get('firstStart') === '1',
    launch: query.get('launch'),
    open: answer('open'),
    save: answer('save'),
    calendar: answer('calendar'),
    exportFolder: answer('exportFolder'),
    folder: answer('folder'),
  };
}

/** A path the test names (`/x/skadet.turnus`) inside the session's folder. */
function inside(root: string, path: string): string {
  return path.startsWith('/') ? `${root}${path}` : path;
}

export function testBackend(options: TestOptions): CoreBackend {
  let session: Promise<Session> | null = null;
  const start = (): Promise<Session> => {
    session ??= fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        today: options.today,
        fail: options.fail ?? undefined,
        delay_ms: options.delayMs,
        first_start: options.firstStart || undefined,
        launch: options.launch ?? undefined,
      }),
    }).then(async (response) => {
      if (!response.ok) throw new Error(`the test server refused a session: ${await response.text()}`);
      const started = (await response.json()) as Session;
      (globalThis as { turnusTest?: { root: string } }).turnusTest = { root: started.root };
      return started;
    });
    return session;
  };

  const http: Transport = async (name, args) => {
    const { id } = await start();
    const response = await fetch(`/api/${id}/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const answer: unknown = await response.json();
    if (!response.ok) throw answer;
    return answer as never;
  };

  let calendarAnswers = 0;
  const dialogs: Dialogs = {
    async chooseNewPlanPath(suggestedName) {
      const { root } = await start();
      if (options.save !== undefined) return options.save === null ? null : inside(root, options.save);
      return `${root}/home/ingrid/Dokumenter/${suggestedName || 'Turnus'}.turnus`;
    },
    async choosePlanToOpen() {
      const { root } = await start();
      if (options.open !== undefined) return options.open === null ? null : inside(root, options.open);
      return `${root}/home/ingrid/Dokumenter/Turnus for Ingrid.turnus`;
    },
    async chooseExportPath(suggestedName, format) {
      const { root } = await start();
      if (options.exportFolder === null) return null;
      const name = suggestedName.toLowerCase().endsWith(`.${format}`) ? suggestedName : `${suggestedName}.${format}`;
      return `${inside(root, options.exportFolder ?? '/home/ingrid/Dokumenter')}/${name}`;
    },
    async chooseFolder() {
      const { root } = await start();
      if (options.folder !== undefined) return options.folder === null ? null : inside(root, options.folder);
      return `${root}/home/ingrid/Delt/Kalendere`;
    },
    async chooseCalendarToImport() {
      const { root } = await start();
      if (options.calendar === null) return null;
      const answers = (options.calendar ?? '/home/ingrid/Dokumenter/sykehjem.ics').split('|');
      return inside(root, answers[Math.min(calendarAnswers++, answers.length - 1)]);
    },
  };

  return new CoreBackend(http, dialogs);
}
