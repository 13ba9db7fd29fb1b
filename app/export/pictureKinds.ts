/** What the Export menu can draw, and in which format. */
export type Picture = 'cluster' | 'logs';
export type ImageFormat = 'svg' | 'png';
