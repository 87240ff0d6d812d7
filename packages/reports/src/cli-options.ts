// The command line of `pnpm reports`, read into options; each fault named in French.
import {parseArgs} from "node:util";
import {messages} from "./messages.ts";
import {OptionError} from "./produce.ts";

const OPTIONS = {
  annee: {type: "string"},
  year: {type: "string"},
  departement: {type: "string"},
  region: {type: "string"},
  structures: {type: "string"},
  sortie: {type: "string"},
  out: {type: "string"},
  formats: {type: "string"},
  aide: {type: "boolean"},
  help: {type: "boolean"}
} as const;
// English spellings of the same options: `--annee 2024 --year 2025` repeats an option.
const SAME_AS: Readonly<Record<string, string>> = {year: "annee", out: "sortie", help: "aide"};

/**
 * The command line's options. Node's own parser words its refusals in English, so it runs
 * leniently and each fault is named here in French: an unknown option, a value missing or
 * given to a switch, a stray argument. Throws OptionError.
 */
export function parseOptions(argv: string[]) {
  const parsed = parseArgs({args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true});
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind === "positional") throw new OptionError(messages.strayArgument(t.value));
    if (t.kind !== "option") continue;
    const known = (OPTIONS as Record<string, {type: string}>)[t.name];
    if (!known) throw new OptionError(messages.unknownOption(t.rawName));
    // An empty value ("--sortie ''") is no value: it would otherwise write into the repository root.
    if (known.type === "string" && (t.value === undefined || t.value.trim() === "" || t.value.startsWith("--")))
      throw new OptionError(messages.missingValue(t.rawName));
    if (known.type === "boolean" && t.value !== undefined) throw new OptionError(messages.switchValue(t.rawName));
    // Node keeps the last of two values without a word: the user may not mean it.
    const option = SAME_AS[t.name] ?? t.name;
    if (known.type === "string" && seen.has(option)) throw new OptionError(messages.repeatedOption(t.rawName));
    seen.add(option);
  }
  return parsed.values as {
    [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "string" ? string : boolean;
  };
}
