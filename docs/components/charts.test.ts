// @vitest-environment jsdom
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {tableFromArrays} from "apache-arrow";
import {afterEach, describe, expect, it, vi} from "vitest";
import {barChart} from "./bar.js";
import {funnelChart} from "./funnel.js";
import {keyFigure} from "./key-figure.js";
import {lineChart, monthSpans} from "./line.js";
import {choroplethMap, classBounds} from "./map.js";
import {stackedBarChart} from "./stacked-bar.js";
import {dataTable} from "./table.js";
import {NNBSP} from "./format.js";
import {chosenFilters} from "./page-filters.js";

const common = {
  population: "salariés en insertion (IAE)",
  period: "2025",
  source: "ASP, extractions fluxIAE",
  dataDate: "2026-03-31"
};
const SECRET = "secret statistique (moins de 11 personnes ou de 3 structures, ou de quoi les retrouver)";
// In a CSV download the reason holds a comma: quoted (RFC 4180).
const SECRET_CSV = `"${SECRET}"`;

// Snapshots are SVG files you can open; one element per line so that a change reads as a diff.
function svgSnapshot(figure: HTMLElement): string {
  const svg = figure.querySelector("svg[role=img]")!;
  return svg.outerHTML.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ').replace(/></g, ">\n<") + "\n";
}

const tableRows = (figure: HTMLElement) =>
  [...figure.querySelectorAll("details table tbody tr, .pi-donnees table tbody tr")].map((tr) =>
    [...tr.children].map((c) => c.textContent)
  );

function csvOf(figure: HTMLElement): string {
  const href = figure.querySelector<HTMLAnchorElement>("a[download$='.csv']")!.getAttribute("href")!;
  return decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, "")).replace(/^\ufeff/, "");
}

// The frame every figure must have: heading, subtitle, labelled image, table, downloads, caption.
function expectAccessibleFrame(figure: HTMLElement, level = 3) {
  expect(figure.tagName).toBe("FIGURE");
  expect(figure.dataset.chartReady).toBe("true");
  expect(figure.querySelector(`h${level}.pi-titre`)).not.toBeNull();
  expect(figure.querySelector(".pi-sous-titre")!.textContent).toBe(
    "Champ : salariés en insertion (IAE). Période : 2025."
  );
  const svg = figure.querySelector("svg[role=img]");
  if (svg) {
    const ids = svg.getAttribute("aria-labelledby")!.split(" ");
    for (const id of ids) expect(figure.querySelector(`#${id}`)?.textContent, id).toBeTruthy();
  }
  const table = figure.querySelector("table")!;
  expect(table.querySelector("caption")!.textContent).toBeTruthy();
  for (const th of table.querySelectorAll("thead th")) expect(th.getAttribute("scope")).toBe("col");
  for (const tr of table.querySelectorAll("tbody tr")) expect(tr.firstElementChild!.getAttribute("scope")).toBe("row");
  expect(figure.lastElementChild!.tagName).toBe("FIGCAPTION");
  expect(figure.querySelector("figcaption")!.textContent).toContain(
    "Source : ASP, extractions fluxIAE. Données au 31 mars 2026."
  );
  expect(figure.querySelector("a[download$='.csv']")).not.toBeNull();
  // No aria-label on a <g> without a role (axe: aria-prohibited-attr).
  for (const g of figure.querySelectorAll("g[aria-label]")) expect(g.getAttribute("role")).toBeTruthy();
}

