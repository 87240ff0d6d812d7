import {defineConfig} from "vitest/config";

// Two suites: "unit" runs beside the code it tests (fast, no build);
// "e2e" opens the built site (dist/) in real Chromium, so it runs after `pnpm build`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/*/src/**/*.test.ts",
            "data-loaders/**/*.test.ts",
            "docs/components/**/*.test.ts",
            "docs/lib/**/*.test.ts",
            "tests/*.test.ts"
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000
        }
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // Tests marked concurrent (one page each, in its own browser context) open three
          // pages at a time: the machines have two cores and a page mostly waits.
          maxConcurrency: 3
        }
      }
    ]
  }
});
