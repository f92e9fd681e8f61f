import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { DateScalar } from '@cl/platform';
import type { CertificationLevel, RevocationReason, TargetMetric, Tier } from '../../domain';
import { CertificationLevelEnum, RevocationReasonEnum, TargetMetricEnum, TierEnum } from '../enums';
import { EnterpriseCommandInput, IdempotentInput } from './command-input.base';

@InputType()
export class GrantCertificationInput extends EnterpriseCommandInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => CertificationLevelEnum, { nullable: true }) @IsOptional() level?: CertificationLevel | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) certificateNo?: string | null;
  @Field(() => DateScalar) grantedOn: string;
  @Field(() => DateScalar, { nullable: true, description: "Default from the tier's policy." })
  @IsOptional()
  validUntil?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) batch?: string | null;
}

@InputType()
export class RenewCertificationInput extends EnterpriseCommandInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => DateScalar) renewedOn: string;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() validUntil?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) certificateNo?: string | null;
}

@InputType()
export class RevokeCertificationInput extends EnterpriseCommandInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => DateScalar) revokedOn: string;
  @Field(() => RevocationReasonEnum) reason: RevocationReason;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) note?: string | null;
}

@InputType()
export class RetractCertificationInput extends EnterpriseCommandInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => ID) @MaxLength(64) eventId: string;
  @Field() @MaxLength(500) reason: string;
}

@InputType()
export class SetTargetInput extends IdempotentInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => CertificationLevelEnum, { nullable: true }) @IsOptional() level?: CertificationLevel | null;
  @Field(() => Int) @IsInt() @Min(0) target: number;
  @Field(() => TargetMetricEnum) metric: TargetMetric;
  @Field(() => DateScalar) deadline: string;
}
