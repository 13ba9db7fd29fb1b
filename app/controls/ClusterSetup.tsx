/** A new cluster (node count and seed), or one of the paper's presets. */
import { useState } from 'react';
import { LIMITS } from '../../engine/config.ts';
import { useStore } from '../store/store.ts';
import { selectConfig } from '../store/selectors.ts';
import { loadPreset, newCluster } from '../sim/actions.ts';

const COUNTS = Array.from({ length: LIMITS.maxNodes - LIMITS.minNodes + 1 }, (_, i) => i + LIMITS.minNodes);

export function ClusterSetup() {
  const config = useStore(selectConfig);
  const [nodes, setNodes] = useState(config.nodes);
  const [seed, setSeed] = useState(String(config.seed));
  const seedValue = Math.min(LIMITS.maxSeed, Math.max(0, Math.floor(Number(seed) || 0)));
  return (
    <div className="control-group setup">
      <label title="How many servers (1 to 9)">
        <span className="control-label">Nodes</span>
        <select
          data-testid="node-count"
          value={nodes}
          onChange={(e) => {
            const n = Number(e.target.value);
            setNodes(n);
            newCluster(n, seedValue);
          }}
        >
          {COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <form
        className="seed-form"
        onSubmit={(e) => {
          e.preventDefault();
          newCluster(nodes, seedValue);
        }}
      >
        <label title="The random seed: the same seed and actions give the same run">
          <span className="control-label">Seed</span>
          <input data-testid="seed" type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
        <button data-testid="new-cluster" type="submit" title="Start a new cluster with this many nodes and this seed">
          New cluster
        </button>
      </form>
      <span className="presets" role="group" aria-label="Presets">
        <button data-testid="preset-figure7" onClick={() => loadPreset('figure7')} title="The Raft paper's Figure 7: a new leader meets six divergent followers">
          Figure 7
        </button>
        <button data-testid="preset-figure7-etcd" onClick={() => loadPreset('figure7-etcd')} title="Figure 7 as etcd's probe_and_replicate test builds it (n5 differs)">
          Figure 7 (etcd)
        </button>
      </span>
    </div>
  );
}
