/**
 * Turns the synced room state into the lines the table scene draws (and the screen-reader
 * summary reads). Pure, so it is unit-tested without Phaser or a server.
 */

/** The plain-JSON shape of the server's NegotiationState (`state.toJSON()`). */
export interface SeatSnapshot {
  label: string;
  occupied: boolean;
  name: string;
}
export interface TableSnapshot {
  scenarioTitle: string;
  phase: string;
  seats: Record<string, SeatSnapshot>;
}

export interface SeatLine {
  id: string;
  label: string;
  status: string;
  occupied: boolean;
}
export interface TableView {
  title: string;
  phase: string;
  /** In the server's order (ukraine, russia, us, europe), which fixes where each seat is drawn. */
  seats: SeatLine[];
}

const PHASE_LABELS: Record<string, string> = {
  lobby: 'Lobby: waiting for the delegations to take their seats',
};

export function phaseLabel(phase: string): string {
  if (PHASE_LABELS[phase]) return PHASE_LABELS[phase];
  return phase ? `Phase: ${phase}` : 'Phase: unknown';
}

export function toTableView(state: TableSnapshot): TableView {
  const seats = Object.entries(state.seats).map(([id, seat]) => ({
    id,
    label: seat.label || id,
    occupied: seat.occupied,
    status: seat.occupied ? `taken by ${seat.name || 'a player'}` : 'empty seat',
  }));
  return { title: state.scenarioTitle || 'Peace Table', phase: phaseLabel(state.phase), seats };
}

/** One sentence per line, for the visually hidden summary next to the canvas. */
export function summaryLines(view: TableView): string[] {
  return [view.title, view.phase, ...view.seats.map((seat) => `${seat.label}: ${seat.status}.`)];
}
