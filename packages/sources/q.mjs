import {DuckDBInstance} from "@duckdb/node-api";
import {readFileSync} from "node:fs";
const inst = await DuckDBInstance.create(readFileSync("/tmp/db","utf8").trim(), {access_mode: "READ_ONLY"});
const con = await inst.connect();
const r = await con.runAndReadAll(process.argv[2]);
console.log(r.getRowObjectsJS());
