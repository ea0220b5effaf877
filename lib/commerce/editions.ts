/**
 * Numbers of the pieces of a numbered edition: a buyer of the 8th of 20 prints gets "8 / 20" on the
 * order, the invoice and the certificate. Pure; placeOrder calls it with the artwork row locked, so two
 * checkouts never pick the same number.
 */

/**
 * The `count` lowest free numbers of an edition of `editionSize`. `taken` are the numbers of pieces in
 * live orders (awaiting payment or paid); a piece whose payment failed gave its number back.
 * `unnumberedSold` are pieces sold before numbers were recorded: they are taken to hold the lowest
 * free numbers, so a new number never repeats one already sold. Null when the edition has no such
 * numbers left (stock said otherwise: the caller refuses the sale).
 */
export function pickEditionNumbers(
  editionSize: number,
  taken: readonly number[],
  unnumberedSold: number,
  count: number,
): number[] | null {
  const used = new Set(taken);
  let skip = Math.max(0, unnumberedSold);
  const out: number[] = [];
  for (let n = 1; n <= editionSize && out.length < count; n++) {
    if (used.has(n)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    out.push(n);
  }
  return out.length === count ? out : null;
}

/** "8 / 20" */
export function editionLabel(number: number, size: number): string {
  return `${number} / ${size}`;
}
