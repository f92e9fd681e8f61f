import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@cl/platform';
import { Certification, Enterprise } from './enterprise.types';
import { TierInfo } from './reference.types';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor?: string | null;
}

@ObjectType()
export class EnterpriseEdge {
  @Field(() => Enterprise) node: Enterprise;
  @Field() cursor: string;
}

@ObjectType()
export class EnterpriseConnection {
  @Field(() => [EnterpriseEdge]) edges: EnterpriseEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
export class ExpiringCertification {
  @Field(() => Enterprise) enterprise: Enterprise;
  @Field(() => Certification) certification: Certification;
  @Field(() => Int) daysLeft: number;
}

@ObjectType()
export class ExpiringEdge {
  @Field(() => ExpiringCertification) node: ExpiringCertification;
  @Field() cursor: string;
}

@ObjectType()
export class ExpiringConnection {
  @Field(() => [ExpiringEdge]) edges: ExpiringEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ObjectType()
export class AnnualUpdateDue {
  @Field(() => Enterprise) enterprise: Enterprise;
  @Field(() => Int) year: number;
  @Field(() => DateScalar) dueOn: string;
  @Field(() => Int) daysOverdue: number;
  @Field(() => [TierInfo], { description: 'The certifications that make the update due.' }) tiers: TierInfo[];
}

@ObjectType()
export class AnnualUpdateEdge {
  @Field(() => AnnualUpdateDue) node: AnnualUpdateDue;
  @Field() cursor: string;
}

@ObjectType()
export class AnnualUpdateConnection {
  @Field(() => [AnnualUpdateEdge]) edges: AnnualUpdateEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
