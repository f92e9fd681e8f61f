import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, JSONScalar } from '@cl/platform';
import { CertificationLevelEnum, CertificationStateEnum, LadderEnum, TierEnum } from '../enums';
import { District } from './reference.types';

@ObjectType()
export class CertificationRenewal {
  @Field(() => ID) eventId: string;
  @Field(() => DateScalar) renewedOn: string;
  @Field(() => DateScalar) validUntil: string;
  @Field(() => String, { nullable: true }) certificateNo?: string | null;
}

@ObjectType()
export class Certification {
  @Field(() => ID, { description: 'Id of the granting event: what retractCertification takes to retract the grant.' })
  eventId: string;
  @Field(() => TierEnum) tier: string;
  @Field(() => CertificationLevelEnum) level: string;
  @Field(() => String, { nullable: true }) certificateNo?: string | null;
  @Field(() => DateScalar) grantedOn: string;
  @Field(() => DateScalar) validUntil: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it stopped counting (lapse, revocation, deregistration), if it has.',
  })
  endedOn?: string | null;
  @Field(() => CertificationStateEnum) state: string;
  @Field(() => String, { nullable: true }) batch?: string | null;
  @Field(() => [CertificationRenewal], {
    description: 'Renewals of this grant, oldest first (each retractable by its eventId).',
  })
  renewals: CertificationRenewal[];
}

@ObjectType()
export class LadderPosition {
  @Field(() => LadderEnum) ladder: string;
  @Field(() => TierEnum, { nullable: true }) tier?: string | null;
  @Field(() => Int) rung: number;
}

@ObjectType()
export class Enterprise {
  @Field() creditCode: string;
  @Field() name: string;
  @Field(() => [String], { description: 'Earlier names, oldest first (search matches them too).' })
  formerNames: string[];
  @Field(() => District) district: District;
  @Field(() => String, { nullable: true }) industryCode?: string | null;
  @Field(() => DateScalar, { nullable: true }) deregisteredOn?: string | null;
  @Field(() => [Certification], { description: 'All certifications, current and past.' })
  certifications: Certification[];
  @Field(() => [LadderPosition], { description: 'Highest rung held per ladder today (rung 0 = none).' })
  positions: LadderPosition[];
  @Field(() => Int, { description: 'Stream version of the enterprise after its last event.' }) version: number;
}

@ObjectType()
export class RecordedEvent {
  @Field({ description: 'Global position in the event log.' }) position: string;
  @Field(() => Int, { description: "Version within the enterprise's stream (0-based)." }) version: number;
  @Field(() => ID) eventId: string;
  @Field() type: string;
  @Field(() => JSONScalar) data: unknown;
  @Field(() => Date) recordedAt: Date;
  @Field(() => String, { nullable: true }) actor?: string | null;
  @Field() source: string;
  @Field(() => String, { nullable: true }) correlationId?: string | null;
  @Field(() => String, { nullable: true }) causationId?: string | null;
  @Field(() => String, { nullable: true }) commandId?: string | null;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'The whole metadata: actor roles and district, schema version.',
  })
  metadata?: unknown;
}

@ObjectType()
export class EnterpriseSnapshot {
  @Field(() => DateScalar, {
    description: 'State as of `on` (effective date), built only from events recorded by `knownAt`.',
  })
  on: string;
  @Field(() => Date) knownAt: Date;
  @Field(() => Enterprise, { nullable: true }) enterprise?: Enterprise | null;
}

@ObjectType()
export class CommandResult {
  @Field(() => Enterprise, { nullable: true }) enterprise?: Enterprise | null;
  @Field(() => [RecordedEvent], { description: 'Events this command appended (empty when an idempotent replay).' })
  events: RecordedEvent[];
  @Field(() => String, {
    nullable: true,
    description: 'Global position of the last event written; pass it as a consistency token.',
  })
  position?: string | null;
}