describe("barChart", () => {
  const data = [
    {type: "ACI", salaries: 43520},
    {type: "AI", salaries: 58700},
    {type: "EI", salaries: 12760},
    {type: "ETTI", salaries: 12620},
    {type: "EITI", salaries: null, masked: SECRET}
  ];
  const figure = () =>
    barChart({
      ...common,
      id: "barres",
      title: "Salariés par type de structure",
      data,
      y: "type",
      x: "salaries",
      yLabel: "Type",
      xLabel: "Salariés"
    });

  it("draws the frame and a snapshot of its SVG", async () => {
    const f = figure();
    expectAccessibleFrame(f);
    await expect(svgSnapshot(f)).toMatchFileSnapshot("./__snapshots__/bar.svg");
  });

  it("states the main finding from the data", () => {
    expect(figure().querySelector(".pi-constat")!.textContent).toBe(
      "Sur la période 2025, « AI » arrive en tête avec 58\u202f700. Certaines valeurs sont masquées (secret statistique)."
    );
    const noMask = barChart({...common, title: "t", data: data.slice(0, 4), y: "type", x: "salaries"});
    expect(noMask.querySelector(".pi-constat")!.textContent).toContain(`soit 46${NNBSP}% du total.`);
    const given = barChart({...common, title: "t", alt: "Phrase donnée.", data, y: "type", x: "salaries"});
    expect(given.querySelector(".pi-constat")!.textContent).toBe("Phrase donnée.");
  });

  it("draws a masked value as masked, never as 0, and lists it with its reason", () => {
    const f = figure();
    const masked = f.querySelectorAll("g.pi-masque");
    expect(masked).toHaveLength(1);
    expect(masked[0]!.querySelector("rect")!.getAttribute("style")).toContain("url(#barres-hachures)");
    expect(masked[0]!.textContent).toBe("EITIsecret statistique");
    expect(tableRows(f)[4]).toEqual(["EITI", "secret statistique", SECRET]);
    expect(f.querySelector(".pi-legende")!.textContent).toContain(`Valeur masquée : ${SECRET}`);
    expect(csvOf(f).split("\n")[5]).toBe(`France entière,2025,EITI,,${SECRET_CSV},salariés`);
  });

  it("has a table holding exactly the drawn bars, in drawing order", () => {
    const f = barChart({...common, title: "t", data, y: "type", x: "salaries", sort: true});
    const drawn = [...f.querySelectorAll("g.pi-barre")].map((g) => g.querySelector("text")!.textContent);
    expect(drawn).toEqual(["AI", "ACI", "EI", "ETTI", "EITI"]);
    expect(tableRows(f).map((r) => r[0])).toEqual(drawn);
    expect(csvOf(f).split("\n")).toEqual([
      "Territoire,Période,Catégorie,Valeur,Note,Unité",
      "France entière,2025,AI,58700,,",
      "France entière,2025,ACI,43520,,",
      "France entière,2025,EI,12760,,",
      "France entière,2025,ETTI,12620,,",
      `France entière,2025,EITI,,${SECRET_CSV},`
    ]);
  });

  it("uses the heading level and width given", () => {
    const f = barChart({...common, title: "t", headingLevel: 2, width: 320, data, y: "type", x: "salaries"});
    expect(f.querySelector("h2")!.textContent).toBe("t");
    expect(f.querySelector("svg")!.getAttribute("width")).toBe("320");
  });
});

describe("category names on a narrow chart", () => {
  const long = [
    {motif: "Embauche en contrat à durée indéterminée", n: 420},
    {motif: "Formation qualifiante", n: 130},
    {motif: "Sortie pour création ou reprise d'entreprise, avec accompagnement par un réseau spécialisé", n: 40}
  ];

  it("go beside the bars when they fit, above them when they do not, never cut at the edge", () => {
    const wide = barChart({...common, title: "t", data: long.slice(0, 2), y: "motif", x: "n", width: 1200});
    const narrow = barChart({...common, title: "t", data: long.slice(0, 2), y: "motif", x: "n", width: 320});
    const names = (f: HTMLElement) => [...f.querySelectorAll("g.pi-barre")].map((g) => g.querySelector("text")!);
    expect(names(wide).every((t) => t.getAttribute("text-anchor") === "end")).toBe(true);
    for (const t of names(narrow)) {
      expect(t.getAttribute("text-anchor")).toBeNull();
      expect(t.getAttribute("x")).toBe("0");
    }
    // Each name sits above its own bar: the bars move down to make room.
    const firstBar = narrow.querySelector("g.pi-barre")!.getAttribute("transform");
    expect(firstBar).not.toBe(wide.querySelector("g.pi-barre")!.getAttribute("transform"));
  });

  it("shorten a name longer than the whole width, keeping it whole as a tooltip and in the table", () => {
    const f = stackedBarChart({
      ...common,
      title: "t",
      data: long,
      y: "motif",
      series: () => "ensemble",
      x: "n",
      width: 320
    });
    const cut = [...f.querySelectorAll("svg text")].find((t) => t.querySelector("title"))!;
    expect(cut.firstChild!.textContent!.endsWith("…")).toBe(true);
    expect(cut.firstChild!.textContent!.length * 6.5).toBeLessThanOrEqual(320);
    expect(cut.querySelector("title")!.textContent).toBe(long[2]!.motif);
    expect(tableRows(f).map((r) => r[0])).toContain(long[2]!.motif);
  });
});

