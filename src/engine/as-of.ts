// The day an audit is judged on (deadlines, waiver expiry): one rule for the command line and the page.

/** A real calendar day written yyyy-mm-dd. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** SOURCE_DATE_EPOCH (seconds) as a Date, or null when unset or not a number. */
export function sourceDateEpoch(env: Record<string, string | undefined>): Date | null {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || !/^\d+$/.test(v.trim())) return null;
  return new Date(Number(v.trim()) * 1000);
}

const localDate = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The date deadlines and waivers are judged on: --as-of, else the workbook's audit_date, else SOURCE_DATE_EPOCH, else today. */
export function chooseAsOf(given: string | undefined, auditDate: unknown, env: Record<string, string | undefined>, now: Date): string {
  if (given !== undefined) return given;
  if (typeof auditDate === 'string' && isIsoDate(auditDate.slice(0, 10))) return auditDate.slice(0, 10);
  const epoch = sourceDateEpoch(env);
  if (epoch) return epoch.toISOString().slice(0, 10);
  return localDate(now);
}
