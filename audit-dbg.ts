import {auditDirectory} from "./data-loaders/lib/published-relations.ts";
const a = await auditDirectory(process.argv[2]!);
console.log({
  files: a.files,
  cells: a.cells,
  masked: a.masked,
  leaks: a.leaks.length,
  inconsistent: a.inconsistent.length,
  recovered: a.recovered.length,
  narrow: a.narrow.length,
  narrowest: a.narrowest,
  seconds: a.seconds
});
console.log(a.leaks.slice(0, 3), a.inconsistent.slice(0, 3));
console.log(
  a.recovered
    .slice(0, 8)
    .map((r) => r.cell + " " + r.low)
    .join("\n")
);
console.log(
  a.narrow
    .filter((r) => r.low >= 1)
    .slice(0, 8)
    .map((r) => r.cell + " " + r.low + "-" + r.high)
    .join("\n")
);
