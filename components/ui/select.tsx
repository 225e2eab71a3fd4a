// Native select in the design system's field style; native keeps keyboard and screen readers right.
import type { ComponentProps } from "react";
import { cx } from "./class-names";
import { fieldClassName } from "./field-styles";

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cx(fieldClassName, "h-9 w-auto pr-8", className)} {...props} />;
}
