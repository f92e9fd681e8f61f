import { formatGraphQLError } from './format-error';

describe('GraphQL error answers', () => {
  it('passes the contract codes on with their field and rule, without a stack trace', () => {
    const answer = formatGraphQLError({
      message: 'tier TECH_SME is already active',
      extensions: { code: 'CONFLICT', field: 'tier', rule: 'TIER_ALREADY_ACTIVE', stacktrace: ['at decide()'] },
    });
    expect(answer).toEqual({
      message: 'tier TECH_SME is already active',
      extensions: { code: 'CONFLICT', field: 'tier', rule: 'TIER_ALREADY_ACTIVE' },
    });
  });

  it('answers an unexpected failure without its internals', () => {
    const answer = formatGraphQLError({
      message: 'relation "read_model.enterprise_summary" does not exist',
      path: ['enterprise'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['QueryFailedError: ...'] },
    });
    expect(answer).toEqual({
      message: 'Internal server error: the failure was logged with this request id',
      path: ['enterprise'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(answer)).not.toMatch(/read_model|QueryFailed/);
  });
});
