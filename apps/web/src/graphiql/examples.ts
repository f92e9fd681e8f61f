// The explorer opens on these: what analysts and auditors ask most, ready to run and to change. They are written
// with the generated `graphql()` so the code generator validates them against schema.gql like every console
// document (a renamed field fails `npm run typecheck`, not an analyst's first click).
import { graphql } from '../api/generated';

const today = () => new Date().toISOString().slice(0, 10);
const vars = (value: Record<string, unknown>) => JSON.stringify(value, null, 2);

const PROGRESS = graphql(`
  # 全市（或一个区）距 2027 年目标的进度
  query ExampleCohortProgress($asOf: Date, $district: String) {
    cohortProgress(asOf: $asOf, district: $district) {
      tier {
        tier
        nameZh
      }
      level
      metric
      current
      active
      cumulative
      target
      percent
      onTrack
    }
  }
`);

const BREAKDOWN = graphql(`
  # 各区分布：某一梯度在某日的有效数与累计数；knownAt 给出当时已记录的事实下的数字（发布时的口径）
  query ExampleDistrictBreakdown($tier: Tier!, $asOf: Date, $knownAt: DateTime) {
    districtBreakdown(tier: $tier, asOf: $asOf, knownAt: $knownAt) {
      district {
        name
      }
      active
      cumulative
    }
  }
`);

const TREND = graphql(`
  # 趋势：按季度的新认定与终止，及期末有效数（interval 可为 MONTH、QUARTER、YEAR）
  query ExampleCohortTrend($tier: Tier!, $from: Date!, $to: Date!, $interval: TrendInterval!) {
    cohortTrend(tier: $tier, from: $from, to: $to, interval: $interval) {
      periodStart
      granted
      ended
      active
    }
  }
`);

const AS_OF = graphql(`
  # 审计：一家企业在某日的状态，及其完整事件历史（enterpriseHistory 仅审计员可查）
  query ExampleEnterpriseAsOf($creditCode: String!, $on: Date!) {
    enterpriseAsOf(creditCode: $creditCode, on: $on) {
      on
      knownAt
      enterprise {
        creditCode
        name
        district {
          name
        }
        certifications {
          tier
          level
          grantedOn
          validUntil
          state
        }
      }
    }
    enterpriseHistory(creditCode: $creditCode) {
      type
      recordedAt
      actor
      data
    }
  }
`);

const LIVE = graphql(`
  # 实时：读模型每次前进、数字有变化时推送（结果区持续更新）
  subscription ExampleLiveProgress($district: String) {
    cohortProgressChanged(district: $district) {
      tier {
        nameZh
      }
      metric
      current
      target
    }
  }
`);

/** One saved operation: a tab of the explorer. */
export interface ExampleTab {
  query: string;
  variables: string;
}

export function exampleTabs(): ExampleTab[] {
  const on = today();
  return [
    { query: PROGRESS.toString(), variables: vars({ asOf: on, district: null }) },
    { query: BREAKDOWN.toString(), variables: vars({ tier: 'SRDI_SME', asOf: on, knownAt: null }) },
    {
      query: TREND.toString(),
      variables: vars({ tier: 'INNOVATIVE_SME', from: '2025-01-01', to: on, interval: 'QUARTER' }),
    },
    { query: AS_OF.toString(), variables: vars({ creditCode: '91120116MA05XXXXXX', on }) },
    { query: LIVE.toString(), variables: vars({ district: null }) },
  ];
}
