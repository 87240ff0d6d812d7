// emplois table writer, byte for byte what PostgreSQL `COPY … TO … (FORMAT csv, HEADER)`
// writes: comma, LF, a value quoted only when it holds a comma, a quote, CR or LF (or is
// the empty string, to tell it from NULL, which is written as nothing), quotes doubled,
// booleans `t`/`f`, dates YYYY-MM-DD. UTF-8, no BOM.
import {join} from "node:path";
import {TextSink} from "./sink.ts";

export type CsvValue = string | number | boolean | null | undefined;

export function formatCsvValue(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  if (value === "" || value === "\\." || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export class EmploisCsvWriter {
  private readonly sink: TextSink;
  rows = 0;

  constructor(
    dir: string,
    readonly table: string,
    readonly columns: readonly string[]
  ) {
    this.sink = new TextSink(join(dir, `${table}.csv`), false);
    void this.sink.write(columns.map(formatCsvValue).join(",") + "\n");
  }

  get path(): string {
    return this.sink.path;
  }

  get bytes(): number {
    return this.sink.bytesIn;
  }

  async row(values: Readonly<Record<string, CsvValue>>): Promise<void> {
    let line = "";
    for (let i = 0; i < this.columns.length; i++) {
      if (i > 0) line += ",";
      line += formatCsvValue(values[this.columns[i] as string]);
    }
    this.rows++;
    await this.sink.write(line + "\n");
  }

  async close(): Promise<void> {
    await this.sink.close();
  }
}
