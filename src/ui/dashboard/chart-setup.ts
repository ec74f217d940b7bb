/**
 * chart.js, tree-shaken: only the controllers and elements the dashboard draws. Animation is
 * off so a screenshot or a test sees the final values at once.
 *
 * After every update, each chart writes what it holds (labels and datasets, read back from the
 * chart instance) into its canvas's `data-chart` attribute. Tests compare that with the API: it
 * proves the numbers reached chart.js, without putting chart.js on `window`. A plugin is the
 * least hacky way: the page code stays unaware of it, and the values are the chart's own state
 * after chart.js has taken them, not a copy the component made beside it.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';

const exposeData: Plugin = {
  id: 'suqiuDataAttribute',
  afterUpdate(chart) {
    const { labels, datasets } = chart.data;
    chart.canvas.dataset.chart = JSON.stringify({ labels, datasets: datasets.map((d) => ({ label: d.label, data: d.data })) });
  },
};

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, exposeData);
Chart.defaults.animation = false;
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.maintainAspectRatio = false;

export { Chart };
