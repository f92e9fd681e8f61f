/** Layer rules, checked in CI (`npm run depcruise`). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'The domain imports nothing outside itself: no Nest, TypeORM, GraphQL, pg, node built-ins or other layers.',
      severity: 'error',
      from: { path: '^libs/cultivation/src/domain/' },
      to: { pathNot: ['^libs/cultivation/src/domain/', '^libs/refusals/src/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-is-pure-types',
      comment: 'Not even types from frameworks or infrastructure.',
      severity: 'error',
      from: { path: '^libs/cultivation/src/domain/' },
      to: {
        path: [
          'node_modules/(@nestjs|typeorm|graphql|pg|@eventstore|express)',
          '^libs/(event-store|platform)/',
          '^libs/cultivation/src/(application|read-models|graphql)/',
        ],
      },
    },
    {
      name: 'application-reads-read-models-by-index',
      comment:
        'Application code reaches the read models only through read-models/index.ts (the query functions that hold ' +
        'their SQL); tables (schema.ts, migrations), the projection and its checkpoint stay inside.',
      severity: 'error',
      from: { path: '^libs/cultivation/src/application/' },
      to: { path: '^libs/cultivation/src/read-models/', pathNot: '^libs/cultivation/src/read-models/index\\.ts$' },
    },
    {
      name: 'read-models-know-no-application',
      comment: 'The read side is below the application: it imports the domain, never application or GraphQL code.',
      severity: 'error',
      from: { path: '^libs/cultivation/src/read-models/' },
      to: { path: '^libs/cultivation/src/(application|graphql)/' },
    },
    {
      name: 'graphql-goes-through-application',
      comment: 'Resolvers call application services; they never read storage (read models, TypeORM, pg) themselves.',
      severity: 'error',
      from: { path: '^libs/cultivation/src/graphql/' },
      to: { path: ['^libs/cultivation/src/read-models/', 'node_modules/(typeorm|pg)/'] },
    },
    {
      name: 'apps-use-library-index-only',
      comment:
        'An app reaches a library only through its public entries: index.ts, and the light ones a fast command ' +
        'line needs (platform/src/tokens.ts, cultivation/src/reference.ts) or the console reads ' +
        '(cultivation/src/limits.ts).',
      severity: 'error',
      from: { path: '^apps/' },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: [
          '^libs/[^/]+/src/index\\.ts$',
          '^libs/platform/src/tokens\\.ts$',
          '^libs/cultivation/src/reference\\.ts$',
          '^libs/cultivation/src/limits\\.ts$',
        ],
      },
    },
    {
      name: 'libraries-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libraries-use-each-other-by-index',
      comment: 'One library reaches another only through its index.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'event-store-knows-no-domain',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/cultivation/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.int-spec\\.ts$|\\.e2e-spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
