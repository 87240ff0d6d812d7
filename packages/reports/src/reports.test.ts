// The reports on the committed sample's test territory (Hérault, 2025): figures equal the
// structure marts and, at département level, the published definitions; every number of a
// finding is a number of its section's tables; options are checked with French messages; the
// spreadsheet reads back with the same figures; no personal identifier reaches a report.
import ExcelJS from "exceljs";
import {describe, expect, it, vi} from "vitest";
import {NATIONAL_CODE, employeesByLevelSql, etpByLevelSql, exitsByLevelSql} from "@pilotage/indicators";
import {openDuckDb} from "@pilotage/sources";
import {num, sum} from "./data.ts";
import {groupMembers, levelFigures, structureFigures} from "./figures.ts";
import {formatCell} from "./format.ts";
import {reportHtml} from "./html.ts";
import {cellFormat, type Report, type Table} from "./model.ts";
import {OptionError, buildReports, checkOptionsWithoutData, resolveOptions} from "./produce.ts";
import {trendSentence} from "./reports/common.ts";
import {numberTokens, onTheSample} from "./testing.ts";
import {NUMBER_FORMATS, reportXlsx} from "./xlsx.ts";

const sample = onTheSample();
const options = () => resolveOptions({}, sample.data);
let cache: Report[] | undefined;
const reports = () => (cache ??= buildReports(sample.data, options()));
const byKind = (kind: Report["kind"]) => reports().filter((r) => r.kind === kind);
const table = (r: Report, id: string): Table => {
  const t = r.sections.flatMap((s) => s.tables).find((x) => x.id === id);
  expect(t, `${r.slug}: table ${id}`).toBeDefined();
  return t!;
};
const close = (a: unknown, b: number, what: string) => expect(a as number, what).toBeCloseTo(b, 6);

