import { css, html, LitElement, PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only the chart types and components the dashboard uses, so the bundle stays small.
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

/**
 * An Apache ECharts chart. The server sets `option` (an ECharts option object, as JSON); the
 * element renders it with the SVG renderer, whose text stays in the DOM for screen readers and
 * tests, and follows its own size through a ResizeObserver. Clicking a data item fires
 * `chart-click` with the item's name and index, for click-through to a detail page.
 */
@customElement('echarts-view')
export class EchartsView extends LitElement {
  static styles = css`
    :host {
      display: block;
      width: 100%;
      min-height: 16rem;
    }
    #chart {
      width: 100%;
      height: 100%;
      min-height: inherit;
    }
  `;

  @property({ type: Object }) option: EChartsCoreOption = {};

  @query('#chart') private container!: HTMLDivElement;

  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;

  render() {
    return html`<div id="chart"></div>`;
  }

  firstUpdated() {
    this.chart = echarts.init(this.container, undefined, { renderer: 'svg' });
    this.chart.on('click', (event) => {
      this.dispatchEvent(
        new CustomEvent('chart-click', { detail: { name: String(event.name), index: event.dataIndex } }),
      );
    });
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    this.chart.setOption(this.option, true);
  }

  updated(changed: PropertyValues<this>) {
    if (changed.has('option') && this.chart) {
      // notMerge: a new option replaces the old one, so series of an earlier filter disappear.
      this.chart.setOption(this.option, true);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    // Re-attached after a navigation: firstUpdated does not run again, so init here.
    if (this.hasUpdated && !this.chart) {
      this.firstUpdated();
    }
  }
}
