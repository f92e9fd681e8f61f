import { Args, Query, Resolver } from '@nestjs/graphql';
import { DateScalar, Roles } from '@cl/platform';
import { AuditQueries } from '../application/audit/audit-queries';
import { toEnterprise } from '../application/queries';
import { presentEvent } from './presenters';
import { EnterpriseSnapshot, RecordedEvent } from './types/enterprise.types';

/** Audit replay straight from the event log. */
@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditQueries) {}

  @Roles('AUDITOR')
  @Query(() => [RecordedEvent], { description: "AUDITOR only: the enterprise's events with metadata, oldest first." })
  async enterpriseHistory(@Args('creditCode') creditCode: string): Promise<RecordedEvent[]> {
    return (await this.audit.history(creditCode)).map(presentEvent);
  }

  @Query(() => EnterpriseSnapshot)
  async enterpriseAsOf(
    @Args('creditCode') creditCode: string,
    @Args('on', { type: () => DateScalar }) on: string,
    @Args('knownAt', { type: () => Date, nullable: true }) knownAt?: Date | null,
  ): Promise<EnterpriseSnapshot> {
    const snapshot = await this.audit.asOf(creditCode, on, knownAt);
    return {
      on: snapshot.on,
      knownAt: snapshot.knownAt,
      enterprise: toEnterprise(snapshot.state, snapshot.version, snapshot.on),
    };
  }
}
