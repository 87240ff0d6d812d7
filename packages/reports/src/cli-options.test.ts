// Each fault of the command line is named in French, with the option or argument at fault
// (Node's own parser words them in English); right options are read as given.
import {describe, expect, it} from "vitest";
import {parseOptions} from "./cli-options.ts";

const refusal = (...argv: string[]) => {
  try {
    parseOptions(argv);
  } catch (error) {
    return (error as Error).message;
  }
  return "accepté";
};
const HINT = "« pnpm reports --aide » liste les options.";

describe("parseOptions", () => {
  it("reads options written either way", () => {
    expect(parseOptions(["--annee=2025", "--departement", "2A", "--formats", "html"])).toEqual({
      annee: "2025",
      departement: "2A",
      formats: "html"
    });
    expect(parseOptions(["--aide"])).toEqual({aide: true});
  });

  it("names each fault in French", () => {
    expect(refusal("--foo")).toBe(`Option inconnue : « --foo ». ${HINT}`);
    expect(refusal("-x")).toBe(`Option inconnue : « -x ». ${HINT}`);
    expect(refusal("--annee")).toBe(`L'option « --annee » attend une valeur. ${HINT}`);
    expect(refusal("--sortie", "--annee", "2025")).toBe(`L'option « --sortie » attend une valeur. ${HINT}`);
    expect(refusal("--sortie", "")).toBe(`L'option « --sortie » attend une valeur. ${HINT}`);
    expect(refusal("--sortie=")).toBe(`L'option « --sortie » attend une valeur. ${HINT}`);
    expect(refusal("--aide=oui")).toBe(`L'option « --aide » ne prend pas de valeur. ${HINT}`);
    expect(refusal("--annee", "2024", "--annee", "2025")).toBe(
      `L'option « --annee » est donnée deux fois : laquelle retenir ? Gardez-en une.`
    );
    expect(refusal("--annee", "2024", "--year", "2025")).toBe(
      `L'option « --year » est donnée deux fois : laquelle retenir ? Gardez-en une.`
    );
    expect(refusal("2025")).toBe(
      `Argument inattendu : « 2025 » (chaque valeur suit son option, par exemple --annee 2025). ${HINT}`
    );
  });
});
