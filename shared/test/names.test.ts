/**
 * Names people choose: the spoofs an adversarial test got accepted are refused, each with its own
 * reason, and ordinary names in any script pass, normalised.
 */
import { describe, expect, it } from 'vitest';
import { JoinOptions, nameIssueRefusal } from '../src/messages.ts';
import { NAME_MAX_LENGTH, nameFormRefusal, nameRefusal, normaliseName } from '../src/names.ts';
import { PROTOCOL_VERSION } from '../src/protocol.ts';

const DELEGATIONS = [
  { en: 'Ukraine', uk: 'Україна' },
  { en: 'Russia', uk: 'Росія' },
  { en: 'United States', uk: 'Сполучені Штати' },
  { en: 'Europe', uk: 'Європа' },
];

const reasonOf = (raw: string) => nameRefusal(normaliseName(raw), DELEGATIONS)?.reason ?? null;

describe('names', () => {
  it('refuses the spoofs: the game’s own labels, delegation labels, invisible and direction characters', () => {
    const cases: [string, string][] = [
      ['Facilitator', 'nameReserved'],
      ['facilitator', 'nameReserved'],
      ['𝐅𝐚𝐜𝐢𝐥𝐢𝐭𝐚𝐭𝐨𝐫', 'nameReserved'], // mathematical bold letters
      ['Fасilitator', 'nameReserved'], // Cyrillic а and с
      ['Ведучий', 'nameReserved'],
      ['Anna (computer)', 'nameReserved'],
      ["Олег комп'ютер", 'nameReserved'],
      ['Russia (computer)', 'nameReserved'],
      ['Russia', 'nameLikeDelegation'],
      ['RUSSIA delegation', 'nameLikeDelegation'],
      ['United  States envoy', 'nameLikeDelegation'],
      ['Україна - делегат', 'nameLikeDelegation'],
      ['Anna\u202Eevil', 'nameDirection'], // right-to-left override
      ['\u2067Anna', 'nameDirection'],
      ['\u200B', 'nameInvisible'], // a name made only of a zero-width space
      ['An\u200Bna', 'nameInvisible'],
      ['\u3164', 'nameInvisible'], // Hangul filler, an "invisible letter"
      ['Anna\u0007', 'nameInvisible'],
      ['Z\u0301\u0302\u0303\u0304', 'nameStackedMarks'],
      ['...', 'nameNoLetters'],
      ['   ', 'nameEmpty'],
      ['x'.repeat(NAME_MAX_LENGTH + 1), 'nameTooLong'],
    ];
    for (const [name, reason] of cases) expect(reasonOf(name), JSON.stringify(name)).toBe(reason);
  });

  it('says which word is reserved and which delegation a name looks like, in the params and in English', () => {
    expect(nameRefusal('Anna (computer)')).toEqual({
      reason: 'nameReserved',
      params: { word: 'computer' },
      message: '"computer" is one of the game\'s own labels; choose another name.',
    });
    expect(nameRefusal('Росія бот', DELEGATIONS)).toMatchObject({ reason: 'nameReserved', params: { word: 'бот' } });
    expect(nameRefusal('Europe fan', DELEGATIONS)).toMatchObject({
      reason: 'nameLikeDelegation',
      params: { delegation: { en: 'Europe', uk: 'Європа' } },
    });
    expect(nameRefusal(`x`.repeat(41))).toMatchObject({ reason: 'nameTooLong', params: { max: NAME_MAX_LENGTH } });
  });

  it('accepts ordinary names in any script, normalised to one form and single spaces', () => {
    for (const name of [
      'Олена Петренко',
      "Anna-Maria O'Neil",
      'José',
      '李小龍',
      'محمد',
      'Ai Nakamura',
      'Abbott',
      'Usman',
    ]) {
      expect(nameRefusal(normaliseName(name), DELEGATIONS), name).toBeNull();
    }
    expect(normaliseName('  Ann \u00A0\u3000 Lee ')).toBe('Ann Lee');
    // "й" typed as и + combining breve is stored as the one precomposed letter.
    expect(normaliseName('Андрии\u0306')).toBe('Андрий');
  });

  it('lets the join schema refuse a name’s form with its reason, for every role', () => {
    const join = (role: 'delegate' | 'spectator', name: string) =>
      JoinOptions.safeParse({ protocol: PROTOCOL_VERSION, code: 'K7QX2M', role, delegation: 'ukraine', name });
    const rlo = join('delegate', 'Anna\u202Eevil');
    expect(rlo.success).toBe(false);
    if (!rlo.success) expect(nameIssueRefusal(rlo.error)?.reason).toBe('nameDirection');
    const zwsp = join('spectator', '\u200B');
    expect(zwsp.success).toBe(false);
    if (!zwsp.success) expect(nameIssueRefusal(zwsp.error)?.reason).toBe('nameInvisible');
    const ok = join('delegate', '  Olena   K. ');
    expect(ok.success && ok.data.role === 'delegate' ? ok.data.name : null).toBe('Olena K.');
    // The form only: the game's own words are the roster's to refuse (a facilitator may call herself one).
    expect(nameFormRefusal('Facilitator')).toBeNull();
  });
});
