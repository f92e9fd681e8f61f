import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges, lexicographicSortSchema, printSchema } from 'graphql';
import { useTestApi } from './support/test-api';

const body = (sdl: string) =>
  sdl
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();

// The contract lives in ../shared/design beside the checkout; a copy is committed so the suite runs in a clone
// without it, and while both exist they must be the same (update the copy when the contract changes).
const SHARED_CONTRACT = resolve('../shared/design/schema.graphql');
const COPIED_CONTRACT = resolve('test/contract/schema.graphql');

describe('the served GraphQL schema', () => {
  const api = useTestApi();
  const served = () => api.app.get(GraphQLSchemaHost).schema;

  it('tests against the current contract: the committed copy equals ../shared/design/schema.graphql', () => {
    const copy = readFileSync(COPIED_CONTRACT, 'utf8');
    expect(existsSync(SHARED_CONTRACT) ? readFileSync(SHARED_CONTRACT, 'utf8') : copy).toBe(copy);
  });

  it('contains the whole public contract: nothing renamed or removed', () => {
    const contract = buildSchema(readFileSync(COPIED_CONTRACT, 'utf8'));
    expect(findBreakingChanges(contract, served()).map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });

  it('is the one committed in schema.gql (regenerate it with npm start)', () => {
    const committed = readFileSync(resolve('schema.gql'), 'utf8');
    expect(body(printSchema(lexicographicSortSchema(served())))).toBe(body(committed));
  });
});
