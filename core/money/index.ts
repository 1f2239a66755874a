// Public API of money: amounts in minor units, currencies, named roundings, exact rates.

export { allocate } from "./allocate.ts";
export { add, isNegative, isPositive, isZero, max, min, subtract, sum } from "./arithmetic.ts";
export { type Currency, currencyOf, isKnownCurrency } from "./currency.ts";
export { formatMoney, parseMoney } from "./decimal.ts";
export { assertSameCurrency, type Money, money, moneyIn, zero } from "./money.ts";
export {
  applyRate,
  compareRates,
  formatRate,
  isZeroRate,
  ONE,
  parseRate,
  type Rate,
  rate,
  rateDivide,
  rateMinus,
  ratePlus,
  ratePow,
  rateTimes,
  ZERO_RATE,
} from "./rate.ts";
export {
  ceil,
  down,
  floor,
  halfEven,
  halfUp,
  type Rounding,
  type RoundingName,
  roundings,
} from "./rounding.ts";
