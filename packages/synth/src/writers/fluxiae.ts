// fluxIAE extract writer: `|`-separated, no quoting at all, CRLF, gzip; line 1
// `DEB<View><DDMMYYYY>_<HHMMSS>` padded with `|` to the header's width, line 2 the
// header, then the rows, and last `FIN<rows>` padded the same way.
import {join} from "node:path";
import {TextSink} from "./sink.ts";

export type FluxValue = string | number | boolean | null | undefined;

/** `20260115` style parts → the ASP stamp `15012026_061234`. */
export function extractionStamp(isoDate: string, time: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}${m}${y}_${time}`;
}

export function fluxFileName(view: string, stamp: string): string {
  return `fluxIAE_${view}_${stamp}.csv.gz`;
}

export function formatFluxValue(value: FluxValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  // The format has no quoting: a separator or line break inside a value cannot be
  // represented, so the generator never produces one (checked here, cheaply).
  if (value.includes("|") || value.includes("\n") || value.includes("\r")) {
    throw new Error(`fluxIAE value cannot hold '|' or a line break: ${JSON.stringify(value)}`);
  }
  return value;
}

export class FluxWriter {
  private readonly sink: TextSink;
  private readonly padding: string;
  rows = 0;

  constructor(
    dir: string,
    readonly view: string,
    readonly columns: readonly string[],
    stamp: string
  ) {
    this.sink = new TextSink(join(dir, fluxFileName(view, stamp)), true);
    this.padding = "|".repeat(columns.length - 1);
    void this.sink.write(`DEB${view}${stamp}${this.padding}\r\n${columns.join("|")}\r\n`);
  }

  get path(): string {
    return this.sink.path;
  }

  get bytes(): number {
    return this.sink.bytesIn;
  }

  /** Writes one row given by column name; missing columns are empty (null). */
  async row(values: Readonly<Record<string, FluxValue>>): Promise<void> {
    let line = "";
    for (let i = 0; i < this.columns.length; i++) {
      if (i > 0) line += "|";
      line += formatFluxValue(values[this.columns[i] as string]);
    }
    this.rows++;
    await this.sink.write(line + "\r\n");
  }

  async close(): Promise<void> {
    await this.sink.write(`FIN${this.rows}${this.padding}\r\n`);
    await this.sink.close();
  }
}
