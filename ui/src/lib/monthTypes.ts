// PROVISIONAL: replaced by the generated bindings when h-m13's API lands.
export interface WorkedTimes {
  start: string;
  end: string;
  break_minutes: number;
  passive_minutes: number;
}
export interface MonthRow {
  shift: string;
  assistant: string | null;
  name: string;
  work_day: string;
  planned: WorkedTimes;
  actual: WorkedTimes | null;
  status: string;
  reason: string | null;
  unplanned: boolean;
  differs: boolean;
  label: string;
}
export interface MonthSums {
  assistant: string;
  name: string;
  total_minutes: number;
  evening_minutes: number;
  night_minutes: number;
  saturday_minutes: number;
  sunday_minutes: number;
  passive_minutes: number;
  overtime_minutes: number;
}
export interface MonthView {
  month: string;
  closed: boolean;
  closed_by: string | null;
  closed_at: string | null;
  final_timelister: boolean;
  rows: MonthRow[];
  unconfirmed: number;
  sums: MonthSums[];
}
