import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { type Actor, CurrentActor, readScopeOf } from '@cl/platform';
import { GraphQLError } from 'graphql';
import { LiveFeedFull, LiveQueries } from '../application/queries';
import { ProjectionStatus, TargetProgress } from './types/progress.types';

/** A full feed is a refusal the caller can act on (retry later), not an internal failure. */
function opened<T>(open: () => AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  try {
    return open();
  } catch (error) {
    if (error instanceof LiveFeedFull) {
      throw new GraphQLError(error.message, {
        extensions: { code: 'RATE_LIMITED', rule: 'SUBSCRIPTIONS_FULL', details: { max: error.max } },
      });
    }
    throw error;
  }
}

/**
 * Live progress over GraphQL (graphql-ws): the same answers as projectionStatus and cohortProgress, pushed when the
 * read models advance. Roles as for the queries (any of the four); see LiveQueries for the rate and the bound.
 */
@Resolver()
export class LiveResolver {
  constructor(private readonly live: LiveQueries) {}

  @Subscription(() => ProjectionStatus, {
    description: 'The read models advanced (at most a few times a second). Roles as for projectionStatus.',
    resolve: (status: ProjectionStatus) => status,
  })
  projectionAdvanced() {
    return opened(() => this.live.projectionAdvanced());
  }

  @Subscription(() => [TargetProgress], {
    description:
      "The rows of cohortProgress (as of today) each time they change. Roles and district scope as for the query; a district official's subscription without `district` follows their own district.",
    resolve: (rows: TargetProgress[]) => rows,
  })
  cohortProgressChanged(
    @CurrentActor() actor: Actor,
    @Args('district', { type: () => String, nullable: true }) district?: string | null,
  ) {
    return opened(() => this.live.cohortProgressChanged(district ?? readScopeOf(actor)));
  }
}
