// Progress of long work, behind an interface passed in as an effect (no globals):
// on a terminal, one live line for the files being read (percentage, time left when
// DuckDB knows it) and a summary line as each ends; elsewhere (CI logs), only the
// summary lines.
import {progressText} from "./messages.ts";

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface ProgressTask {
  /** `rows` read so far; `fraction` in [0, 1] when the total is knowable. */
  update(state: {readonly rows?: number; readonly fraction?: number}): void;
  done(rows: number): void;
  /** The work stopped without a result (the file was refused): the task leaves the display. */
  abort(): void;
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
  /** Terminal width: the live line is cut to it (a wrapped line could not be redrawn). */
  readonly columns?: number;
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
      return {
        update() {},
        done: (rows) => logger.info(progressText.done(label, rows, (now() - t0) / 1000)),
        abort() {}
      };
    }
  };
}

/**
 * One live line for every file being read at once (staging reads two at a time), redrawn
 * at most 5 times a second; a file that ends gets its summary line above it.
 */
function liveProgress(out: Output, now: () => number): ProgressSink {
  const active = new Map<object, string>();
  let lastDraw = 0;
  const draw = () => {
    const line = [...active.values()].join(" · ");
    const width = out.columns ?? Infinity;
    out.write(`\r\x1b[2K${line.length >= width ? `${line.slice(0, width - 2)}…` : line}`);
  };
  return {
    start(label) {
      const t0 = now();
      const key = {};
      active.set(key, label);
      const leave = (summary: string | null) => {
        active.delete(key);
        out.write(`\r\x1b[2K${summary === null ? "" : `${summary}\n`}`);
        if (active.size) draw();
      };
      return {
        update({rows, fraction}) {
          const elapsed = (now() - t0) / 1000;
          // Near 100 % DuckDB is writing and compressing, which its percentage does not cover:
          // no time left is better than a wrong "0 s".
          const eta = fraction && fraction > 0.02 && fraction < 0.98 ? (elapsed * (1 - fraction)) / fraction : null;
          const rate = rows !== undefined && elapsed > 0 ? rows / elapsed : null;
          active.set(
            key,
            progressText.running(label, rows ?? null, fraction === undefined ? null : fraction * 100, rate, eta)
          );
          const t = now();
          if (t - lastDraw < 200) return;
          lastDraw = t;
          draw();
        },
        done: (rows) => leave(progressText.done(label, rows, (now() - t0) / 1000)),
        abort: () => leave(null)
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
    progress: {
      start: (label) => ({update() {}, done: (rows) => void lines.push(progressText.done(label, rows, 0)), abort() {}})
    }
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
