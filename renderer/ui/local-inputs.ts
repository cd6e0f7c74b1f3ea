/**
 * Values for the native `date`, `time` and `datetime-local` inputs, which speak the device's
 * local wall-clock time (a technician's device is set to Paris time). `new Date(value)` reads
 * them back as local time.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11-27 */
export function toDateInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** 14:05 */
export function toTimeInput(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** 2026-11-27T14:05 ('' for no value). */
export function toDateTimeInput(value: Date | string | undefined): string {
  if (value === undefined) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return `${toDateInput(date)}T${toTimeInput(date)}`;
}
