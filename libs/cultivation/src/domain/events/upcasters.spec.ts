import { UpcasterRegistry, schemaVersionIn, upcast, upcastRecorded } from './upcasters';

// A test-only older shape: v0 CertificationGranted had neither `level` nor `skippedPrerequisites`.
type GrantedV0 = { tier: string; grantedOn: string; validUntil: string };

describe('upcasting', () => {
  const registry = new UpcasterRegistry().register('CertificationGranted', 0, (data) => {
    const v0 = data as GrantedV0;
    return { ...v0, level: v0.tier === 'LITTLE_GIANT' ? 'NATIONAL' : 'MUNICIPAL', skippedPrerequisites: [] };
  });

  it('brings an older stored event to the current shape', () => {
    expect(
      registry.upcast({
        type: 'CertificationGranted',
        schemaVersion: 0,
        data: { tier: 'HIGH_TECH', grantedOn: '2020-01-01', validUntil: '2022-12-31' },
      }),
    ).toEqual({
      type: 'CertificationGranted',
      schemaVersion: 1,
      data: {
        tier: 'HIGH_TECH',
        level: 'MUNICIPAL',
        grantedOn: '2020-01-01',
        validUntil: '2022-12-31',
        skippedPrerequisites: [],
      },
    });
  });

  it('leaves current events alone', () => {
    const stored = {
      type: 'CertificationLapsed',
      schemaVersion: 1,
      data: { tier: 'TECH_SME', lapsedOn: '2025-01-01' },
    };
    expect(upcast(stored)).toEqual(stored);
  });

  it('refuses versions it cannot bridge, and unknown types', () => {
    expect(() => upcast({ type: 'CertificationGranted', schemaVersion: 0, data: {} })).toThrow(/no upcaster/);
    expect(() => upcast({ type: 'CertificationGranted', schemaVersion: 2, data: {} })).toThrow(/newer/);
    expect(() => upcast({ type: 'Mystery', schemaVersion: 1, data: {} })).toThrow(/unknown event type/);
  });
});

describe('reading a stored event (one path for the write side and the projection)', () => {
  // A v1 → v2 change of CertificationRenewed: v2 renamed `renewedOn` to `effectiveOn`.
  const registry = new UpcasterRegistry({ CertificationRenewed: 2 }).register('CertificationRenewed', 1, (data) => {
    const { renewedOn, ...rest } = data as { renewedOn: string; tier: string };
    return { ...rest, effectiveOn: renewedOn };
  });
  const v1 = { tier: 'HIGH_TECH', renewedOn: '2025-01-01' };

  it('lifts a v1 event to v2, and reads an event without schemaVersion as v1', () => {
    const lifted = { type: 'CertificationRenewed', data: { tier: 'HIGH_TECH', effectiveOn: '2025-01-01' } };
    expect(
      upcastRecorded({ type: 'CertificationRenewed', data: v1, metadata: { schemaVersion: 1 } }, registry),
    ).toEqual(lifted);
    expect(upcastRecorded({ type: 'CertificationRenewed', data: v1, metadata: {} }, registry)).toEqual(lifted);
  });

  it('leaves a v2 event as written', () => {
    const v2 = { tier: 'HIGH_TECH', effectiveOn: '2025-02-01' };
    expect(
      upcastRecorded({ type: 'CertificationRenewed', data: v2, metadata: { schemaVersion: 2 } }, registry),
    ).toEqual({ type: 'CertificationRenewed', data: v2 });
  });

  it('reads a malformed schemaVersion as 1 (the first shape), never as the current one', () => {
    expect(schemaVersionIn({})).toBe(1);
    expect(schemaVersionIn({ schemaVersion: 'x' })).toBe(1);
    expect(schemaVersionIn({ schemaVersion: 0 })).toBe(1);
    expect(schemaVersionIn({ schemaVersion: '2' })).toBe(2);
  });
});
