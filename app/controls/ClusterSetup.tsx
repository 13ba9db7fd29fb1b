/**
 * A new cluster (node count, seed, clients, how reads are served, and how often
 * nodes snapshot), or one of
 * the paper's presets. Every change starts a new cluster with a `cluster` line.
 */
import { useState } from 'react';
import { LIMITS } from '../../engine/config.ts';
import { snapshotChoices } from './snapshotChoices.ts';
import { READ_MODES, type ReadMode } from '../../engine/types.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectConfig } from '../store/selectors.ts';
import { loadPreset, newCluster, type ClientSetup } from '../sim/actions.ts';
import { readSeed } from './seedText.ts';
import { useSession } from '../session/useSession.ts';

const COUNTS = Array.from({ length: LIMITS.maxNodes - LIMITS.minNodes + 1 }, (_, i) => i + LIMITS.minNodes);
const CLIENT_COUNTS = Array.from({ length: LIMITS.maxClients + 1 }, (_, i) => i);

/** Each read mode as the menu names it, and what it does (thesis §6.4). */
const READ_HELP: Record<ReadMode, { label: string; help: string }> = {
  log: { label: 'through the log', help: 'A get is appended and committed like any command: linearizable, at the cost of a log entry' },
  readindex: { label: 'ReadIndex', help: 'The leader confirms with a heartbeat round that it still leads, then answers from its state machine (thesis §6.4)' },
  lease: { label: 'lease', help: 'The leader answers at once while a majority acknowledged it recently enough; voters refuse elections meanwhile (thesis §6.4.1)' },
};

export function ClusterSetup() {
  const session = useSession();
  const config = useAppStore(selectConfig);
  const setup: ClientSetup = { clients: config.clients, reads: config.raft.reads, snapshot: config.raft.snapshot, members: config.members };
  const firstK = membersChoice(config.members);
  return (
    <div className="control-group setup">
      <label title="How many servers (1 to 9): starts a new cluster">
        <span className="control-label">Nodes</span>
        <select data-testid="node-count" value={config.nodes} onChange={(e) => newCluster(session, Number(e.target.value), config.seed, setup)}>
          {COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label title="How many clients (0 to 9) send requests to the cluster (§8): starts a new cluster">
        <span className="control-label">Clients</span>
        <select
          data-testid="setup-clients"
          value={config.clients}
          onChange={(e) => newCluster(session, config.nodes, config.seed, { ...setup, clients: Number(e.target.value) })}
        >
          {CLIENT_COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label title={`How a leader answers a read: ${READ_HELP[config.raft.reads].help}. Starts a new cluster`}>
        <span className="control-label">Reads</span>
        <select
          data-testid="read-mode"
          value={config.raft.reads}
          onChange={(e) => newCluster(session, config.nodes, config.seed, { ...setup, reads: e.target.value as ReadMode })}
        >
          {READ_MODES.map((m) => (
            <option key={m} value={m} title={READ_HELP[m].help}>
              {READ_HELP[m].label}
            </option>
          ))}
        </select>
      </label>
      <label title="Log compaction (§7): each node snapshots its state machine once it has applied this many entries past its last snapshot, and drops its log up to there. Starts a new cluster">
        <span className="control-label">Snapshots</span>
        <select
          data-testid="setup-snapshot"
          value={config.raft.snapshot ?? 'off'}
          onChange={(e) => newCluster(session, config.nodes, config.seed, { ...setup, snapshot: e.target.value === 'off' ? null : Number(e.target.value) })}
        >
          <option value="off">off</option>
          {snapshotChoices(config.raft.snapshot).map((n) => (
            <option key={n} value={n}>
              every {n}
            </option>
          ))}
        </select>
      </label>
      <label title="Membership (§6): how many of the nodes start in the configuration; the others exist outside it, to be added (click one, then Add to the cluster). Starts a new cluster">
        <span className="control-label">Members</span>
        <select
          data-testid="setup-members"
          value={firstK}
          onChange={(e) =>
            newCluster(session, config.nodes, config.seed, { ...setup, members: e.target.value === 'all' ? null : nodeIds(Number(e.target.value)) })
          }
        >
          <option value="all">all</option>
          {firstK === 'custom' && <option value="custom">{config.members?.join(',')}</option>}
          {Array.from({ length: config.nodes - 1 }, (_, i) => i + 1).map((k) => (
            <option key={k} value={k}>
              {k === 1 ? 'n1 only' : `n1–n${k}`} of {config.nodes}
            </option>
          ))}
        </select>
      </label>
      {/* Remounted when the cluster's seed changes, so the field shows the seed in force. */}
      <SeedForm key={config.seed} nodes={config.nodes} seed={config.seed} setup={setup} />
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

function SeedForm({ nodes, seed, setup }: { nodes: number; seed: number; setup: ClientSetup }) {
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
        else newCluster(session, nodes, r.seed, setup);
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
      <button data-testid="new-cluster" type="submit" title="Start a new cluster with these nodes, clients, read mode and seed">
        New cluster
      </button>
    </form>
  );
}

const nodeIds = (k: number): string[] => Array.from({ length: k }, (_, i) => `n${i + 1}`);

/** The menu's value for the members in force: `all`, k for n1..nk, or `custom` for any other set a script chose. */
export function membersChoice(members: readonly string[] | null): string {
  if (members === null) return 'all';
  return members.every((id, i) => id === `n${i + 1}`) ? String(members.length) : 'custom';
}
