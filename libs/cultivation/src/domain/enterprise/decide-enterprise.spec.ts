import { deciderSpec } from '@cl/testing';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../errors';
import { BINHAI, CODE, HEPING, d, deregistered, granted, registered, relocated } from '../spec-fixtures';
import type { EnterpriseCommand } from './commands';
import { enterpriseDecider } from './decide';

const spec = deciderSpec(enterpriseDecider, { today: d('2025-06-30') });
const register = (
  data: Partial<Extract<EnterpriseCommand, { type: 'RegisterEnterprise' }>['data']> = {},
): EnterpriseCommand => ({
  type: 'RegisterEnterprise',
  data: { creditCode: CODE, name: '天津示例科技有限公司', district: HEPING, ...data },
});
const rename = (name: string, effectiveOn: string): EnterpriseCommand => ({
  type: 'RenameEnterprise',
  data: { name, effectiveOn },
});
const relocate = (toDistrict: string, effectiveOn: string): EnterpriseCommand => ({
  type: 'RelocateEnterprise',
  data: { toDistrict, effectiveOn },
});
const deregister = (effectiveOn: string, reason = 'dissolved'): EnterpriseCommand => ({
  type: 'DeregisterEnterprise',
  data: { effectiveOn, reason },
});

describe('RegisterEnterprise', () => {
  it('registers a normalised code in a known district', () => {
    spec
      .given()
      .when(register({ creditCode: ' 91110000710925462x ', industryCode: 'C3974' }))
      .then([
        {
          type: 'EnterpriseRegistered',
          data: { creditCode: CODE, name: '天津示例科技有限公司', districtCode: HEPING, industryCode: 'C3974' },
        },
      ]);
  });
  it('refuses an existing code (CONFLICT)', () => {
    spec
      .given([registered()])
      .when(register())
      .thenThrows(Conflict, { rule: 'ENTERPRISE_ALREADY_REGISTERED', field: 'creditCode' });
  });
  it('refuses a bad check character, naming the rule', () => {
    spec
      .given()
      .when(register({ creditCode: '91110000710925462Y' }))
      .thenThrows(InvalidInput, { rule: 'CREDIT_CODE_CHECK', field: 'creditCode' });
  });
  it('refuses an empty or over-long name', () => {
    spec
      .given()
      .when(register({ name: '  ' }))
      .thenThrows(InvalidInput, { rule: 'NAME_REQUIRED', field: 'name' });
    spec
      .given()
      .when(register({ name: '名'.repeat(201) }))
      .thenThrows(InvalidInput, { rule: 'NAME_TOO_LONG', field: 'name' });
  });
  it.each([
    ['a tab', '天津\t示例科技有限公司', 'U+0009 at position 3'],
    ['a line break', '天津示例\n科技有限公司', 'U+000A at position 5'],
    ['NUL', '天津示例科技\u0000有限公司', 'U+0000 at position 7'],
    ['a C1 control', '天津示例科技有限公司\u0085X', 'U+0085 at position 11'],
  ])('refuses a name with %s inside (NAME_CONTROL_CHARACTER)', (_what, name, where) => {
    const error = spec
      .given()
      .when(register({ name }))
      .thenThrows(InvalidInput, { rule: 'NAME_CONTROL_CHARACTER', field: 'name' });
    expect(error.message).toContain(where);
  });
  it('refuses an unknown district', () => {
    spec
      .given()
      .when(register({ district: '110101' }))
      .thenThrows(InvalidInput, { rule: 'DISTRICT_UNKNOWN', field: 'district' });
  });
});

describe('every command but registration', () => {
  it('needs the enterprise to exist (NOT_FOUND)', () => {
    spec
      .given()
      .when(rename('新名', '2025-01-01'))
      .thenThrows(NotFound, { rule: 'ENTERPRISE_NOT_FOUND', field: 'creditCode' });
  });
  it.each<EnterpriseCommand>([
    rename('新名', '2025-05-01'),
    relocate(BINHAI, '2025-05-01'),
    deregister('2025-05-01'),
    { type: 'GrantCertification', data: { tier: 'HIGH_TECH', grantedOn: '2025-05-01' } },
    { type: 'RetractCertification', data: { tier: 'HIGH_TECH', eventId: 'e2', reason: 'error' } },
  ])('is refused after deregistration: %j', (command) => {
    spec
      .given([registered(), granted('HIGH_TECH', '2023-01-01', '2025-12-31'), deregistered('2025-04-01')])
      .when(command)
      .thenThrows(RuleViolation, { rule: 'ENTERPRISE_DEREGISTERED' });
  });
});

