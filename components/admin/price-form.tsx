"use client";
// Sets one model's prices in dollars per million tokens. Input and output must be given (an empty
// field would read as a price of $0); cache prices left empty follow Anthropic's usual ratios to
// the input price (writes 1.25×, reads 0.1×).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { clearAnswerOnEdit, formErrorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MoneyInput } from "@/components/ui/money-input";

export interface PriceDraft {
  model: string;
  input: string;
  output: string;
  cacheWrite: string;
  cacheRead: string;
}

export const EMPTY_DRAFT: PriceDraft = { model: "", input: "", output: "", cacheWrite: "", cacheRead: "" };

/** The form's words for the API's field names, in refusals. */
const PRICE_LABELS = {
  model: "Model",
  inputUsdPerMTok: "Input",
  outputUsdPerMTok: "Output",
  cacheWriteUsdPerMTok: "Cache write",
  cacheReadUsdPerMTok: "Cache read",
};

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function PriceForm({ draft, onDraft }: { draft: PriceDraft; onDraft: (draft: PriceDraft) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(
    trpc.pricing.upsert.mutationOptions({
      onSuccess: (row) => {
        setSaved(row.model);
        onDraft(EMPTY_DRAFT);
        return queryClient.invalidateQueries(trpc.pricing.list.queryFilter());
      },
    }),
  );
  const input = Number(draft.input);
  const derived = draft.input.trim() !== "" && Number.isFinite(input);
  const field = (key: keyof PriceDraft) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => {
      setSaved(null);
      onDraft({ ...draft, [key]: e.target.value });
    },
    disabled: save.isPending,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const orDerived = (text: string, ratio: number) => (text.trim() === "" && derived ? round(input * ratio) : Number(text));
    save.mutate({
      model: draft.model,
      inputUsdPerMTok: Number(draft.input),
      outputUsdPerMTok: Number(draft.output),
      cacheWriteUsdPerMTok: orDerived(draft.cacheWrite, 1.25),
      cacheReadUsdPerMTok: orDerived(draft.cacheRead, 0.1),
    });
  };

  return (
    <form
      onSubmit={submit}
      onChange={clearAnswerOnEdit(save)}
      className="space-y-3 border-b border-border p-4"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <Label htmlFor={`${id}-model`}>Model</Label>
          <Input id={`${id}-model`} placeholder="claude-sonnet-5" autoComplete="off" required {...field("model")} />
        </div>
        <div>
          <Label htmlFor={`${id}-input`}>Input</Label>
          <MoneyInput id={`${id}-input`} className="w-28" required {...field("input")} />
        </div>
        <div>
          <Label htmlFor={`${id}-output`}>Output</Label>
          <MoneyInput id={`${id}-output`} className="w-28" required {...field("output")} />
        </div>
        <div>
          <Label htmlFor={`${id}-write`}>Cache write</Label>
          <MoneyInput id={`${id}-write`} className="w-28" placeholder={derived ? String(round(input * 1.25)) : "1.25× input"} {...field("cacheWrite")} />
        </div>
        <div>
          <Label htmlFor={`${id}-read`}>Cache read</Label>
          <MoneyInput id={`${id}-read`} className="w-28" placeholder={derived ? String(round(input * 0.1)) : "0.1× input"} {...field("cacheRead")} />
        </div>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save price"}
        </Button>
      </div>
      <p className="text-xs text-muted">Input and output are required; the cache prices, left empty, follow the input price. Saving a model that is already listed replaces its prices.</p>
      {save.error ? <Alert title="The price was not saved">{formErrorMessage(save.error, PRICE_LABELS)}</Alert> : null}
      {saved ? (
        <p className="text-sm text-muted" role="status">
          Saved the prices of {saved}.
        </p>
      ) : null}
    </form>
  );
}
