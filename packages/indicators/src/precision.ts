// Published precision: every decimal figure is rounded to the decimals its declaration
// states, here and only here (the Arrow writer calls it), so that the order in which a
// floating-point sum was taken (threads, files read in another order) cannot show in the
// published bytes. Built twice, national 2023 ETP réalisés came out as 882.746666083138
// and 882.7466660831379: both are published as 882.75.

/**
 * Significant digits a value is first cut to. Float64 sums of millions of terms drift by
 * about 1e-15 to 1e-13 of their value from one summation order to another (measured on the
 * sample: at most 5e-15); 12 digits leave that drift out, so that a value lying exactly on
 * a rounding midpoint (a rate of 1/8 = 0.125 published to 2 decimals) is rounded the same
 * way whatever the order. Only a value within 1e-12 of a midpoint of the 12th digit *and*
 * of a midpoint of the declared decimals could still come out two ways.
 */
export const SIGNIFICANT_DIGITS = 12;

/**
 * `value` rounded to `decimals` decimals, half away from zero (0.125 → 0.13, −0.125 → −0.13),
 * after being cut to {@link SIGNIFICANT_DIGITS} significant digits. The result is the double
 * nearest to that decimal number, so that it prints as such (`String(0.13)` = "0.13");
 * −0 becomes 0 (the two have different bytes). Throws a RangeError on a value that is not
 * finite or a `decimals` that is not an integer between 0 and 20.
 */
export function roundToDecimals(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`roundToDecimals : valeur non finie (${value})`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)
    throw new RangeError(`roundToDecimals : nombre de décimales invalide (${decimals})`);
  if (value === 0) return 0;
  // d.ddddddddddde±x: the value as an integer of 12 digits times a power of ten.
  const [mantissa, exponentText] = Math.abs(value)
    .toExponential(SIGNIFICANT_DIGITS - 1)
    .split("e");
  const digits = BigInt(mantissa!.replace(".", ""));
  const shift = Number(exponentText) - (SIGNIFICANT_DIGITS - 1) + decimals;
  let units: bigint; // the value in units of 10^-decimals
  if (shift >= 0) units = digits * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    units = digits / divisor;
    if (2n * (digits % divisor) >= divisor) units += 1n;
  }
  if (units === 0n) return 0;
  return Number(`${value < 0 ? "-" : ""}${units}e-${decimals}`);
}
