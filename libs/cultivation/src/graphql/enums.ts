import { registerEnumType } from '@nestjs/graphql';
import { allTierGroups, CERTIFICATION_LEVELS, LADDERS, REVOCATION_REASONS, TARGET_METRICS, TIERS } from '../domain';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const TierEnum = asEnum(TIERS);
export const LadderEnum = asEnum(LADDERS);
export const CertificationLevelEnum = asEnum(CERTIFICATION_LEVELS);
export const TargetMetricEnum = asEnum(TARGET_METRICS);
export const RevocationReasonEnum = asEnum(REVOCATION_REASONS);
export const CertificationStateEnum = asEnum([
  'ACTIVE',
  'RENEWED',
  'LAPSED',
  'REVOKED',
  'RETRACTED',
  'ENDED_BY_DEREGISTRATION',
] as const);
export const TrendIntervalEnum = asEnum(['MONTH', 'QUARTER', 'YEAR'] as const);
export type TrendInterval = keyof typeof TrendIntervalEnum;

// A group's value says what it is (from the policy file, so a new group needs no code here).
const GROUP_VALUES = Object.fromEntries(
  allTierGroups().map((g) => [
    g.tier,
    {
      description: `${g.nameZh} (${g.nameEn}): a group, held through ${g.members.join(' or ')}; never granted itself.`,
    },
  ]),
);
registerEnumType(TierEnum, { name: 'Tier', valuesMap: GROUP_VALUES });
registerEnumType(LadderEnum, { name: 'Ladder' });
registerEnumType(CertificationLevelEnum, { name: 'CertificationLevel' });
registerEnumType(TargetMetricEnum, { name: 'TargetMetric' });
registerEnumType(RevocationReasonEnum, { name: 'RevocationReason' });
registerEnumType(CertificationStateEnum, { name: 'CertificationState' });
registerEnumType(TrendIntervalEnum, { name: 'TrendInterval' });
