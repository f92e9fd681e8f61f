import { Field, Int, ObjectType } from '@nestjs/graphql';
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
}
