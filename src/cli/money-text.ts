const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** US dollars as the CLI prints them: always two decimals, the sign before the symbol (-$5.67), '-' for none. */
export function moneyText(n: number | null): string {
  return n === null || !Number.isFinite(n) ? '-' : usd.format(n);
}
