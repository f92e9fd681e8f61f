// The read models' progress for the console's banner (ProjectionBanner.vue): the exact lag and the seconds to go.
import { graphql } from './generated';

export const PROJECTION_PROGRESS = graphql(`
  query ProjectionProgress {
    projectionStatus {
      lag
      etaSeconds
    }
  }
`);
