// The three scales the charts use, on d3-array alone: d3-scale would bring d3-interpolate
// and d3-color along (about 11 KB brotli on every chart page) for what the charts need here.
// Same arithmetic as d3-scale (its nice(), its ticks, its quantiles), checked by scales.test.ts.
import {nice as niceExtent, quantileSorted, ticks as linearTicks} from "d3-array";

interface TimeInterval {
  range(start: Date, stop: Date): Date[];
}

function normalize(d0: number, d1: number): (v: number) => number {
  const span = d1 - d0;
  return span ? (v) => (v - d0) / span : () => 0.5; // a one-value domain maps to the middle
}

/** A linear scale: `scaleLinear().domain([0, max]).nice().range([left, right])`, then `x(v)`. */
export interface LinearScale {
  (value: number): number;
  domain(): [number, number];
  domain(extent: readonly [number, number]): LinearScale;
  range(): [number, number];
  range(extent: readonly [number, number]): LinearScale;
  /** Extends the domain to round tick values (d3's linear.nice(10)). */
  nice(count?: number): LinearScale;
  /** About `count` round values of the domain (d3-array's ticks). */
  ticks(count?: number): number[];
}

export function scaleLinear(): LinearScale {
  let d: [number, number] = [0, 1];
  let r: [number, number] = [0, 1];
  const scale = ((v: number) => r[0] + normalize(d[0], d[1])(v) * (r[1] - r[0])) as LinearScale;
  scale.domain = ((extent?: readonly [number, number]) => {
    if (!extent) return [...d];
    d = [+extent[0], +extent[1]];
    return scale;
  }) as LinearScale["domain"];
  scale.range = ((extent?: readonly [number, number]) => {
    if (!extent) return [...r];
    r = [+extent[0], +extent[1]];
    return scale;
  }) as LinearScale["range"];
  scale.nice = (count = 10) => {
    if (d[0] <= d[1]) d = niceExtent(d[0], d[1], count) as [number, number];
    else d = niceExtent(d[1], d[0], count).reverse() as [number, number];
    return scale;
  };
  scale.ticks = (count = 10) => linearTicks(d[0], d[1], count);
  return scale;
}

/** A UTC time scale over two dates, with ticks at a given interval (`utcMonth.every(3)`). */
export interface UtcScale {
  (date: Date): number;
  domain(): [Date, Date];
  domain(extent: readonly [Date, Date]): UtcScale;
  range(): [number, number];
  range(extent: readonly [number, number]): UtcScale;
  ticks(interval: TimeInterval): Date[];
}

export function scaleUtc(): UtcScale {
  const linear = scaleLinear();
  let d: [Date, Date] = [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2000, 0, 2))];
  linear.domain([+d[0], +d[1]]);
  const scale = ((date: Date) => linear(+date)) as UtcScale;
  scale.domain = ((extent?: readonly [Date, Date]) => {
    if (!extent) return [...d];
    d = [new Date(+extent[0]), new Date(+extent[1])];
    linear.domain([+d[0], +d[1]]);
    return scale;
  }) as UtcScale["domain"];
  scale.range = ((extent?: readonly [number, number]) => {
    if (!extent) return linear.range();
    linear.range(extent);
    return scale;
  }) as UtcScale["range"];
  // d3-scale: interval.range(start, stop + 1 ms), so that the last date counts when it is a tick.
  scale.ticks = (interval) => interval.range(d[0], new Date(+d[1] + 1));
  return scale;
}

/** The k − 1 bounds that split the values into k classes of equal counts (d3's scaleQuantile().quantiles()). */
export function quantileBounds(values: readonly number[], k: number): number[] {
  const sorted = values.filter((v) => v != null && !Number.isNaN(v)).sort((a, b) => a - b);
  return Array.from({length: Math.max(0, k - 1)}, (_, i) => quantileSorted(sorted, (i + 1) / k)!);
}
