import { defineConfig } from "@playwright/test";
import { OWNER_STATE } from "./e2e/support/sign-in";

const port = Number(process.env.E2E_PORT ?? 3100);
const oidcPort = port + 1;
const baseURL = `http://localhost:${port}`;
// The test's own OIDC provider (e2e/support/oidc-server.ts) and Baton agree on this client.
const oidcClient = { AUTH_OIDC_ID: "baton-e2e", AUTH_OIDC_SECRET: "baton-e2e-client-secret" };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    // A failed test keeps its trace: actions, DOM snapshots, network and console. The trace's
    // screencast is left out: encoding its frames took about a quarter of the browser stage's time.
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // Sign-in runs first: its first test signs the owner in (the first user becomes the owner)
  // and saves the session that every other test starts from.
  projects: [
    { name: "sign-in", testMatch: /sign-in\.spec\.ts$/ },
    { name: "dashboard", testIgnore: /sign-in\.spec\.ts$/, dependencies: ["sign-in"], use: { storageState: OWNER_STATE } },
  ],
  webServer: [
    {
      command: "node --import tsx e2e/support/oidc-server.ts",
      url: `http://localhost:${oidcPort}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { OIDC_PORT: String(oidcPort), OIDC_REDIRECT_URI: `${baseURL}/api/auth/callback/oidc`, ...oidcClient },
    },
    {
      command: "bash bin/e2e-server",
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        BATON_URL: baseURL,
        BATON_REDIS_PREFIX: `${process.env.BATON_REDIS_PREFIX ?? "baton-test"}-e2e`,
        BATON_WORKSPACES: ".baton/test-workspaces/e2e",
        // One more than the default fleet (2 generalists, 2 analysts), so the agents board can scale up.
        BATON_MAX_AGENTS: "5",
        // A shared build machine's load and memory must not decide whether the tests' agents start.
        BATON_MAX_LOAD_PER_CORE: "1000",
        BATON_MIN_FREE_MEMORY_MB: "0",
        BATON_ALLOWED_DOMAINS: "example.test",
        AUTH_OIDC_ISSUER: `http://localhost:${oidcPort}`,
        AUTH_OIDC_NAME: "Test SSO",
        ...oidcClient,
        SIM_FIRST_TOKEN_DELAY_MS: "50",
        SIM_TOKEN_DELAY_MS: "0",
      },
    },
  ],
});
