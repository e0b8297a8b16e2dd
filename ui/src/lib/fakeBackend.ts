// `Backend` in memory, for UI tests in a plain browser and for working on the UI without the
// Rust shell. It behaves like the core in the ways the UI depends on: plans live in "files" (a
// map by path) so a plan can be closed and opened again; every edit is undoable; the law check
// finds too little daily rest (REST-D, 11 h) and too long weeks (NH-BASE); hours are counted
// against the vedtak. It can be told to fail, and some file names answer like damaged files.

import { BackendError, ERROR_CODES, type Backend, type ErrorCode } from './backend';
import {
  addDays,
  datesIn,
  daysBetween,
  isIsoDate,
  isoWeek,
  localMinutes,
  localToday,
  mondayOf,
  norwegianHolidays,
  parseTime,
  weekday,
  WEEKDAYS,
} from './dates';
import {
  PRESETS,
  SERVICES,
  EXPORT_KINDS,
  ONE_ASSISTANT_KINDS,
  type AppSettings,
  type Assistant,
  type AssistantInput,
  type BusyImport,
  type BusySource,
  type CalendarFolderView,
  type ExportDone,
  type ExportKind,
  type ExportPreview,
  type ExportRequest,
  type Day,
  type Finding,
  type HistoryEntry,
  type HoursView,
  type Language,
  type NewPlanInput,
  type PlanView,
  type PlanWindow,
  type Preset,
  type ProfileInput,
  type ProfileRow,
  type RecentPlan,
  type Rotation,
  type RotationInput,
  type Service,
  type ServiceHours,
  type SettingsInput,
  type SettingsView,
  type Shift,
  type ShiftInput,
  type ShiftType,
  type ShiftTypeInput,
  type Vedtak,
  type VedtakInput,
  type WeekHoursView,
} from './types';

interface StoredShift extends Omit<Shift, 'hours' | 'rotation' | 'differs_from_pattern' | 'pattern' | 'worst' | 'start_offset' | 'end_offset'> {
  /** The rotation it was made from and the pattern's assistant and times that day. */
  made: { rotation: string; assistant: string | null; start: string; end: string } | null;
}

interface FakePlan {
  settings: SettingsView;
  profile: { preset: Preset; overrides: Record<string, unknown> };
  assistants: Assistant[];
  shift_types: ShiftType[];
  vedtak: Vedtak[];
  rotations: Rotation[];
  shifts: StoredShift[];
}

interface Snapshot {
  plan: FakePlan;
  label: string;
  /** Index of its entry in the change log. */
  entry: number;
}

interface FakeFile {
  plan: FakePlan;
  log: HistoryEntry[];
  past: Snapshot[];
  future: Snapshot[];
}

export interface FakeOptions {
  /** When set, every call fails with this code, as the shell would. */
  failWith?: ErrorCode;
  /** What the save dialog answers; null: the person cancels. */
  savePath?: string | null;
  /** What the open dialog answers; null: the person cancels. */
  openPath?: string | null;
  /** The day the fake takes as today. */
  today?: string;
  /** What the calendar dialog answers; null: the person cancels. */
  calendarPath?: string | null;
  /** Milliseconds every answer takes, as a slow disk would (0: at once). */
  delayMs?: number;
  /** The folder the export save dialog answers in (the file name is the suggested one); null: the person cancels. */
  exportFolder?: string | null;
  /** What the folder dialog answers; null: the person cancels. */
  folderPath?: string | null;
}

/** A file the fake "wrote" through the Export page. */
export interface WrittenFile {
  format: 'pdf' | 'ics';
  request: ExportRequest | null;
  assistant: string | null;
}

// The values of each preset the fake knows (a subset of RULES.md §2, enough for the UI).
type ProfileValue = number | string | boolean | null;

// A few of the presets' values (RULES.md §2), of every kind the real backend sends: hours,
// weeks, a yes/no flag, a choice and clock times.
const PRESET_VALUES: Record<Preset, Record<string, ProfileValue>> = {
  aml: { daily_rest_min_h: 11, weekly_rest_min_h: 35, daily_normal_max_h: 9, weekly_normal_max_h: 40, total_day_max_h: 13, total_week_max_h: 48, weekly_normal_avg_h: null, averaging_weeks: null, passive_extension: true, sunday_rule: 'next_off', night_start: '21:00', night_end: '06:00' },
  aml_individual: { daily_rest_min_h: 11, weekly_rest_min_h: 35, daily_normal_max_h: 10, weekly_normal_max_h: 48, total_day_max_h: 13, total_week_max_h: 48, weekly_normal_avg_h: 40, averaging_weeks: 52, passive_extension: true, sunday_rule: 'average', night_start: '21:00', night_end: '06:00' },
  tariff: { daily_rest_min_h: 11, weekly_rest_min_h: 28, daily_normal_max_h: 12.5, weekly_normal_max_h: 54, total_day_max_h: 16, total_week_max_h: 48, weekly_normal_avg_h: 40, averaging_weeks: 52, passive_extension: false, sunday_rule: 'average', night_start: '21:00', night_end: '06:00' },
  tariff_long_shifts: { daily_rest_min_h: 11, weekly_rest_min_h: 28, daily_normal_max_h: 12.5, weekly_normal_max_h: 54, total_day_max_h: 16, total_week_max_h: 48, weekly_normal_avg_h: 40, averaging_weeks: 52, passive_extension: false, sunday_rule: 'average', night_start: '21:00', night_end: '06:00' },
};

const UNITS: Record<string, string> = {
  averaging_weeks: 'weeks',
  passive_extension: 'flag',
  sunday_rule: 'choice',
  night_start: 'clock',
  night_end: 'clock',
};

const LABELS: Record<string, Record<Language, string>> = {
  daily_rest_min_h: { nb: 'Daglig hvile, minst', en: 'Daily rest, at least' },
  weekly_rest_min_h: { nb: 'Ukentlig hvile, minst', en: 'Weekly rest, at least' },
  daily_normal_max_h: { nb: 'Alminnelig arbeidstid per dag, høyst', en: 'Normal working hours per day, at most' },
  weekly_normal_max_h: { nb: 'Alminnelig arbeidstid per uke, høyst', en: 'Normal working hours per week, at most' },
  total_day_max_h: { nb: 'Samlet arbeidstid per dag, høyst', en: 'Total working hours per day, at most' },
  total_week_max_h: { nb: 'Samlet arbeidstid per uke, høyst', en: 'Total working hours per week, at most' },
  weekly_normal_avg_h: { nb: 'Gjennomsnittlig arbeidstid per uke', en: 'Average working hours per week' },
  averaging_weeks: { nb: 'Gjennomsnitt beregnes over', en: 'Average taken over' },
  passive_extension: { nb: 'Passiv tid forlenger arbeidsdagen', en: 'Passive time extends the working day' },
  sunday_rule: { nb: 'Søn- og helgedager', en: 'Sundays and holidays' },
  night_start: { nb: 'Natten begynner', en: 'Night begins' },
  night_end: { nb: 'Natten slutter', en: 'Night ends' },
};

const SERVICE_NAMES: Record<Service, Record<Language, string>> = {
  personlig_assistanse: { nb: 'Personlig assistanse', en: 'Personal assistance' },
  stottekontakt: { nb: 'Støttekontakt', en: 'Support contact' },
  avlastning: { nb: 'Avlastning', en: 'Respite care' },
};

const PRESET_NAMES: Record<Preset, Record<Language, string>> = {
  aml: { nb: 'Arbeidsmiljøloven', en: 'Working Environment Act' },
  aml_individual: { nb: 'Arbeidsmiljøloven med gjennomsnittsberegning', en: 'Working Environment Act with averaging' },
  tariff: { nb: 'Tariffavtale', en: 'Collective agreement' },
  tariff_long_shifts: { nb: 'Tariffavtale med langvakter', en: 'Collective agreement with long shifts' },
};

const SEVERITY_NAMES: Record<'violation' | 'warning', Record<Language, string>> = {
  violation: { nb: 'Brudd', en: 'Violation' },
  warning: { nb: 'Advarsel', en: 'Warning' },
};

