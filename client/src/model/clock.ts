/**
 * The session's clock: how long each phase may last, chosen when the session is opened. The
 * facilitator guide's three formats (docs/facilitator-guide.md, "Formats") are the presets; a test
 * holds the guide's table and these numbers equal. A phase's clock is a maximum: it ends sooner
 * when every delegation is ready, and the facilitator can end it or add time.
 *
 * The lobby has no clock in any format: the session starts when the facilitator starts it.
 */

/** The phases a format times, in the order they come. */
export const CLOCKED_PHASES = ['briefing', 'opening', 'talks', 'tabling', 'responses', 'signing'] as const;
export type ClockedPhase = (typeof CLOCKED_PHASES)[number];
export type PhaseSeconds = Record<ClockedPhase, number>;

/** Phases that come once per round (the briefing and the opening come once per session). */
export const ROUND_PHASES = ['talks', 'tabling', 'responses', 'signing'] as const satisfies readonly ClockedPhase[];

export type ClockFormatId = 'lesson-45' | 'seminar-90' | 'workshop-180';

export interface ClockFormat {
  id: ClockFormatId;
  /** The length of the class the format is made for. */
  minutes: number;
  seconds: PhaseSeconds;
}

export const CLOCK_FORMATS: readonly ClockFormat[] = [
  {
    id: 'lesson-45',
    minutes: 45,
    seconds: { briefing: 300, opening: 120, talks: 60, tabling: 30, responses: 40, signing: 20 },
  },
  {
    id: 'seminar-90',
    minutes: 90,
    seconds: { briefing: 600, opening: 180, talks: 180, tabling: 60, responses: 75, signing: 45 },
  },
  {
    id: 'workshop-180',
    minutes: 180,
    seconds: { briefing: 1200, opening: 300, talks: 360, tabling: 90, responses: 150, signing: 60 },
  },
];

/** The server's bounds for one phase's clock (shared/src/messages.ts, CreateSessionBody). */
export const PHASE_SECONDS_MIN = 10;
export const PHASE_SECONDS_MAX = 6 * 3600;

/** The longest a round can take on this clock (every phase running to its end). */
export function roundSeconds(s: PhaseSeconds): number {
  return ROUND_PHASES.reduce((sum, phase) => sum + s[phase], 0);
}

/** The longest the talks can take on the clock: briefing, opening and every round. */
export function talksSeconds(s: PhaseSeconds, rounds: number): number {
  return s.briefing + s.opening + rounds * roundSeconds(s);
}

/** 75 → "1:15", 3600 → "60:00": how the clock reads on screen and in the guide. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** "1:15", "1.5" or "2" (minutes) → seconds; null for anything else. */
export function parseDuration(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  if (/^\d{1,3}(\.\d+)?$/.test(text)) return Math.round(Number(text) * 60);
  return null;
}

/** Which format these settings are, if any (a custom clock matches none). */
export function formatOf(s: PhaseSeconds): ClockFormatId | null {
  return CLOCK_FORMATS.find((f) => CLOCKED_PHASES.every((p) => f.seconds[p] === s[p]))?.id ?? null;
}
