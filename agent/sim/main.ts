import { createSimServer } from "./create-sim-server";

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

const sim = await createSimServer({
  port: numberFromEnv("SIM_PORT", 4010),
  firstTokenDelayMs: numberFromEnv("SIM_FIRST_TOKEN_DELAY_MS", 0),
  tokenDelayMs: numberFromEnv("SIM_TOKEN_DELAY_MS", 0),
});

console.log(`Simulated Claude listening on ${sim.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sim.close().finally(() => process.exit(0));
  });
}
