// A dollar amount field: numeric keyboard on phones, no negative values, any number of decimals.
import type { ComponentProps } from "react";
import { Input } from "./input";

export function MoneyInput(props: Omit<ComponentProps<"input">, "type">) {
  return <Input type="number" inputMode="decimal" min="0" step="any" {...props} />;
}