describe("downloads", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("links an Arrow file from a URL or from an Arrow table", () => {
    const data = [{type: "ACI", n: 1}];
    const byUrl = barChart({...common, title: "t", data, y: "type", x: "n", arrow: "../data/salaries.arrow"});
    expect(byUrl.querySelector("a[download$='.arrow']")!.getAttribute("href")).toBe("../data/salaries.arrow");

    const blobs: Blob[] = [];
    const createObjectURL = (b: Blob) => (blobs.push(b), "blob:test");
    vi.stubGlobal("URL", Object.assign(URL, {createObjectURL}));
    const table = tableFromArrays({type: ["ACI"], n: Int32Array.from([1])});
    const byTable = barChart({...common, title: "Salariés", data, y: "type", x: "n", arrow: table});
    const link = byTable.querySelector<HTMLAnchorElement>("a[download='salaries.arrow']")!;
    expect(link.getAttribute("href")).toBe("blob:test");
    expect(blobs[0]!.size).toBeGreaterThan(100);
  });
});

describe("stackedBarChart", () => {
  const data = [
    {annee: "2024", type: "ACI", n: 400},
    {annee: "2024", type: "AI", n: 500},
    {annee: "2024", type: "EI", n: 100},
    {annee: "2025", type: "ACI", n: 450},
    {annee: "2025", type: "AI", n: 480},
    {annee: "2025", type: "EI", n: null, masked: SECRET}
  ];
  const figure = () =>
    stackedBarChart({
      ...common,
      id: "empile",
      title: "Salariés par année et type",
      data,
      y: "annee",
      series: "type",
      x: "n"
    });

  it("draws the frame and a snapshot of its SVG", async () => {
    const f = figure();
    expectAccessibleFrame(f);
    await expect(svgSnapshot(f)).toMatchFileSnapshot("./__snapshots__/stacked-bar.svg");
    expect(f.querySelector(".pi-constat")!.textContent).toBe(
      `Sur la période 2025, pour « 2024 », « AI » représente la plus grande part (50${NNBSP}%). Certaines valeurs sont masquées (secret statistique).`
    );
  });

  it("names every series in the legend and draws the masked segment hatched", () => {
    const f = figure();
    const legend = f.querySelector(".pi-legende")!.textContent!;
    for (const s of ["ACI", "AI", "EI", `Valeur masquée : ${SECRET}`]) expect(legend).toContain(s);
    expect(f.querySelectorAll("rect.pi-masque")).toHaveLength(1);
    expect(tableRows(f)).toHaveLength(6);
    expect(tableRows(f)[5]).toEqual(["2025", "EI", "secret statistique", "", SECRET]);
  });
});

