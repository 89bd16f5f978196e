import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        // Pure functions over data: no processes, no Docker.
        test: { name: "unit", include: ["src/**/*.test.ts"], testTimeout: 10_000 },
      },
      {
        // Real git repositories, a real Docker engine, the bundled dist/.
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          pool: "forks",
        },
      },
    ],
  },
});
