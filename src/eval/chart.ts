// An inline SVG bar chart of the share metrics (0..1): one group per metric, one bar per series (all, then each tag).
import { METRIC_NAMES, type MetricName, type Metrics } from "./metrics.js";
import type { ThresholdCheck } from "./thresholds.js";

export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const PALETTE = ["#2f6db5", "#e08a1e", "#3a9a5b", "#9b4dca", "#c9463d", "#5c6b7a"];
const SHARES = METRIC_NAMES.filter((m) => !m.endsWith("Ms"));
const LABEL_W = 150;
const BAR_W = 420;
const BAR_H = 14;

function bar(series: number, y: number, value: number | null): string {
  const color = PALETTE[series % PALETTE.length]!;
  if (value === null) {
    return `<text x="${LABEL_W + 4}" y="${y + 11}" font-size="11" fill="#777">n/a</text>`;
  }
  const w = Math.max(1, value * BAR_W);
  return (
    `<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H - 2}" fill="${color}"/>` +
    `<text x="${(LABEL_W + w + 4).toFixed(1)}" y="${y + 11}" font-size="11">${value.toFixed(3)}</text>`
  );
}

/** A red tick at each overall threshold on a share metric. */
function tick(metric: MetricName, top: number, height: number, thresholds: ThresholdCheck[]): string {
  return thresholds
    .filter((t) => t.metric === metric && t.tag === undefined)
    .map((t) => {
      const x = (LABEL_W + t.limit * BAR_W).toFixed(1);
      return `<line x1="${x}" x2="${x}" y1="${top - 2}" y2="${top + height}" stroke="#c00" stroke-width="2"><title>threshold ${t.direction} ${t.limit}</title></line>`;
    })
    .join("");
}

export function summaryChart(series: [string, Metrics][], thresholds: ThresholdCheck[] = []): string {
  const groupH = series.length * BAR_H + 10;
  const legendH = 24;
  const height = legendH + SHARES.length * groupH + 6;
  const width = LABEL_W + BAR_W + 60;
  let x = LABEL_W;
  const legend = series
    .map(([label], i) => {
      const item =
        `<rect x="${x}" y="4" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>` +
        `<text x="${x + 16}" y="14" font-size="12">${escapeXml(label)}</text>`;
      x += 32 + label.length * 7;
      return item;
    })
    .join("");
  const groups = SHARES.map((metric, g) => {
    const top = legendH + g * groupH;
    const bars = series.map(([, m], i) => bar(i, top + i * BAR_H, m[metric])).join("");
    const label = `<text x="${LABEL_W - 8}" y="${top + (series.length * BAR_H) / 2 + 4}" font-size="12" text-anchor="end">${metric}</text>`;
    return label + bars + tick(metric, top, series.length * BAR_H, thresholds);
  }).join("");
  const axis = `<line x1="${LABEL_W}" x2="${LABEL_W}" y1="${legendH - 4}" y2="${height - 4}" stroke="#999"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Summary metrics" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">${legend}${axis}${groups}</svg>`
  );
}
