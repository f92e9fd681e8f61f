import { defineAsyncComponent } from 'vue';

/** The chart component, in its own chunk with ECharts (the first paint does not wait for it). */
export const EChart = defineAsyncComponent(() => import('./EChart.vue'));
