// Joins conditional class names; falsy entries drop out so variants read as plain expressions.
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
