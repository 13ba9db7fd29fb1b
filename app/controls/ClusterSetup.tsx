/** A new cluster (node count and seed), or one of the paper's presets. */
import { useState } from 'react';
import { LIMITS } from '../../engine/config.ts';
import { useStore } from '../store/store.ts';
import { selectConfig } from '../store/selectors.ts';
import { loadPreset, newCluster } from '../sim/actions.ts';

const COUNTS = Array.from({ length: LIMITS.maxNodes - LIMITS.minNodes + 1 }, (_, i) => i + LIMITS.minNodes);

const toSeed = (text: string): number => Math.min(LIMITS.maxSeed, Math.max(0, Math.floor(Number(text) || 0)));

export function ClusterSetup() {
  const config = useStore(selectConfig);
  return (
    <div className="control-group setup">
      <label title="How many servers (1 to 9): starts a new cluster">
        <span className="control-label">Nodes</span>
        <select data-testid="node-count" value={config.nodes} onChange={(e) => newCluster(Number(e.target.value), config.seed)}>
          {COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {/* Remounted when the cluster's seed changes, so the field shows the seed in force. */}
      <SeedForm key={config.seed} nodes={config.nodes} seed={config.seed} />
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

function SeedForm({ nodes, seed }: { nodes: number; seed: number }) {
  const [text, setText] = useState(String(seed));
  return (
    <form
      className="seed-form"
      onSubmit={(e) => {
        e.preventDefault();
        newCluster(nodes, toSeed(text));
      }}
    >
      <label title="The random seed: the same seed and the same actions give the same run">
        <span className="control-label">Seed</span>
        <input data-testid="seed" type="number" min={0} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button data-testid="new-cluster" type="submit" title="Start a new cluster with this many nodes and this seed">
        New cluster
      </button>
    </form>
  );
}
