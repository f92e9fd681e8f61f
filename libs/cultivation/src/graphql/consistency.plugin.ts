import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { type BeforeOperation, BeforeOperationCheck, type OperationCheck } from '@cl/platform';
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
@Injectable()
@BeforeOperationCheck()
export class ConsistencyPlugin implements BeforeOperation {
  constructor(private readonly status: ProjectionStatusQueries) {}

  async beforeOperation({ context, operation }: OperationCheck): Promise<void> {
    const header = (context as HttpContext).req?.headers['x-consistency-position'];
    if (operation.operation !== 'query' || typeof header !== 'string' || header === '') return;
    let reached: boolean;
    try {
      reached = await this.status.waitForPosition(header, CONSISTENCY_WAIT_MS);
    } catch (error) {
      if (!(error instanceof InvalidQueryInput)) throw error;
      throw new GraphQLError('X-Consistency-Position must be a position returned by a mutation', {
        extensions: { code: error.code, field: error.field, rule: error.rule, http: { status: 400 } },
      });
    }
    if (!reached) {
      // Not the caller's mistake and not a failure: the read models are behind. Ask to come back shortly.
      throw new GraphQLError(
        `The read models did not reach position ${header} within ${CONSISTENCY_WAIT_MS / 1000} s: try again shortly`,
        {
          extensions: {
            code: 'STALE_READ',
            field: 'X-Consistency-Position',
            rule: 'READ_MODELS_BEHIND',
            http: { status: 503, headers: { 'retry-after': '1' } },
          },
        },
      );
    }
  }
}
