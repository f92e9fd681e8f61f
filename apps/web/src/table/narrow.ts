import { onBeforeUnmount, ref } from 'vue';

/** The phone layout's breakpoint (styles.css uses the same width). */
export const PHONE_QUERY = '(max-width: 600px)';

/** True while the window is phone-narrow: lists become cards with labels above values. */
export function useNarrow() {
  const query = window.matchMedia(PHONE_QUERY);
  const narrow = ref(query.matches);
  const update = (e: MediaQueryListEvent) => (narrow.value = e.matches);
  query.addEventListener('change', update);
  onBeforeUnmount(() => query.removeEventListener('change', update));
  return narrow;
}
