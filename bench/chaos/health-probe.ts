// Polls /api/health through the run and keeps what it said, so each outage can be checked
// against what the endpoint reported while it lasted.
export interface HealthObservation {
  /** When the request was sent and when its answer came (or it failed). */
  at: number;
  doneAt: number;
  status: number | null;
  down: string[];
}

export interface HealthProbe {
  observations: HealthObservation[];
  /** Observations within [from, to]. */
  between(from: number, to: number): HealthObservation[];
  stop(): void;
}

export function startHealthProbe(baseUrl: string, everyMs = 500): HealthProbe {
  const observations: HealthObservation[] = [];
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const at = Date.now();
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
        const body = (await response.json().catch(() => ({}))) as { down?: string[] };
        observations.push({ at, doneAt: Date.now(), status: response.status, down: body.down ?? [] });
      } catch {
        observations.push({ at, doneAt: Date.now(), status: null, down: ["web"] });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - at))));
    }
  })();
  return {
    observations,
    between: (from, to) => observations.filter((o) => o.at >= from && o.at <= to),
    stop: () => void (stopped = true),
  };
}