const MESSAGES: Record<string, Record<Language, string>> = {
  nameEmpty: { nb: 'Skriv inn et navn.', en: 'Enter a name.' },
  dayInvalid: { nb: 'Datoen finnes ikke. Skriv den som dd.mm.åååå.', en: 'That date does not exist. Write it as dd.mm.yyyy.' },
  timeInvalid: { nb: 'Klokkeslettet må skrives som tt:mm, for eksempel 08:00.', en: 'Write the time as hh:mm, for example 08:00.' },
  sameTimes: { nb: 'Vakten må slutte et annet klokkeslett enn den begynner.', en: 'The shift must end at another time than it starts.' },
  breakTooLong: { nb: 'Pausen er lengre enn vakten.', en: 'The break is longer than the shift.' },
  chooseKind: { nb: 'Velg hva slags dokument du vil lage.', en: 'Choose which kind of document to make.' },
  chooseAssistant: { nb: 'Velg assistenten dokumentet gjelder.', en: 'Choose the assistant the document is for.' },
  exportToBeforeFrom: { nb: 'Sluttdatoen er før startdatoen. Velg en sluttdato etter startdatoen.', en: 'The end date is before the start date. Choose an end date after the start date.' },
  exportTooLong: { nb: 'Perioden er for lang for ett dokument. Velg høyst 400 dager.', en: 'The period is too long for one document. Choose at most 400 days.' },
  folderMissing: { nb: 'Mappen {path} finnes ikke. Velg en mappe som finnes.', en: 'The folder {path} does not exist. Choose a folder that exists.' },
  cannotWrite: { nb: 'Turnus kunne ikke skrive {path} (ingen tilgang). Sjekk at mappen finnes og at du kan skrive i den, eller velg en annen.', en: 'Turnus could not write {path} (permission denied). Check that the folder exists and that you may write in it, or choose another.' },
  pdfSaved: { nb: '{title} er lagret i {path}.', en: 'The {title} is saved as {path}.' },
  icsSaved: { nb: 'Kalenderen for {who} er lagret i {path}.', en: 'The calendar of {who} is saved as {path}.' },
  wholePlan: { nb: 'hele planen', en: 'the whole plan' },
  staleMoved: { nb: '{date}: flyttet vakt – mønsteret har ikke lenger denne vakten den dagen.', en: '{date}: moved shift – the pattern no longer has this shift that day.' },
  noAssistant: { nb: 'Assistenten finnes ikke i planen.', en: 'That assistant is not in the plan.' },
  notFound: { nb: 'Det du valgte, finnes ikke lenger i planen.', en: 'What you chose is no longer in the plan.' },
  hours: { nb: 'Timer per uke må være mellom 0 og 168.', en: 'Hours per week must be between 0 and 168.' },
  colour: { nb: 'Fargen må skrives som #rrggbb, for eksempel #cfe6f3.', en: 'Write the colour as #rrggbb, for example #cfe6f3.' },
  birthYear: { nb: 'Fødselsåret må være et år mellom 1900 og i år.', en: 'The birth year must be a year from 1900 to this year.' },
  holiday: { nb: 'Ferien er 25 eller 30 virkedager.', en: 'Holiday is 25 or 30 working days.' },
  preset: { nb: 'Velg en av regelprofilene i listen.', en: 'Choose one of the rule profiles in the list.' },
  passiveFactor: { nb: 'Faktoren for passiv tid må være mellom 0 og 1.', en: 'The passive time factor must be between 0 and 1.' },
  toBeforeFrom: { nb: 'Sluttdatoen kan ikke være før startdatoen.', en: 'The end date cannot be before the start date.' },
  codeEmpty: { nb: 'Gi vakttypen en kort kode, for eksempel D.', en: 'Give the shift type a short code, for example D.' },
  weeks: { nb: 'Et mønster har fra 1 til 12 uker.', en: 'A pattern has 1 to 12 weeks.' },
  slotType: { nb: 'Velg en vakttype som finnes i planen.', en: 'Choose a shift type that is in the plan.' },
  readOnly: { nb: 'Planen er åpnet bare for lesing, så den kan ikke endres nå.', en: 'The plan is open read-only, so it cannot be changed now.' },
  noPlan: { nb: 'Ingen plan er åpen.', en: 'No plan is open.' },
  corrupt: { nb: 'Filen er skadet, og Turnus kan ikke lese planen i den.', en: 'The file is damaged, and Turnus cannot read the plan in it.' },
  notAPlan: { nb: 'Filen er ikke en Turnus-plan.', en: 'The file is not a Turnus plan.' },
  newer: { nb: 'Planen er lagret av en nyere versjon av Turnus. Oppdater Turnus for å åpne den.', en: 'The plan was saved by a newer version of Turnus. Update Turnus to open it.' },
  missing: { nb: 'Filen finnes ikke lenger der den var.', en: 'The file is no longer where it was.' },
  readOnlyFile: { nb: 'Filen er skrivebeskyttet.', en: 'The file is read-only.' },
  inUse: { nb: 'Planen er i bruk på en annen datamaskin.', en: 'The plan is in use on another computer.' },
  failed: { nb: 'Turnus fikk ikke gjort dette nå.', en: 'Turnus could not do this now.' },
  twice: {
    nb: 'Dette klokkeslettet kommer to ganger den natten fordi klokken stilles tilbake. Velg hvilket du mener.',
    en: 'This time happens twice that night because the clocks go back. Choose which one you mean.',
  },
  restTitle: { nb: 'For kort hvile mellom to vakter', en: 'Too little rest between two shifts' },
  restText: {
    nb: '{name} har bare {gap} fri mellom to vakter. Loven krever minst {limit} sammenhengende hvile i løpet av 24 timer.',
    en: '{name} has only {gap} off between two shifts. The law requires at least {limit} of unbroken rest within 24 hours.',
  },
  weekTitle: { nb: 'For mange timer i uke {week}', en: 'Too many hours in week {week}' },
  weekText: {
    nb: '{name} er satt opp {hours} i uke {week}. Alminnelig arbeidstid er høyst {limit} i uken.',
    en: '{name} is planned for {hours} in week {week}. Normal working time is at most {limit} a week.',
  },
  familyTitle: { nb: 'Nærstående assistent', en: 'Close family as assistant' },
  familyText: {
    nb: '{name} er nærstående, men planen har ingen dato for kommunens skriftlige godkjenning. Nærstående kan bare være assistent når kommunen har godkjent det.',
    en: '{name} is close family, but the plan has no date of the municipality’s written approval. Close family can only be an assistant when the municipality has approved it.',
  },
  addShift: { nb: 'La til vakt {day}', en: 'Added shift {day}' },
  editShift: { nb: 'Endret vakt {day}', en: 'Changed shift {day}' },
  deleteShift: { nb: 'Slettet vakt {day}', en: 'Deleted shift {day}' },
  saveAssistant: { nb: 'Lagret assistent {name}', en: 'Saved assistant {name}' },
  deleteAssistant: { nb: 'Slettet assistent {name}', en: 'Deleted assistant {name}' },
  saveVedtak: { nb: 'Lagret vedtak fra {from}', en: 'Saved vedtak from {from}' },
  deleteVedtak: { nb: 'Slettet vedtak fra {from}', en: 'Deleted vedtak from {from}' },
  saveType: { nb: 'Lagret vakttype {code}', en: 'Saved shift type {code}' },
  deleteType: { nb: 'Slettet vakttype {code}', en: 'Deleted shift type {code}' },
  saveRotation: { nb: 'Lagret turnusmønster {name}', en: 'Saved rota pattern {name}' },
  deleteRotation: { nb: 'Slettet turnusmønster {name}', en: 'Deleted rota pattern {name}' },
  applyRotation: { nb: 'Brukte turnusmønster {name} fra {from} til {to}', en: 'Applied rota pattern {name} from {from} to {to}' },
  settings: { nb: 'Endret planens opplysninger', en: 'Changed the plan details' },
  profile: { nb: 'Endret regelprofilen', en: 'Changed the rule profile' },
};

