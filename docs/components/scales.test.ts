import * as d3 from "d3-scale";
import {utcMonth, utcYear} from "d3-time";
import {describe, expect, it} from "vitest";
import {quantileBounds, scaleLinear, scaleUtc} from "./scales.js";

describe("the charts' scales give d3-scale's answers", () => {
  it("linear: nice domain, ticks and positions", () => {
    for (const [max, range] of [
      [1, [0, 100]],
      [987, [40, 600]],
      [0.4611, [10, 300]],
      [12_345_678, [0, 358]],
      [0, [0, 50]]
    ] as [number, [number, number]][]) {
      const ours = scaleLinear().domain([0, max]).nice().range(range);
      const theirs = d3.scaleLinear().domain([0, max]).nice().range(range);
      expect(ours.domain()).toEqual(theirs.domain());
      expect(ours.ticks(5)).toEqual(theirs.ticks(5));
      for (const v of [0, max / 3, max]) expect(ours(v)).toBeCloseTo(theirs(v), 9);
    }
  });

  it("UTC time: positions and month or year ticks", () => {
    const domain: [Date, Date] = [new Date(Date.UTC(2022, 2, 1)), new Date(Date.UTC(2025, 11, 1))];
    const ours = scaleUtc().domain(domain).range([56, 346]);
    const theirs = d3.scaleUtc().domain(domain).range([56, 346]);
    for (const interval of [utcMonth.every(3)!, utcMonth.every(6)!, utcYear.every(1)!])
      expect(ours.ticks(interval)).toEqual(theirs.ticks(interval));
    expect(ours(new Date(Date.UTC(2024, 0, 1)))).toBeCloseTo(theirs(new Date(Date.UTC(2024, 0, 1))), 9);
    expect(ours.range()).toEqual([56, 346]);
  });

  it("quantile bounds", () => {
    const values = [5, 1, 9, 12, 40, 3, 3, 8, 100, 27, 14];
    for (const k of [2, 3, 5])
      expect(quantileBounds(values, k)).toEqual(
        d3
          .scaleQuantile<number>()
          .domain(values)
          .range([...Array(k).keys()])
          .quantiles()
      );
  });
});

describe("line paths as d3-shape writes them", async () => {
  const {line} = await import("d3-shape");
  const {linePath} = await import("./line.js");
  it("joins points, breaks at a masked one, closes a lone point", () => {
    for (const points of [
      [
        [0, 0],
        [10.5, 20],
        [30, 5]
      ],
      [[0, 0], null, [10, 10], [20, 20]],
      [[0, 0], [5, 5], null, [10, 10], null, [30, 1], [40, 2]],
      [null, null],
      []
    ] as ([number, number] | null)[][]) {
      const d3Path = line<[number, number] | null>()
        .defined((p) => p != null)
        .x((p) => p![0])
        .y((p) => p![1])(points);
      expect(linePath(points)).toBe(d3Path ?? "");
    }
  });
});
