/**
 * The cluster: nodes on a ring, a link between every pair, and the messages in
 * flight on them. Clients (§8), when the run has any, sit in a row under the
 * ring, each linked to every node, the link to the node it believes leads drawn
 * as a dashed pointer.
 *
 * Membership (§6): the ring holds the servers of the configuration drawn (the
 * leader's; shownConfig.ts), learners included; the servers outside it sit
 * apart in a band under the ring. During joint consensus an outline goes
 * around each half, C_old and C_new (JointHulls).
 */
import { useMemo } from 'react';
import { linkKey } from '../../engine/sim/cluster.ts';
import { apartRow, clientRow, ringLayout, VIEW_HEIGHT, VIEW_WIDTH, viewHeight } from '../geometry/clusterLayout.ts';
import { allPairs } from '../geometry/linkGeometry.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { selectClientIds, selectCuts, selectIds, selectLeaderGuesses, selectSelection, selectShownConfig } from '../store/selectors.ts';
import { ringMembers } from '../membership/shownConfig.ts';
import { JointHulls } from './JointHulls.tsx';
import { ClientGlyph } from './ClientGlyph.tsx';
import { LinkLine } from './LinkLine.tsx';
import { MessageLayer } from './MessageLayer.tsx';
import { NodeGlyph } from './NodeGlyph.tsx';
import { useClusterPainter } from './useClusterPainter.ts';
import { useRovingFocus } from './useRovingFocus.ts';
import './clients.css';

export function ClusterView() {
  const ids = useAppStore(selectIds);
  const clientIds = useAppStore(selectClientIds);
  const cuts = useAppStore(selectCuts);
  const selection = useAppStore(selectSelection);
  const guesses = useAppStore(selectLeaderGuesses);
  const shown = useAppStore(selectShownConfig);
  // A primitive, so the layout is rebuilt only when who is on the ring changes, not at every election.
  const ringKey = ringMembers(ids, shown).join(',');
  const layout = useMemo(() => {
    const ring = ringKey === '' ? [] : ringKey.split(',');
    const apart = ids.filter((id) => !ring.includes(id));
    return { ...ringLayout(ring), ...apartRow(apart), ...clientRow(clientIds, apart.length) };
  }, [ids, ringKey, clientIds]);
  const ring = useMemo(() => new Set(ringKey === '' ? [] : ringKey.split(',')), [ringKey]);
  const apartCount = ids.length - ring.size;
  // Node pairs first, then each node with each client: linkKey order (a node before a client).
  const pairs = useMemo(() => [...allPairs(ids), ...ids.flatMap((n) => clientIds.map((c): [string, string] => [n, c]))], [ids, clientIds]);
  const guessed = useMemo(() => {
    const out = new Set<string>();
    guesses.split(',').forEach((g, i) => {
      if (g !== '' && clientIds[i] !== undefined) out.add(linkKey(g, clientIds[i]));
    });
    return out;
  }, [guesses, clientIds]);
  const painter = useClusterPainter(layout);
  const linkKeys = useMemo(() => pairs.map(([a, b]) => `${a}-${b}`), [pairs]);
  const links = useRovingFocus(linkKeys);
  const selectedNode = selection?.kind === 'node' ? selection.id : null;
  const selectedClient = selection?.kind === 'client' ? selection.id : null;
  return (
    <svg
      className="cluster-svg"
      viewBox={`0 0 ${VIEW_WIDTH} ${viewHeight(clientIds.length, apartCount)}`}
      role="group"
      aria-label={`The cluster: click a node (or Enter on it) for its actions, a link to cut it${clientIds.length > 0 ? ', a client to give it an operation' : ''}`}
    >
      {shown !== null && shown.config.outgoing.length > 0 && <JointHulls config={shown.config} layout={layout} />}
      {apartCount > 0 && <ApartLabel count={apartCount} />}
      <g className="links" role="group" aria-label="Links: arrow keys move between them, Enter cuts or restores one" {...links.groupProps}>
        {pairs.map(([a, b]) => {
          const key = `${a}-${b}`;
          return (
            <LinkLine
              key={key}
              a={a}
              b={b}
              from={layout[a]}
              to={layout[b]}
              cut={cuts.has(key)}
              tabStop={links.stop === key}
              kind={b.startsWith('c') ? (guessed.has(key) ? 'guess' : 'client') : 'node'}
              apart={!ring.has(a) || (!b.startsWith('c') && !ring.has(b))}
            />
          );
        })}
      </g>
      <MessageLayer layout={layout} painter={painter} />
      <g className="nodes">
        {ids.map((id) => (
          <NodeGlyph key={id} id={id} place={layout[id]} painter={painter} selected={id === selectedNode} clusterSize={ids.length} />
        ))}
      </g>
      {clientIds.length > 0 && (
        <g className={clientIds.length > 5 ? 'clients crowded' : 'clients'} role="group" aria-label="Clients: click one (or Enter) to see its request and give it an operation">
          {clientIds.map((id) => (
            <ClientGlyph key={id} id={id} place={layout[id]} painter={painter} selected={id === selectedClient} />
          ))}
        </g>
      )}
    </svg>
  );
}

/** The band of servers outside the configuration is named, so its greyed nodes read as "not members", not as crashed. */
function ApartLabel({ count }: { count: number }) {
  return (
    <text className="apart-label" x={VIEW_WIDTH / 2} y={VIEW_HEIGHT}>
      {count === 1 ? 'Not a member of the configuration (§6):' : 'Not members of the configuration (§6):'}
    </text>
  );
}
