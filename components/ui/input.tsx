// Single-line text input in the design system's field style.
import type { ComponentProps } from "react";
import { cx } from "./class-names";
import { fieldClassName } from "./field-styles";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cx(fieldClassName, "h-9", className)} {...props} />;
}
