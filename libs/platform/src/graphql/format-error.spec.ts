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

describe('GraphQL answers when the database cannot be reached', () => {
  it('answers UNAVAILABLE, retryable, without internals, when the original error is a lost connection', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55432'), { code: 'ECONNREFUSED' });
    const answer = formatGraphQLError(
      { message: lost.message, path: ['registerEnterprise'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      lost,
    );
    expect(answer).toEqual({
      message: 'The service cannot reach its database right now; try again shortly',
      path: ['registerEnterprise'],
      extensions: { code: 'UNAVAILABLE', retryable: true },
    });
    expect(JSON.stringify(answer)).not.toMatch(/ECONNREFUSED|55432/);
  });

  it('keeps an UNAVAILABLE the filter already made', () => {
    const answer = formatGraphQLError({ message: 'm', extensions: { code: 'UNAVAILABLE', retryable: true } });
    expect(answer.extensions).toEqual({ code: 'UNAVAILABLE', retryable: true });
  });
});
