import { ref, shallowRef, type Ref } from 'vue';
import { MAX_PAGE } from '../../../../libs/cultivation/src/limits';
import { errorText } from './errors';
import type { PageInfo } from './queries';

export interface Connection<Node> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { node: Node }[];
}

/** A connection's page: `first` rows after the cursor `after` of the same query. */
export type PageReader<Node, Query> = (query: Query, after: string | null, first: number) => Promise<Connection<Node>>;

/** The largest page the API serves (its own MAX_PAGE): exports read the whole answer at this size. */
export const LARGEST_PAGE = MAX_PAGE;

/** Every page of the query, from the first, at the largest size; stops early when `signal` aborts. */
export async function* allPages<Node, Query>(
  read: PageReader<Node, Query>,
  query: Query,
  signal?: AbortSignal,
): AsyncIterable<Node[]> {
  let after: string | null = null;
  do {
    if (signal?.aborted) return;
    const page: Connection<Node> = await read(query, after, LARGEST_PAGE);
    yield page.edges.map((e) => e.node);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
}

/** A connection read page by page: `load(query)` starts over, `more()` appends the next page of the same query. */
export function usePaged<Node, Query>(fetchPage: PageReader<Node, Query>, pageSize: number) {
  const rows = shallowRef<Node[]>([]);
  const totalCount = ref<number | null>(null);
  const pageInfo = ref<PageInfo>({ hasNextPage: false, endCursor: null });
  const error = ref('');
  const loading = ref(false);
  /** The query of the rows shown (exports name its filters). */
  const shown = ref() as Ref<Query | undefined>;

  async function read(query: Query, after: string | null): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      const page = await fetchPage(query, after, pageSize);
      const nodes = page.edges.map((e) => e.node);
      rows.value = after ? [...rows.value, ...nodes] : nodes;
      totalCount.value = page.totalCount;
      pageInfo.value = page.pageInfo;
      shown.value = query;
    } catch (e) {
      error.value = errorText(e);
    } finally {
      loading.value = false;
    }
  }

  return {
    rows,
    totalCount,
    pageInfo,
    error,
    loading,
    shown,
    load: (query: Query) => read(query, null),
    more: () => (shown.value === undefined ? Promise.resolve() : read(shown.value, pageInfo.value.endCursor)),
  };
}
