// Dollar amounts in forms: the text an input shows for a stored micro-dollar value, and back.
// An empty field means "none" where a value is optional.
import { microsToUsd } from "@/server/services/costs/compute-cost";

export const usdText = (micros: bigint | null) => (micros === null ? "" : String(microsToUsd(micros)));

export const usdOrNull = (text: string): number | null => (text.trim() === "" ? null : Number(text));
