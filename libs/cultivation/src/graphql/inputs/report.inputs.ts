import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '@cl/platform';
import { IsOptional, MaxLength } from 'class-validator';
import { IdempotentInput } from './command-input.base';

@InputType()
export class PublishReportInput extends IdempotentInput {
  // The title's length is the domain's rule (MAX_REPORT_TITLE); this only bounds what is parsed.
  @Field()
  @MaxLength(10_000)
  title: string;

  @Field(() => DateScalar)
  asOf: string;

  @Field(() => String, { nullable: true, description: 'Absent: the city.' })
  @IsOptional()
  @MaxLength(32)
  district?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  supersedes?: string | null;
}
