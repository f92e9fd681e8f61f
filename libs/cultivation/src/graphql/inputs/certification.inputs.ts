import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { DateScalar } from '@cl/platform';
import {
  TEXT_LIMITS,
  type CertificationLevel,
  type RevocationReason,
  type TargetMetric,
  type Tier,
} from '../../domain';
import { CertificationLevelEnum, RevocationReasonEnum, TargetMetricEnum, TierEnum } from '../enums';
import { EnterpriseCommandInput, IdempotentInput } from './command-input.base';

@InputType()
export class GrantCertificationInput extends EnterpriseCommandInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => CertificationLevelEnum, { nullable: true }) @IsOptional() level?: CertificationLevel | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT_LIMITS.certificateNo) certificateNo?:
    string | null;
  @Field(() => DateScalar) grantedOn: string;
  @Field(() => DateScalar, { nullable: true, description: "Default from the tier's policy." })
  @IsOptional()
  validUntil?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT_LIMITS.batch) batch?: string | null;
}

@InputType()
export class RenewCertificationInput extends EnterpriseCommandInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => DateScalar) renewedOn: string;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() validUntil?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT_LIMITS.certificateNo) certificateNo?:
    string | null;
}

@InputType()
export class RevokeCertificationInput extends EnterpriseCommandInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => DateScalar) revokedOn: string;
  @Field(() => RevocationReasonEnum) reason: RevocationReason;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT_LIMITS.note) note?: string | null;
}

@InputType()
export class RetractCertificationInput extends EnterpriseCommandInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => ID) @MaxLength(64) eventId: string;
  @Field() @MaxLength(TEXT_LIMITS.reason) reason: string;
}

@InputType()
export class SetTargetInput extends IdempotentInput {
  @Field(() => TierEnum) tier: Tier;
  @Field(() => CertificationLevelEnum, { nullable: true }) @IsOptional() level?: CertificationLevel | null;
  @Field(() => Int) @IsInt() @Min(0) target: number;
  @Field(() => TargetMetricEnum) metric: TargetMetric;
  @Field(() => DateScalar) deadline: string;
  @Field(() => String, { nullable: true, description: "A district's own target; absent: the city's." })
  @IsOptional()
  @MaxLength(6)
  district?: string | null;
}
