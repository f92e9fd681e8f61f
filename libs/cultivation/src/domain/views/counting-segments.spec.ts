import type { EnterpriseEvent } from '../events/enterprise-events';
import { fold } from '../enterprise/evolve';
import {
  BINHAI,
  HEPING,
  deregistered,
  granted,
  lapsed,
  registered,
  relocated,
  renewed,
  retracted,
  revoked,
  withIds,
} from '../spec-fixtures';
import { countingSegments, type CountingSegment } from './counting-segments';

const segmentsOf = (...events: EnterpriseEvent[]) => countingSegments(fold(withIds([registered(), ...events])));
const GROUP = 'TECH_AND_INNOVATIVE_SME';
/** Segments of the certificate tiers (the group's are picked with `tier`). */
const pick = (segments: CountingSegment[], metric: string, level = 'ANY', tier?: string) =>
  segments
    .filter((s) => s.metric === metric && s.level === level && (tier ? s.tier === tier : s.tier !== GROUP))
    .map(({ districtCode, from, until }) => ({ districtCode, from, until }));

describe('countingSegments', () => {
  it('ACTIVE runs from grantedOn through validUntil (exclusive end validUntil + 1), at ANY and its own level', () => {
    const s = segmentsOf(granted('HIGH_TECH', '2023-01-10', '2026-01-09'));
    expect(pick(s, 'ACTIVE')).toEqual([{ districtCode: HEPING, from: '2023-01-10', until: '2026-01-10' }]);
    expect(pick(s, 'ACTIVE', 'MUNICIPAL')).toEqual(pick(s, 'ACTIVE'));
    expect(pick(s, 'CUMULATIVE')).toEqual([{ districtCode: HEPING, from: '2023-01-10', until: null }]);
  });

  it('a renewal extends the ACTIVE segment', () => {
    const s = segmentsOf(
      granted('HIGH_TECH', '2023-01-10', '2026-01-09'),
      renewed('HIGH_TECH', '2025-12-01', '2029-01-09'),
    );
    expect(pick(s, 'ACTIVE')).toEqual([{ districtCode: HEPING, from: '2023-01-10', until: '2029-01-10' }]);
  });

  it('revocation ends ACTIVE on its day (not counting that day) but keeps CUMULATIVE', () => {
    const s = segmentsOf(granted('SRDI_SME', '2024-01-01', '2026-12-31'), revoked('SRDI_SME', '2025-03-15'));
    expect(pick(s, 'ACTIVE')).toEqual([{ districtCode: HEPING, from: '2024-01-01', until: '2025-03-15' }]);
    expect(pick(s, 'CUMULATIVE')).toEqual([{ districtCode: HEPING, from: '2024-01-01', until: null }]);
  });

  it('a lapse (recorded or not) ends ACTIVE the day after validUntil', () => {
    const withEvent = segmentsOf(granted('TECH_SME', '2024-02-01', '2024-12-31'), lapsed('TECH_SME', '2025-01-01'));
    const withoutEvent = segmentsOf(granted('TECH_SME', '2024-02-01', '2024-12-31'));
    expect(pick(withEvent, 'ACTIVE')).toEqual([{ districtCode: HEPING, from: '2024-02-01', until: '2025-01-01' }]);
    expect(withoutEvent).toEqual(withEvent);
  });

  it('a retracted grant never counts, not even cumulatively', () => {
    expect(segmentsOf(granted('HIGH_TECH', '2023-01-10', '2026-01-09'), retracted('HIGH_TECH', 'e2'))).toEqual([]);
  });

  it('a retracted renewal gives back the original validUntil', () => {
    const s = segmentsOf(
      granted('HIGH_TECH', '2023-01-10', '2026-01-09'),
      renewed('HIGH_TECH', '2025-12-01', '2029-01-09'),
      retracted('HIGH_TECH', 'e3'),
    );
    expect(pick(s, 'ACTIVE')).toEqual([{ districtCode: HEPING, from: '2023-01-10', until: '2026-01-10' }]);
  });

  it('CUMULATIVE starts at the first live grant; a retracted first grant moves it', () => {
    const s = segmentsOf(
      granted('TECH_SME', '2023-02-01', '2023-12-31'),
      granted('TECH_SME', '2024-02-01', '2024-12-31'),
      retracted('TECH_SME', 'e2'),
    );
    expect(pick(s, 'CUMULATIVE')).toEqual([{ districtCode: HEPING, from: '2024-02-01', until: null }]);
  });

  it('relocation splits both metrics at effectiveOn', () => {
    const s = segmentsOf(granted('HIGH_TECH', '2023-01-10', '2026-01-09'), relocated(HEPING, BINHAI, '2024-07-01'));
    expect(pick(s, 'ACTIVE')).toEqual([
      { districtCode: HEPING, from: '2023-01-10', until: '2024-07-01' },
      { districtCode: BINHAI, from: '2024-07-01', until: '2026-01-10' },
    ]);
    expect(pick(s, 'CUMULATIVE')).toEqual([
      { districtCode: HEPING, from: '2023-01-10', until: '2024-07-01' },
      { districtCode: BINHAI, from: '2024-07-01', until: null },
    ]);
  });

  it('a relocation before the first grant puts everything in the new district', () => {
    const s = segmentsOf(relocated(HEPING, BINHAI, '2022-01-01'), granted('HIGH_TECH', '2023-01-10', '2026-01-09'));
    expect(new Set(s.map((x) => x.districtCode))).toEqual(new Set([BINHAI]));
  });

  it('deregistration ends ACTIVE on its day; CUMULATIVE stays', () => {
    const s = segmentsOf(granted('HIGH_TECH', '2023-01-10', '2026-01-09'), deregistered('2025-05-01'));
    expect(pick(s, 'ACTIVE')).toEqual([{ districtCode: HEPING, from: '2023-01-10', until: '2025-05-01' }]);
    expect(pick(s, 'CUMULATIVE')).toEqual([{ districtCode: HEPING, from: '2023-01-10', until: null }]);
  });

  it('level segments follow each grant’s own level; ANY joins consecutive grants', () => {
    const s = segmentsOf(
      granted('SINGLE_CHAMPION', '2020-01-01', '2022-12-31', { level: 'NATIONAL' }),
      granted('SINGLE_CHAMPION', '2023-01-01', '2025-12-31', { level: 'MUNICIPAL' }),
    );
    expect(pick(s, 'ACTIVE')).toEqual([{ districtCode: HEPING, from: '2020-01-01', until: '2026-01-01' }]);
    expect(pick(s, 'ACTIVE', 'NATIONAL')).toEqual([{ districtCode: HEPING, from: '2020-01-01', until: '2023-01-01' }]);
    expect(pick(s, 'ACTIVE', 'MUNICIPAL')).toEqual([{ districtCode: HEPING, from: '2023-01-01', until: '2026-01-01' }]);
    expect(pick(s, 'CUMULATIVE', 'NATIONAL')).toEqual([{ districtCode: HEPING, from: '2020-01-01', until: null }]);
    expect(pick(s, 'CUMULATIVE', 'MUNICIPAL')).toEqual([{ districtCode: HEPING, from: '2023-01-01', until: null }]);
  });

  describe('the group TECH_AND_INNOVATIVE_SME', () => {
    it('counts an enterprise holding both members once: the union of their days', () => {
      const s = segmentsOf(
        granted('TECH_SME', '2024-02-01', '2024-12-31'),
        granted('INNOVATIVE_SME', '2024-06-01', '2027-05-31'),
      );
      expect(pick(s, 'ACTIVE', 'ANY', GROUP)).toEqual([
        { districtCode: HEPING, from: '2024-02-01', until: '2027-06-01' },
      ]);
      expect(pick(s, 'ACTIVE', 'MUNICIPAL', GROUP)).toEqual(pick(s, 'ACTIVE', 'ANY', GROUP));
      expect(pick(s, 'CUMULATIVE', 'ANY', GROUP)).toEqual([{ districtCode: HEPING, from: '2024-02-01', until: null }]);
    });
    it('has a gap where neither member counts, and cumulates from the first member grant', () => {
      const s = segmentsOf(
        granted('INNOVATIVE_SME', '2020-01-01', '2022-12-31'),
        granted('TECH_SME', '2024-03-01', '2024-12-31'),
        revoked('TECH_SME', '2024-07-01'),
      );
      expect(pick(s, 'ACTIVE', 'ANY', GROUP)).toEqual([
        { districtCode: HEPING, from: '2020-01-01', until: '2023-01-01' },
        { districtCode: HEPING, from: '2024-03-01', until: '2024-07-01' },
      ]);
      expect(pick(s, 'CUMULATIVE', 'ANY', GROUP)).toEqual([{ districtCode: HEPING, from: '2020-01-01', until: null }]);
    });
    it('follows relocations like a tier (counted where the enterprise was that day)', () => {
      const s = segmentsOf(
        granted('TECH_SME', '2024-02-01', '2024-12-31'),
        relocated(HEPING, BINHAI, '2024-05-01'),
        granted('INNOVATIVE_SME', '2024-09-01', '2027-08-31'),
      );
      expect(pick(s, 'ACTIVE', 'ANY', GROUP)).toEqual([
        { districtCode: HEPING, from: '2024-02-01', until: '2024-05-01' },
        { districtCode: BINHAI, from: '2024-05-01', until: '2027-09-01' },
      ]);
      expect(pick(s, 'CUMULATIVE', 'ANY', GROUP)).toEqual([
        { districtCode: HEPING, from: '2024-02-01', until: '2024-05-01' },
        { districtCode: BINHAI, from: '2024-05-01', until: null },
      ]);
    });
    it('has no segments for an enterprise holding other tiers only', () => {
      const s = segmentsOf(granted('HIGH_TECH', '2023-01-10', '2026-01-09'));
      expect(s.filter((x) => x.tier === GROUP)).toEqual([]);
    });
  });

  it('a grant revoked on its own day produces no ACTIVE segment but counts cumulatively', () => {
    const s = segmentsOf(granted('HIGH_TECH', '2023-01-10', '2026-01-09'), revoked('HIGH_TECH', '2023-01-10'));
    expect(pick(s, 'ACTIVE')).toEqual([]);
    expect(pick(s, 'CUMULATIVE')).toHaveLength(1);
  });
});
