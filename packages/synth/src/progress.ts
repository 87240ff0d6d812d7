// What the generator tells the person running it. On a terminal: one live line (current
// step, rows written, rows per second); elsewhere (CI, logs): one line per file written.
export interface Effects {
  /** A finished line (file summary, final total). */
  log(line: string): void;
  /** A live status line, shown only on a terminal (overwritten by the next one). */
  status?(line: string): void;
}

export const consoleEffects = (): Effects => {
  const tty = process.stderr.isTTY === true;
  let live = false;
  return {
    log(line) {
      if (live) process.stderr.write("\r\x1b[2K");
      live = false;
      process.stderr.write(line + "\n");
    },
    status: tty
      ? (line) => {
          process.stderr.write(`\r\x1b[2K${line}`);
          live = true;
        }
      : undefined
  };
};

export const silentEffects: Effects = {log: () => {}};

/** Calls `status` at most twice a second with the rows written so far. */
export class Progress {
  private last = 0;
  private readonly started = Date.now();

  constructor(private readonly effects: Effects) {}

  tick(step: string, rows: number): void {
    if (!this.effects.status) return;
    const now = Date.now();
    if (now - this.last < 500) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    this.effects.status(
      `${step} · ${formatCount(rows)} rows · ${formatCount(Math.round(rows / Math.max(seconds, 0.001)))} rows/s`
    );
  }
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US").replaceAll(",", " ");
}

export function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} kB`;
}
