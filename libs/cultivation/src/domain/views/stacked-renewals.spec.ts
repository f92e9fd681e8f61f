import { fold } from '../enterprise/evolve';
import { currentValidUntil } from '../enterprise/grant';
import { granted, registered, renewed, retracted } from '../spec-fixtures';
import { stackedRenewals } from './stacked-renewals';

// Recorded before the rule (issue 22): 创新型 to 2027-02-28 renewed three times within a day.
const grant = { eventId: 'g', event: granted('INNOVATIVE_SME', '2024-03-01', '2027-02-28') };
const r1 = { eventId: 'r1', event: renewed('INNOVATIVE_SME', '2026-11-20', '2030-02-28') };
const r2 = { eventId: 'r2', event: renewed('INNOVATIVE_SME', '2026-11-20', '2033-02-28') };
const r3 = { eventId: 'r3', event: renewed('INNOVATIVE_SME', '2026-11-21', '2036-02-29') };
const reg = { eventId: 'reg', event: registered() };

describe('stackedRenewals', () => {
  it('names every renewal after the first of one term, whatever order they were recorded in', () => {
    for (const order of [
      [r1, r2, r3],
      [r3, r1, r2],
      [r2, r3, r1],
    ]) {
      const state = fold([reg, grant, ...order]);
      // The old log folds as recorded, the same in every order: the furthest validUntil counts.
      expect(state.status === 'ACTIVE' && currentValidUntil(state.grants[0]!)).toBe('2036-02-29');
      expect(stackedRenewals(state)).toEqual([
        {
          tier: 'INNOVATIVE_SME',
          grantEventId: 'g',
          renewalEventId: 'r2',
          renewedOn: '2026-11-20',
          validUntil: '2033-02-28',
          problems: ['TERM_ALREADY_RENEWED'],
        },
        expect.objectContaining({ renewalEventId: 'r3', problems: ['TERM_ALREADY_RENEWED'] }),
      ]);
    }
  });
  it('names a renewal that stretched its term beyond the maximum validity', () => {
    const long = { eventId: 'long', event: renewed('INNOVATIVE_SME', '2026-11-20', '2031-02-28') };
    expect(stackedRenewals(fold([reg, grant, long]))).toEqual([
      expect.objectContaining({ renewalEventId: 'long', problems: ['TERM_TOO_LONG'] }),
    ]);
  });
  it('finds nothing once the stacked renewals are retracted, nor in a proper chain of renewals', () => {
    const cleaned = fold([
      reg,
      grant,
      r1,
      r2,
      r3,
      { eventId: 'x3', event: retracted('INNOVATIVE_SME', 'r3') },
      { eventId: 'x2', event: retracted('INNOVATIVE_SME', 'r2') },
    ]);
    expect(stackedRenewals(cleaned)).toEqual([]);
    expect(cleaned.status === 'ACTIVE' && currentValidUntil(cleaned.grants[0]!)).toBe('2030-02-28');
    const chain = { eventId: 'r4', event: renewed('INNOVATIVE_SME', '2029-06-01', '2033-02-28') };
    expect(stackedRenewals(fold([reg, grant, r1, chain]))).toEqual([]);
  });
});
