import type { CodegenConfig } from '@graphql-codegen/cli';

// The console's operation types come from the served schema (schema.gql), never by hand: the generator
// validates every document with graphql-js (the server's own validator), so a field the schema lacks fails
// here, and `npm run typecheck` runs it (`--check`) before tsc and vue-tsc.
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['apps/web/src/**/*.ts', '!apps/web/src/api/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown' },
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};
export default config;
