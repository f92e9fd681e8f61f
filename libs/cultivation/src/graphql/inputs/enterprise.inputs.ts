import { Field, InputType, Int } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { DateScalar } from '@cl/platform';
import { TEXT_LIMITS } from '../../domain';
import { EnterpriseCommandInput, IdempotentInput } from './command-input.base';

@InputType()
export class RegisterEnterpriseInput extends IdempotentInput {
  @Field() @MaxLength(32) creditCode: string;
  @Field() @MaxLength(TEXT_LIMITS.name) name: string;
  @Field() @MaxLength(6) district: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(TEXT_LIMITS.industryCode) industryCode?:
    string | null;
}

@InputType()
export class RenameEnterpriseInput extends EnterpriseCommandInput {
  @Field() @MaxLength(TEXT_LIMITS.name) name: string;
  @Field(() => DateScalar) effectiveOn: string;
}

@InputType()
export class RelocateEnterpriseInput extends EnterpriseCommandInput {
  @Field() @MaxLength(6) toDistrict: string;
  @Field(() => DateScalar) effectiveOn: string;
}

@InputType()
export class DeregisterEnterpriseInput extends EnterpriseCommandInput {
  @Field(() => DateScalar) effectiveOn: string;
  @Field() @MaxLength(TEXT_LIMITS.reason) reason: string;
}

@InputType()
export class RecordAnnualUpdateInput extends EnterpriseCommandInput {
  @Field(() => Int) year: number;
  @Field(() => DateScalar) submittedOn: string;
}
