// Model prices for an agent process: read from PostgreSQL and kept for a short while, so a call
// costs no extra query and an admin's edit applies within seconds. A model without a price costs
// 0 and is reported once per process.
import type { Db } from "../../db/create-prisma";
import type { PriceRates } from "./compute-cost";

export interface PriceBook {
  priceOf(model: string): Promise<PriceRates | null>;
}

export function createPriceBook(db: Pick<Db, "modelPrice">, options: { ttlMs: number; warn?: (message: string) => void }): PriceBook {
  let loaded: { at: number; prices: Map<string, PriceRates> } | null = null;
  const warned = new Set<string>();
  const warn = options.warn ?? ((message: string) => console.warn(message));
  return {
    async priceOf(model) {
      if (!loaded || Date.now() - loaded.at > options.ttlMs) {
        const rows = await db.modelPrice.findMany();
        loaded = { at: Date.now(), prices: new Map(rows.map((row) => [row.model, row])) };
      }
      const price = loaded.prices.get(model) ?? null;
      if (!price && !warned.has(model)) {
        warned.add(model);
        warn(`No price for model "${model}": its calls are recorded at cost 0. Add it on the Pricing page.`);
      }
      return price;
    },
  };
}
