import path from "node:path";
import { defineConfig } from "vitest/config";
import { integrationWorkers } from "./server/testing/worker-database";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{server,agent,components,app,bench,bin}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{server,agent,bench}/**/*.integration.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Files run side by side, each worker on its own clone of the test database.
          maxWorkers: integrationWorkers(),
          globalSetup: ["./server/testing/integration-setup.ts"],
          setupFiles: ["./server/testing/integration-worker.ts"],
        },
      },
    ],
  },
});
