// The one switch that runs a dataset's computation without disclosure control, so that the
// masking can be measured (how many people the masked cells hold): see ../masquage.ts.
// It is scoped to one asynchronous call (AsyncLocalStorage), never a process setting, and
// while it is on nothing is shared with the published computation: no build-run file is read
// or written (oncePerBuild computes in place) and results kept per process go under a name of
// their own (oncePerProcess). Rows computed under it must never be published.
import {AsyncLocalStorage} from "node:async_hooks";

const scope = new AsyncLocalStorage<"sans-masque">();

/** Whether the current asynchronous call runs without disclosure control (inside `withoutMasks`). */
export const masksOff = (): boolean => scope.getStore() === "sans-masque";

/**
 * Runs `compute` with disclosure control off: `disclose` and the applications cube return
 * their rows as given (every figure, no `_secret` flag set). For measuring only; throws what
 * `compute` throws.
 */
export function withoutMasks<T>(compute: () => Promise<T>): Promise<T> {
  return scope.run("sans-masque", compute);
}
