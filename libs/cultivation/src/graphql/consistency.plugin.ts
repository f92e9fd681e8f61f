import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import { InvalidQueryInput, ProjectionStatusQueries } from '../application/queries';

/** How long a query may wait for the read models to reach X-Consistency-Position. */
export const CONSISTENCY_WAIT_MS = 5000;

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
        let reached: boolean;
        try {
          reached = await this.status.waitForPosition(header, CONSISTENCY_WAIT_MS);
        } catch (error) {
          if (!(error instanceof InvalidQueryInput)) throw error;
          throw new GraphQLError('X-Consistency-Position must be a position returned by a mutation', {
            extensions: { code: error.code, field: error.field, rule: error.rule },
          });
        }
        if (!reached) {
          throw new GraphQLError(
            `The read models did not reach position ${header} within ${CONSISTENCY_WAIT_MS / 1000} s`,
            {
              extensions: { code: 'STALE_READ' },
            },
          );
        }
      },
    };
  }
}
