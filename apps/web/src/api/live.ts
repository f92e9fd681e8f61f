// Live figures: the dashboard follows the service's cohortProgressChanged subscription (graphql-ws, the same
// token), so a grant recorded elsewhere shows without a reload. One socket per page, opened on first use.
import { type Client, createClient } from 'graphql-ws';
import { onScopeDispose, type Ref, watch } from 'vue';
import { session } from '../auth/session';
import { graphql } from './generated';

const PROGRESS_CHANGED = graphql(`
  subscription ProgressChanged($district: String) {
    cohortProgressChanged(district: $district) {
      tier {
        tier
      }
      level
      metric
      current
    }
  }
`);

let client: Client | undefined;
let clientToken: string | undefined;

function socket(): Client {
  const token = session.token.value;
  if (!client || clientToken !== token) {
    void client?.dispose();
    clientToken = token;
    client = createClient({
      url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      lazy: true,
      // a dropped connection (a restart, a network blip) comes back by itself
      retryAttempts: Infinity,
      shouldRetry: () => true,
    });
  }
  return client;
}

/**
 * Calls `changed` each time the figures of `district` (null: the city) change after the first answer, while
 * `enabled` holds (the dashboard shows today's figures); stops with the component.
 */
export function onProgressChanged(district: Ref<string | null>, enabled: Ref<boolean>, changed: () => void): void {
  let stop: (() => void) | undefined;
  const follow = () => {
    stop?.();
    stop = undefined;
    if (!enabled.value || !session.token.value) return;
    let first = true;
    stop = socket().subscribe(
      { query: PROGRESS_CHANGED.toString(), variables: { district: district.value } },
      {
        next: () => {
          if (!first) changed();
          first = false;
        },
        // a refused or failed feed leaves the page as it is (it still reloads on demand)
        error: () => undefined,
        complete: () => undefined,
      },
    );
  };
  watch([district, enabled, session.token], follow, { immediate: true });
  onScopeDispose(() => stop?.());
}
