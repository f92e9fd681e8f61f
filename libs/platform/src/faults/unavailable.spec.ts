import { isUnavailable, ServiceUnavailable } from './unavailable';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('which failures are UNAVAILABLE (try again) rather than a bug', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'a refused connection on every address (AggregateError)',
      new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], ''),
    ],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['an administrator shutdown (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', pgError('08006')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['the pool waiting past connectionTimeoutMillis', new Error('timeout exceeded when trying to connect')],
    ['a query past query_timeout', new Error('Query read timeout')],
    ['TypeORM wrapping a pg error', Object.assign(new Error('query failed'), { driverError: pgError('57P01') })],
    ['an error caused by one', new Error('append failed', { cause: new Error('Connection terminated unexpectedly') })],
    [
      'EventStoreDB unavailable',
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { type: 'unavailable' }),
    ],
    ['EventStoreDB past its deadline', Object.assign(new Error('deadline'), { type: 'deadline-exceeded' })],
    ['the request deadline', new ServiceUnavailable()],
  ])('%s', (_, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error in SQL', pgError('42601', 'syntax error at or near "SELEC"')],
    ['a serialisation failure (the callers retry it)', pgError('40001')],
    [
      'a statement past statement_timeout (its own cost)',
      pgError('57014', 'canceling statement due to statement timeout'),
    ],
    ['EventStoreDB wrong expected version', Object.assign(new Error('wev'), { type: 'wrong-expected-version' })],
    ['not an error at all', 'ECONNREFUSED'],
  ])('not %s', (_, error) => {
    expect(isUnavailable(error)).toBe(false);
  });
});
