// Defective files that the readers' validation must refuse or report. Each one is built
// from the head of a good generated file (never the whole file: at national scale they
// are large) and written to DIR/defects/<name>/, where it stands in for the file of the
// same name in DIR. A manifest lists them with what validation is expected to say.
import {createReadStream} from "node:fs";
import {mkdir, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {createInterface} from "node:readline";
import {createGunzip, gzipSync} from "node:zlib";
import type {Effects} from "./progress.ts";

export interface Defect {
  readonly name: string;
  /** File name of the defective file (same name as the good one it replaces). */
  readonly file: string;
  /** What a correct validation reports. */
  readonly expected: string;
}

const HEAD_ROWS = 200;

/** DEB line, header and the first `n` data rows of a good fluxIAE file. */
async function fluxHead(path: string, n: number): Promise<{deb: string; header: string[]; rows: string[][]}> {
  const lines: string[] = [];
  const input = createReadStream(path).pipe(createGunzip());
  const reader = createInterface({input, crlfDelay: Infinity});
  for await (const line of reader) {
    lines.push(line);
    if (lines.length >= n + 2) break;
  }
  reader.close();
  input.destroy();
  const [deb = "", header = "", ...rows] = lines;
  // The head of a short file may include its FIN line: drop it.
  const data = rows.filter((r) => !r.startsWith("FIN")).map((r) => r.split("|"));
  return {deb, header: header.split("|"), rows: data};
}

function fluxText(deb: string, header: readonly string[], rows: readonly string[][], finCount = rows.length): string {
  const pad = "|".repeat(header.length - 1);
  const debLine = deb.replace(/\|+$/, "") + pad;
  return [debLine, header.join("|"), ...rows.map((r) => r.join("|")), `FIN${finCount}${pad}`, ""].join("\r\n");
}

const gz = (text: string | Buffer) => gzipSync(text, {level: 6});

export async function writeDefects(dir: string, effects: Effects): Promise<Defect[]> {
  const names = await readdir(dir);
  const fluxFile = (view: string): string => {
    const name = names.find((n) => n.startsWith(`fluxIAE_${view}_`));
    if (!name) throw new Error(`no ${view} file in ${dir}: generate the sample first`);
    return name;
  };
  const defects: Defect[] = [];
  const put = async (name: string, file: string, content: string | Buffer, expected: string) => {
    const folder = join(dir, "defects", name);
    await mkdir(folder, {recursive: true});
    await writeFile(join(folder, file), content);
    defects.push({name, file, expected});
  };
  const col = (header: readonly string[], name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`column ${name} not in header`);
    return i;
  };

  // 1. Truncated transfer: rows are missing but the FIN line still counts them all.
  {
    const file = fluxFile("Salarie");
    const h = await fluxHead(join(dir, file), HEAD_ROWS);
    await put(
      "fin-count-mismatch",
      file,
      gz(fluxText(h.deb, h.header, h.rows, h.rows.length + 37)),
      "FIN count differs from the rows read: file refused as truncated"
    );
  }

  // 2. Download cut short: a gzip stream that stops in the middle (no trailer).
  {
    const file = fluxFile("EtatMensuelIndiv");
    const h = await fluxHead(join(dir, file), HEAD_ROWS);
    const whole = gz(fluxText(h.deb, h.header, h.rows));
    await put(
      "gzip-cut-short",
      file,
      whole.subarray(0, Math.floor(whole.length * 0.6)),
      "unexpected end of gzip data: file refused"
    );
  }

  // 3. A row re-encoded in Latin-1 by some tool: "é" as the single byte 0xE9.
  {
    const file = fluxFile("Structure");
    const h = await fluxHead(join(dir, file), HEAD_ROWS);
    const name = col(h.header, "structure_denomination");
    const row = h.rows[0] as string[];
    row[name] = "Régie de quartier";
    const text = Buffer.from(fluxText(h.deb, h.header, h.rows), "utf8");
    const marker = Buffer.from("Régie de quartier", "utf8");
    const at = text.indexOf(marker);
    const latin1 = Buffer.concat([
      text.subarray(0, at),
      Buffer.from("R\xe9gie de quartier", "latin1"),
      text.subarray(at + marker.length)
    ]);
    await put("invalid-utf8", file, gz(latin1), "invalid UTF-8 byte sequence (line 3): file refused");
  }

  // 4. A required column is missing (the hiring date of contracts).
  {
    const file = fluxFile("ContratMission");
    const h = await fluxHead(join(dir, file), HEAD_ROWS);
    const drop = col(h.header, "contrat_date_embauche");
    const cut = <T>(r: readonly T[]) => r.filter((_, i) => i !== drop);
    await put(
      "missing-column",
      file,
      gz(fluxText(h.deb, cut(h.header), h.rows.map(cut))),
      "missing required column contrat_date_embauche: file refused"
    );
  }

  // 5. A date that no calendar has (month 13).
  {
    const file = fluxFile("ContratMission");
    const h = await fluxHead(join(dir, file), HEAD_ROWS);
    (h.rows[5] as string[])[col(h.header, "contrat_date_embauche")] = "15/13/2024";
    await put(
      "unparsable-date",
      file,
      gz(fluxText(h.deb, h.header, h.rows)),
      "unparsable date 15/13/2024 in contrat_date_embauche (row 6)"
    );
  }

  // 6. Negative hours in a monthly statement (a correction keyed as a negative value).
  {
    const file = fluxFile("EtatMensuelIndiv");
    const h = await fluxHead(join(dir, file), HEAD_ROWS);
    (h.rows[3] as string[])[col(h.header, "emi_nb_heures_travail")] = "-35";
    await put("negative-hours", file, gz(fluxText(h.deb, h.header, h.rows)), "negative emi_nb_heures_travail (row 4)");
  }

  // 7. A code outside the accepted list (the RSA flag keyed as a bare "OUI").
  {
    const file = fluxFile("ContratMission");
    const h = await fluxHead(join(dir, file), HEAD_ROWS);
    (h.rows[7] as string[])[col(h.header, "contrat_salarie_rsa")] = "OUI";
    await put(
      "unknown-code",
      file,
      gz(fluxText(h.deb, h.header, h.rows)),
      "unknown value OUI in contrat_salarie_rsa (row 8)"
    );
  }

  // 8. A statement whose contract and employee exist nowhere (ids far outside the ranges).
  {
    const file = fluxFile("EtatMensuelIndiv");
    const h = await fluxHead(join(dir, file), HEAD_ROWS);
    const orphan = [...(h.rows[0] as string[])];
    orphan[col(h.header, "emi_ctr_id")] = "999999999";
    orphan[col(h.header, "emi_pph_id")] = "999999998";
    h.rows.push(orphan);
    await put(
      "orphan-statement",
      file,
      gz(fluxText(h.deb, h.header, h.rows)),
      "orphan statement: emi_ctr_id 999999999 and emi_pph_id 999999998 match no contract or employee"
    );
  }

  // 9. A personal column that must never be copied (placeholder values, not real names).
  {
    const file = fluxFile("Salarie");
    const h = await fluxHead(join(dir, file), HEAD_ROWS);
    const header = [...h.header.slice(0, 2), "salarie_nom", ...h.header.slice(2)];
    const rows = h.rows.map((r) => [...r.slice(0, 2), "NOM-SYNTHETIQUE", ...r.slice(2)]);
    await put(
      "personal-column",
      file,
      gz(fluxText(h.deb, header, rows)),
      "personal column salarie_nom: file refused, nothing copied"
    );
  }

  await writeFile(join(dir, "defects", "manifest.json"), JSON.stringify(defects, null, 2) + "\n");
  effects.log(`defects: ${defects.length} defective files in ${join(dir, "defects")}`);
  return defects;
}
