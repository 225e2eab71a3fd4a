"use client";
// One subtask of a plan under review: its title and instructions to edit, what it waits for (a
// checkbox per other subtask), what it needs (the capabilities that route it to a profile), the
// profile it will run on, its estimate, and a remove button.
import { useId } from "react";
import { formatDuration } from "@/components/format/duration";
import { formatCount } from "@/components/format/numbers";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { formatUsd } from "@/server/client/format-usd";
import { describeBasis, type DraftSubtask } from "./plan-draft";

interface PlanSubtaskEditorProps {
  subtask: DraftSubtask;
  position: number;
  others: { key: string; position: number; title: string }[];
  /** Every capability a profile offers. */
  capabilities: string[];
  /** The profile the subtask's needs route it to now (null until the profiles are loaded). */
  profileName: string | null;
  disabled: boolean;
  onChange: (change: Partial<Pick<DraftSubtask, "title" | "instructions">>) => void;
  onToggleDependency: (key: string) => void;
  onToggleCapability: (capability: string) => void;
  onRemove: () => void;
}

const chipClass =
  "inline-flex max-w-72 items-center gap-1.5 rounded-md border border-border px-2 py-1 text-xs text-foreground has-checked:border-accent has-checked:bg-info-soft";

export function PlanSubtaskEditor({ subtask, position, others, capabilities, profileName, disabled, onChange, onToggleDependency, onToggleCapability, onRemove }: PlanSubtaskEditorProps) {
  const id = useId();
  const label = `#${position + 1}`;
  const saved = subtask.saved;
  return (
    <li data-testid="plan-subtask" className="space-y-3 rounded-md border border-border bg-surface p-3 shadow-sm">
      <div className="flex items-end gap-3">
        <span className="mb-2 w-7 shrink-0 text-sm text-subtle tabular-nums">{label}</span>
        <div className="min-w-0 flex-1">
          <Label htmlFor={`${id}-title`}>
            Title<span className="sr-only"> of subtask {label}</span>
          </Label>
          <Input id={`${id}-title`} value={subtask.title} maxLength={200} onChange={(e) => onChange({ title: e.target.value })} disabled={disabled} />
        </div>
        <Button variant="ghost" onClick={onRemove} disabled={disabled} aria-label={`Remove subtask ${label}${subtask.title ? ` "${subtask.title}"` : ""}`}>
          Remove
        </Button>
      </div>
      <div className="pl-10">
        <Label htmlFor={`${id}-instructions`}>Instructions</Label>
        <Textarea
          id={`${id}-instructions`}
          value={subtask.instructions}
          rows={3}
          className="min-h-20"
          onChange={(e) => onChange({ instructions: e.target.value })}
          disabled={disabled}
        />
      </div>
      <fieldset className="pl-10" disabled={disabled}>
        <legend className="mb-1.5 text-sm font-medium text-foreground">Waits for</legend>
        {others.length === 0 ? (
          <p className="text-xs text-muted">No other subtasks.</p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {others.map((other) => (
              <label key={other.key} className={chipClass}>
                <input type="checkbox" checked={subtask.dependsOn.includes(other.key)} onChange={() => onToggleDependency(other.key)} className="accent-accent" />
                <span className="truncate">
                  #{other.position + 1} {other.title || "(untitled)"}
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {capabilities.length > 0 ? (
        <fieldset className="pl-10" disabled={disabled}>
          <legend className="mb-1.5 text-sm font-medium text-foreground">Needs</legend>
          <div className="flex flex-wrap gap-2">
            {capabilities.map((capability) => (
              <label key={capability} className={chipClass}>
                <input type="checkbox" checked={subtask.capabilities.includes(capability)} onChange={() => onToggleCapability(capability)} className="accent-accent" />
                {capability}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <p className="pl-10 text-xs text-muted" data-testid="plan-subtask-estimate">
        Runs on <span className="text-foreground">{profileName ?? saved?.profileName ?? "generalist"}</span>
        {saved ? (
          <>
            {saved.estimatedTokens !== null && saved.estimatedCostMicros !== null && saved.estimatedSeconds !== null ? (
              <>
                {" "}
                · estimated <span className="text-foreground tabular-nums">{formatCount(saved.estimatedTokens)} tokens</span> ·{" "}
                <span className="text-foreground tabular-nums">{formatUsd(saved.estimatedCostMicros)}</span> ·{" "}
                <span className="text-foreground tabular-nums">{formatDuration(saved.estimatedSeconds * 1000)}</span>, {describeBasis(saved.estimateBasis, saved.estimateSamples)}
              </>
            ) : null}
          </>
        ) : (
          " · new: its estimate is made when you save."
        )}
      </p>
    </li>
  );
}
