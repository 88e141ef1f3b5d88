// Times as people read them: to the minute, in the machine's local time. Pure (no node:*).

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-04 16:05": an ISO 8601 time to the minute; the text unchanged if it is not a time. */
export function toMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "12 月 4 日 16:05", for a sentence. */
export function dayAndMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getMonth() + 1} 月 ${d.getDate()} 日 ${pad(d.getHours())}:${pad(d.getMinutes())} `;
}
