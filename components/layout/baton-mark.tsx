// The product mark: a square "B" and the name.
export function BatonMark() {
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent text-sm font-bold text-accent-foreground">
        B
      </span>
      <span className="text-base font-semibold tracking-tight">Baton</span>
    </span>
  );
}
