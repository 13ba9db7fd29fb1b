/**
 * What the hover explanations read: the parts of the page's simulation data that
 * say why a node, an entry or a message is as it is. A slice of the store, so
 * the explanations are pure functions of it and easy to test.
 */
import type { SimData } from '../store/mergeSnapshot.ts';

export type WhyWorld = Pick<SimData, 'ids' | 'nodes' | 'logs' | 'leader' | 'messages' | 'cuts' | 'config' | 'violations' | 'snapshots' | 'machines'>;
