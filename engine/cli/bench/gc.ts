/** A full garbage collection on demand, so heap figures measure what is kept, not what is waiting to be collected. */
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
export const gc = vm.runInNewContext('gc') as () => void;

export const heapUsed = (): number => process.memoryUsage().heapUsed;
