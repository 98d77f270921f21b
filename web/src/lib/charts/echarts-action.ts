// The one ECharts wrapper: a Svelte action that owns a chart instance for the element's lifetime.
import type { Action } from 'svelte/action';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import type * as EchartsSetup from './echarts-setup.ts';

// ECharts is most of the dashboard's JavaScript. Fetch it as soon as a page that draws charts loads,
// but in its own chunk, so the tiles and tables render without waiting for it.
let echartsModule: Promise<typeof EchartsSetup> | undefined;
const loadEcharts = () => (echartsModule ??= import('./echarts-setup.ts'));
if (typeof window !== 'undefined') void loadEcharts().catch(() => undefined);

// The instance behind each chart element, so the shell's "save as" can reach it without the chart
// component exposing it.
const instances = new WeakMap<Element, ECharts>();

/** The ECharts instance drawn in `node` (the element the action is on), once it has rendered. */
export function chartInstance(node: Element): ECharts | undefined {
  return instances.get(node);
}

export const echartsAction: Action<HTMLElement, EChartsCoreOption> = (node, initial) => {
  let option = initial;
  let chart: ECharts | undefined;
  let observer: ResizeObserver | undefined;
  let destroyed = false;

  loadEcharts().then(
    ({ echarts }) => {
      if (destroyed) return;
      // SVG keeps text crisp at any zoom, prints well and is cheap for a few hundred points.
      const instance = echarts.init(node, null, { renderer: 'svg' });
      instance.setOption(option);
      // Follows the container, not the window: the grid reflows when filters wrap.
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(node);
      chart = instance;
      instances.set(node, instance);
    },
    (error: unknown) => console.error('Could not load the chart library', error),
  );

  return {
    update(next: EChartsCoreOption) {
      option = next;
      // notMerge: a new option replaces the old one, so series removed by a filter disappear.
      chart?.setOption(next, { notMerge: true });
    },
    destroy() {
      destroyed = true;
      instances.delete(node);
      observer?.disconnect();
      chart?.dispose();
    },
  };
};
