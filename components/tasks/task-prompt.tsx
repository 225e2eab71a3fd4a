"use client";
// The prompt as submitted. Long prompts start folded so the plan and log stay in view.
import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";

const FOLD_CHARS = 600;

export function TaskPrompt({ prompt }: { prompt: string }) {
  const long = prompt.length > FOLD_CHARS || prompt.split("\n").length > 8;
  const [open, setOpen] = useState(false);
  return (
    <Card>
      <CardHeader
        title="Prompt"
        actions={
          long ? (
            <button type="button" onClick={() => setOpen(!open)} className="text-xs font-medium text-accent hover:underline" aria-expanded={open}>
              {open ? "Show less" : "Show all"}
            </button>
          ) : null
        }
      />
      <p className={cx("px-4 py-3 text-sm leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere] text-foreground", long && !open && "max-h-40 overflow-hidden [mask-image:linear-gradient(to_bottom,black_70%,transparent)]")}>
        {prompt}
      </p>
    </Card>
  );
}
