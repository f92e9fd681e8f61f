import type { ArgumentsHost } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { AccessDenied } from '../auth/actor';
import { CodedErrorFilter } from './coded-error.filter';

const graphqlHost = { getType: () => 'graphql' } as unknown as ArgumentsHost;
const filter = new CodedErrorFilter(pino({ level: 'silent' }));

describe('GraphQL errors from thrown exceptions', () => {
  it('answers a read cut off by the statement timeout as QUERY_TOO_COMPLEX, not as an internal failure', () => {
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), {
      driverError: { code: '57014' },
    });
    const answer = filter.catch(cancelled, graphqlHost) as GraphQLError;
    expect(answer).toBeInstanceOf(GraphQLError);
    expect(answer.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', rule: 'STATEMENT_TIMEOUT' });
    expect(answer.message).not.toMatch(/canceling|statement timeout/);
  });

  it('keeps the field and rule of an access refusal', () => {
    const denied = new AccessDenied('FORBIDDEN', 'not yours', 'DISTRICT_SCOPE', 'creditCode');
    expect((filter.catch(denied, graphqlHost) as GraphQLError).extensions).toEqual({
      code: 'FORBIDDEN',
      field: 'creditCode',
      rule: 'DISTRICT_SCOPE',
    });
  });

  it('answers an error that only looks coded as an internal failure (refusals are recognised by class)', () => {
    const lookalike = Object.assign(new Error('SELECT … failed'), { code: 'FORBIDDEN', rule: 'DISTRICT_SCOPE' });
    expect(filter.catch(lookalike, graphqlHost)).toBe(lookalike);
  });
});
