// Converts the IGN/INSEE GeoJSON boundaries into the two small TopoJSON files the site ships
// (docs/geo/departements.json, docs/geo/regions.json).
//
// Choice: the files are PRE-PROJECTED. Metropolitan France is projected in a Lambert-93-like
// conic conformal projection, and each overseas territory in its own Mercator projection,
// scaled to fit a box of the inset column on the left. The map component then only needs
// d3.geoIdentity(): one projection for the whole drawing, no per-inset logic in the browser,
// and planar coordinates quantize and simplify better than longitudes and latitudes.
// The price: the coordinates are drawing units (y down), not WGS84 anymore.
//
// Run: pnpm --filter @pilotage/geo convert  (deterministic: same input, same bytes)
import {readFileSync, writeFileSync, mkdirSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {geoArea, geoConicConformal, geoMercator, type GeoProjection} from "d3-geo";
import {topology} from "topojson-server";
import {presimplify, simplify, quantile, filter, filterWeight} from "topojson-simplify";
import {quantize} from "topojson-client";
import type {Objects, Topology} from "topojson-specification";
import type {Feature, FeatureCollection, MultiPolygon, Polygon, Position} from "geojson";
import {DRAWING, INSETS, type Inset} from "./layout.ts";

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE_DIR = process.env.GEO_SOURCE_DIR ?? "/work/shared/data/geo";
const OUT_DIR = resolve(here, "../../../docs/geo");

const KEEP = 0.08;
const MIN_AREA = 4;

type Props = {code: string; nom: string};
type Area = Feature<Polygon | MultiPolygon, Props>;

function read(name: string): Area[] {
  const fc = JSON.parse(readFileSync(resolve(SOURCE_DIR, name), "utf8")) as FeatureCollection<
    Polygon | MultiPolygon,
    Props
  >;
  return fc.features.map((f) => ({
    type: "Feature",
    properties: {code: f.properties.code, nom: f.properties.nom},
    geometry: f.geometry
  }));
}

// d3-geo is spherical: a ring wound the "wrong" way covers the rest of the globe and breaks fitExtent.
function rewind(f: Area): Area {
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const fixed = polygons.map((rings) =>
    geoArea({type: "Polygon", coordinates: rings}) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings
  );
  const geometry: Polygon | MultiPolygon =
    f.geometry.type === "Polygon"
      ? {type: "Polygon", coordinates: fixed[0]!}
      : {type: "MultiPolygon", coordinates: fixed};
  return {...f, geometry};
}

function collection(features: Area[]): FeatureCollection<Polygon | MultiPolygon, Props> {
  return {type: "FeatureCollection", features};
}

function project(f: Area, projection: GeoProjection): Area {
  const point = (p: Position): Position => {
    const xy = projection([p[0]!, p[1]!]);
    if (!xy) throw new Error(`Point non projetable dans ${f.properties.code}`);
    return xy;
  };
  const ring = (r: Position[]) => r.map(point);
  const geometry: Polygon | MultiPolygon =
    f.geometry.type === "Polygon"
      ? {type: "Polygon", coordinates: f.geometry.coordinates.map(ring)}
      : {type: "MultiPolygon", coordinates: f.geometry.coordinates.map((p) => p.map(ring))};
  return {...f, geometry};
}

// One projection per territory: metropolitan France (incl. Corsica) and one per inset.
function projections(features: Area[], insetOf: (code: string) => Inset | undefined) {
  const metro = features.filter((f) => !insetOf(f.properties.code));
  const metroProjection = geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitExtent(DRAWING.metropole, collection(metro));
  return (f: Area): GeoProjection => {
    const inset = insetOf(f.properties.code);
    if (!inset) return metroProjection;
    const [[x0, y0], [x1, y1]] = inset.box;
    const m = 6; // margin inside the inset frame
    return geoMercator().fitExtent(
      [
        [x0 + m, y0 + m],
        [x1 - m, y1 - m]
      ],
      f
    );
  };
}

function convert(input: string, output: string, object: string, insetOf: (code: string) => Inset | undefined) {
  const features = read(input).map(rewind);
  const projectionOf = projections(features, insetOf);
  const projected = features.map((f) => project(f, projectionOf(f)));
  // Inset frames travel with the boundaries so the map can draw them without extra data.
  const frames = INSETS.map((inset): Feature<Polygon, Props> => {
    const [[x0, y0], [x1, y1]] = inset.box;
    return {
      type: "Feature",
      properties: {code: inset.departement, nom: inset.nom},
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
            [x0, y0]
          ]
        ]
      }
    };
  });
  // Simplify by planar triangle area (Visvalingam), keeping the KEEP share of the points, drop
  // islets smaller than MIN_AREA square units, then quantize (delta-encoded integers) for size.
  // topojson-simplify is typed for Topology<Objects<{}>>; the properties pass through untouched.
  let topo = topology({[object]: collection(projected), encadres: collection(frames)}, 1e5) as unknown as Topology<
    Objects<{}>
  >;
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, KEEP));
  topo = filter(topo, filterWeight(topo, MIN_AREA));
  topo = quantize(topo, 1e4);
  // Deterministic output: stable key order, no timestamp.
  const json = JSON.stringify(topo);
  mkdirSync(OUT_DIR, {recursive: true});
  writeFileSync(resolve(OUT_DIR, output), json + "\n");
  console.log(`${output} : ${features.length} entités, ${(json.length / 1024).toFixed(1)} Ko`);
}

convert("departements-avec-outre-mer.geojson", "departements.json", "departements", (code) =>
  INSETS.find((i) => i.departement === code)
);
convert("regions-avec-outre-mer.geojson", "regions.json", "regions", (code) => INSETS.find((i) => i.region === code));
