/**
 * The setup controls start a new cluster with a `cluster` line: the node count
 * and the seed, and the clients and the read mode chosen beside them.
 */
import { describe, expect, it } from 'vitest';
import { SimClient, type SimClientHandlers } from '../sim/simClient.ts';
import { Session } from '../session/session.ts';
import { newCluster } from '../sim/actions.ts';
import { SNAPSHOT_CHOICES, snapshotChoices } from './snapshotChoices.ts';
import { membersChoice } from './ClusterSetup.tsx';

/** A client with no worker that keeps the lines the session sent. */
class RecordingClient extends SimClient {
  readonly sent: string[] = [];
  constructor(handlers: SimClientHandlers) {
    super(handlers);
  }
  override start(): void {}
  override command(text: string): void {
    this.sent.push(text);
  }
}

function makeSession(): { session: Session; client: RecordingClient } {
  let client: RecordingClient | null = null;
  const session = new Session({ embedded: true, open: (s) => s.openDefault(), client: (h) => (client = new RecordingClient(h)) });
  if (client === null) throw new Error('no client made');
  return { session, client };
}

describe('the cluster setup', () => {
  it('writes the clients and the read mode into the cluster line, leaving out the defaults', () => {
    const { session, client } = makeSession();
    newCluster(session, 5, 3, { clients: 2, reads: 'readindex' });
    newCluster(session, 3, 1, { clients: 9, reads: 'lease' });
    newCluster(session, 3, 1, { clients: 0, reads: 'log' });
    newCluster(session, 4, 1);
    expect(client.sent).toEqual(['cluster nodes=5 seed=3 clients=2 reads=readindex', 'cluster nodes=3 clients=9 reads=lease', 'cluster nodes=3', 'cluster nodes=4']);
  });

  it('writes the snapshot threshold as snapshot=<n>, and nothing when off (§7)', () => {
    const { session, client } = makeSession();
    newCluster(session, 3, 1, { clients: 1, reads: 'log', snapshot: 10 });
    newCluster(session, 3, 1, { clients: 1, reads: 'log', snapshot: null, members: null });
    expect(client.sent).toEqual(['cluster nodes=3 clients=1 snapshot=10', 'cluster nodes=3 clients=1']);
  });

  it("offers the run's own threshold in the menu when a script chose another", () => {
    expect(snapshotChoices(null)).toEqual(SNAPSHOT_CHOICES);
    expect(snapshotChoices(20)).toEqual(SNAPSHOT_CHOICES);
    expect(snapshotChoices(7)).toEqual([5, 7, 10, 20, 50, 100]);
  });

  it('writes the initial members as members=, and drops them when the node count no longer has them (§6)', () => {
    const { session, client } = makeSession();
    newCluster(session, 5, 1, { clients: 0, reads: 'log', members: ['n1', 'n2', 'n3'] });
    newCluster(session, 3, 1, { clients: 0, reads: 'log', members: ['n1', 'n2', 'n3'] });
    newCluster(session, 2, 1, { clients: 0, reads: 'log', members: ['n1', 'n3'] });
    expect(client.sent).toEqual(['cluster nodes=5 members=n1,n2,n3', 'cluster nodes=3', 'cluster nodes=2']);
    expect(membersChoice(null)).toBe('all');
    expect(membersChoice(['n1', 'n2'])).toBe('2');
    expect(membersChoice(['n1', 'n3'])).toBe('custom');
  });
});
