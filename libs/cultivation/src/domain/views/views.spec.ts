import type { EnterpriseEvent } from '../events/enterprise-events';
import type { RecordedEnvelope } from '../events/envelope';
import { fold } from '../enterprise/evolve';
import {
  BINHAI,
  HEPING,
  d,
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
import { certificationsOf } from './certifications';
import { enterpriseView } from './enterprise-view';
import { firstReached, occurrences } from './history';
import { positionsOf } from './positions';
import { stateAsOf } from './state-as-of';

const stateOf = (...events: EnterpriseEvent[]) => fold(withIds([registered(), ...events]));

describe('certificationsOf', () => {
  const states = (today: string, ...events: EnterpriseEvent[]) =>
    certificationsOf(stateOf(...events), d(today)).map((c) => [c.state, c.endedOn]);

  it('distinguishes ACTIVE, RENEWED and LAPSED (even before the sweep records it)', () => {
    expect(states('2025-06-30', granted('HIGH_TECH', '2023-01-10', '2026-01-09'))).toEqual([['ACTIVE', null]]);
    expect(
      states(
        '2025-06-30',
        granted('HIGH_TECH', '2022-07-01', '2025-06-30'),
        renewed('HIGH_TECH', '2025-06-01', '2028-06-30'),
      ),
    ).toEqual([['RENEWED', null]]);
    expect(states('2025-06-30', granted('TECH_SME', '2024-02-01', '2024-12-31'))).toEqual([['LAPSED', '2025-01-01']]);
    expect(
      states('2025-06-30', granted('TECH_SME', '2024-02-01', '2024-12-31'), lapsed('TECH_SME', '2025-01-01')),
    ).toEqual([['LAPSED', '2025-01-01']]);
    expect(states('2024-12-31', granted('TECH_SME', '2024-02-01', '2024-12-31'))).toEqual([['ACTIVE', null]]);
  });

  it('shows REVOKED, ENDED_BY_DEREGISTRATION and RETRACTED with the day it stopped counting', () => {
    expect(
      states('2025-06-30', granted('SRDI_SME', '2024-01-01', '2026-12-31'), revoked('SRDI_SME', '2025-03-15')),
    ).toEqual([['REVOKED', '2025-03-15']]);
    expect(states('2025-06-30', granted('SRDI_SME', '2024-01-01', '2026-12-31'), deregistered('2025-05-01'))).toEqual([
      ['ENDED_BY_DEREGISTRATION', '2025-05-01'],
    ]);
    expect(states('2025-06-30', granted('SRDI_SME', '2024-01-01', '2026-12-31'), retracted('SRDI_SME', 'e2'))).toEqual([
      ['RETRACTED', null],
    ]);
  });
});

describe('positionsOf', () => {
  it('gives the highest rung counting on the date per ladder', () => {
    const s = stateOf(
      granted('TECH_SME', '2025-02-01', '2025-12-31'),
      granted('HIGH_TECH', '2025-03-01', '2028-02-29'),
      granted('INNOVATIVE_SME', '2020-01-01', '2022-12-31'),
    );
    expect(positionsOf(s, d('2025-02-15'))).toEqual([
      { ladder: 'TECH', tier: 'TECH_SME', rung: 1 },
      { ladder: 'SPECIALIZED', tier: null, rung: 0 },
    ]);
    expect(positionsOf(s, d('2025-03-01'))[0]).toEqual({ ladder: 'TECH', tier: 'HIGH_TECH', rung: 2 });
    expect(positionsOf(s, d('2021-01-01'))[1]).toEqual({ ladder: 'SPECIALIZED', tier: 'INNOVATIVE_SME', rung: 1 });
  });
});

describe('stateAsOf', () => {
  const rec = (eventId: string, recordedAt: string, event: EnterpriseEvent): RecordedEnvelope<EnterpriseEvent> => ({
    eventId,
    recordedAt,
    event,
  });
  const log = [
    rec('e1', '2024-01-05T00:00:00Z', registered()),
    rec('e2', '2024-03-01T00:00:00Z', granted('HIGH_TECH', '2024-01-10', '2027-01-09')),
    rec('e3', '2025-02-01T00:00:00Z', revoked('HIGH_TECH', '2025-01-15')),
    rec('e4', '2025-04-01T00:00:00Z', retracted('HIGH_TECH', 'e2')),
  ];
  const view = (on: string, knownAt: string) =>
    certificationsOf(stateAsOf(log, d(on), knownAt), d(on)).map((c) => c.state);

  it('ignores events recorded after knownAt', () => {
    expect(view('2024-06-01', '2024-02-01T00:00:00Z')).toEqual([]);
    expect(view('2024-06-01', '2024-03-01T00:00:00Z')).toEqual(['ACTIVE']);
  });
  it('ignores events effective after `on`; a grant later than `on` does not exist yet', () => {
    expect(view('2025-01-14', '2025-03-01T00:00:00+08:00')).toEqual(['ACTIVE']);
    expect(view('2025-01-15', '2025-03-01T00:00:00+08:00')).toEqual(['REVOKED']);
    expect(view('2024-01-09', '2025-03-01T00:00:00Z')).toEqual([]);
  });
  it('applies a retraction at every effective date once known', () => {
    expect(view('2024-06-01', '2025-04-01T00:00:00Z')).toEqual(['RETRACTED']);
  });
});

describe('occurrences and firstReached', () => {
  const s = stateOf(
    granted('INNOVATIVE_SME', '2022-01-01', '2024-12-31'),
    relocated(HEPING, BINHAI, '2023-06-01'),
    renewed('INNOVATIVE_SME', '2024-12-01', '2027-12-31'),
    granted('SRDI_SME', '2023-01-01', '2025-12-31'),
    revoked('SRDI_SME', '2024-03-01'),
    granted('HIGH_TECH', '2023-05-01', '2026-04-30'),
    retracted('HIGH_TECH', 'e7'),
  );

  it('lists live grants, renewals and end days where the enterprise was located', () => {
    expect(occurrences(s).map((o) => `${o.on} ${o.kind} ${o.tier} ${o.districtCode}`)).toEqual([
      `2022-01-01 GRANTED INNOVATIVE_SME ${HEPING}`,
      `2022-01-01 GRANTED TECH_AND_INNOVATIVE_SME ${HEPING}`,
      `2023-01-01 GRANTED SRDI_SME ${HEPING}`,
      `2024-03-01 ENDED SRDI_SME ${BINHAI}`,
      `2024-12-01 RENEWED INNOVATIVE_SME ${BINHAI}`,
      `2024-12-01 RENEWED TECH_AND_INNOVATIVE_SME ${BINHAI}`,
      `2028-01-01 ENDED INNOVATIVE_SME ${BINHAI}`,
      `2028-01-01 ENDED TECH_AND_INNOVATIVE_SME ${BINHAI}`,
    ]);
  });

  it('enters the group once when both members overlap, and leaves it when the last one ends', () => {
    const both = stateOf(
      granted('TECH_SME', '2024-02-01', '2024-12-31'),
      granted('INNOVATIVE_SME', '2024-06-01', '2027-05-31'),
      granted('TECH_SME', '2028-03-01', '2028-12-31'),
    );
    const group = occurrences(both).filter((o) => o.tier === 'TECH_AND_INNOVATIVE_SME');
    expect(group.map((o) => `${o.on} ${o.kind}`)).toEqual([
      '2024-02-01 GRANTED',
      '2027-06-01 ENDED',
      '2028-03-01 GRANTED',
      '2029-01-01 ENDED',
    ]);
  });

  it('gives the first day each tier and group was held, ignoring retracted grants', () => {
    expect(firstReached(s)).toEqual({
      INNOVATIVE_SME: '2022-01-01',
      SRDI_SME: '2023-01-01',
      TECH_AND_INNOVATIVE_SME: '2022-01-01',
    });
  });

  it('feeds the Enterprise view', () => {
    expect(enterpriseView(s, d('2025-06-30'))).toMatchObject({
      district: { code: BINHAI, name: '滨海新区' },
      deregisteredOn: null,
      positions: [{ rung: 0 }, { rung: 1 }],
    });
  });
});
