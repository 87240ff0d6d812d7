// What every generation step shares: the scale's calendar, the root random stream and
// the id sequences. Ids are plain sequence numbers, each kind in its own range so that a
// join on the wrong id column finds nothing instead of finding the wrong rows.
import {day, monthEnd, monthIndex, monthStart, type Day, type MonthIndex} from "../dates.ts";
import {Rng} from "../rng.ts";
import type {ScaleConfig} from "../scales.ts";

export class Sequence {
  constructor(private next: number) {}
  take(): number {
    return this.next++;
  }
}

export class Context {
  readonly rng: Rng;
  /** Key of the person hashes: depends on the seed, so hashes change with it. */
  readonly hashKey: number;
  readonly firstMonth: MonthIndex;
  readonly lastMonth: MonthIndex;
  readonly periodStart: Day;
  readonly periodEnd: Day;
  readonly extractionDay: Day;

  readonly ids = {
    structure: new Sequence(1001),
    emploisStructure: new Sequence(1),
    annexe: new Sequence(30001),
    salarie: new Sequence(2_000_001),
    contrat: new Sequence(5_000_001),
    statement: new Sequence(10_000_001),
    organisation: new Sequence(1),
    fiche: new Sequence(1),
    suspension: new Sequence(1),
    /** Numbers every pseudonymised person (employee or candidate) for its hash. */
    person: new Sequence(1)
  };

  constructor(
    readonly scale: ScaleConfig,
    readonly seed: number
  ) {
    this.rng = new Rng(`pilotage-synth/${scale.name}/${seed}`);
    this.hashKey = this.rng.fork("hash-key").uint32();
    this.firstMonth = monthIndex(scale.firstYear, 1);
    this.lastMonth = this.firstMonth + scale.months - 1;
    this.periodStart = monthStart(this.firstMonth);
    this.periodEnd = monthEnd(this.lastMonth);
    const [y, m, d] = scale.extraction.date.split("-").map(Number);
    this.extractionDay = day(y as number, m as number, d as number);
  }

  /** The years that have statements. */
  get years(): number[] {
    const first = Math.floor(this.firstMonth / 12);
    const last = Math.floor(this.lastMonth / 12);
    return Array.from({length: last - first + 1}, (_, i) => first + i);
  }
}
