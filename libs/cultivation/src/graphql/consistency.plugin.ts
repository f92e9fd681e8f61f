import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import { ProjectionStatusQueries } from '../application/queries';

/** How long a query may wait for the read models to reach X-Consistency-Position. */
export const CONSISTENCY_WAIT_MS = 5000;
/** Positions are 64-bit signed integers. */
const MAX_POSITION = 2n ** 63n - 1n;

interface HttpContext {
  req?: { headers: Record<string, string | string[] | undefined> };
}

/**
 * Read-your-writes: a query sent with `X-Consistency-Position: <position>` (a mutation's `position`)
 * runs once the read models have applied that position, or fails with STALE_READ after 5 s.
 */
@Plugin()
export class ConsistencyPlugin implements ApolloServerPlugin<HttpContext> {
  constructor(private readonly status: ProjectionStatusQueries) {}

  async requestDidStart(): Promise<GraphQLRequestListener<HttpContext>> {
    return {
      didResolveOperation: async ({ contextValue, operation }) => {
        const header = contextValue.req?.headers['x-consistency-position'];
        if (operation?.operation !== 'query' || typeof header !== 'string' || header === '') return;
        if (!/^\d{1,19}$/.test(header) || BigInt(header) > MAX_POSITION) {
          throw new GraphQLError('X-Consistency-Position must be a position returned by a mutation', {
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'X-Consistency-Position',
              rule: 'POSITION_FORMAT',
              http: { status: 400 },
            },
          });
        }
        if (!(await this.status.waitForPosition(header, CONSISTENCY_WAIT_MS))) {
          // Not the caller's mistake and not a failure: the read models are behind. Ask to come back shortly.
          throw new GraphQLError(
            `The read models did not reach position ${header} within ${CONSISTENCY_WAIT_MS / 1000} s: try again shortly`,
            {
              extensions: {
                code: 'STALE_READ',
                field: 'X-Consistency-Position',
                rule: 'READ_MODELS_BEHIND',
                http: { status: 503, headers: new Map([['retry-after', '1']]) },
              },
            },
          );
        }
      },
    };
  }
}
