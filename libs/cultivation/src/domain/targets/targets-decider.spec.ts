import { deciderSpec } from '@cl/testing';
import { InvalidInput } from '../errors';
import { d } from '../spec-fixtures';
import { targetFor, targetsDecider, type SetTarget } from './targets-decider';
import { DEFAULT_TARGETS } from './targets-events';

const spec = deciderSpec(targetsDecider, { today: d('2025-06-30') });
const setTarget = (data: Partial<SetTarget['data']> = {}): SetTarget => ({
  type: 'SetTarget',
  data: { tier: 'HIGH_TECH', target: 12000, metric: 'ACTIVE', deadline: '2027-12-31', ...data },
});

describe('targets', () => {
  it('start from the plan’s table', () => {
    const { state } = spec.given();
    expect(state.targets).toEqual(DEFAULT_TARGETS);
    expect(targetFor(state, 'SINGLE_CHAMPION')).toEqual({
      tier: 'SINGLE_CHAMPION',
      level: 'MUNICIPAL',
      target: 200,
      metric: 'CUMULATIVE',
      deadline: '2027-12-31',
    });
  });

  it('SetTarget sets a tier’s target, replacing the previous one', () => {
    const after = spec
      .given()
      .when(setTarget({ tier: 'TECH_SME', target: 16000 }))
      .then([
        { type: 'TargetSet', data: { tier: 'TECH_SME', target: 16000, metric: 'ACTIVE', deadline: d('2027-12-31') } },
      ]);
    expect(after.targets.filter((t) => t.tier === 'TECH_SME')).toEqual([
      { tier: 'TECH_SME', target: 16000, metric: 'ACTIVE', deadline: '2027-12-31' },
    ]);
    expect(after.targets).toHaveLength(DEFAULT_TARGETS.length);
  });

  it('accepts a target for the group TECH_AND_INNOVATIVE_SME, at a level one of its members is certified at', () => {
    expect(targetFor(spec.given().state, 'TECH_AND_INNOVATIVE_SME')).toBeUndefined(); // none by default
    spec
      .given()
      .when(setTarget({ tier: 'TECH_AND_INNOVATIVE_SME', target: 20000, metric: 'CUMULATIVE', level: 'MUNICIPAL' }))
      .then([
        {
          type: 'TargetSet',
          data: {
            tier: 'TECH_AND_INNOVATIVE_SME',
            level: 'MUNICIPAL',
            target: 20000,
            metric: 'CUMULATIVE',
            deadline: d('2027-12-31'),
          },
        },
      ]);
    spec
      .given()
      .when(setTarget({ tier: 'TECH_AND_INNOVATIVE_SME', level: 'NATIONAL' }))
      .thenThrows(InvalidInput, { rule: 'LEVEL_NOT_ALLOWED', field: 'level' });
  });

  it('refuses a negative or fractional target', () => {
    spec
      .given()
      .when(setTarget({ target: -1 }))
      .thenThrows(InvalidInput, { rule: 'TARGET_NOT_NON_NEGATIVE_INTEGER', field: 'target' });
    spec
      .given()
      .when(setTarget({ target: 1.5 }))
      .thenThrows(InvalidInput, { rule: 'TARGET_NOT_NON_NEGATIVE_INTEGER', field: 'target' });
  });
  it('refuses a deadline that is not a date', () => {
    spec
      .given()
      .when(setTarget({ deadline: '2027-13-01' }))
      .thenThrows(InvalidInput, { rule: 'DATE_FORMAT', field: 'deadline' });
  });
  it('refuses a level the tier is not certified at, and an unknown metric', () => {
    spec
      .given()
      .when(setTarget({ level: 'NATIONAL' }))
      .thenThrows(InvalidInput, { rule: 'LEVEL_NOT_ALLOWED', field: 'level' });
    spec
      .given()
      .when(setTarget({ metric: 'SOMETIMES' as never }))
      .thenThrows(InvalidInput, { rule: 'METRIC_UNKNOWN', field: 'metric' });
  });

  it('sets a district’s own target beside the city’s, and refuses an unknown district', () => {
    const after = spec
      .given()
      .when(setTarget({ tier: 'TECH_SME', target: 3000, district: '120116' }))
      .then([
        {
          type: 'TargetSet',
          data: { tier: 'TECH_SME', target: 3000, metric: 'ACTIVE', deadline: d('2027-12-31'), district: '120116' },
        },
      ]);
    expect(targetFor(after, 'TECH_SME', '120116')?.target).toBe(3000);
    expect(targetFor(after, 'TECH_SME')?.target).toBe(15000); // the city's stays
    expect(targetFor(after, 'TECH_SME', '120101')).toBeUndefined(); // no other district inherits it
    spec
      .given()
      .when(setTarget({ district: '999999' }))
      .thenThrows(InvalidInput, { rule: 'DISTRICT_UNKNOWN', field: 'district' });
  });
});
