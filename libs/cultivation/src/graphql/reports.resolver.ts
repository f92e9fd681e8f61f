import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentActor, Roles } from '@cl/platform';
import { ReportService } from '../application/reports/report-service';
import { PublishReportInput } from './inputs/report.inputs';
import { CallerContext, type Caller } from './request-context';
import { PublishedReport, Restatement } from './types/report.types';

/** Published figures, never changed afterwards, and their restatement against the ledger now. */
@Resolver()
export class ReportsResolver {
  constructor(private readonly service: ReportService) {}

  @Roles('MUNICIPAL_OFFICIAL', 'DISTRICT_OFFICIAL')
  @Mutation(() => PublishedReport, { description: 'Record the figures as published (never changed afterwards).' })
  publishReport(@Args('input') input: PublishReportInput, @CallerContext() caller: Caller) {
    const { commandId, ...rest } = input;
    return this.service.publish(rest, { ...caller, commandId });
  }

  @Query(() => [PublishedReport], {
    description: "Published reports, newest first (a district official sees the city's and their district's).",
  })
  reports(
    @CurrentActor() actor: Actor,
    @Args('district', { type: () => String, nullable: true }) district?: string | null,
  ) {
    return this.service.list(actor, district);
  }

  @Query(() => PublishedReport, { nullable: true })
  report(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.service.get(actor, id);
  }

  @Query(() => Restatement, {
    description: 'A published report beside the same question asked now, with the events that explain each difference.',
  })
  reportRestatement(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return this.service.restatement(actor, id);
  }
}
