import { describe, expect, it } from 'vitest';
import { phaseLabel, summaryLines, type TableSnapshot, toTableView } from '../src/view/tableView.ts';

const lobby: TableSnapshot = {
  scenarioTitle: 'Peace talks 2026: opening session',
  phase: 'lobby',
  seats: {
    ukraine: { label: 'Ukraine', occupied: true, name: 'Olena' },
    russia: { label: 'Russia', occupied: false, name: '' },
    us: { label: 'United States', occupied: false, name: '' },
    europe: { label: 'Europe', occupied: true, name: '' },
  },
};

describe('toTableView', () => {
  it('keeps the server seat order and says who sits where', () => {
    const view = toTableView(lobby);
    expect(view.title).toBe('Peace talks 2026: opening session');
    expect(view.seats.map((seat) => seat.id)).toEqual(['ukraine', 'russia', 'us', 'europe']);
    expect(view.seats[0]).toEqual({ id: 'ukraine', label: 'Ukraine', occupied: true, status: 'taken by Olena' });
    expect(view.seats[1]?.status).toBe('empty seat');
    expect(view.seats[3]?.status).toBe('taken by a player');
  });

  it('falls back to sensible text for missing fields', () => {
    const view = toTableView({ scenarioTitle: '', phase: '', seats: { us: { label: '', occupied: false, name: '' } } });
    expect(view.title).toBe('Peace Table');
    expect(view.phase).toBe('Phase: unknown');
    expect(view.seats[0]?.label).toBe('us');
  });
});

describe('phaseLabel', () => {
  it('explains known phases and names unknown ones', () => {
    expect(phaseLabel('lobby')).toMatch(/^Lobby: waiting/);
    expect(phaseLabel('ratification')).toBe('Phase: ratification');
  });
});

describe('summaryLines', () => {
  it('reads the whole table as sentences for screen readers', () => {
    expect(summaryLines(toTableView(lobby))).toEqual([
      'Peace talks 2026: opening session',
      'Lobby: waiting for the delegations to take their seats',
      'Ukraine: taken by Olena.',
      'Russia: empty seat.',
      'United States: empty seat.',
      'Europe: taken by a player.',
    ]);
  });
});
