// The fingerprint is stored in the metadata of every event a command id wrote and compared when the id comes
// again: its text must not change, or a retry of an import or mutation recorded earlier would be refused as
// IDEMPOTENCY_KEY_REUSED. The expected strings were produced by the code that wrote the existing logs.
import { canonicalJson, commandFingerprint } from './idempotency';

describe('canonicalJson', () => {
  it('sorts keys by code unit, drops null and undefined members, keeps nulls inside arrays', () => {
    const value = {
      b: 1,
      a: [null, undefined, 'x', { z: null, y: 2, é: 'ü', B: true }],
      c: null,
      d: undefined,
      e: { '10': 1, '9': 2, x: [] },
    };
    expect(canonicalJson(value)).toBe('{"a":[null,null,"x",{"B":true,"y":2,"é":"ü"}],"b":1,"e":{"10":1,"9":2,"x":[]}}');
  });

  it('writes scalars, empty containers and holes as before', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect([[1, , 3], 'text', 7, null, undefined, true, {}, [], new Date(0)].map(canonicalJson)).toEqual([
      '[1,,3]',
      '"text"',
      '7',
      'null',
      'null',
      'true',
      '{}',
      '[]',
      '{}',
    ]);
  });
});

describe('commandFingerprint', () => {
  it('is the fingerprint earlier code recorded for the same import row', () => {
    const input = ['91120000MA003H8WN6', 'HIGH_TECH', null, null, '2026-05-20', null, '2026年第二批'];
    expect(commandFingerprint('importer', 'importCertifications', 'enterprise-91120000MA003H8WN6', input)).toBe(
      'UelfqYMRz0m9Kujg9Z2U1EcSv51hdzH6RkQBRcb-Tm4',
    );
  });
});
