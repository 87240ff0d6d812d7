import {describe, expect, it} from "vitest";
import {consoleEffects} from "./progress.ts";

function fakeOutput(isTTY: boolean) {
  const chunks: string[] = [];
  return {chunks, out: {isTTY, write: (t: string) => chunks.push(t)}};
}

describe("progress", () => {
  it("on a terminal, redraws one line with rows, rate and time left", () => {
    const {chunks, out} = fakeOutput(true);
    let now = 0;
    const task = consoleEffects(out, () => now).progress.start("fluxIAE_EtatMensuelIndiv.csv.gz");
    now = 2000;
    task.update({rows: 1_000_000, fraction: 0.5});
    now = 4000;
    task.done(2_000_000);
    expect(chunks[0]).toMatch(/^\r\x1b\[2K/);
    expect(chunks[0]).toMatch(
      /fluxIAE_EtatMensuelIndiv.csv.gz : 50 %, 1\s000\s000 lignes lues, 500\s000 lignes\/s, reste ~2.0 s$/
    );
    expect(chunks.at(-1)).toMatch(/2\s000\s000 lignes en 4.0 s \(500\s000 lignes\/s\)\n$/);
  });

  it("on a terminal, shows the files read side by side on one line, cut to the width", () => {
    const {chunks, out} = fakeOutput(true);
    let now = 0;
    const sink = consoleEffects({...out, columns: 60}, () => now).progress;
    const a = sink.start("emplois/candidatures.csv");
    const b = sink.start("fluxIAE_EtatMensuelIndiv.csv.gz");
    now = 1000;
    a.update({fraction: 0.25});
    expect(chunks.at(-1)).toBe("\r\x1b[2Kemplois/candidatures.csv : 25 %, reste ~3.0 s · fluxIAE_Et…");
    // A refused file leaves the line; the other one is drawn again.
    b.abort();
    expect(chunks.slice(-2)).toEqual(["\r\x1b[2K", "\r\x1b[2Kemplois/candidatures.csv : 25 %, reste ~3.0 s"]);
    now = 2000;
    a.done(100);
    expect(chunks.at(-1)).toBe("\r\x1b[2Kemplois/candidatures.csv : 100 lignes en 2.0 s (50 lignes/s)\n");
  });

  it("off a terminal (CI), writes only a summary line per file", () => {
    const {chunks, out} = fakeOutput(false);
    let now = 0;
    const task = consoleEffects(out, () => now).progress.start("emplois/candidatures.csv");
    now = 500;
    task.update({rows: 10, fraction: 0.1});
    now = 1500;
    task.done(40);
    expect(chunks).toEqual(["emplois/candidatures.csv : 40 lignes en 1.5 s (27 lignes/s)\n"]);
  });
});
