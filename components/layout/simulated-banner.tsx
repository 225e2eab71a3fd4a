// Tells everyone that results come from the bundled simulator, not from Claude.
export function SimulatedBanner() {
  return (
    <div role="status" className="border-b border-warning-border bg-warning-soft text-warning-fg">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm sm:px-6">
        <strong className="font-semibold">Simulated Claude</strong> — agents answer with a built-in simulator. Set{" "}
        <code className="rounded bg-surface/70 px-1 font-mono text-xs">ANTHROPIC_API_KEY</code> to use Claude.
      </p>
    </div>
  );
}
