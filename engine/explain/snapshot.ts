/** Explanations of log compaction (§7): snapshots taken, sent, installed and ignored (Figures 12 and 13). */
import { because, plural, type Explanation, type RecordOf } from './explanation.ts';

export function snapshotTaken(r: RecordOf<'snapshotTaken'>): Explanation {
  const why = r.cause === 'command' ? 'as it was told to' : 'its snapshot= threshold was reached';
  return because(
    'snapshot',
    `${r.node} snapshotted its state machine up to index ${r.index} (term ${r.term}), ${why}: ${plural(r.keys, 'key', 'keys')} and the session table, and dropped ${plural(r.dropped, 'entry', 'entries')} from its log`,
    { next: 'Its log now starts after index ' + r.index + '; a follower that needs an earlier entry will be sent the snapshot' },
  );
}

export function snapshotSkipped(r: RecordOf<'snapshotSkipped'>): Explanation {
  return because('snapshot', `${r.node} had applied nothing past its snapshot at index ${r.snapshotIndex}, so there was nothing new to snapshot: a snapshot covers applied entries only`);
}

export function snapshotSent(r: RecordOf<'snapshotSent'>): Explanation {
  const what = r.retry
    ? `${r.node} sent ${r.peer} its snapshot up to index ${r.index} again: no answer came within an election timeout, so this heartbeat resends it`
    : `${r.node} sent ${r.peer} its snapshot up to index ${r.index} (term ${r.term}): ${r.peer} needs the entries from index ${r.next}, and ${r.node} has compacted the entry before them, which the consistency check needs`;
  return because('install-snapshot', what, { next: `Until ${r.peer} answers, ${r.node} sends it only empty heartbeats` });
}

export function snapshotInstalled(r: RecordOf<'snapshotInstalled'>): Explanation {
  const log =
    r.kept > 0
      ? `its log held the snapshot's last entry, so it kept the ${plural(r.kept, 'entry', 'entries')} after it`
      : `it discarded its log${r.discarded > 0 ? ` (${plural(r.discarded, 'entry', 'entries')})` : ''}`;
  return because(
    'install-snapshot',
    `${r.node} installed ${r.leader}'s snapshot up to index ${r.index} (term ${r.term}): ${log}, and its state machine, which had applied up to ${r.lastApplied}, is now the snapshot's`,
    { next: `It applies the committed entries after index ${r.index} as they arrive` },
  );
}

export function snapshotIgnored(r: RecordOf<'snapshotIgnored'>): Explanation {
  return because(
    'install-snapshot',
    `${r.node} ignored ${r.leader}'s snapshot up to index ${r.index}: it had already applied up to ${r.lastApplied}, and installing it would take its state machine back`,
  );
}

export function snapshotAcknowledged(r: RecordOf<'snapshotAcknowledged'>): Explanation {
  return because('install-snapshot', `${r.peer} has ${r.node}'s snapshot: its log matches up to index ${r.match}`, {
    next: `${r.node} sends it AppendEntries from index ${r.match + 1} again`,
  });
}
