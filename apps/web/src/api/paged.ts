import { ref, shallowRef, type Ref } from 'vue';
import { errorText } from './errors';
import type { PageInfo } from './queries';

export interface Connection<Node> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { node: Node }[];
}

/** A connection read page by page: `load(query)` starts over, `more()` appends the next page of the same query. */
export function usePaged<Node, Query>(fetchPage: (query: Query, after: string | null) => Promise<Connection<Node>>) {
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
      const page = await fetchPage(query, after);
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
