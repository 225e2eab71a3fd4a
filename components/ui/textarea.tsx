// Multi-line text input in the design system's field style.
import type { ComponentProps } from "react";
import { cx } from "./class-names";
import { fieldClassName } from "./field-styles";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cx(fieldClassName, "min-h-28 py-2 leading-relaxed", className)} {...props} />;
}
