import type { CSSProperties } from 'react';

/** Inline CSS custom properties (`--term`, `--columns`...), which React's style type does not list. */
export const cssVars = (vars: Record<`--${string}`, string | number>): CSSProperties => vars as CSSProperties;
