/** 0.1 → "0.1×", 0.0316 → "0.032×", 3.16 → "3.2×": two significant digits, no trailing zeros. */
export const formatSpeed = (speed: number): string => `${Number(speed.toPrecision(2))}×`;
