// Dates as whole days since 1970-01-01 (UTC): cheap to add and compare, and formatted
// through small caches because the statements file formats millions of them.

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

export function parts(d: Day): {year: number; month: number; date: number} {
  const t = new Date(d * MS_PER_DAY);
  return {year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, date: t.getUTCDate()};
}

/** Month index: year × 12 + (month − 1), so consecutive months are consecutive integers. */
export type MonthIndex = number;

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + month - 1;
}

export function monthOf(d: Day): MonthIndex {
  const p = parts(d);
  return monthIndex(p.year, p.month);
}

export function monthStart(m: MonthIndex): Day {
  return day(Math.floor(m / 12), (m % 12) + 1, 1);
}

export function monthEnd(m: MonthIndex): Day {
  return monthStart(m + 1) - 1;
}

/** Same day of month, `months` later (clamped to the end of a shorter month). */
export function addMonths(d: Day, months: number): Day {
  const p = parts(d);
  const m = monthIndex(p.year, p.month) + months;
  return Math.min(day(Math.floor(m / 12), (m % 12) + 1, p.date), monthEnd(m));
}

const frCache = new Map<Day, string>();
const isoCache = new Map<Day, string>();
const pad2 = (n: number) => String(n).padStart(2, "0");

/** DD/MM/YYYY, the fluxIAE format. */
export function frDate(d: Day): string {
  let s = frCache.get(d);
  if (s === undefined) {
    const p = parts(d);
    s = `${pad2(p.date)}/${pad2(p.month)}/${p.year}`;
    frCache.set(d, s);
  }
  return s;
}

/** YYYY-MM-DD, the PostgreSQL COPY format. */
export function isoDate(d: Day): string {
  let s = isoCache.get(d);
  if (s === undefined) {
    const p = parts(d);
    s = `${p.year}-${pad2(p.month)}-${pad2(p.date)}`;
    isoCache.set(d, s);
  }
  return s;
}

/** DD/MM/YYYY HH:MM:SS, the fluxIAE format of `*_date_creation` columns. */
export function frTimestamp(d: Day, secondsOfDay: number): string {
  const h = Math.floor(secondsOfDay / 3600);
  const m = Math.floor((secondsOfDay % 3600) / 60);
  const s = secondsOfDay % 60;
  return `${frDate(d)} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}
