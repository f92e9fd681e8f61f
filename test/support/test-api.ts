import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createLogger, loadConfig } from '@cl/platform';
import { useTestDatabase } from '@cl/testing';
import { createApi } from '../../apps/api/src/create-api';
import { TEST_JWT_SECRET } from './tokens';

export interface TestApi {
  readonly app: NestExpressApplication;
  /** POST /graphql with an optional bearer token and headers; returns the supertest response. */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<request.Response>;
}

/** The whole API, as main.ts composes it, on this test file's own database. */
export function useTestApi(env: Record<string, string> = {}): TestApi {
  const db = useTestDatabase();
  let app: NestExpressApplication | undefined;
  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      JWT_SECRET: TEST_JWT_SECRET,
      LAPSE_SWEEP: 'false',
      ...env,
    });
    app = await createApi({ config, logger: createLogger('silent'), databaseUrl: db.url, schemaFile: true });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('useTestApi(): the app exists only inside tests');
      return app;
    },
    graphql(query, variables, options = {}) {
      const call = request(this.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set(options.headers ?? {});
      if (options.token) call.set('authorization', `Bearer ${options.token}`);
      return call.send({ query, variables });
    },
  };
}
