// Cell styles shared by the agent tables so their columns line up.
export const bodyCell = "px-3 py-2.5 whitespace-nowrap text-muted";
export const numberCell = `${bodyCell} text-right tabular-nums`;