function hm(minutes: number, language: Language): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (language === 'nb') return m === 0 ? `${h} t` : `${h} t ${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A moment as the core shows local times: `22.11.2026 15:04`. */
function localStamp(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getDate())}.${pad(at.getMonth() + 1)}.${at.getFullYear()} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

function dmy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function shiftMinutes(shift: { start: string; end: string }): number {
  return localMinutes(shift.end) - localMinutes(shift.start);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** An assistant with every field the view has, from the few a form gives. */
function newAssistant(input: AssistantInput & { id: string }): Assistant {
  return {
    id: input.id,
    name: input.name,
    phone: input.phone ?? '',
    email: input.email ?? '',
    role: input.role ?? 'fast',
    contract_hours_per_week: input.contract_hours_per_week ?? null,
    colour: input.colour ?? '',
    profile: input.profile ?? null,
    birth_year: input.birth_year ?? null,
    holiday_entitlement: input.holiday_entitlement ?? 25,
    close_family: input.close_family ?? false,
    family_approval: input.family_approval ?? null,
    start_date: input.start_date ?? null,
    busy: [],
  };
}

function vedtakFrom(input: VedtakInput, id: string): Vedtak {
  return {
    id,
    from: input.from,
    to: input.to ?? null,
    annual_frame: input.annual_frame ?? false,
    hours_per_week: input.hours_per_week,
    double_staffing: input.double_staffing ?? false,
    night: input.night ?? 'included',
    passive_factor: input.passive_factor ?? 1,
  };
}

function shiftTypeFrom(input: ShiftTypeInput): ShiftType {
  return {
    code: input.code,
    name: input.name,
    start: input.start,
    end: input.end,
    break_minutes: input.break_minutes ?? 0,
    passive_minutes: input.passive_minutes ?? 0,
    service: input.service ?? 'personlig_assistanse',
    colour: input.colour ?? '',
    long_shift: input.long_shift ?? false,
  };
}

/** The demo plan: three assistants over four weeks from the Monday before `today`'s week. */
export function demoPlan(today: string): FakePlan {
  const start = addDays(mondayOf(today), -7);
  const shiftTypes: ShiftType[] = [
    { code: 'D', name: 'Dagvakt', start: '08:00', end: '16:00', break_minutes: 30, passive_minutes: 0, service: 'personlig_assistanse', colour: '#cfe6f3', long_shift: false },
    { code: 'K', name: 'Kveldsvakt', start: '15:00', end: '23:00', break_minutes: 30, passive_minutes: 0, service: 'personlig_assistanse', colour: '#f6dfc1', long_shift: false },
    { code: 'S', name: 'Støttekontakt', start: '17:00', end: '19:00', break_minutes: 0, passive_minutes: 0, service: 'stottekontakt', colour: '#dcefd6', long_shift: false },
  ];
  const assistants: Assistant[] = [
    newAssistant({ id: 'a1', name: 'Kari Nordmann', contract_hours_per_week: 20 }),
    newAssistant({ id: 'a2', name: 'Łukasz Wiśniewski', contract_hours_per_week: 20 }),
    newAssistant({ id: 'a3', name: 'Áilu Čoalbmi', role: 'vikar' }),
  ];
  const shifts: StoredShift[] = [];
  let n = 0;
  const add = (assistant: string | null, day: string, code: string) => {
    const type = shiftTypes.find((t) => t.code === code)!;
    const endDay = type.end <= type.start ? addDays(day, 1) : day;
    shifts.push({
      id: `demo${++n}`,
      assistant,
      day,
      start: `${day}T${type.start}`,
      end: `${endDay}T${type.end}`,
      break_minutes: type.break_minutes,
      passive_minutes: 0,
      long_shift: false,
      service: type.service,
      status: day < today ? 'worked' : 'planned',
      note: '',
      shift_type: code,
      made: null,
    });
  };
  for (let week = 0; week < 4; week++) {
    const monday = addDays(start, week * 7);
    const [first, second] = week % 2 === 0 ? ['a1', 'a2'] : ['a2', 'a1'];
    for (let d = 0; d < 5; d++) add(d % 2 === 0 ? first : second, addDays(monday, d), 'D');
    add('a3', addDays(monday, 5), 'D');
    add('a3', addDays(monday, 6), 'D');
    add(first, addDays(monday, 2), 'S');
  }
  // Kari's evening on Wednesday of the second week is followed by her Thursday day shift at
  // 08:00: the demo's own daily-rest finding.
  add('a1', addDays(start, 9), 'K');
  add(null, addDays(start, 11), 'K');
  return {
    settings: { name: 'Demoplan for Ingrid', arbeidsleder: 'Ingrid Haugen', leverandor: 'Eksempel BPA AS', current_user: 'Ingrid Haugen', carry_over: false },
    profile: { preset: 'aml', overrides: {} },
    assistants,
    shift_types: shiftTypes,
    vedtak: [
      { id: 'v1', from: `${today.slice(0, 4)}-01-01`, to: null, annual_frame: true, hours_per_week: { personlig_assistanse: 45, stottekontakt: 4 }, double_staffing: false, night: 'included', passive_factor: 1 },
    ],
    rotations: [
      {
        id: 'r1',
        name: 'Grunnturnus',
        weeks: 2,
        start,
        until: null,
        slots: [
          { week: 1, weekday: 1, shift_type: 'D', assistant: 'a1', skip_red_days: true },
          { week: 1, weekday: 2, shift_type: 'D', assistant: 'a2', skip_red_days: true },
          { week: 2, weekday: 1, shift_type: 'D', assistant: 'a2', skip_red_days: true },
          { week: 2, weekday: 2, shift_type: 'D', assistant: 'a1', skip_red_days: true },
        ],
        changes: 0,
        stale_changes: [],
      },
    ],
    shifts,
  };
}

const EXPORT_TITLES: Record<ExportKind, Record<Language, string>> = {
  turnusplan: { nb: 'Turnusplan', en: 'Rota' },
  arbeidsplan: { nb: 'Arbeidsplan', en: 'Work schedule' },
  timeliste: { nb: 'Timeliste', en: 'Timesheet' },
  timeregnskap: { nb: 'Timeregnskap', en: 'Hour accounts' },
  lovsjekk: { nb: 'Lovsjekk', en: 'Law check' },
};

const MONTH_NAMES: Record<Language, readonly string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The period a document covers, in words, as the core says it. */
function exportPeriod(kind: ExportKind, request: ExportRequest, language: Language): string {
  const year = request.from.slice(0, 4);
  if (kind === 'timeliste') return `${MONTH_NAMES[language][Number(request.from.slice(5, 7)) - 1]} ${year}`;
  if (kind === 'timeregnskap') return `${language === 'nb' ? 'året' : 'the year'} ${year}`;
  return request.from === request.to ? dmy(request.from) : `${dmy(request.from)}–${dmy(request.to)}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A plain first page standing in for the core's layout: title, plan, period, names, page number. */
function fakePage(title: string, planName: string, period: string, names: string[], pages: number, language: Language): string {
  const text = (x: number, y: number, size: number, value: string, bold = false, anchor = 'start') =>
    `<text x="${x}" y="${y}" font-size="${size}" text-anchor="${anchor}"${bold ? ' font-weight="bold"' : ''}>${escapeXml(value)}</text>`;
  const rows = names.map((name, i) => `<line x1="14" y1="${36 + i * 8}" x2="283" y2="${36 + i * 8}" stroke="#000" stroke-width="0.1"/>${text(16, 34 + i * 8, 3.4, name, true)}`);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" viewBox="0 0 297 210">',
    '<rect width="297" height="210" fill="#fff"/><g font-family="\'DejaVu Sans\', sans-serif" fill="#000">',
    text(14, 14, 5.3, title, true),
    text(283, 14, 3.9, planName, true, 'end'),
    text(14, 20.5, 3.4, `${language === 'nb' ? 'Periode' : 'Period'} ${period}`),
    '<line x1="14" y1="23" x2="283" y2="23" stroke="#000" stroke-width="0.4"/>',
    ...rows,
    text(283, 202, 2.8, language === 'nb' ? `Side 1 av ${pages}` : `Page 1 of ${pages}`, true, 'end'),
    '</g></svg>',
  ].join('');
}

export class FakeBackend implements Backend {
  private readonly failWith: ErrorCode | undefined;
  private readonly savePath: string | null | undefined;
  private readonly openPath: string | null | undefined;
  private readonly today: string;
  private readonly exportFolder: string | null | undefined;
  private readonly folderPath: string | null | undefined;
  private readonly files = new Map<string, FakeFile>();
  /** The calendar folder of each plan, by plan path. */
  private readonly calendarFolders = new Map<string, CalendarFolderView>();
  /** What the Export page wrote, by path (for tests). */
  readonly written = new Map<string, WrittenFile>();
  private recent: RecentPlan[] = [];
  private current: { path: string; readOnly: boolean; reason: string | null; lock: { name: string; computer: string; since: string } | null } | null = null;
  private settings: AppSettings = { language: 'nb', user_name: 'Ingrid Haugen', text_size: 100, theme: 'system' };
  // New ids start above those of the demo plan and the guide (a1…, v1, r1).
  private nextId = 100;

  private readonly calendarPath: string | null | undefined;
  private readonly delayMs: number;
  /** How many times the calendar dialog has answered. */
  private calendarAnswers = 0;

  constructor({ failWith, savePath, openPath, today, exportFolder, folderPath, calendarPath, delayMs }: FakeOptions = {}) {
    this.calendarPath = calendarPath;
    this.delayMs = delayMs ?? 0;
    this.exportFolder = exportFolder;
    this.folderPath = folderPath;
    this.failWith = failWith;
    this.savePath = savePath;
    this.openPath = openPath;
    this.today = today ?? localToday();
    this.files.set('/home/ingrid/Dokumenter/Turnus for Ingrid.turnus', this.newFile(demoPlan(this.today)));
    this.recent = [
      { path: '/home/ingrid/Dokumenter/Turnus for Ingrid.turnus', name: 'Turnus for Ingrid', last_opened: `${addDays(this.today, -1)}T18:30`, exists: true },
    ];
  }

  // ── failures and messages ────────────────────────────────────────────────────────────────

  private text(key: string, params: Record<string, string | number> = {}): string {
    let text = MESSAGES[key][this.settings.language];
    for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  }

