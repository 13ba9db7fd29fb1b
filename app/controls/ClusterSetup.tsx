/** A new cluster (node count and seed), or one of the paper's presets. */
import { useState } from 'react';
import { LIMITS } from '../../engine/config.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectConfig } from '../store/selectors.ts';
import { loadPreset, newCluster } from '../sim/actions.ts';
import { readSeed } from './seedText.ts';
import { useSession } from '../session/useSession.ts';

const COUNTS = Array.from({ length: LIMITS.maxNodes - LIMITS.minNodes + 1 }, (_, i) => i + LIMITS.minNodes);

export function ClusterSetup() {
  const session = useSession();
  const config = useAppStore(selectConfig);
  return (
    <div className="control-group setup">
      <label title="How many servers (1 to 9): starts a new cluster">
        <span className="control-label">Nodes</span>
        <select data-testid="node-count" value={config.nodes} onChange={(e) => newCluster(session, Number(e.target.value), config.seed)}>
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
        <button data-testid="preset-figure7" onClick={() => loadPreset(session, 'figure7')} title="The Raft paper's Figure 7: a new leader meets six divergent followers">
          Figure 7
        </button>
        <button data-testid="preset-figure7-etcd" onClick={() => loadPreset(session, 'figure7-etcd')} title="Figure 7 as etcd's probe_and_replicate test builds it (n5 differs)">
          Figure 7 (etcd)
        </button>
      </span>
    </div>
  );
}

function SeedForm({ nodes, seed }: { nodes: number; seed: number }) {
  const session = useSession();
  const [text, setText] = useState(String(seed));
  const [refused, setRefused] = useState(false);
  return (
    <form
      className="seed-form"
      // The seed is checked here, with the page's own message (the error banner), not the browser's passing bubble.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const r = readSeed(text);
        setRefused(!r.ok);
        // Refused: the cluster stays as it is, and the text stays in the field to be fixed.
        if (!r.ok) session.store.getState().reportError({ line: 0, col: 0, text: `seed ${text}`, message: r.message });
        else newCluster(session, nodes, r.seed);
      }}
    >
      <label title="The random seed: the same seed and the same actions give the same run">
        <span className="control-label">Seed</span>
        <input
          data-testid="seed"
          type="number"
          min={0}
          max={LIMITS.maxSeed}
          step={1}
          value={text}
          aria-invalid={refused}
          onChange={(e) => {
            setText(e.target.value);
            setRefused(false);
          }}
        />
      </label>
      <button data-testid="new-cluster" type="submit" title="Start a new cluster with this many nodes and this seed">
        New cluster
      </button>
    </form>
  );
}
