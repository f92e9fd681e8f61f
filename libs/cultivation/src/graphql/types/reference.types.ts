import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@cl/platform';
import { LadderEnum, TierEnum } from '../enums';

@ObjectType()
export class District {
  @Field() code: string;
  @Field() name: string;
}

@ObjectType()
export class TierInfo {
  @Field(() => TierEnum) tier: string;
  @Field(() => LadderEnum) ladder: string;
  @Field(() => Int) rung: number;
  @Field() nameZh: string;
  @Field() nameEn: string;
  @Field({ description: 'False for a group: it is held through its members.' }) grantable: boolean;
  @Field(() => [TierEnum], { description: 'The tiers a group is held through (empty for a certificate tier).' })
  members: string[];
}

@ObjectType({ description: 'One version of the public rules (DOMAIN.md, Policy).' })
export class PolicyVersion {
  @Field() id: string;
  @Field(() => DateScalar) effectiveFrom: string;
  @Field() source: string;
  @Field() summary: string;
}
