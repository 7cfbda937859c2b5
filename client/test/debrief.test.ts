import { beforeAll, describe, expect, it } from 'vitest';
import { debriefModel, timeline } from '../src/model/debrief.ts';
import { score } from '../src/model/format.ts';
import {
  CSV_COLUMNS,
  csvCell,
  transcriptCsv,
  transcriptFileName,
  transcriptJson,
} from '../src/model/transcriptExport.ts';
import { FRAGILE_CEASEFIRE, play, TO_TABLING, tabledAlone, type Untimed, view, type World, world } from './fixtures.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});

const SIGNED: Untimed[] = [
  ...TO_TABLING,
  { type: 'chat.post', actor: 'ukraine', channel: 'delegation:ukraine', text: 'our secret plan' },
  ...tabledAlone('us', FRAGILE_CEASEFIRE),
  ...(['ukraine', 'russia', 'europe'] as const).map((d) => ({
    type: 'proposal.respond' as const,
    actor: d,
    proposalId: 'p1',
    response: 'accept' as const,
  })),
  ...(['ukraine', 'russia', 'europe'] as const).map((d) => ({
    type: 'agreement.sign' as const,
    actor: d,
    proposalId: 'p1',
  })),
];

describe('debrief', () => {
  it('names the outcome after the seed’s scenario and scores every delegation against no deal', () => {
    const v = view(w, play(w, SIGNED), 'russia');
    const model = debriefModel(w.pub, v);
    expect(model?.outcome.id).toBe('fragile-ceasefire');
    expect(model?.outcome.title).toEqual(w.scenario.outcomes.find((o) => o.id === 'fragile-ceasefire')?.title);
    expect(model?.outcome.seedScenario).toBe(
      w.scenario.outcomes.find((o) => o.id === 'fragile-ceasefire')?.seedScenario ?? null,
    );
    expect(model).toMatchObject({ ending: 'signed', ratified: true });
    expect(model?.agreement).toHaveLength(Object.keys(FRAGILE_CEASEFIRE).length);
    for (const s of model?.scores ?? []) {
      const result = v.result?.scores[s.delegation];
      expect(s.utility).toBe(result?.utility);
      // The verdict reads the figures the table shows, so "+1" is always "better off".
      const shown = score(s.utility) - score(s.noDeal);
      expect(s.verdict).toBe(shown > 0 ? 'better' : shown < 0 ? 'worse' : 'same');
    }
  });

  it('lists the partial agreements signed along the way, with the ceasefire that ended the talks', () => {
    const v = view(w, play(w, SIGNED), 'ukraine');
    const partial = {
      proposalId: 'p0',
      package: { prisoners: 'all-for-all' },
      signatories: ['ukraine', 'russia'] as const,
      round: 1,
      month: 0,
      failures: [],
      ratified: true,
      concluding: false,
    };
    const model = debriefModel(w.pub, { ...v, agreements: [partial, ...v.agreements] });
    const issue = w.pub.agenda.issues.find((i) => i.id === 'prisoners');
    expect(model?.partials).toEqual([
      {
        proposalId: 'p0',
        month: 0,
        ratified: true,
        clauses: [{ issueTitle: issue?.title, optionLabel: issue?.options.find((o) => o.id === 'all-for-all')?.label }],
      },
    ]);
    expect(model?.agreement).toHaveLength(Object.keys(FRAGILE_CEASEFIRE).length);
  });

  it('is empty until the talks have a result', () => {
    expect(debriefModel(w.pub, view(w, play(w, TO_TABLING), 'us'))).toBeNull();
  });

  it('tells the story of proposals, responses and events, without chat or readiness', () => {
    const v = view(w, play(w, SIGNED), 'europe');
    const kinds = timeline(v.transcript).map((e) => e.kind);
    expect(kinds).toContain('proposal.table');
    expect(kinds).toContain('agreement.sign');
    expect(kinds).toContain('talks.conclude');
    expect(kinds).not.toContain('chat.post');
    expect(kinds).not.toContain('seat.ready');
  });
});

describe('transcript export', () => {
  it('quotes CSV cells when needed and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes one line per visible transcript entry, both languages, with a BOM for spreadsheets', () => {
    const v = view(w, play(w, SIGNED), 'europe');
    const csv = transcriptCsv(v.transcript);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    expect(lines).toHaveLength(v.transcript.length + 1);
    // Europe's download never holds Ukraine's private channel.
    expect(csv).not.toContain('our secret plan');
    const json = JSON.parse(
      transcriptJson({ code: 'K7QX2M', scenarioId: 'ukraine-2026', exportedAt: 0 }, v.transcript),
    );
    expect(json).toMatchObject({ code: 'K7QX2M', scenarioId: 'ukraine-2026', exportedAt: '1970-01-01T00:00:00.000Z' });
    expect(json.transcript).toHaveLength(v.transcript.length);
    expect(transcriptFileName('K7QX2M', 'csv')).toBe('peace-table-k7qx2m-transcript.csv');
  });
});
