// Which faults a run injects, in which order: the short run has a few of each kind (no long
// outage); the full run draws kinds by weight and puts the long Redis outage a third of the way in.
import type { FaultKind } from "./faults";
import type { ChaosOptions } from "./options";
import type { Rng } from "./rng";

const WEIGHTS = { "agent-kill": 40, "daemon-kill": 8, "web-restart": 6, "redis-restart": 10, "redis-flush": 7, "postgres-restart": 10, "socket-drop": 15 } as const;
const SHORT: FaultKind[] = ["agent-kill", "agent-kill", "agent-kill", "daemon-kill", "web-restart", "redis-restart", "redis-restart", "redis-flush", "postgres-restart", "postgres-restart", "socket-drop", "socket-drop", "agent-kill", "daemon-kill"];

export function faultSchedule(options: Pick<ChaosOptions, "short" | "faults" | "longOutageMs">, rng: Rng): FaultKind[] {
  const kinds: FaultKind[] = [];
  const long = options.longOutageMs > 0 ? 1 : 0;
  for (let i = 0; kinds.length < options.faults - long; i++) kinds.push(options.short ? SHORT[i % SHORT.length]! : rng.weighted(WEIGHTS));
  // Fisher–Yates with the run's generator, so the order replays with the seed.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  if (long) kinds.splice(Math.floor(kinds.length / 3), 0, "redis-long-outage");
  return kinds;
}
