import { AccessDenied, type Actor } from '@cl/platform';
import { initialState, type EnterpriseCommand } from '../../domain';
import { authorizeEnterpriseCommand } from './enterprise-authorization';

const binhai: Actor = { sub: 'd-1', roles: ['DISTRICT_OFFICIAL'], district: '120116' };
const register = (district: string): EnterpriseCommand => ({
  type: 'RegisterEnterprise',
  data: { creditCode: '91120116MA05X1234B', name: '企业', district },
});

describe('district officials register in their district', () => {
  it('accepts the district with surrounding spaces, as the decider reads it', () => {
    expect(() => authorizeEnterpriseCommand(binhai, register(' 120116 '), initialState())).not.toThrow();
    const padded: Actor = { ...binhai, district: '120116 ' };
    expect(() => authorizeEnterpriseCommand(padded, register('120116'), initialState())).not.toThrow();
  });

  it('refuses another district', () => {
    expect(() => authorizeEnterpriseCommand(binhai, register('120101'), initialState())).toThrow(AccessDenied);
  });
});