  private fail(code: ErrorCode, key: string, details: unknown = null): never {
    throw new BackendError({ code, message: this.text(key), details });
  }

  private invalid(field: string, value: unknown, key: string): never {
    this.fail('invalid_input', key, { field, value });
  }

  private async answer<T>(work: () => T): Promise<T> {
    await (this.delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.delayMs)) : Promise.resolve());
    if (this.failWith !== undefined) this.fail(this.failWith, 'failed', { fake: true });
    return clone(work());
  }

  // ── files ────────────────────────────────────────────────────────────────────────────────

  private newFile(plan: FakePlan): FakeFile {
    return { plan, log: [], past: [], future: [] };
  }

  private file(): FakeFile {
    if (!this.current) this.fail('no_plan', 'noPlan');
    return this.files.get(this.current.path)!;
  }

  private remember(path: string, name: string) {
    this.recent = [{ path, name, last_opened: `${this.today}T${new Date().toTimeString().slice(0, 5)}`, exists: true }, ...this.recent.filter((r) => r.path !== path)].slice(0, 8);
  }

  async chooseNewPlanPath(suggestedName: string): Promise<string | null> {
    await Promise.resolve();
    if (this.savePath !== undefined) return this.savePath;
    return `/home/ingrid/Dokumenter/${suggestedName || 'Turnus'}.turnus`;
  }

  async choosePlanToOpen(): Promise<string | null> {
    await Promise.resolve();
    if (this.openPath !== undefined) return this.openPath;
    return this.recent[0]?.path ?? null;
  }

  recentPlans(): Promise<RecentPlan[]> {
    return this.answer(() => this.recent);
  }

  createPlan(path: string, input: NewPlanInput, window: PlanWindow): Promise<PlanView> {
    return this.answer(() => {
      if (input.arbeidsleder.trim() === '') this.invalid('arbeidsleder', '', 'nameEmpty');
      const vedtak = input.vedtak.map((v, i) => this.checkVedtak(vedtakFrom(v, `v${i + 1}`)));
      input.assistants.forEach((a, i) => {
        if (a.name.trim() === '') this.invalid(`assistants[${i}].name`, a.name, 'nameEmpty');
      });
      const preset = (input.profile?.preset ?? 'aml') as Preset;
      const plan: FakePlan = {
        settings: {
          name: input.name.trim() || input.arbeidsleder.trim(),
          arbeidsleder: input.arbeidsleder.trim(),
          leverandor: input.leverandor ?? '',
          current_user: this.settings.user_name,
          carry_over: input.carry_over ?? false,
        },
        profile: { preset, overrides: input.profile?.overrides ?? {} },
        assistants: input.assistants.map((a, i) => newAssistant({ ...a, id: `a${i + 1}` })),
        shift_types: input.shift_types.map(shiftTypeFrom),
        vedtak,
        rotations: [],
        shifts: [],
      };
      this.files.set(path, this.newFile(plan));
      this.current = { path, readOnly: false, reason: null, lock: null };
      this.remember(path, plan.settings.name);
      return this.view(window);
    });
  }

  openPlan(path: string, takeOver: boolean, window: PlanWindow): Promise<PlanView> {
    return this.answer(() => {
      const lower = path.toLowerCase();
      if (lower.includes('skadet') || lower.includes('corrupt')) this.fail('corrupt', 'corrupt', { path });
      if (lower.includes('ikke-plan') || lower.includes('not-a-plan')) this.fail('not_a_plan', 'notAPlan', { path });
      if (lower.includes('nyere') || lower.includes('newer')) this.fail('newer_version', 'newer', { path });
      let file = this.files.get(path);
      const locked = (lower.includes('i-bruk') || lower.includes('in-use')) && !takeOver;
      const readOnlyFile = lower.includes('skrivebeskyttet') || lower.includes('read-only');
      if (!file && (locked || readOnlyFile || lower.includes('i-bruk') || lower.includes('in-use'))) {
        file = this.newFile(demoPlan(this.today));
        this.files.set(path, file);
      }
      if (!file) this.fail('not_found', 'missing', { path });
      this.current = {
        path,
        readOnly: locked || readOnlyFile,
        reason: locked ? this.text('inUse') : readOnlyFile ? this.text('readOnlyFile') : null,
        lock: locked ? { name: 'Per Haugen', computer: 'PER-BÆRBAR', since: `${this.today}T07:45` } : null,
      };
      this.remember(path, file.plan.settings.name);
      return this.view(window);
    });
  }

  openDemo(window: PlanWindow): Promise<PlanView> {
    return this.answer(() => {
      const path = '/home/ingrid/.local/share/turnus/Demoplan.turnus';
      this.files.set(path, this.newFile(demoPlan(this.today)));
      this.current = { path, readOnly: false, reason: null, lock: null };
      return this.view(window);
    });
  }

  closePlan(): Promise<void> {
    return this.answer(() => {
      this.current = null;
    });
  }

  planView(window: PlanWindow): Promise<PlanView> {
    return this.answer(() => this.view(window));
  }

  // ── edits ────────────────────────────────────────────────────────────────────────────────

  /** One undoable edit: `change` works on a copy, which replaces the plan when it returns. */
  private edit(window: PlanWindow, label: string, change: (plan: FakePlan) => void): Promise<PlanView> {
    return this.answer(() => {
      const file = this.file();
      if (this.current!.readOnly) this.fail('read_only', 'readOnly');
      const next = clone(file.plan);
      change(next);
      const now = new Date();
      file.log.push({
        action: file.log.length + 1,
        at: now.toISOString(),
        at_local: localStamp(now),
        by: this.settings.user_name || '–',
        what: label,
        changes: 1,
        undone: false,
      });
      file.past.push({ plan: file.plan, label, entry: file.log.length - 1 });
      file.future = [];
      file.plan = next;
      this.writeCalendars();
      return this.view(window);
    });
  }

  private shiftFrom(plan: FakePlan, input: ShiftInput, id: string): StoredShift {
    if (!isIsoDate(input.day)) this.invalid('day', input.day, 'dayInvalid');
    const start = parseTime(input.start);
    if (!start) this.invalid('start', input.start, 'timeInvalid');
    const end = parseTime(input.end);
    if (!end) this.invalid('end', input.end, 'timeInvalid');
    if (start === end) this.invalid('end', input.end, 'sameTimes');
    // The last Sunday of October, 02:00–02:59 happens twice: the person must say which.
    const autumn = (day: string) => day.slice(5, 7) === '10' && Number(day.slice(8)) >= 25 && weekday(day) === 'sun';
    if (autumn(input.day) && start.startsWith('02:') && !input.start_offset) {
      this.fail('invalid_input', 'twice', { field: 'start', value: start, choices: [{ offset: '+02:00' }, { offset: '+01:00' }] });
    }
    if (input.assistant !== undefined && !plan.assistants.some((a) => a.id === input.assistant)) {
      this.invalid('assistant', input.assistant, 'noAssistant');
    }
    const endDay = end <= start ? addDays(input.day, 1) : input.day;
    const shift: StoredShift = {
      id,
      assistant: input.assistant ?? null,
      day: input.day,
      start: `${input.day}T${start}`,
      end: `${endDay}T${end}`,
      break_minutes: input.break_minutes ?? 0,
      passive_minutes: input.passive_minutes ?? 0,
      long_shift: input.long_shift ?? false,
      service: input.service ?? 'personlig_assistanse',
      status: input.status ?? 'planned',
      note: input.note ?? '',
      shift_type: input.shift_type ?? null,
      made: null,
    };
    const length = shiftMinutes(shift);
    if (!(shift.break_minutes >= 0) || shift.break_minutes > length) this.invalid('break_minutes', shift.break_minutes, 'breakTooLong');
    if (!(shift.passive_minutes >= 0) || shift.passive_minutes > length) this.invalid('passive_minutes', shift.passive_minutes, 'breakTooLong');
    return shift;
  }

  addShift(window: PlanWindow, input: ShiftInput): Promise<PlanView> {
    return this.edit(window, this.text('addShift', { day: dmy(input.day) }), (plan) => {
      plan.shifts.push(this.shiftFrom(plan, input, `s${this.nextId++}`));
    });
  }

  updateShift(window: PlanWindow, input: ShiftInput): Promise<PlanView> {
    return this.edit(window, this.text('editShift', { day: dmy(input.day) }), (plan) => {
      const index = plan.shifts.findIndex((s) => s.id === input.id);
      if (index < 0) this.fail('not_found', 'notFound', { id: input.id });
      const shift = this.shiftFrom(plan, input, plan.shifts[index].id);
      shift.made = plan.shifts[index].made;
      plan.shifts[index] = shift;
    });
  }

  deleteShift(window: PlanWindow, id: string): Promise<PlanView> {
    const day = this.files.get(this.current?.path ?? '')?.plan.shifts.find((s) => s.id === id)?.day ?? '';
    return this.edit(window, this.text('deleteShift', { day: day ? dmy(day) : '' }), (plan) => {
      const index = plan.shifts.findIndex((s) => s.id === id);
      if (index < 0) this.fail('not_found', 'notFound', { id });
      plan.shifts.splice(index, 1);
    });
  }

  saveAssistant(window: PlanWindow, input: AssistantInput): Promise<PlanView> {
    return this.edit(window, this.text('saveAssistant', { name: input.name.trim() }), (plan) => {
      if (input.name.trim() === '') this.invalid('name', input.name, 'nameEmpty');
      const hours = input.contract_hours_per_week;
      if (hours !== undefined && (!(hours >= 0) || hours > 168)) this.invalid('contract_hours_per_week', hours, 'hours');
      if (input.colour !== undefined && input.colour !== '' && !/^#[0-9a-fA-F]{6}$/.test(input.colour)) this.invalid('colour', input.colour, 'colour');
      const born = input.birth_year;
      if (born !== undefined && (!Number.isInteger(born) || born < 1900 || born > Number(this.today.slice(0, 4)))) this.invalid('birth_year', born, 'birthYear');
      const holiday = input.holiday_entitlement;
      if (holiday !== undefined && holiday !== 25 && holiday !== 30) this.invalid('holiday_entitlement', holiday, 'holiday');
      if (input.family_approval !== undefined && !isIsoDate(input.family_approval)) this.invalid('family_approval', input.family_approval, 'dayInvalid');
      if (input.start_date !== undefined && !isIsoDate(input.start_date)) this.invalid('start_date', input.start_date, 'dayInvalid');
      if (input.profile && !(PRESETS as readonly string[]).includes(input.profile.preset)) this.invalid('profile', input.profile.preset, 'preset');
      const assistant = newAssistant({ ...input, name: input.name.trim(), id: input.id ?? `a${this.nextId++}` });
      const index = plan.assistants.findIndex((a) => a.id === input.id);
      if (input.id !== undefined && index < 0) this.fail('not_found', 'notFound', { id: input.id });
      if (index < 0) plan.assistants.push(assistant);
      else plan.assistants[index] = assistant;
    });
  }

  deleteAssistant(window: PlanWindow, id: string): Promise<PlanView> {
    const name = this.files.get(this.current?.path ?? '')?.plan.assistants.find((a) => a.id === id)?.name ?? '';
    return this.edit(window, this.text('deleteAssistant', { name }), (plan) => {
      if (!plan.assistants.some((a) => a.id === id)) this.fail('not_found', 'notFound', { id });
      plan.assistants = plan.assistants.filter((a) => a.id !== id);
      for (const shift of plan.shifts) if (shift.assistant === id) shift.assistant = null;
    });
  }

  private checkVedtak(input: Vedtak): Vedtak {
    if (!isIsoDate(input.from)) this.invalid('from', input.from, 'dayInvalid');
    if (input.to !== null && !isIsoDate(input.to)) this.invalid('to', input.to, 'dayInvalid');
    if (input.to !== null && input.to < input.from) this.invalid('to', input.to, 'toBeforeFrom');
    for (const [service, hours] of Object.entries(input.hours_per_week)) {
      if (!(hours >= 0) || hours > 168) this.invalid(`hours_per_week.${service}`, hours, 'hours');
    }
    if (!(input.passive_factor >= 0) || input.passive_factor > 1) this.invalid('passive_factor', input.passive_factor, 'passiveFactor');
    return input;
  }

  saveVedtak(window: PlanWindow, input: VedtakInput): Promise<PlanView> {
    return this.edit(window, this.text('saveVedtak', { from: isIsoDate(input.from) ? dmy(input.from) : input.from }), (plan) => {
      const vedtak = this.checkVedtak(vedtakFrom(input, input.id ?? `v${this.nextId++}`));
      const index = plan.vedtak.findIndex((v) => v.id === input.id);
      if (index < 0) plan.vedtak.push(vedtak);
      else plan.vedtak[index] = vedtak;
    });
  }

  deleteVedtak(window: PlanWindow, id: string): Promise<PlanView> {
    const from = this.files.get(this.current?.path ?? '')?.plan.vedtak.find((v) => v.id === id)?.from ?? '';
    return this.edit(window, this.text('deleteVedtak', { from: from ? dmy(from) : '' }), (plan) => {
      plan.vedtak = plan.vedtak.filter((v) => v.id !== id);
    });
  }

  saveShiftType(window: PlanWindow, input: ShiftTypeInput): Promise<PlanView> {
    return this.edit(window, this.text('saveType', { code: input.code }), (plan) => {
      if (input.code.trim() === '') this.invalid('code', input.code, 'codeEmpty');
      const start = parseTime(input.start);
      if (!start) this.invalid('start', input.start, 'timeInvalid');
      const end = parseTime(input.end);
      if (!end) this.invalid('end', input.end, 'timeInvalid');
      const type = shiftTypeFrom({ ...input, code: input.code.trim(), start, end });
      const index = plan.shift_types.findIndex((t) => t.code === type.code);
      if (index < 0) plan.shift_types.push(type);
      else plan.shift_types[index] = type;
    });
  }

  deleteShiftType(window: PlanWindow, code: string): Promise<PlanView> {
    return this.edit(window, this.text('deleteType', { code }), (plan) => {
      plan.shift_types = plan.shift_types.filter((t) => t.code !== code);
    });
  }

  saveRotation(window: PlanWindow, input: RotationInput): Promise<PlanView> {
    return this.edit(window, this.text('saveRotation', { name: input.name.trim() }), (plan) => {
      if (input.name.trim() === '') this.invalid('name', input.name, 'nameEmpty');
      if (!Number.isInteger(input.weeks) || input.weeks < 1 || input.weeks > 12) this.invalid('weeks', input.weeks, 'weeks');
      if (!isIsoDate(input.start)) this.invalid('start', input.start, 'dayInvalid');
      input.slots.forEach((slot, i) => {
        if (!plan.shift_types.some((t) => t.code === slot.shift_type)) this.invalid(`slots[${i}].shift_type`, slot.shift_type, 'slotType');
      });
      const rotation: Rotation = {
        id: input.id ?? `r${this.nextId++}`,
        name: input.name.trim(),
        weeks: input.weeks,
        start: mondayOf(input.start),
        until: input.until ?? null,
        slots: input.slots
          .filter((slot) => slot.week <= input.weeks)
          .map((slot) => ({ week: slot.week, weekday: slot.weekday, shift_type: slot.shift_type, assistant: slot.assistant ?? null, skip_red_days: slot.skip_red_days ?? true })),
        changes: 0,
        stale_changes: [],
      };
      const index = plan.rotations.findIndex((r) => r.id === input.id);
      if (index < 0) plan.rotations.push(rotation);
      else plan.rotations[index] = rotation;
    });
  }

  deleteRotation(window: PlanWindow, id: string): Promise<PlanView> {
    const name = this.files.get(this.current?.path ?? '')?.plan.rotations.find((r) => r.id === id)?.name ?? '';
    return this.edit(window, this.text('deleteRotation', { name }), (plan) => {
      plan.rotations = plan.rotations.filter((r) => r.id !== id);
    });
  }

  applyRotation(window: PlanWindow, id: string, from: string, to: string): Promise<PlanView> {
    const name = this.files.get(this.current?.path ?? '')?.plan.rotations.find((r) => r.id === id)?.name ?? '';
    const label = this.text('applyRotation', { name, from: isIsoDate(from) ? dmy(from) : from, to: isIsoDate(to) ? dmy(to) : to });
    return this.edit(window, label, (plan) => {
      const rotation = plan.rotations.find((r) => r.id === id);
      if (!rotation) this.fail('not_found', 'notFound', { id });
      if (!isIsoDate(from)) this.invalid('from', from, 'dayInvalid');
      if (!isIsoDate(to)) this.invalid('to', to, 'dayInvalid');
      if (to < from) this.invalid('to', to, 'toBeforeFrom');
      // Shifts the pattern made earlier and nobody changed are made again; changed ones stay.
      plan.shifts = plan.shifts.filter(
        (s) => !(s.made?.rotation === id && s.day >= from && s.day <= to && !this.differs(s)),
      );
      for (const date of datesIn(from < rotation.start ? rotation.start : from, to)) {
        if (rotation.until !== null && date > rotation.until) break;
        const week = (Math.floor(daysBetween(rotation.start, date) / 7) % rotation.weeks) + 1;
        const red = norwegianHolidays(Number(date.slice(0, 4))).has(date);
        for (const slot of rotation.slots) {
          if (slot.week !== week || WEEKDAYS[slot.weekday - 1] !== weekday(date) || (slot.skip_red_days && red)) continue;
          const type = plan.shift_types.find((t) => t.code === slot.shift_type);
          if (!type) continue;
          if (plan.shifts.some((s) => s.made?.rotation === id && s.day === date && s.shift_type === type.code)) continue;
          const endDay = type.end <= type.start ? addDays(date, 1) : date;
          const start = `${date}T${type.start}`;
          const end = `${endDay}T${type.end}`;
          plan.shifts.push({
            id: `s${this.nextId++}`,
            assistant: slot.assistant,
            day: date,
            start,
            end,
            break_minutes: type.break_minutes,
            passive_minutes: type.passive_minutes,
            long_shift: type.long_shift,
            service: type.service,
            status: 'planned',
            note: '',
            shift_type: type.code,
            made: { rotation: id, assistant: slot.assistant, start, end },
          });
        }
      }
    });
  }

  updateSettings(window: PlanWindow, settings: SettingsInput): Promise<PlanView> {
    return this.edit(window, this.text('settings'), (plan) => {
      if (settings.arbeidsleder.trim() === '') this.invalid('arbeidsleder', settings.arbeidsleder, 'nameEmpty');
      plan.settings = {
        name: settings.name,
        arbeidsleder: settings.arbeidsleder,
        leverandor: settings.leverandor ?? plan.settings.leverandor,
        current_user: settings.current_user ?? plan.settings.current_user,
        carry_over: settings.carry_over ?? plan.settings.carry_over,
      };
    });
  }

  setProfile(window: PlanWindow, profile: ProfileInput): Promise<PlanView> {
    return this.edit(window, this.text('profile'), (plan) => {
      for (const [key, value] of Object.entries(profile.overrides)) {
        const unit = UNITS[key] ?? 'hours';
        if (unit === 'hours' && value !== null && (typeof value !== 'number' || !(value >= 0) || value > 168)) this.invalid(key, value, 'hours');
      }
      plan.profile = { preset: profile.preset as Preset, overrides: clone(profile.overrides) };
    });
  }

  undo(window: PlanWindow): Promise<PlanView> {
    return this.answer(() => {
      const file = this.file();
      if (this.current!.readOnly) this.fail('read_only', 'readOnly');
      const step = file.past.pop();
      if (step) {
        file.future.push({ plan: file.plan, label: step.label, entry: step.entry });
        file.plan = step.plan;
        file.log[step.entry].undone = true;
        this.writeCalendars();
      }
      return this.view(window);
    });
  }

  redo(window: PlanWindow): Promise<PlanView> {
    return this.answer(() => {
      const file = this.file();
      if (this.current!.readOnly) this.fail('read_only', 'readOnly');
      const step = file.future.pop();
      if (step) {
        file.past.push({ plan: file.plan, label: step.label, entry: step.entry });
        file.plan = step.plan;
        file.log[step.entry].undone = false;
        this.writeCalendars();
      }
      return this.view(window);
    });
  }

  history(limit: number): Promise<HistoryEntry[]> {
    return this.answer(() => this.file().log.slice(-limit).reverse());
  }

  appSettings(): Promise<AppSettings> {
    return this.answer(() => this.settings);
  }

  saveAppSettings(settings: AppSettings): Promise<AppSettings> {
    return this.answer(() => {
      this.settings = clone(settings);
      return this.settings;
    });
  }

  // ── exports ──────────────────────────────────────────────────────────────────────────────

  async chooseExportPath(suggestedName: string, format: 'pdf' | 'ics'): Promise<string | null> {
    await Promise.resolve();
    if (this.exportFolder === null) return null;
    const name = suggestedName.toLowerCase().endsWith(`.${format}`) ? suggestedName : `${suggestedName}.${format}`;
    return `${this.exportFolder ?? '/home/ingrid/Dokumenter'}/${name}`;
  }

  async chooseFolder(): Promise<string | null> {
    await Promise.resolve();
    if (this.folderPath !== undefined) return this.folderPath;
    return '/home/ingrid/Delt/Kalendere';
  }

  private exportKind(request: ExportRequest): ExportKind {
    const kind = EXPORT_KINDS.find((k) => k === request.kind.trim());
    if (!kind) this.invalid('kind', request.kind, 'chooseKind');
    if (!isIsoDate(request.from)) this.invalid('from', request.from, 'dayInvalid');
    if (!isIsoDate(request.to)) this.invalid('to', request.to, 'dayInvalid');
    const assistant = request.assistant?.trim() ?? '';
    if (ONE_ASSISTANT_KINDS.includes(kind) && assistant === '') this.invalid('assistant', '', 'chooseAssistant');
    if (assistant !== '' && !this.file().plan.assistants.some((a) => a.id === assistant)) this.invalid('assistant', assistant, 'noAssistant');
    if (request.to < request.from) this.invalid('to', request.to, 'exportToBeforeFrom');
    if (daysBetween(request.from, request.to) >= 400) this.invalid('to', request.to, 'exportTooLong');
    return kind;
  }

  exportPreview(request: ExportRequest): Promise<ExportPreview> {
    return this.answer(() => {
      const kind = this.exportKind(request);
      const language = this.settings.language;
      const plan = this.file().plan;
      const title = EXPORT_TITLES[kind][language];
      const assistant = plan.assistants.find((a) => a.id === request.assistant);
      const period = exportPeriod(kind, request, language);
      const pages = kind === 'turnusplan' ? Math.max(1, Math.ceil((daysBetween(request.from, request.to) + 1) / 28)) : 1;
      const about = assistant ? ` for ${assistant.name}` : '';
      const description =
        language === 'nb'
          ? `Første side av ${title}${about}, ${period}. Dokumentet har ${pages} ${pages === 1 ? 'side' : 'sider'}.`
          : `First page of the ${title.toLowerCase()}${about}, ${period}. The document has ${pages} ${pages === 1 ? 'page' : 'pages'}.`;
      const filePeriod =
        kind === 'timeliste'
          ? request.from.slice(0, 7)
          : kind === 'timeregnskap'
            ? request.from.slice(0, 4)
            : request.from === request.to
              ? request.from
              : `${request.from} ${language === 'nb' ? 'til' : 'to'} ${request.to}`;
      const fileName = `${title}${assistant ? ` ${assistant.name}` : ''} ${filePeriod}`.replace(/[/\\:*?"<>|]/g, '-');
      const people = assistant ? [assistant] : plan.assistants;
      return { svg: fakePage(title, plan.settings.name, period, people.map((a) => a.name), pages, language), pages, title, file_name: `${fileName}.pdf`, description };
    });
  }

  private writtenTo(path: string): string {
    if (path.trim() === '') this.invalid('path', path, 'nameEmpty');
    if (path.includes('ikke-skrivbar') || path.includes('not-writable')) {
      throw new BackendError({ code: 'io', message: this.text('cannotWrite', { path }), details: { path } });
    }
    return path;
  }

  exportPdf(request: ExportRequest, path: string): Promise<ExportDone> {
    return this.answer(() => {
      const kind = this.exportKind(request);
      const target = this.writtenTo(path);
      this.written.set(target, { format: 'pdf', request: clone(request), assistant: request.assistant ?? null });
      const title = EXPORT_TITLES[kind][this.settings.language];
      return { path: target, message: this.text('pdfSaved', { title: this.settings.language === 'nb' ? title : title.toLowerCase(), path: target }) };
    });
  }

  exportIcs(assistant: string | null, path: string): Promise<ExportDone> {
    return this.answer(() => {
      const who = assistant === null ? null : this.file().plan.assistants.find((a) => a.id === assistant);
      if (who === undefined) this.invalid('assistant', assistant, 'noAssistant');
      const target = this.writtenTo(path);
      this.written.set(target, { format: 'ics', request: null, assistant });
      return { path: target, message: this.text('icsSaved', { who: who ? who.name : this.text('wholePlan'), path: target }) };
    });
  }

  setCalendarFolder(window: PlanWindow, folder: string | null): Promise<PlanView> {
    return this.answer(() => {
      const plan = this.current?.path;
      if (!plan) this.fail('no_plan', 'noPlan');
      if (folder === null || folder.trim() === '') {
        this.calendarFolders.delete(plan);
      } else {
        if (folder.includes('finnes-ikke') || folder.includes('missing')) {
          throw new BackendError({ code: 'invalid_input', message: this.text('folderMissing', { path: folder }), details: { field: 'folder', value: folder } });
        }
        this.calendarFolders.set(plan, { path: folder, written_at: null, files: 0, problem: null });
        this.writeCalendars();
      }
      return this.view(window);
    });
  }

  /** The calendar folder of the open plan "written" now: one file per assistant and one for the plan. */
  private writeCalendars() {
    const path = this.current?.path;
    const folder = path ? this.calendarFolders.get(path) : undefined;
    if (!path || !folder) return;
    // A folder whose name says it is disconnected ("frakoblet") fails after it was chosen, as a
    // cloud folder that is no longer mounted does.
    if (folder.written_at !== null && folder.path.includes('frakoblet')) {
      folder.problem = this.text('cannotWrite', { path: `${folder.path}/${this.file().plan.assistants[0]?.name ?? 'Turnus'}.ics` });
      return;
    }
    folder.written_at = localStamp(new Date());
    folder.files = this.file().plan.assistants.length + 1;
    folder.problem = null;
  }

  // ── the view ─────────────────────────────────────────────────────────────────────────────

  private differs(shift: StoredShift): boolean {
    const p = shift.made;
    return p !== null && (p.assistant !== shift.assistant || p.start !== shift.start || p.end !== shift.end);
  }

  private profileValues(plan: FakePlan): Record<string, ProfileValue> {
    const values = { ...PRESET_VALUES[plan.profile.preset] };
    for (const [key, value] of Object.entries(plan.profile.overrides)) {
      if (key in values) values[key] = value as ProfileValue;
    }
    return values;
  }

  private hoursValue(plan: FakePlan, key: string, fallback: number): number {
    const value = this.profileValues(plan)[key];
    return typeof value === 'number' ? value : fallback;
  }

  private findings(plan: FakePlan): Finding[] {
    const language = this.settings.language;
    const restMin = Math.round(this.hoursValue(plan, 'daily_rest_min_h', 11) * 60);
    const weekMax = this.hoursValue(plan, 'weekly_normal_max_h', 40);
    const findings: Finding[] = [];
    for (const assistant of plan.assistants) {
      const own = plan.shifts
        .filter((s) => s.assistant === assistant.id && s.status !== 'cancelled')
        .sort((a, b) => localMinutes(a.start) - localMinutes(b.start));
      // Close family may work as assistants only with the municipality's written approval; like
      // the core, the finding spans the assistant's shifts, and one without shifts gets none.
      if (assistant.close_family && assistant.family_approval === null && own.length > 0) {
        findings.push({
          rule: 'FAMILY',
          severity: 'warning',
          severity_label: SEVERITY_NAMES.warning[language],
          assistants: [assistant.id],
          assistant_names: [assistant.name],
          start: own[0].start,
          end: own[own.length - 1].end,
          measured: own.reduce((sum, s) => sum + shiftMinutes(s), 0),
          limit: 0,
          unit: 'minutes',
          shifts: own.map((s) => s.id),
          law: 'hol. § 3-8, vedtak',
          title: this.text('familyTitle'),
          explanation: this.text('familyText', { name: assistant.name }),
          dates: own.map((s) => s.day).filter((d, j, all) => all.indexOf(d) === j),
        });
      }
      for (let i = 1; i < own.length; i++) {
        const before = own[i - 1];
        const after = own[i];
        const gap = localMinutes(after.start) - localMinutes(before.end);
        // Rest is counted between working days; shifts of one day with a pause between them
        // form one working day here.
        if (before.day !== after.day && gap >= 0 && gap < restMin) {
          findings.push({
            rule: 'REST-D',
            severity: 'violation',
            severity_label: SEVERITY_NAMES.violation[language],
            assistants: [assistant.id],
            assistant_names: [assistant.name],
            start: before.end,
            end: after.start,
            measured: gap,
            limit: restMin,
            unit: 'minutes',
            shifts: [before.id, after.id],
            law: 'aml § 10-8 (1)',
            title: this.text('restTitle'),
            explanation: this.text('restText', { name: assistant.name, gap: hm(gap, language), limit: hm(restMin, language) }),
            dates: [before.day, after.day].filter((d, j, all) => all.indexOf(d) === j),
          });
        }
      }
      const weeks = new Map<string, StoredShift[]>();
      for (const shift of own) {
        const monday = mondayOf(shift.day);
        weeks.set(monday, [...(weeks.get(monday) ?? []), shift]);
      }
      for (const [monday, list] of weeks) {
        const minutes = list.reduce((sum, s) => sum + shiftMinutes(s), 0);
        if (minutes > weekMax * 60) {
          const week = isoWeek(monday).week;
          findings.push({
            rule: 'NH-BASE',
            severity: 'warning',
            severity_label: SEVERITY_NAMES.warning[language],
            assistants: [assistant.id],
            assistant_names: [assistant.name],
            start: `${monday}T00:00`,
            end: `${addDays(monday, 7)}T00:00`,
            measured: minutes,
            limit: Math.round(weekMax * 60),
            unit: 'minutes',
            shifts: [],
            law: 'aml § 10-4 (1)',
            title: this.text('weekTitle', { week }),
            explanation: this.text('weekText', { name: assistant.name, hours: hm(minutes, language), week, limit: hm(Math.round(weekMax * 60), language) }),
            dates: datesIn(monday, addDays(monday, 6)),
          });
        }
      }
    }
    return findings.sort((a, b) => a.start.localeCompare(b.start));
  }

  private budgetPerDay(plan: FakePlan, date: string, service: Service): number {
    const inForce = plan.vedtak
      .filter((v) => v.from <= date && (v.to === null || v.to >= date))
      .sort((a, b) => a.from.localeCompare(b.from))
      .pop();
    return (inForce?.hours_per_week[service] ?? 0) / 7;
  }

  private serviceHours(plan: FakePlan, service: Service, from: string, to: string, forecastYear: boolean): ServiceHours {
    const budget = datesIn(from, to).reduce((sum, d) => sum + this.budgetPerDay(plan, d, service), 0);
    let used = 0;
    let planned = 0;
    let last = this.today;
    for (const shift of plan.shifts) {
      if (shift.service !== service || shift.status === 'cancelled' || shift.day < from || shift.day > to) continue;
      const hours = shiftMinutes(shift) / 60;
      if (shift.day < this.today) used += hours;
      else planned += hours;
      if (shift.day > last) last = shift.day;
    }
    const covered = Math.max(1, daysBetween(from, last < to ? last : to) + 1);
    const total = daysBetween(from, to) + 1;
    return {
      service,
      name: SERVICE_NAMES[service][this.settings.language],
      budget_hours: round1(budget),
      used_hours: round1(used),
      planned_hours: round1(planned),
      remaining_hours: round1(budget - used - planned),
      forecast_hours: round1(forecastYear ? ((used + planned) * total) / covered : used + planned),
    };
  }

  private usedServices(plan: FakePlan): Service[] {
    return SERVICES.filter(
      (service) => plan.vedtak.some((v) => (v.hours_per_week[service] ?? 0) > 0) || plan.shifts.some((s) => s.service === service),
    );
  }

  private hours(plan: FakePlan, window: PlanWindow): HoursView {
    const year = Number(window.from.slice(0, 4));
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    const services = this.usedServices(plan);
    return {
      today: this.today,
      window: services.map((service) => this.serviceHours(plan, service, window.from, window.to, false)),
      year,
      year_services: services.map((service) => {
        const weeks: WeekHoursView[] = [];
        for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
          const sunday = addDays(monday, 6);
          const week = this.serviceHours(plan, service, monday, sunday, false);
          const iso = isoWeek(monday);
          weeks.push({ iso_year: iso.year, iso_week: iso.week, monday, budget_hours: week.budget_hours, used_hours: week.used_hours, planned_hours: week.planned_hours });
        }
        const annual = plan.vedtak.some((v) => v.annual_frame);
        const hours = this.serviceHours(plan, service, first, last, true);
        return {
          hours,
          frame: plan.vedtak.length === 0 ? 'none' : annual ? 'annual' : 'weekly',
          lapsing_hours: plan.settings.carry_over ? 0 : round1(Math.max(0, hours.budget_hours - hours.forecast_hours)),
          weeks,
        };
      }),
    };
  }

  private view(window: PlanWindow): PlanView {
    const file = this.file();
    const plan = file.plan;
    const language = this.settings.language;
    const holidays = new Map([
      ...norwegianHolidays(Number(window.from.slice(0, 4))),
      ...norwegianHolidays(Number(window.to.slice(0, 4))),
    ]);
    const days: Day[] = datesIn(window.from, window.to).map((date) => {
      const iso = isoWeek(date);
      return {
        date,
        weekday: WEEKDAYS.indexOf(weekday(date)) + 1,
        iso_year: iso.year,
        iso_week: iso.week,
        red_day: holidays.has(date) || weekday(date) === 'sun',
        holiday: holidays.get(date) ?? null,
      };
    });
    const findings = this.findings(plan).filter((f) => f.end.slice(0, 10) >= window.from && f.start.slice(0, 10) <= window.to);
    const rank = { violation: 3, warning: 2, info: 1 } as Record<string, number>;
    const shifts: Shift[] = plan.shifts
      .filter((s) => s.day >= window.from && s.day <= window.to)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map(({ made, ...shift }) => {
        const differs = this.differs({ ...shift, made });
        const worst = findings
          .filter((f) => f.shifts.includes(shift.id))
          .map((f) => f.severity)
          .sort((a, b) => rank[b] - rank[a])[0];
        return {
          ...shift,
          start_offset: '+01:00',
          end_offset: '+01:00',
          hours: round1(shiftMinutes(shift) / 60),
          rotation: made?.rotation ?? null,
          differs_from_pattern: differs,
          pattern: differs && made ? { start: made.start, end: made.end, assistant: made.assistant } : null,
          worst: worst ?? null,
        };
      });
    const values = this.profileValues(plan);
    const rows: ProfileRow[] = Object.entries(values).map(([key, value]) => {
      const unit = UNITS[key] ?? 'hours';
      const notUsed = language === 'nb' ? 'ikke brukt' : 'not used';
      let text: string;
      if (value === null) text = notUsed;
      else if (unit === 'hours') text = `${value} ${language === 'nb' ? 't' : 'h'}`;
      else if (unit === 'weeks') text = `${value} ${language === 'nb' ? 'uker' : 'weeks'}`;
      else if (unit === 'flag') text = value ? (language === 'nb' ? 'ja' : 'yes') : language === 'nb' ? 'nei' : 'no';
      else text = String(value);
      return { key, label: LABELS[key][language], value, unit, text, edited: key in plan.profile.overrides };
    });
    const name = this.current!.path.split('/').pop()!.replace(/\.turnus$/, '');
    const lock = this.current!.lock;
    return {
      file: {
        path: this.current!.path,
        name,
        read_only: this.current!.readOnly,
        read_only_reason: this.current!.reason,
        lock: lock ? { ...lock, sentence: this.text('inUse') } : null,
        backup_problem: null,
        calendar_folder: this.calendarFolders.get(this.current!.path) ?? null,
      },
      window: { ...window },
      language,
      settings: plan.settings,
      profile: { preset: plan.profile.preset, preset_name: PRESET_NAMES[plan.profile.preset][language], overrides: plan.profile.overrides, values: rows },
      assistants: plan.assistants,
      shift_types: plan.shift_types,
      vedtak: plan.vedtak,
      rotations: plan.rotations.map((r) => ({
        ...r,
        changes: plan.shifts.filter((s) => s.made?.rotation === r.id && this.differs(s)).length,
        // Like the core: a changed day whose weekday the pattern no longer has is left out when the rotation is applied.
        stale_changes: plan.shifts
          .filter((s) => s.made?.rotation === r.id && this.differs(s) && !r.slots.some((slot) => slot.weekday === WEEKDAYS.indexOf(weekday(s.day)) + 1))
          .map((s) => this.text('staleMoved', { date: dmy(s.day) })),
      })),
      days,
      shifts,
      findings,
      summary: {
        violations: findings.filter((f) => f.severity === 'violation').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        infos: findings.filter((f) => f.severity === 'info').length,
      },
      hours: this.hours(plan, window),
      history: {
        can_undo: file.past.length > 0,
        can_redo: file.future.length > 0,
        next_undo: file.past.at(-1)?.label ?? null,
        next_redo: file.future.at(-1)?.label ?? null,
      },
    };
  }

  // ── busy time ────────────────────────────────────────────────────────────────────────────

  async chooseCalendarToImport(): Promise<string | null> {
    await Promise.resolve();
    // Several answers separated by `|` are given in turn, the last one from then on.
    if (this.calendarPath !== undefined && this.calendarPath !== null) {
      const answers = this.calendarPath.split('|');
      return answers[Math.min(this.calendarAnswers++, answers.length - 1)];
    }
    if (this.calendarPath === null) return null;
    return '/home/ingrid/Dokumenter/sykehjem.ics';
  }

  // The fake reads no files: every calendar holds three evenings of work from the Monday of
  // this week, an all-day course and a repeating meeting, unless its name says it is damaged
  // ("skadet", "broken") or gone ("borte", "missing"); one in a folder named "tom" or "empty"
  // holds only the course and the meeting, so no work at all.
  async importBusy(window: PlanWindow, assistant: string, path: string): Promise<BusyImport> {
    const source = path.split(/[\\/]/).pop() ?? path;
    const lower = source.toLowerCase();
    const language = this.settings.language;
    const refuse = (code: ErrorCode, message: string, details: unknown): never => {
      throw new BackendError({ code, message: message.replaceAll('{source}', source).replaceAll('{path}', path), details });
    };
    const monday = mondayOf(this.today);
    const empty = /[\\/](tom|empty)[\\/]/i.test(path);
    let replaced = 0;
    const plan = await this.edit(window, BUSY_TEXTS.imported[language], (next) => {
      const who = next.assistants.find((a) => a.id === assistant);
      if (!who) this.fail('not_found', 'notFound', { assistant });
      if (lower.includes('borte') || lower.includes('missing')) refuse('io', BUSY_TEXTS.missing[language], { path });
      if (lower.includes('skadet') || lower.includes('broken')) refuse('invalid_input', BUSY_TEXTS.broken[language], { field: 'calendar', value: path });
      replaced = who.busy.find((b) => b.source === source)?.count ?? 0;
      const others = who.busy.filter((b) => b.source !== source);
      const found: BusySource[] = empty ? [] : [{ source, count: 3, first: monday, last: addDays(monday, 2) }];
      who.busy = [...others, ...found].sort((a, b) => a.source.localeCompare(b.source));
    });
    return {
      plan,
      source,
      imported: empty ? 0 : 3,
      replaced,
      skipped: [
        { event: 'Kurs', reason: BUSY_TEXTS.allDay[language] },
        { event: 'Ukemøte', reason: BUSY_TEXTS.repeating[language] },
      ],
    };
  }

  removeBusy(window: PlanWindow, assistant: string, source: string): Promise<PlanView> {
    return this.edit(window, BUSY_TEXTS.removed[this.settings.language], (plan) => {
      const who = plan.assistants.find((a) => a.id === assistant);
      if (!who || !who.busy.some((b) => b.source === source)) this.fail('not_found', 'notFound', { assistant, source });
      who.busy = who.busy.filter((b) => b.source !== source);
    });
  }
}


// The core's sentences about busy time, as the fake gives them.
const BUSY_TEXTS: Record<string, Record<Language, string>> = {
  imported: { nb: 'Les inn annet arbeid fra en kalender', en: 'Import work elsewhere from a calendar' },
  removed: { nb: 'Fjern annet arbeid fra en kalender', en: 'Remove work elsewhere from a calendar' },
  allDay: { nb: 'heldagshendelse: den sier ikke når arbeidet er', en: 'all-day event: it gives no working hours' },
  repeating: {
    nb: 'hendelsen gjentas (RRULE); legg inn de enkelte gangene i stedet',
    en: 'the event repeats (RRULE); add the single occurrences instead',
  },
  broken: {
    nb: 'Kalenderen «{source}» kan ikke leses, så ingenting ble lagt inn. Eksporter kalenderen på nytt som .ics-fil og prøv igjen. (Feil: VEVENT fra linje 3 blir aldri avsluttet (filen kan være kuttet av).)',
    en: 'The calendar «{source}» cannot be read, so nothing was imported. Export the calendar again as an .ics file and try once more. (Problem: the VEVENT begun on line 3 never ends (the file may be cut off).)',
  },
  missing: {
    nb: 'Kalenderfilen {path} kunne ikke leses (mappen eller filen finnes ikke). Sjekk at filen finnes og at du kan åpne den, og prøv igjen.',
    en: 'The calendar file {path} could not be read (the folder or file does not exist). Check that the file exists and that you can open it, and try again.',
  },
};
/**
 * The fake's options from the page address: `?fail=io` makes every call fail with `io`;
 * `?open=PATH` is what the open dialog answers, `?save=PATH` what the save dialog answers
 * (an empty value: the person cancels); `?calendar=PATH` is what the calendar dialog answers;
 * `?today=YYYY-MM-DD` fixes today.
 */
export function fakeOptionsFromQuery(search: string): FakeOptions {
  const query = new URLSearchParams(search);
  const options: FakeOptions = {};
  const fail = query.get('fail');
  const failWith = ERROR_CODES.find((code) => code === fail);
  if (failWith !== undefined) options.failWith = failWith;
  const open = query.get('open');
  if (open !== null) options.openPath = open === '' ? null : open;
  const save = query.get('save');
  if (save !== null) options.savePath = save === '' ? null : save;
  const delay = Number(query.get('delay'));
  if (Number.isInteger(delay) && delay > 0) options.delayMs = delay;
  const calendar = query.get('calendar');
  if (calendar !== null) options.calendarPath = calendar === '' ? null : calendar;
  const today = query.get('today');
  if (today !== null && isIsoDate(today)) options.today = today;
  const exportFolder = query.get('exportFolder');
  if (exportFolder !== null) options.exportFolder = exportFolder === '' ? null : exportFolder;
  const folder = query.get('folder');
  if (folder !== null) options.folderPath = folder === '' ? null : folder;
  return options;
}
