// @vitest-environment jsdom
// The sentences the site writes: no growth rate from a base too small to mean anything,
// periods in French words, and a chart whose every value is masked is not drawn.
import {describe, expect, it} from "vitest";
import {barChart} from "./bar.js";
import {MAX_CHANGE_RATIO, relativeChange} from "./change.js";
import {NNBSP, formatPeriodRange} from "./format.js";
import {keyFigure} from "./key-figure.js";
import {lineChart, lineFinding, lineRows} from "./line.js";
import {funnelChart} from "./funnel.js";
import {choroplethMap} from "./map.js";
import {chosenFilters} from "./page-filters.js";
import {stackedBarChart} from "./stacked-bar.js";
import {group} from "d3-array";

const common = {population: "candidatures", source: "Plateforme", dataDate: "2026-01-31"};
const s = (text: string) => text.replaceAll("_", NNBSP);

describe("relative change (one rule for the site)", () => {
  it("is given between −80 % and +400 %", () => {
    expect(MAX_CHANGE_RATIO).toBe(5);
    expect(relativeChange(200, 250)).toBeCloseTo(0.25, 12);
    expect(relativeChange(100, 500)).toBeCloseTo(4, 12);
    expect(relativeChange(100, 20)).toBeCloseTo(-0.8, 12);
  });

  it("is refused from a base too small: +1 496 % and +4 401,9 % are not changes", () => {
    // The two findings of the issue: candidatures 25 → 399 (+1 496 %), PASS IAE 47 → 2 116 (+4 401,9 %).
    expect(relativeChange(25, 399)).toBeNull();
    expect(relativeChange(47, 2116)).toBeNull();
    expect(relativeChange(100, 501)).toBeNull();
    expect(relativeChange(100, 19)).toBeNull();
    expect(relativeChange(0, 10)).toBeNull();
    expect(relativeChange(null, 10)).toBeNull();
  });

  it("a line's finding gives both values and no rate when the start is too small", () => {
    const data = [
      {mois: "2022-03", n: 25},
      {mois: "2023-06", n: 210},
      {mois: "2025-12", n: 399}
    ];
    const o = {
      ...common,
      title: "t",
      period: formatPeriodRange("2022-03", "2025-12"),
      data,
      x: "mois" as const,
      y: "n" as const,
      yLabel: "Candidatures"
    };
    const finding = lineFinding(
      group(lineRows(o), (r) => r.series),
      o.period,
      "nombre"
    );
    expect(finding).toBe(
      "Sur la période de mars 2022 à décembre 2025, Candidatures passe de 25 en mars 2022 à 399 en décembre 2025."
    );
    expect(finding).not.toMatch(/%/);
    const steady = lineFinding(
      group(lineRows({...o, data: [data[1]!, data[2]!]}), (r) => r.series),
      "p",
      "nombre"
    );
    expect(steady).toBe(s("Sur la période p, Candidatures passe de 210 en juin 2023 à 399 en décembre 2025 (+90_%)."));
  });

  it("a key figure says the direction and the earlier value, with no rate, from a tiny base", () => {
    const card = keyFigure({
      ...common,
      title: "PASS IAE",
      label: "PASS IAE délivrés",
      period: "2023",
      previousPeriod: "2022",
      value: 2116,
      previous: 47
    });
    const text = card.querySelector(".pi-chiffre-evolution")!.textContent!;
    expect(text).toBe("▲ en hausse : 47 en 2022 (base trop faible pour un taux d'évolution)");
    const usual = keyFigure({
      ...common,
      title: "PASS IAE",
      label: "PASS IAE délivrés",
      period: "2025",
      previousPeriod: "2024",
      value: 2200,
      previous: 2000
    });
    expect(usual.querySelector(".pi-chiffre-evolution")!.textContent).toBe(s("▲ en hausse : +10_% par rapport à 2024"));
  });
});

describe("periods in French", () => {
  it("writes months and years in words", () => {
    expect(formatPeriodRange("2022-03", "2025-12")).toBe("de mars 2022 à décembre 2025");
    expect(formatPeriodRange("2021", "2025")).toBe("de 2021 à 2025");
    expect(formatPeriodRange("2025-01", "2025-01")).toBe("janvier 2025");
    expect(formatPeriodRange(new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 10, 1)))).toBe(
      "de janvier 2024 à novembre 2024"
    );
  });
});

