// The 已发布数据 page's documents: published reports and their restatement (types generated from schema.gql).
import { graphql } from './generated';
import type { ReportFieldsFragment, RestatementQuery } from './generated/graphql';

export type Report = ReportFieldsFragment;
export type Restatement = RestatementQuery['reportRestatement'];
export type RestatedRow = Restatement['rows'][number];

graphql(`
  fragment ReportFields on PublishedReport {
    id
    title
    asOf
    district {
      code
      name
    }
    publishedAt
    publishedBy
    supersedes
  }
`);

export const REPORTS = graphql(`
  query Reports {
    reports {
      ...ReportFields
    }
  }
`);

export const PUBLISH_REPORT = graphql(`
  mutation PublishReport($input: PublishReportInput!) {
    publishReport(input: $input) {
      ...ReportFields
    }
  }
`);

export const RESTATEMENT = graphql(`
  query Restatement($id: ID!) {
    reportRestatement(id: $id) {
      position
      report {
        ...ReportFields
      }
      rows {
        tier {
          tier
          nameZh
          nameEn
        }
        level
        metric
        published
        now
        difference
        events {
          creditCode
          name
          eventId
          eventType
          effectiveOn
          recordedAt
          recordedBy
          effect
        }
      }
    }
  }
`);
