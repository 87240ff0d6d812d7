import {readFileSync, statSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {INSETS} from "./layout.ts";

const file = (name: string) => resolve(import.meta.dirname, "../../../docs/geo", `${name}.json`);

describe("committed TopoJSON files", () => {
  it("stay small", () => {
    expect(statSync(file("departements")).size).toBeLessThan(150_000);
    expect(statSync(file("regions")).size).toBeLessThan(80_000);
  });

  it("keep codes and names of every territory, and the five inset frames", () => {
    for (const [name, count] of [
      ["departements", 101],
      ["regions", 18]
    ] as const) {
      const topo = JSON.parse(readFileSync(file(name), "utf8"));
      const props = topo.objects[name].geometries.map((g: {properties: {code: string; nom: string}}) => g.properties);
      expect(props).toHaveLength(count);
      for (const p of props) expect(p.code && p.nom).toBeTruthy();
      expect(topo.objects.encadres.geometries.map((g: {properties: {code: string}}) => g.properties.code)).toEqual(
        INSETS.map((i) => i.departement)
      );
      expect(topo.transform).toBeDefined(); // quantized
    }
  });
});