describe("a chart whose every value is masked", () => {
  const SECRET = "secret statistique (moins de 11 personnes ou de 3 structures, ou de quoi les retrouver)";
  it("is not drawn: a sentence says so and points to the level above", () => {
    const figure = barChart({
      ...common,
      title: "Salariés par type",
      period: "2025",
      data: [
        {type: "ACI", n: null},
        {type: "EI", n: null}
      ],
      y: "type",
      x: "n",
      masked: () => SECRET,
      above: {name: "la région Hauts-de-France", href: "../regions/32"}
    });
    expect(figure.querySelector("svg[role=img]")).toBeNull();
    const notice = figure.querySelector(".pi-tout-masque")!;
    expect(notice.textContent).toBe(
      "Toutes les valeurs de ce graphique sont masquées : secret statistique (moins de 11 personnes ou de 3 structures, ou de quoi les retrouver) ; il n'est pas dessiné. Les chiffres sont publiés au niveau supérieur : la région Hauts-de-France."
    );
    expect(notice.querySelector("a")!.getAttribute("href")).toBe("../regions/32");
    // The table still lists what is masked and why.
    expect(figure.querySelectorAll("tbody tr")).toHaveLength(2);
  });

  it("a line or a map with every value masked is not drawn either; one published value is enough to draw", () => {
    const line = lineChart({...common, title: "l", period: "p", data: [{m: "2025-01", v: null}], x: "m", y: "v"});
    expect(line.querySelector("svg[role=img]")).toBeNull();
    expect(line.querySelector(".pi-tout-masque")).not.toBeNull();
    const bar = barChart({
      ...common,
      title: "b",
      period: "p",
      data: [
        {t: "a", n: null},
        {t: "b", n: 12}
      ],
      y: "t",
      x: "n"
    });
    expect(bar.querySelector("svg[role=img]")).not.toBeNull();
    expect(bar.querySelector(".pi-tout-masque")).toBeNull();
    const topology = {
      type: "Topology",
      arcs: [],
      objects: {
        regions: {
          type: "GeometryCollection",
          geometries: [{type: "Polygon", arcs: [], properties: {code: "32", nom: "Hauts-de-France"}}]
        }
      }
    };
    const map = choroplethMap({
      ...common,
      title: "m",
      period: "p",
      level: "regions",
      topology: topology as never,
      data: [{c: "32", v: null}],
      code: "c",
      value: "v"
    });
    expect(map.querySelector(".pi-tout-masque")).not.toBeNull();
  });

  it("stacked bars and a funnel with every value masked are not drawn either", () => {
    const stacked = stackedBarChart({
      ...common,
      title: "s",
      period: "p",
      data: [
        {c: "Femmes", t: "ACI", n: null},
        {c: "Femmes", t: "EI", n: null}
      ],
      y: "c",
      series: "t",
      x: "n"
    });
    const funnel = funnelChart({
      ...common,
      title: "f",
      period: "p",
      data: [
        {etape: "Candidatures", n: null},
        {etape: "Acceptées", n: null}
      ],
      y: "etape",
      x: "n"
    });
    for (const figure of [stacked, funnel]) {
      expect(figure.querySelector("svg[role=img]")).toBeNull();
      expect(figure.querySelector(".pi-tout-masque")!.textContent).toMatch(
        /^Toutes les valeurs de ce graphique sont masquées/
      );
    }
    const oneShown = funnelChart({
      ...common,
      title: "f2",
      period: "p",
      data: [
        {etape: "Candidatures", n: 40},
        {etape: "Acceptées", n: null}
      ],
      y: "etape",
      x: "n"
    });
    expect(oneShown.querySelector("svg[role=img]")).not.toBeNull();
  });

  it("on a page filtered on a territory, links to the same page filtered one level up, other filters kept", () => {
    const masked = (title: string) =>
      barChart({...common, title, period: "2025", data: [{t: "ACI", n: null}], y: "t", x: "n"});
    const link = () => masked("Candidatures selon leur origine").querySelector(".pi-tout-masque a");
    history.replaceState(null, "", "/candidatures.html?territoire=departement-59&type=ACI&annee=2025");
    try {
      chosenFilters.set("territoire", {value: "departement-59", label: "Nord (59)"});
      expect(link()!.textContent).toBe("la région Hauts-de-France");
      expect(link()!.getAttribute("href")).toBe("?territoire=region-32&type=ACI&annee=2025");
      chosenFilters.set("territoire", {value: "region-32", label: "Hauts-de-France"});
      expect(link()!.textContent).toBe("la France entière");
      expect(link()!.getAttribute("href")).toBe("?territoire=france&type=ACI&annee=2025");
      // France has no level above: the sentence says where without a link.
      chosenFilters.set("territoire", {value: "france", label: "France entière"});
      expect(link()).toBeNull();
      expect(masked("x").querySelector(".pi-tout-masque")!.textContent).toContain("au niveau supérieur");
    } finally {
      chosenFilters.clear();
      history.replaceState(null, "", "/");
    }
  });
});