describe("lineChart", () => {
  const months = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"];
  const data = months.flatMap((m, i) => [
    {mois: m, serie: "Candidatures", n: 1000 + i * 50},
    {mois: m, serie: "Embauches", n: i === 2 ? null : 200 + i * 10, ...(i === 2 ? {masked: SECRET} : {})}
  ]);
  const figure = () =>
    lineChart({
      ...common,
      id: "courbe",
      title: "Candidatures et embauches par mois",
      data,
      x: "mois",
      y: "n",
      series: "serie"
    });

  it("draws the frame and a snapshot of its SVG", async () => {
    const f = figure();
    expectAccessibleFrame(f);
    await expect(svgSnapshot(f)).toMatchFileSnapshot("./__snapshots__/line.svg");
  });

  it("spaces month ticks evenly, 80 px apart or more, whatever the width", () => {
    const long = Array.from({length: 36}, (_, i) => ({
      mois: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
      n: 100 + i
    }));
    for (const width of [320, 480, 560, 640, 800, 1000, 1200]) {
      const f = lineChart({...common, title: "t", data: long, x: "mois", y: "n", width});
      const xs = [...f.querySelectorAll("svg text[text-anchor='middle']")].map((t) => Number(t.getAttribute("x")));
      expect(xs.length, `${width} px`).toBeGreaterThan(0);
      if (xs.length === 1) continue;
      const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
      // Months differ by up to 3 days: gaps may differ by that much, not by a missing step.
      expect(Math.min(...gaps), `${width} px`).toBeGreaterThanOrEqual(72);
      expect(Math.max(...gaps) / Math.min(...gaps), `${width} px`).toBeLessThan(1.12);
    }
  });

  it("states the change of the highest series in French", () => {
    expect(figure().querySelector(".pi-constat")!.textContent).toBe(
      `Sur la période 2025, « Candidatures » passe de 1${NNBSP}000 en janvier 2025 à 1${NNBSP}250 en juin 2025 (+25${NNBSP}%).`
    );
  });

  it("never draws a hatched band of negative width (a chart laid out narrower than its margins)", () => {
    const f = lineChart({...common, title: "t", data, x: "mois", y: "n", series: "serie", width: 10});
    const widths = [...f.querySelectorAll("rect.pi-masque")].map((r) => Number(r.getAttribute("width")));
    expect(widths).toHaveLength(1);
    expect(widths[0]).toBeGreaterThanOrEqual(0);
  });

  it("breaks the line at a masked month, hatches it and lists it", () => {
    const f = figure();
    expect(f.querySelectorAll("rect.pi-masque")).toHaveLength(1);
    const embauches = f.querySelectorAll("path")[1]!.getAttribute("d")!;
    expect(embauches.match(/M/g)).toHaveLength(2); // two pieces: before and after the gap
    expect(f.querySelectorAll("circle")).toHaveLength(11);
    const rows = tableRows(f);
    expect(rows).toHaveLength(12);
    expect(rows).toContainEqual(["mars 2025", "Embauches", "secret statistique", SECRET]);
    expect(f.querySelector(".pi-legende")!.textContent).toContain(`Valeur masquée (Embauches, mars 2025) : ${SECRET}`);
    expect(csvOf(f).split("\n")[0]).toBe("Territoire,Période,Mois,Série,Valeur,Note,Unité");
    expect(csvOf(f)).toContain(`2025-03,Embauches,,${SECRET_CSV}`);
  });

  it("lists masked months as spans, not one by one (36 months read as one span)", () => {
    const month = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1));
    expect(monthSpans([month(2025, 4), month(2025, 1), month(2025, 2)])).toEqual([
      "de janvier 2025 à février 2025",
      "avril 2025"
    ]);
    const all = Array.from({length: 36}, (_, i) => month(2023 + Math.floor(i / 12), (i % 12) + 1));
    expect(monthSpans(all)).toEqual(["de janvier 2023 à décembre 2025"]);
    expect(monthSpans([month(2024, 12), month(2025, 1), month(2025, 1)])).toEqual(["de décembre 2024 à janvier 2025"]);
  });

  it("labels each line at its end", () => {
    const labels = [...figure().querySelectorAll("svg[role=img] > text")].map((t) => t.textContent);
    expect(labels).toContain("Candidatures");
    expect(labels).toContain("Embauches");
  });
});

describe("funnelChart", () => {
  const data = [
    {etape: "Candidatures envoyées", n: 686724},
    {etape: "Candidatures acceptées", n: 151079},
    {etape: "Embauches", n: 140000}
  ];

  it("draws the frame, a snapshot, and the conversion rates", async () => {
    const f = funnelChart({
      ...common,
      id: "entonnoir",
      title: "Des candidatures aux embauches",
      data,
      y: "etape",
      x: "n"
    });
    expectAccessibleFrame(f);
    await expect(svgSnapshot(f)).toMatchFileSnapshot("./__snapshots__/funnel.svg");
    expect(f.querySelector(".pi-constat")!.textContent).toBe(
      `Sur la période 2025, sur 686${NNBSP}724 « Candidatures envoyées », 140${NNBSP}000 arrivent à l'étape « Embauches », soit 20,4${NNBSP}%.`
    );
    expect(tableRows(f)[1]).toEqual(["Candidatures acceptées", `151${NNBSP}079`, `22${NNBSP}%`, `22${NNBSP}%`]);
  });

  it("draws a masked step hatched and computes no rate across it", () => {
    const masked = [data[0]!, {etape: "Candidatures acceptées", n: null, masked: SECRET}, data[2]!];
    const f = funnelChart({...common, title: "t", data: masked, y: "etape", x: "n"});
    expect(f.querySelectorAll("rect.pi-masque")).toHaveLength(1);
    expect(tableRows(f)[1]).toEqual(["Candidatures acceptées", "secret statistique", "", "", SECRET]);
    expect(tableRows(f)[2]![2]).toBe("");
  });
});

