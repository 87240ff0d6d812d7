// Progress of long work, behind an interface passed in as an effect (no globals):
// on a terminal, one live line per file (rows read, rows/s, time left when DuckDB
// knows its percentage); elsewhere (CI logs), only a summary line per file.
import {progressText} from "./messages.ts";

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface ProgressTask {
  /** `rows` read so far; `fraction` in [0, 1] when the total is knowable. */
  update(state: {readonly rows?: number; readonly fraction?: number}): void;
  done(rows: number): void;
}

export interface ProgressSink {
  start(label: string): ProgressTask;
}

/** Side effects of staging: where messages and progress go. */
export interface StageEffects {
  readonly logger: Logger;
  readonly progress: ProgressSink;
}

interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Effects writing to a stream (stderr by default): live on a TTY, summaries otherwise. */
export function consoleEffects(
  out: Output = process.stderr,
  now: () => number = () => performance.now()
): StageEffects {
  const logger: Logger = {
    info: (m) => void out.write(`${m}\n`),
    warn: (m) => void out.write(`⚠ ${m}\n`)
  };
  return {logger, progress: out.isTTY ? liveProgress(out, now) : summaryProgress(logger, now)};
}

function summaryProgress(logger: Logger, now: () => number): ProgressSink {
  return {
    start(label) {
      const t0 = now();
      return {update() {}, done: (rows) => logger.info(progressText.done(label, rows, (now() - t0) / 1000))};
    }
  };
}

function liveProgress(out: Output, now: () => number): ProgressSink {
  return {
    start(label) {
      const t0 = now();
      let lastDraw = 0;
      return {
        update({rows, fraction}) {
          const t = now();
          if (t - lastDraw < 200) return; // redraw at most 5 times a second
          lastDraw = t;
          const elapsed = (t - t0) / 1000;
          // Near 100 % DuckDB is writing and compressing, which its percentage does not cover:
          // no time left is better than a wrong "0 s".
          const eta = fraction && fraction > 0.02 && fraction < 0.98 ? (elapsed * (1 - fraction)) / fraction : null;
          const rate = rows !== undefined && elapsed > 0 ? rows / elapsed : null;
          out.write(
            `\r\x1b[2K${progressText.running(label, rows ?? null, fraction === undefined ? null : fraction * 100, rate, eta)}`
          );
        },
        done(rows) {
          out.write(`\r\x1b[2K${progressText.done(label, rows, (now() - t0) / 1000)}\n`);
        }
      };
    }
  };
}

/** Effects that record everything (tests, or callers that want the lines). */
export function recordingEffects(): StageEffects & {readonly lines: string[]} {
  const lines: string[] = [];
  return {
    lines,
    logger: {info: (m) => void lines.push(m), warn: (m) => void lines.push(`⚠ ${m}`)},
    progress: {start: (label) => ({update() {}, done: (rows) => void lines.push(progressText.done(label, rows, 0))})}
  };
}

/**
 * Runs one DuckDB statement while polling the connection's progress. DuckDB reports a
 * percentage of the scan (its processed count is in its own units, not rows), so the
 * live line shows the percentage and time left; rows and rows/s come with the summary.
 */
export async function withProgress<T>(
  task: ProgressTask,
  poll: () => {percentage: number; rows_processed: bigint | number},
  work: () => Promise<T>
): Promise<T> {
  const timer = setInterval(() => {
    const p = poll();
    if (p.percentage >= 0) task.update({fraction: p.percentage / 100});
  }, 250);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
