import { readFileSync } from 'node:fs';
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

describe('the served GraphQL schema', () => {
  const api = useTestApi();
  const served = () => api.app.get(GraphQLSchemaHost).schema;

  it('contains the whole public contract (../shared/design/schema.graphql): nothing renamed or removed', () => {
    const contract = buildSchema(readFileSync(resolve('../shared/design/schema.graphql'), 'utf8'));
    expect(findBreakingChanges(contract, served()).map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });

  it('is the one committed in schema.gql (regenerate it with npm start)', () => {
    const committed = readFileSync(resolve('schema.gql'), 'utf8');
    expect(body(printSchema(lexicographicSortSchema(served())))).toBe(body(committed));
  });
});