describe("the test territory of the sample", () => {
  it("defaults to 2025 (latest full year), Hérault and Occitanie, with 30 SIAE or more of every kind", () => {
    const o = options();
    expect(o.year).toBe(2025);
    expect(o.departement).toBe("34");
    expect(o.region).toBe("76");
    expect(o.structures.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(o.structures.flatMap((id) => sample.data.structures.get(id)!.kinds));
    expect([...kinds].sort()).toEqual(["ACI", "AI", "EI", "EITI", "ETTI"]);
    for (const y of [2023, 2024, 2025])
      expect(groupMembers(sample.data, "département", "34", "ensemble", y).size).toBeGreaterThanOrEqual(30);
    // One structure review per SIAE, one DDETS review, one DREETS synthesis, one CD report.
    expect(
      reports()
        .map((r) => r.kind)
        .filter((k) => k !== "structure")
    ).toEqual(["departement", "region", "rsa"]);
    expect(byKind("structure")).toHaveLength(o.structures.length);
  });

  it("has plausible sizes: most SIAE employ 11 people or more", () => {
    const sizes = options().structures.map((id) => structureFigures(sample.data, id, 2025).salaries);
    expect(sizes.filter((n) => n >= 11).length / sizes.length).toBeGreaterThan(0.7);
  });
});

describe("figures", () => {
  it("the département's totals and lines by kind in the DDETS review are the public definitions' (etp, salariés, sorties)", async () => {
    const duck = await openDuckDb(sample.dbPath, {readOnly: true});
    try {
      const etp = (await duck.query(etpByLevelSql())).find(
        (r) =>
          r.niveau === "département" && r.territoire === "34" && r.type_structure === "ensemble" && r.periode === "2025"
      )!;
      const exits = (await duck.query(exitsByLevelSql())).filter(
        (r) =>
          r.niveau === "département" && r.territoire === "34" && r.type_structure === "ensemble" && r.periode === "2025"
      );
      const total = table(byKind("departement")[0]!, "par_type").total!;
      expect(total[1]).toBe(options().structures.length);
      close(total[2], etp.etp_conventionnes as number, "ETP conventionnés");
      close(total[3], etp.etp_realises as number, "ETP réalisés");
      close(total[4], etp.taux_realisation as number, "taux de réalisation");
      expect(total[7]).toBe(exits.find((r) => r.categorie_sortie === "ensemble")!.nb_sorties);
      // …and the SIAE lines add up to them: the structure marts partition the same facts.
      const lines = table(byKind("departement")[0]!, "structures").rows;
      close(
        lines.reduce((a, r) => a + (r[3] as number), 0),
        etp.etp_conventionnes as number,
        "Σ conventionnés"
      );
      close(
        lines.reduce((a, r) => a + (r[4] as number), 0),
        etp.etp_realises as number,
        "Σ réalisés"
      );
      expect(lines.reduce((a, r) => a + (r[9] as number), 0)).toBe(total[7]);
      // Every line of the kinds table (and its total) is the published line of its kind.
      const employees = await duck.query(employeesByLevelSql());
      const allExits = await duck.query(exitsByLevelSql());
      const allEtp = await duck.query(etpByLevelSql());
      const kindsTable = table(byKind("departement")[0]!, "par_type");
      for (const line of [...kindsTable.rows, kindsTable.total!]) {
        const kind = line[0] === "Ensemble" ? "ensemble" : String(line[0]);
        const at = (r: Record<string, unknown>) =>
          r.niveau === "département" && r.territoire === "34" && r.type_structure === kind && r.periode === "2025";
        const e = allEtp.find(at);
        const x = (cat: string) => allExits.find((r) => at(r) && r.categorie_sortie === cat)?.nb_sorties as number;
        const what = (c: string) => `${kind}: ${c}`;
        close(line[2], e!.etp_conventionnes as number, what("conventionnés"));
        close(line[3], e!.etp_realises as number, what("réalisés"));
        close(line[5], e!.taux_realisation_valides as number, what("taux validés"));
        expect(line[6], what("salariés")).toBe(
          employees.find((r) => at(r) && r.caracteristique === "ensemble")!.nb_salaries
        );
        expect(line[7], what("sorties")).toBe(x("ensemble"));
        close(line[8], x("sorties_dynamiques") / x("ensemble"), what("taux de sortie dynamique"));
        close(line[9], x("emploi_durable") / x("ensemble"), what("taux d'emploi durable"));
      }
    } finally {
      await duck.close();
    }
  });

  it("a structure review's figures are its mart's figures", () => {
    const id = options().structures[0]!;
    const r = byKind("structure").find((x) => x.slug.endsWith(`-${id}`))!;
    const m = sample.data.marts;
    const at = (row: Record<string, unknown>) => num(row.structure_id) === id && num(row.annee) === 2025;
    const etp = table(r, "etp_mensuels");
    close(
      etp.total![1],
      sum(m.structure_etp, "etp_conventionnes", (x) => at(x) && num(x.mois) === 0),
      "conventionnés"
    );
    close(
      etp.total![2],
      sum(m.structure_etp, "etp_realises", (x) => at(x) && num(x.mois) === 0),
      "réalisés"
    );
    // The months' mean is the year's figure.
    close(etp.rows.reduce((a, x) => a + (x[1] as number), 0) / 12, etp.total![1] as number, "Σ mois / 12");
    expect(table(r, "effectifs").rows[0]![0]).toBe(
      sum(m.structure_salaries, "nb_salaries", (x) => at(x) && x.caracteristique === "ensemble")
    );
    expect(table(r, "sorties").total![1]).toBe(
      sum(m.structure_sorties, "nb_sorties", (x) => at(x) && x.categorie_sortie === "ensemble")
    );
    // The comparison column for France is the published national figure of the same kind.
    const kind = table(r, "chiffres_cles").columns[3]!.label.split(",")[0]!;
    const fr = levelFigures(sample.data, "national", NATIONAL_CODE, kind, 2025);
    const keyFigures = table(r, "chiffres_cles");
    expect(keyFigures.rows[2]![0]).toBe("Taux de réalisation");
    close(keyFigures.rows[2]![3], fr.tauxRealisation!, "taux de réalisation, France");
    expect(cellFormat(keyFigures, 2, 3)).toBe("percent");
  });

  it("the CD report's co-funding is the annexes' af_mt_cofinance of the year", () => {
    const r = byKind("rsa")[0]!;
    const total = table(r, "rsa_par_type").total!;
    const ids = new Set(options().structures);
    const expected = sum(
      sample.data.marts.structure_etp,
      "montant_cofinance",
      (x) => ids.has(num(x.structure_id)) && num(x.annee) === 2025 && num(x.mois) === 0
    );
    close(total[7], expected, "cofinancement");
    expect(expected).toBeGreaterThan(0);
    const people = sample.data.levels.salaries.find(
      (x) =>
        x.niveau === "département" &&
        x.territoire === "34" &&
        x.type_structure === "ensemble" &&
        x.periode === "2025" &&
        x.caracteristique === "rsa"
    )!;
    expect(total[1]).toBe(people.nb_salaries);
  });
});

describe("findings", () => {
  // Thresholds the sentences may name (rules, not figures).
  const RULES = new Set(["100\u202f%", "10", "20", "30", "3"]);

  it("every number of a sentence is a number of its section's tables", () => {
    let checked = 0;
    for (const r of reports()) {
      for (const s of r.sections) {
        const cells = new Set(
          s.tables.flatMap((t) =>
            [...t.rows, ...(t.total ? [t.total] : [])].flatMap((row, r) =>
              row.flatMap((v, i) => numberTokens(formatCell(v, cellFormat(t, r, i))))
            )
          )
        );
        for (const sentence of s.findings) {
          for (const token of numberTokens(sentence)) {
            if (RULES.has(token) || token === String(r.year)) continue;
            expect(cells.has(token), `${r.slug} / ${s.id}: « ${token} » de « ${sentence} » absent des tableaux`).toBe(
              true
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("the example of the issue reads as written", () => {
    const r = byKind("structure")[0]!;
    const f = structureFigures(sample.data, options().structures[0]!, 2025);
    const sentence = r.sections.find((s) => s.id === "etp")!.findings[0]!;
    expect(sentence).toBe(
      `En 2025, la structure a réalisé ${formatCell(f.etpRealises, "etp")} ETP pour ${formatCell(f.etpConventionnes, "etp")} ETP conventionnés, soit un taux de réalisation de ${formatCell(f.tauxRealisation, "percent")}.`
    );
  });

  it("no trend is drawn from a base too small (warning sentence), one is from a large base", () => {
    expect(trendSentence("2023", 12, "2025", 30, "PASS IAE délivrés", 20)).toBe(
      "Base de 2023 trop faible (moins de 20 PASS IAE délivrés) pour en tirer une évolution."
    );
    expect(trendSentence("2023", 120, "2025", 95, "salariés", 30)).toBe(
      "Entre 2023 et 2025, le nombre de salariés passe de 120 à 95 (en baisse)."
    );
    expect(trendSentence("2023", 1729, "2025", 1724, "salariés", 30)).toMatch(/\(quasi stable\)\.$/);
    // A change of one is no trend, whichever way (newcomer check: « passe de 20 à 19 (en baisse) »).
    for (const [from, to] of [
      [20, 19],
      [26, 27],
      [30, 31],
      [100, 115]
    ] as const)
      expect(trendSentence("2023", from, "2025", to, "PASS IAE délivrés", 20)).toMatch(
        /\(écart trop faible pour conclure à une évolution\)\.$/
      );
    expect(trendSentence("2023", 100, "2025", 121, "PASS IAE délivrés", 20)).toMatch(/\(en hausse\)\.$/);
    for (const r of byKind("structure")) {
      const pass = table(r, "pass").rows;
      const sentence = r.sections.find((s) => s.id === "pass")!.findings[1]!;
      if ((pass[0]![1] as number) < 20) expect(sentence, r.slug).toMatch(/^Base de \d{4} trop faible/);
      else expect(sentence, r.slug).not.toMatch(/^Base de/);
    }
  });
});

describe("options", () => {
  const fails = (raw: Parameters<typeof resolveOptions>[0], message: string) => {
    expect(() => resolveOptions(raw, sample.data)).toThrow(OptionError);
    expect(() => resolveOptions(raw, sample.data)).toThrow(message);
  };
  it("an unknown département, a year with no data and other bad options get a clear French message", () => {
    fails({departement: "99"}, "Département inconnu : « 99 » (attendu : un code INSEE, par exemple 34, 2A ou 974).");
    fails({annee: "2019"}, "Aucune donnée pour l'année 2019 : les états mensuels couvrent 2023, 2024, 2025.");
    fails({annee: "deux-mille"}, "Année invalide : « deux-mille »");
    fails({region: "11", departement: "34"}, "Le département 34 n'appartient pas à la région 11.");
    fails(
      {structures: "1001"},
      "La structure 1001 relève du département 01, pas du 34 : son bilan se produit avec --departement 01."
    );
    fails({structures: "99999"}, "La structure 99999 est inconnue des données (aucune structure de ce numéro ASP).");
    fails({formats: "docx"}, "Formats invalides : « docx »");
    fails({structures: " , "}, "Identifiant de structure invalide : « , »");
  });
  it("checks year, département and formats before the data is read", () => {
    expect(() => checkOptionsWithoutData({annee: "20x5"})).toThrow("Année invalide : « 20x5 »");
    expect(() => checkOptionsWithoutData({departement: "99"})).toThrow("Département inconnu : « 99 »");
    expect(() => checkOptionsWithoutData({formats: "pdf,doc"})).toThrow("Formats invalides : « pdf,doc »");
    expect(() => checkOptionsWithoutData({annee: "2031", departement: "034", formats: "HTML"})).not.toThrow();
  });
  it("reads a département as the ASP writes it (034, 02A) and formats in any case", () => {
    const o = resolveOptions({departement: "034", formats: "HTML, Pdf"}, sample.data);
    expect([o.departement, [...o.formats]]).toEqual(["34", ["html", "pdf"]]);
    expect(() => resolveOptions({departement: "02A"}, sample.data)).not.toThrow("Département inconnu");
    fails({departement: "0345"}, "Département inconnu : « 0345 »");
  });
  it("--region alone takes the région's département with the most SIAE (the README's example)", () => {
    const o = resolveOptions({region: "93"}, sample.data);
    const weights = ["04", "05", "06", "13", "83", "84"].map(
      (d) =>
        [
          d,
          groupMembers(sample.data, "département", d, "ensemble", o.year).size,
          levelFigures(sample.data, "département", d, "ensemble", o.year).etpConventionnes
        ] as const
    );
    const most = [...weights].sort((a, b) => b[1] - a[1] || b[2] - a[2] || a[0].localeCompare(b[0]))[0]!;
    expect(most[1]).toBeGreaterThan(0);
    // In the sample, 06 and 13 have 2 SIAE each: 13, with more ETP conventionnés, is taken.
    expect([o.region, o.departement]).toEqual(["93", "13"]);
    expect(most[0]).toBe("13");
    fails({region: "93", departement: "34"}, "Le département 34 n'appartient pas à la région 93.");
  });
  it("ranks alerts by the sum of their gaps beyond the thresholds, and lists every one", () => {
    const r = byKind("departement")[0]!;
    const alertes = table(r, "alertes");
    const gaps = alertes.rows.map((x) => x[3] as number);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(alertes.total![0]).toBe(`${alertes.rows.length} structures en écart`);
    // One reason, under-consumption: the gap is 80 % minus the rate, in points.
    const lone = alertes.rows.find((x) =>
      /^sous-consommation : taux de réalisation de [\d,]+\u202f%$/.test(String(x[4]))
    );
    expect(lone, "une structure en sous-consommation seule").toBeDefined();
    const rate = Number(/de ([\d,]+)/.exec(String(lone![4]))![1]!.replace(",", "."));
    expect(lone![3] as number).toBeCloseTo(80 - rate, 9);
    // Two reasons: the score is the sum of the gaps as printed (34-015: 18,9 + 6,7 = 25,6).
    for (const row of alertes.rows) {
      const rates = [
        ...String(row[4]).matchAll(/(sous-consommation|surconsommation|sortie dynamique)[^;]*? de ([\d,]+)\u202f%/g)
      ];
      const sum = rates.reduce((s, [, kind, v]) => {
        const pct = Number(v!.replace(",", "."));
        return s + (kind === "sous-consommation" ? 80 - pct : kind === "surconsommation" ? pct - 100 : 40 - pct);
      }, 0);
      if (!/non validés|aucun ETP/.test(String(row[4]))) expect(row[3] as number, String(row[4])).toBeCloseTo(sum, 9);
    }
  });
  it("writes each structure's review once, in id order, however the list repeats or orders them", () => {
    const [a, b] = options().structures as [number, number];
    const o = resolveOptions({structures: `${b},${a},${b}`}, sample.data);
    expect(o.structures).toEqual([a, b]);
  });
  it("accepts a département written as the ASP writes it, and a list of structures", () => {
    const ids = options().structures.slice(0, 2);
    const o = resolveOptions({departement: " 34", annee: "2024", structures: ids.join(",")}, sample.data);
    expect([o.departement, o.year, o.structures]).toEqual(["34", 2024, ids]);
  });
});

describe("forms", () => {
  it("the spreadsheet reads back with every table's figures", async () => {
    for (const r of [byKind("structure")[0]!, byKind("departement")[0]!]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await reportXlsx(r)) as never);
      const tables = r.sections.flatMap((s) => s.tables);
      expect(wb.worksheets.map((w) => w.name)).toEqual(tables.map((t) => t.id));
      // The comparison tables hold numbers, not texts (people rework them).
      if (r.kind === "structure")
        expect(typeof tables.find((t) => t.id === "chiffres_cles")?.rows[0]![1]).toBe("number");
      for (const t of tables) {
        const ws = wb.getWorksheet(t.id)!;
        expect(String(ws.getCell(1, 1).value)).toContain("Diffusion restreinte");
        const rows = t.total ? [...t.rows, t.total] : t.rows;
        rows.forEach((row, i) =>
          row.forEach((v, j) => {
            const cell = ws.getCell(6 + i, 1 + j).value;
            if (typeof v === "number") {
              expect(cell as number, `${t.id} ${i} ${j}`).toBeCloseTo(v, 9);
              // A number, shown in its own format (a rate as a percentage, even in a mixed table).
              expect(ws.getCell(6 + i, 1 + j).numFmt, `${t.id} ${i} ${j}`).toBe(NUMBER_FORMATS[cellFormat(t, i, j)]);
            } else expect(cell ?? null, `${t.id} ${i} ${j}`).toEqual(v);
          })
        );
      }
    }
  });

  it("the same data gives the same bytes (HTML, XLSX), whatever the clock and the time zone", async () => {
    const kinds = ["structure", "departement", "region", "rsa"] as const;
    const first = kinds.map((k) => byKind(k)[0]!);
    const before = await Promise.all(first.map(async (r) => [reportHtml(r), await reportXlsx(r)] as const));
    // A second run years later, on the other side of the world: only the data may date a file.
    const tz = process.env.TZ;
    vi.useFakeTimers({toFake: ["Date"]});
    vi.setSystemTime(new Date("2031-07-04T13:37:11Z"));
    process.env.TZ = "Pacific/Kiritimati";
    try {
      expect(new Date().getFullYear()).toBe(2031);
      const again = buildReports(sample.data, {...options(), structures: options().structures.slice(0, 1)});
      for (const [i, kind] of kinds.entries()) {
        const r = again.find((x) => x.kind === kind)!;
        expect(r.slug).toBe(first[i]!.slug);
        expect(reportHtml(r), r.slug).toBe(before[i]![0]);
        expect(Buffer.from(await reportXlsx(r)).equals(Buffer.from(before[i]![1])), r.slug).toBe(true);
      }
    } finally {
      vi.useRealTimers();
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe("privacy", () => {
  it("no report holds a person's identifier, and no table has a row per person", async () => {
    const duck = await openDuckDb(sample.dbPath, {readOnly: true});
    let hashes: string[];
    try {
      hashes = (await duck.query("SELECT DISTINCT hash_nir FROM salarie")).map((x) => String(x.hash_nir));
    } finally {
      await duck.close();
    }
    const html = reports().map(reportHtml).join("\n");
    for (const h of hashes) expect(html.includes(h), h).toBe(false);
    expect(html).toContain("Diffusion restreinte");
    // The longest table is the DDETS's one line per SIAE: as many rows as SIAE, not people.
    const longest = Math.max(
      ...reports().flatMap((r) => r.sections.flatMap((s) => s.tables.map((t) => t.rows.length)))
    );
    expect(longest).toBeLessThanOrEqual(sample.data.structures.size);
  });

  it("a structure review shows no other structure's name or identifier", () => {
    const ids = options().structures;
    for (const r of byKind("structure")) {
      const html = reportHtml(r);
      for (const other of ids) {
        if (r.slug.endsWith(`-${other}`)) continue;
        const s = sample.data.structures.get(other)!;
        expect(html.includes(s.nom), `${r.slug} names ${s.nom}`).toBe(false);
        expect(html.includes(`SIAE ${other})`), `${r.slug} holds ${other}`).toBe(false);
      }
    }
  });
});