describe('RenameEnterprise', () => {
  it('renames from a date', () => {
    spec
      .given([registered()])
      .when(rename(' 新名 ', '2025-06-30'))
      .then([{ type: 'EnterpriseRenamed', data: { name: '新名', effectiveOn: d('2025-06-30') } }]);
  });
  it('writes nothing when the name is the one it already has', () => {
    spec.given([registered()]).when(rename(' 天津示例科技有限公司 ', '2025-06-30')).then([]);
    spec
      .given([registered(), { type: 'EnterpriseRenamed', data: { name: '新名', effectiveOn: d('2025-03-01') } }])
      .when(rename('新名', '2025-06-01'))
      .then([]);
  });
  it('refuses control characters and dates before 2000 in a rename', () => {
    spec
      .given([registered()])
      .when(rename('新\r名', '2025-06-30'))
      .thenThrows(InvalidInput, { rule: 'NAME_CONTROL_CHARACTER', field: 'name' });
    spec
      .given([registered()])
      .when(rename('新名', '1999-12-31'))
      .thenThrows(InvalidInput, { rule: 'DATE_BEFORE_2000', field: 'effectiveOn' });
  });
  it('refuses a future date', () => {
    spec
      .given([registered()])
      .when(rename('新名', '2025-07-01'))
      .thenThrows(InvalidInput, { rule: 'EFFECTIVE_DATE_IN_FUTURE', field: 'effectiveOn' });
  });
  it('refuses a date before the last rename', () => {
    spec
      .given([registered(), { type: 'EnterpriseRenamed', data: { name: 'A', effectiveOn: d('2025-03-01') } }])
      .when(rename('B', '2025-02-28'))
      .thenThrows(RuleViolation, { rule: 'EFFECTIVE_DATE_ORDER', field: 'effectiveOn' });
  });
});

describe('RelocateEnterprise', () => {
  it('moves to another district, recording where from', () => {
    spec
      .given([registered()])
      .when(relocate(BINHAI, '2025-05-01'))
      .then([relocated(HEPING, BINHAI, '2025-05-01')]);
  });
  it('refuses the district it is already in', () => {
    spec
      .given([registered()])
      .when(relocate(HEPING, '2025-05-01'))
      .thenThrows(RuleViolation, { rule: 'RELOCATION_SAME_DISTRICT', field: 'toDistrict' });
  });
  it('refuses an unknown district on toDistrict', () => {
    spec
      .given([registered()])
      .when(relocate('999999', '2025-05-01'))
      .thenThrows(InvalidInput, { rule: 'DISTRICT_UNKNOWN', field: 'toDistrict' });
  });
  it('refuses a date before the last relocation', () => {
    spec
      .given([registered(), relocated(HEPING, BINHAI, '2025-05-01')])
      .when(relocate(HEPING, '2025-04-30'))
      .thenThrows(RuleViolation, { rule: 'EFFECTIVE_DATE_ORDER', field: 'effectiveOn' });
  });
});

describe('DeregisterEnterprise', () => {
  it('deregisters with a reason', () => {
    spec
      .given([registered()])
      .when(deregister('2025-06-01'))
      .then([deregistered('2025-06-01')]);
  });
  it('needs a reason', () => {
    spec
      .given([registered()])
      .when(deregister('2025-06-01', ' '))
      .thenThrows(InvalidInput, { rule: 'REASON_REQUIRED', field: 'reason' });
  });
  it('may not precede a fact already recorded (it would leave a grant after the end)', () => {
    spec
      .given([registered(), granted('HIGH_TECH', '2025-03-01', '2028-02-29')])
      .when(deregister('2025-02-28'))
      .thenThrows(RuleViolation, { rule: 'EFFECTIVE_DATE_ORDER', field: 'effectiveOn' });
  });
});
