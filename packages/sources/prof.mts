import {openDuckDb} from "./src/duckdb-engine.ts";
import {loadSql} from "./src/validate.ts";
import {emploisScan} from "./src/emplois/read.ts";
import {fluxIaeScan} from "./src/fluxiae/read.ts";
import {tableSpec} from "./src/schema.ts";
const db = await openDuckDb(process.argv[3] ?? ":memory:", {threads: 2, memoryLimit: "1GB"});
const t = (l: string, t0: number) => console.log(l, ((performance.now() - t0) / 1000).toFixed(2));
const [table, path] = [process.argv[2]!, process.argv[4]!];
const spec = tableSpec(table);
const plan =
  spec.family === "emplois"
    ? {spec, format: "emplois" as const, file: "x", from: emploisScan(path)}
    : {spec, format: "fluxiae" as const, file: "x", from: fluxIaeScan(path), finColumn: spec.columns[0]!.name};
let t0 = performance.now();
await db.query(`SELECT count(*) FROM ${plan.from}`);
t("count", t0);
t0 = performance.now();
await db.connection.run(loadSql(plan));
t("ctas", t0);
t0 = performance.now();
await db.query(`SELECT count(*) FROM "${table}" WHERE _p IS NOT NULL`);
t("problems", t0);
t0 = performance.now();
await db.connection.run(`DELETE FROM "${table}" WHERE _fin IS NOT NULL`);
t("delete", t0);
t0 = performance.now();
for (const h of ["_p", "_v", "_fin"]) await db.connection.run(`ALTER TABLE "${table}" DROP COLUMN ${h}`);
t("alter", t0);
t0 = performance.now();
await db.connection.run(`CHECKPOINT`);
t("checkpoint", t0);
