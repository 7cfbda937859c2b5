/**
 * The phase clock of a room: one timer armed at the current phase's deadline (the engine's
 * `deadlineAt`), which then has the room send `clock.deadline` as the system. Re-armed after every
 * change of the game; a deadline moved in the meantime (a pause, an extension) is followed.
 */
export interface DeadlineHost {
  /** When the current phase's timer runs out (ms since epoch), or null when it is untimed. */
  deadlineAt(): number | null;
  later(work: () => void, ms: number): { clear(): void };
  /** The deadline has passed: close the phase (`clock.deadline`, stamped `at`). */
  expire(at: number): void;
}

export class PhaseDeadline {
  private armed: { at: number; clear(): void } | null = null;
  private readonly host: DeadlineHost;

  constructor(host: DeadlineHost) {
    this.host = host;
  }

  /** Keep one timer armed at the phase's deadline. */
  arm(): void {
    const at = this.host.deadlineAt();
    if (this.armed?.at === at) return;
    this.stop();
    if (at === null) return;
    const timer = this.host.later(
      () => {
        this.armed = null;
        if (this.host.deadlineAt() !== at) return this.arm();
        // The room clock ticks in steps; never stamp the event before the deadline it enforces.
        this.host.expire(Math.max(Date.now(), at));
      },
      Math.max(0, at - Date.now()),
    );
    this.armed = { at, clear: () => timer.clear() };
  }

  stop(): void {
    this.armed?.clear();
    this.armed = null;
  }
}
