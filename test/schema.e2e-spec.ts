import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges, type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { useTestApi } from './support/test-api';

const body = (sdl: string) =>
  sdl
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();

// The contract lives in ../shared/design beside the checkout; a copy is committed so the suite runs in a clone
// without it. The contract grows by issues, and each lands on its own: the committed copy holds what the
// issues landed so far serve, so it must be contained in the contract (nothing there renamed or removed), and
// the served schema must contain the copy. Once every issue of a round is resolved, copy and contract are equal.
const SHARED_CONTRACT = resolve('../shared/design/schema.graphql');
const COPIED_CONTRACT = resolve('test/contract/schema.graphql');

/** What `newer` lacks or changed of `older` (empty: `newer` contains `older`). */
const departures = (older: GraphQLSchema, newer: GraphQLSchema) =>
  findBreakingChanges(older, newer).map((c) => `${c.type}: ${c.description}`);

describe('the served GraphQL schema', () => {
  const api = useTestApi();
  const served = () => api.app.get(GraphQLSchemaHost).schema;

  it('tests against a part of the current contract: the committed copy is contained in ../shared/design/schema.graphql', () => {
    if (!existsSync(SHARED_CONTRACT)) return; // a clone without the design folder: the copy is all there is
    const copy = buildSchema(readFileSync(COPIED_CONTRACT, 'utf8'));
    expect(departures(copy, buildSchema(readFileSync(SHARED_CONTRACT, 'utf8')))).toEqual([]);
  });

  it('contains the whole public contract: nothing renamed or removed', () => {
    expect(departures(buildSchema(readFileSync(COPIED_CONTRACT, 'utf8')), served())).toEqual([]);
  });

  it('is the one committed in schema.gql (regenerate it with npm start)', () => {
    const committed = readFileSync(resolve('schema.gql'), 'utf8');
    expect(body(printSchema(lexicographicSortSchema(served())))).toBe(body(committed));
  });
});