describe("keyFigure", () => {
  it("shows the value, its label and the change over a year, in words", () => {
    const f = keyFigure({
      ...common,
      title: "Salariés",
      value: 127600,
      previous: 123640,
      previousPeriod: "2024",
      label: "salariés en insertion"
    });
    expectAccessibleFrame(f);
    expect(f.querySelector(".pi-chiffre-valeur")!.textContent).toBe(`127${NNBSP}600`);
    expect(f.querySelector(".pi-chiffre-evolution")!.textContent).toBe(
      `▲ en hausse : +3,2${NNBSP}% par rapport à 2024`
    );
    expect(f.querySelector(".pi-chiffre-evolution span")!.getAttribute("aria-hidden")).toBe("true");
    expect(tableRows(f)).toEqual([
      ["2025", `127${NNBSP}600`],
      ["2024", `123${NNBSP}640`]
    ]);
  });

  it("writes a rate's change in points, and a masked value as masked", () => {
    const rate = keyFigure({
      ...common,
      title: "Taux",
      value: 0.22,
      previous: 0.21,
      previousPeriod: "2024",
      label: "candidatures acceptées",
      format: "pourcentage"
    });
    expect(rate.querySelector(".pi-chiffre-evolution")!.textContent).toContain(`+1${NNBSP}pt`);
    const masked = keyFigure({...common, title: "Petit", value: null, masked: SECRET, label: "salariés"});
    expect(masked.querySelector(".pi-chiffre-valeur")!.textContent).toBe("secret statistique");
    expect(masked.querySelector(".pi-chiffre-evolution")).toBeNull();
    expect(tableRows(masked)).toEqual([["2025", "secret statistique", SECRET]]);
  });
});

describe("dataTable", () => {
  it("shows the table openly with formatted numbers and masked cells", () => {
    const f = dataTable({
      ...common,
      title: "Structures par département",
      data: [
        {dep: "Ain", n: 1234, taux: 0.5},
        {dep: "Aisne", n: null, taux: null, masked: SECRET}
      ],
      columns: [
        {label: "Département", value: "dep"},
        {label: "Salariés", value: "n", format: "nombre"},
        {label: "Taux", value: "taux", format: "pourcentage"}
      ]
    });
    expectAccessibleFrame(f);
    expect(f.querySelector("details.pi-donnees")).toBeNull();
    expect(tableRows(f)).toEqual([
      ["Ain", `1${NNBSP}234`, `50${NNBSP}%`, ""],
      ["Aisne", "secret statistique", "secret statistique", SECRET]
    ]);
    // Two value columns: each header names its unit, the "Unité" column stays empty.
    expect(csvOf(f)).toBe(
      "Territoire,Période,Département,Salariés,Taux,Note,Unité\n" +
        `France entière,2025,Ain,1234,0.5,,\nFrance entière,2025,Aisne,,,${SECRET_CSV},`
    );
  });
});

describe("chart downloads", () => {
  const data = [
    {type: "ACI", salaries: 43520},
    {type: "EITI", salaries: null, masked: SECRET}
  ];
  afterEach(() => chosenFilters.clear());

  it("name the territory and the unit in their columns and the filters in their file name", () => {
    chosenFilters.set("territoire", {value: "departement-75", label: "Paris (75)"});
    chosenFilters.set("type", {value: "ACI", label: "Ateliers et chantiers d'insertion (ACI)"});
    chosenFilters.set("annee", {value: "2025", label: "2025"});
    const f = barChart({
      ...common,
      title: "Salariés",
      fileName: "salaries-2025",
      data,
      y: "type",
      x: "salaries",
      format: "pourcentage"
    });
    const link = f.querySelector<HTMLAnchorElement>("a[download$='.csv']")!;
    expect(link.getAttribute("download")).toBe("salaries-2025_departement-75_ACI.csv");
    expect(csvOf(f).split("\n")[1]).toBe("Paris (75),2025,ACI,43520,,proportion (de 0 à 1)");
  });

  it("take the territory and unit given in the options over the page's filters", () => {
    chosenFilters.set("territoire", {value: "france", label: "France entière"});
    const f = barChart({
      ...common,
      title: "t",
      territory: "Bretagne",
      unit: "personnes",
      data,
      y: "type",
      x: "salaries"
    });
    expect(csvOf(f).split("\n")[1]).toBe("Bretagne,2025,ACI,43520,,personnes");
  });

  it("writes no floating-point leftovers in the CSV (numbers derived in the page)", () => {
    const f = dataTable({
      ...common,
      title: "Taux",
      data: [{dep: "Ain", taux: 0.1 + 0.2, n: 1438297.14}],
      columns: [
        {label: "Département", value: "dep"},
        {label: "Taux", value: "taux", format: "pourcentage"},
        {label: "Heures", value: "n", format: "nombre"}
      ]
    });
    // Territory and period columns first, the unit last (empty: the columns have different units).
    expect(csvOf(f).split("\n")[1]).toBe("France entière,2025,Ain,0.3,1438297.14,");
  });
});

