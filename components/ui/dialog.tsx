"use client";
// A modal on the native <dialog>: the browser traps focus, makes the page behind inert, closes on
// Escape and restores focus to what opened it. `open` drives showModal()/close(); every way of
// closing (Escape, the backdrop, a button) reports through onClose so the state stays the owner's.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { cx } from "./class-names";

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  /** The accessible name; shown as the heading unless `hideTitle` (then the content brings its own padding). */
  title: string;
  hideTitle?: boolean;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Where the dialog sits: centred, or near the top as command palettes do. */
  placement?: "center" | "top";
  "data-testid"?: string;
}

export function Dialog({ open, onClose, title, hideTitle = false, description, children, className, placement = "center", "data-testid": testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // React's autoFocus fires while the dialog is still closed; `data-autofocus` marks where to start.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onClose={onClose}
      onCancel={(event) => {
        // Escape: let React's state close it, so `open` and the element never disagree.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, never on its padded content.
        if (event.target === event.currentTarget) onClose();
      }}
      data-testid={testId}
      className={cx(
        "w-[min(100vw-2rem,32rem)] rounded-lg border border-border bg-surface p-0 text-foreground shadow-xl backdrop:bg-black/40",
        placement === "top" ? "mx-auto mt-[12vh]" : "m-auto",
        className,
      )}
    >
      {open ? (
        <div className={hideTitle ? undefined : "p-5"}>
          <h2 id={`${id}-title`} className={hideTitle ? "sr-only" : "text-base font-semibold"}>
            {title}
          </h2>
          {description ? (
            <p id={`${id}-description`} className={hideTitle ? "sr-only" : "mt-1 text-sm text-muted"}>
              {description}
            </p>
          ) : null}
          {hideTitle ? children : <div className="mt-4">{children}</div>}
        </div>
      ) : null}
    </dialog>
  );
}
