// Micro-dollars as people read them: cents for dollar amounts, more digits below a dollar so a
// few calls' worth of spend does not show as $0.00.
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

export function formatUsd(micros: bigint | number): string {
  const value = Number(micros) / 1_000_000;
  return (Math.abs(value) >= 1 ? dollars : cents).format(value);
}