describe("choroplethMap", () => {
  // Under jsdom, import.meta.url is not a file URL: resolve from the repository root.
  const topo = (name: string) => JSON.parse(readFileSync(resolve("docs/geo", `${name}.json`), "utf8"));

  it("draws 18 régions, insets framed, one class per value, and a snapshot", async () => {
    const codes = [
      "01",
      "02",
      "03",
      "04",
      "06",
      "11",
      "24",
      "27",
      "28",
      "32",
      "44",
      "52",
      "53",
      "75",
      "76",
      "84",
      "93",
      "94"
    ];
    const data = codes.map((code, i) => (code === "06" ? {code, n: null, masked: SECRET} : {code, n: 100 + i * 37}));
    const f = choroplethMap({
      ...common,
      id: "carte-reg",
      title: "Salariés par région",
      level: "regions",
      topology: topo("regions"),
      data,
      code: "code",
      value: "n"
    });
    expectAccessibleFrame(f);
    await expect(svgSnapshot(f)).toMatchFileSnapshot("./__snapshots__/map-regions.svg");
    expect(f.querySelectorAll("path[data-code]")).toHaveLength(18);
    expect(f.querySelectorAll("path:not([data-code])")).toHaveLength(5); // the 5 inset frames
    expect(f.querySelector("figcaption")!.textContent).toContain("IGN – Admin Express COG 2018 ; INSEE COG 2018");
    const mayotte = f.querySelector("path[data-code='06']")!;
    expect(mayotte.getAttribute("style")).toContain("url(#carte-reg-hachures)");
    expect(mayotte.textContent).toBe(`Mayotte : ${SECRET}`);
    const rows = tableRows(f);
    expect(rows).toHaveLength(18);
    expect(rows.find((r) => r[0] === "Mayotte")).toEqual(["Mayotte", "06", "secret statistique", "", SECRET]);
    expect(f.querySelector(".pi-legende")!.textContent).toContain(`Valeur masquée : ${SECRET}`);
  });

  it("rounds class bounds to two significant digits, merging bounds that round together", () => {
    // Tertiles 1 658 and 3 436.
    expect(classBounds([1012, 1234, 1870, 2871, 4567, 9020], 3)).toEqual([1700, 3400]);
    expect(classBounds([0.181, 0.2345, 0.2391, 0.31], 2)).toEqual([0.24]);
    // Tertiles 10.33 and 10.67 round to 10 and 11; a bound of 10 would leave "moins de 10" empty.
    expect(classBounds([10, 10.2, 10.4, 10.6, 10.8, 11], 3)).toEqual([11]);
    expect(classBounds([5, 7], 5, [6, 2])).toEqual([2, 6]);
  });

  it("draws the 101 départements, names missing data, and reads codes given as numbers", () => {
    const data = [
      {code: 1, n: 10},
      {code: "2A", n: 20},
      {code: "971", n: 30},
      {code: "976", n: 40}
    ];
    const f = choroplethMap({
      ...common,
      title: "Carte",
      level: "departements",
      topology: topo("departements"),
      data,
      code: "code",
      value: "n",
      classes: 4
    });
    expect(f.querySelectorAll("path[data-code]")).toHaveLength(101);
    const rows = tableRows(f);
    expect(rows).toHaveLength(101);
    expect(rows[0]).toEqual(["Ain", "01", "10", "moins de 18", ""]);
    expect(rows.filter((r) => r[4] === "pas de donnée")).toHaveLength(97);
    expect(rows.slice(-5).map((r) => r[1])).toEqual(["971", "972", "973", "974", "976"]);
    expect(f.querySelector(".pi-legende")!.textContent).toContain("Pas de donnée");
    expect(f.querySelector(".pi-constat")!.textContent).toBe(
      "Sur la période 2025, valeur la plus élevée : Mayotte (40) ; la plus faible : Ain (10)."
    );
  });
});
