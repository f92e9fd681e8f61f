import { UpcasterRegistry, upcast } from './upcasters';

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
