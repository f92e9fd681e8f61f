// The dashboard's yearly-duties card: who is overdue with the platforms' information update (types from schema.gql).
import { graphql } from './generated';
import type { OverdueUpdatesQuery } from './generated/graphql';

export type OverdueUpdate = OverdueUpdatesQuery['overdueAnnualUpdates']['edges'][number]['node'];

export const OVERDUE_UPDATES = graphql(`
  query OverdueUpdates($year: Int!, $asOf: Date, $district: String, $first: Int) {
    overdueAnnualUpdates(year: $year, asOf: $asOf, district: $district, first: $first) {
      totalCount
      edges {
        node {
          enterprise {
            creditCode
            name
          }
          dueOn
          daysOverdue
          tiers {
            tier
            nameZh
            nameEn
          }
        }
      }
    }
  }
`);
