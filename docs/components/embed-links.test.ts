// @vitest-environment jsdom
// An embedded chart whose every value is masked points to the level above: from the embed page
// (or a host's page, through the module) that link must lead to the site's page of the level
// above, under the site's sub-path, in a new tab, not resolve against the host's address.
import {afterEach, describe, expect, it, vi} from "vitest";
import {drawChart} from "../embed/integrer.js";

const SITE = "https://exemple.gouv.fr/sous-dossier/";

/** Every month of 2025 for one territory, both ETP figures masked. */
function maskedEtp(level: string, code: string, libelle: string) {
  return {
    referenceDate: "2026-01-15",
    rows: Array.from({length: 12}, (_, i) => ({
      niveau: level,
      territoire: code,
      territoire_libelle: libelle,
      periode: `2025-${String(i + 1).padStart(2, "0")}`,
      type_structure: "ensemble",
      etp_conventionnes: null,
      etp_conventionnes_secret: true,
      etp_realises: null,
      etp_realises_secret: true
    }))
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("an embedded chart with every value masked", () => {
  it.each([
    ["departement-59", "département", "59", "Nord", `${SITE}regions/32.html`],
    ["region-32", "région", "32", "Hauts-de-France", `${SITE}index.html`]
  ])(
    "%s: the level above is an absolute link to the site, opened in a new tab",
    async (territoire, level, code, libelle, above) => {
      const requested: string[] = [];
      vi.stubGlobal("fetch", async (url: URL | string) => {
        requested.push(String(url));
        return new Response(JSON.stringify(maskedEtp(level, code, libelle)), {status: 200});
      });
      const container = document.createElement("div");
      document.body.append(container);
      const figure = await drawChart(container, {graphique: "etp-mensuel", territoire, base: SITE, width: 600});
      expect(requested).toEqual([
        `${SITE}donnees/territoires/${level === "région" ? "regions" : "departements"}/${code}/etp.json`
      ]);
      expect(figure.querySelector(".pi-graphique svg")).toBeNull();
      const link = figure.querySelector<HTMLAnchorElement>(".pi-tout-masque a")!;
      expect(link.getAttribute("href")).toBe(above);
      expect(link.target).toBe("_blank");
      expect(link.rel).toBe("noopener");
      // The downloads stay as they were (data: addresses, named by the territory).
      for (const a of figure.querySelectorAll<HTMLAnchorElement>("a[download]"))
        expect(a.getAttribute("href")).toMatch(/^data:/);
    }
  );
});
