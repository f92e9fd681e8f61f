import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FixedClock } from '@cl/cultivation';
import type { Logger } from 'pino';
import { createLogger, loadConfig } from '@cl/platform';
import { createTestDatabase } from '@cl/testing';
import { createApi } from '../../apps/api/src/create-api';
import { TEST_JWT_SECRET } from './tokens';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface TestApi {
  readonly app: NestFastifyApplication;
  readonly url: string;
  /** POST /graphql over real HTTP, with an optional bearer token and headers. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
}

/** The whole API, as main.ts composes it, listening on a free port with this test file's own database. */
/** Today in every e2e test (Asia/Shanghai noon), so date rules give the same answers on any day. */
export const TEST_NOW = new Date('2026-11-27T04:00:00Z');

export function useTestApi(env: Record<string, string> = {}, logger: Logger = createLogger('silent')): TestApi {
  let app: NestFastifyApplication | undefined;
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let url = '';
  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', JWT_SECRET: TEST_JWT_SECRET, LAPSE_SWEEP: 'false', ...env });
    app = await createApi({
      config,
      logger,
      databaseUrl: db.url,
      schemaFile: true,
      clock: new FixedClock(TEST_NOW),
    });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close(); // the projector and pools first, then the database they use
    await db?.drop();
  });
  return {
    get app() {
      if (!app) throw new Error('useTestApi(): the app exists only inside tests');
      return app;
    },
    get url() {
      return url;
    },
    async graphql(query, variables, options = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse['body'] } as never;
    },
  };
}
