import { z } from 'zod';
import { isTimeZone } from '../../common/timeZone';

/**
 * When agents take chats: a time zone and a weekly schedule, from the portal profile
 * (`agentChat`). Plain TypeScript on `Intl` (no time-zone library): the local weekday and time of
 * an instant in the profile's zone decide.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** "08:00-17:30": a range of one day; "00:00-24:00" is the whole day. */
export const timeRange = z.string().refine(
  (value) => {
    const m = RANGE.exec(value);
    if (!m) return false;
    const end = Number(m[3]) * 60 + Number(m[4]);
    return end <= 24 * 60 && Number(m[1]) * 60 + Number(m[2]) < end;
  },
  { error: 'expected a time range like "08:00-17:30" (24-hour clock, start before end)' },
);

export const timeZone = z.string().refine(isTimeZone, { error: 'expected an IANA time zone such as "America/Los_Angeles"' });

export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(timeRange).max(6).optional()])) as Record<Weekday, z.ZodOptional<z.ZodArray<typeof timeRange>>>,
);
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export class AgentHours {
  private readonly format: Intl.DateTimeFormat;

  constructor(
    readonly timeZone: string,
    private readonly hours: WeeklyHours,
  ) {
    this.format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  /** True when `at` (ms since the epoch) is within the schedule, in the profile's time zone. */
  isOpen(at: number): boolean {
    const parts = Object.fromEntries(this.format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
    const day = String(parts.weekday).slice(0, 3).toLowerCase() as Weekday;
    const now = Number(parts.hour) * 60 + Number(parts.minute);
    return (this.hours[day] ?? []).some((range) => {
      const [start, end] = range.split('-') as [string, string];
      return minutes(start) <= now && now < minutes(end);
    });
  }
}
