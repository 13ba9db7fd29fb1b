/** Explanations of leader election (§5.2), the election restriction (§5.4.1), terms (§5.1), PreVote and CheckQuorum. */
import { assertNever } from '../assertNever.ts';
import { because, type Explanation, type RecordOf } from './explanation.ts';

export function electionTimeout(r: RecordOf<'electionTimeout'>): Explanation {
  return r.forced
    ? because('election-timeout', `${r.node} was told to campaign at term ${r.term}, as if its election timer had fired`, {
        next: `It starts an election for term ${r.term + 1}, unless it already leads`,
      })
    : because('election-timeout', `${r.node}'s election timer fired at term ${r.term}: it heard from no leader for a whole election timeout`, {
        next: `It starts an election for term ${r.term + 1}`,
      });
}

export function becameCandidate(r: RecordOf<'becameCandidate'>): Explanation {
  return r.pre
    ? because(
        'prevote',
        `${r.node} asked for pre-votes for term ${r.term}, to learn whether a majority would vote for it, without raising its own term`,
        { next: 'Only if a majority says yes does it start a real election', cite: 'PreVote, thesis §9.6' },
      )
    : because('election-timeout', `${r.node} became candidate at term ${r.term}: it voted for itself and asked every other node for its vote`, {
        next: 'It needs votes from a majority to become leader',
      });
}

export function becameLeader(r: RecordOf<'becameLeader'>): Explanation {
  return because('majority-wins', `${r.node} became leader at term ${r.term} with votes from ${r.votes.join(', ')}, a majority`, {
    next: 'It sends AppendEntries to every node at once, then heartbeats, so no one else starts an election',
  });
}

export function becameFollower(r: RecordOf<'becameFollower'>): Explanation {
  const why = r.reason;
  switch (why) {
    case 'higher-term': {
      const cause = `${r.cause} has a higher term, and a node that sees a higher term adopts it`;
      switch (r.was) {
        case 'leader':
          return because('higher-term', `${r.node} stepped down and became follower at term ${r.term}: ${cause}`, {
            next: 'It no longer accepts client requests or sends heartbeats',
          });
        case 'candidate':
          return because('higher-term', `${r.node} gave up its election and became follower at term ${r.term}: ${cause}`);
        case 'follower':
          return because('higher-term', `${r.node} moved to term ${r.term}, still a follower: ${cause}`, {
            next: 'Its vote is free again in the new term',
          });
        default:
          return assertNever(r.was);
      }
    }
    case 'leader-found':
      return because('candidate-yields', `${r.node} became follower at term ${r.term}: ${r.cause} already leads this term (only a term's leader sends AppendEntries or a snapshot)`);
    case 'lost-quorum':
      return because(
        'check-quorum',
        `${r.node} stepped down at term ${r.term}: it heard from no majority within an election timeout, so it may be cut off from the cluster`,
        { next: 'It stops accepting client requests it could never commit', cite: 'CheckQuorum, thesis §6.2' },
      );
    case 'removed':
      return because(
        'removed-leader',
        `${r.node} stepped down at term ${r.term}: the configuration that leaves it out has committed, so it is no longer a voter. Until then it led the cluster without counting itself in the new majorities`,
        { next: 'The remaining voters elect a leader among themselves' },
      );
    default:
      return assertNever(why);
  }
}

export function voteGranted(r: RecordOf<'voteGranted'>): Explanation {
  if (r.logBehind) {
    return because(
      'up-to-date',
      `UNSAFE: ${r.node} granted ${r.preVote ? 'a pre-vote' : 'its vote'} to ${r.candidate} for term ${r.term} although ${r.candidate}'s log is less up-to-date than its own, which the election restriction forbids`,
      { next: `If ${r.candidate} wins, it may overwrite committed entries`, cite: 'unsafe=vote-any-log, §5.4.1' },
    );
  }
  return r.preVote
    ? because(
        'prevote',
        `${r.node} would vote for ${r.candidate} in term ${r.term}: it has not heard from a leader within the minimum election timeout, and ${r.candidate}'s log is up-to-date enough. A pre-vote changes neither its term nor its vote`,
        { cite: 'PreVote, thesis §9.6' },
      )
    : because(
        'one-vote',
        `${r.node} granted its vote to ${r.candidate} for term ${r.term}: it has voted for no one else in this term, and ${r.candidate}'s log is at least as up-to-date as its own`,
        { next: 'It resets its election timer', cite: '§5.2, §5.4.1' },
      );
}

export function voteRefused(r: RecordOf<'voteRefused'>): Explanation {
  const w = r.why;
  switch (w.kind) {
    case 'stale-term':
      return r.preVote
        ? because('prevote', `${r.node} refused a pre-vote to ${r.candidate}: term ${r.term} is not ahead of its own`, { cite: 'PreVote, thesis §9.6' })
        : because('higher-term', `${r.node} refused to vote for ${r.candidate}: ${r.candidate}'s term is behind its own term ${r.term}`, {
            next: `${r.candidate} sees term ${r.term} in the reply and steps down`,
          });
    case 'already-voted':
      return because('one-vote', `${r.node} refused to vote for ${r.candidate}: it already voted for ${w.votedFor} in term ${r.term}`, {
        next: 'If no candidate gets a majority, the vote is split and a new election follows',
      });
    case 'has-leader':
      if (!r.preVote) {
        // Only with CheckQuorum or reads=lease (like etcd, which does it with CheckQuorum):
        // a real vote request within the lease is ignored, term and all. The record does
        // not say which of the two asked for it, so the words cover both.
        const why =
          w.leader === r.node
            ? 'it is the leader'
            : `it heard from leader ${w.leader} ${w.ago} ms ago, less than the minimum election timeout ${w.minElectionTimeout} ms`;
        return because(
          'disruptive-servers',
          `${r.node} ignored ${r.candidate}'s request for votes for a term above its own ${r.term}: ${why}, so it neither adopts the term nor votes. ` +
            'A server that no longer hears from the leader, such as one removed from the configuration, cannot disrupt a working cluster this way; leader leases rest on the same rule',
          { cite: '§6, thesis §4.2.3, §6.4' },
        );
      }
      return because(
        'prevote',
        w.leader === r.node
          ? `${r.node} refused a pre-vote to ${r.candidate}: it is the leader, so it sees no reason for an election`
          : `${r.node} refused a pre-vote to ${r.candidate}: it heard from leader ${w.leader} ${w.ago} ms ago, less than the minimum election timeout ${w.minElectionTimeout} ms, so it believes the leader is alive and sees no reason for an election`,
        { cite: 'PreVote, thesis §9.6' },
      );
    case 'log-behind': {
      const refused = r.preVote ? `refused a pre-vote to` : 'refused to vote for';
      const compare =
        w.theirs.lastTerm !== w.mine.lastTerm
          ? `last term ${w.theirs.lastTerm} < ${w.mine.lastTerm}`
          : `same last term ${w.mine.lastTerm}, but it ends at ${w.theirs.lastIndex} < ${w.mine.lastIndex}`;
      return because('up-to-date', `${r.node} ${refused} ${r.candidate}: ${r.candidate}'s log is less up-to-date (${compare})`);
    }
    case 'not-voter':
      return because('voters-only', `${r.node} did not vote for ${r.candidate}: it is not a voter of the configuration it uses`);
    case 'restarted':
      return because('lease-read', `${r.node} ignored ${r.candidate}'s request for votes: it restarted ${w.ago} ms ago, less than the minimum election timeout ${w.minElectionTimeout} ms, and may have helped confirm a leader's lease it no longer remembers; it votes again once that time is up`, {
        cite: 'thesis §6.4',
      });
    default:
      return assertNever(w);
  }
}

/**
 * A node that did not campaign: one outside the voters of its configuration never
 * does (§6); under reads=lease, one told to held back, as an election now could cut
 * a live leader's lease short (thesis §6.4).
 */
export function campaignRefused(r: RecordOf<'campaignRefused'>): Explanation {
  const w = r.why;
  if (w.kind === 'not-voter') {
    return because(
      'voters-only',
      `${r.node} started no election: it is not a voter of the configuration it uses (a learner, or outside the configuration), so it could not win, and campaigning would only disrupt the cluster`,
      { next: 'It stays a follower, and campaigns only once a configuration makes it a voter' },
    );
  }
  const reason =
    w.kind === 'has-leader'
      ? `it heard from leader ${w.leader} ${w.ago} ms ago, less than the minimum election timeout ${w.minElectionTimeout} ms`
      : w.kind === 'restarted'
        ? `it restarted ${w.ago} ms ago, less than the minimum election timeout ${w.minElectionTimeout} ms`
        : 'a leader may still hold a lease';
  return because('lease-read', `${r.node} was told to campaign but did not: ${reason}, and leader leases rest on no election starting that soon`, {
    next: 'Its election timer starts again',
    cite: 'thesis §6.4',
  });
}

export function voteCounted(r: RecordOf<'voteCounted'>): Explanation {
  const what = r.preVote ? (r.granted ? 'a pre-vote' : 'a pre-vote refusal') : r.granted ? 'a vote' : 'a refusal';
  const tally = `${r.node} got ${what} from ${r.voter} for term ${r.term} (${r.votes} of ${r.needed} needed)`;
  const won = r.granted && r.votes >= r.needed;
  if (r.preVote) {
    return because('prevote', tally, {
      cite: 'PreVote, thesis §9.6',
      ...(won ? { next: `A majority would vote for it: it starts a real election at term ${r.term}` } : {}),
    });
  }
  return because('majority-wins', tally, won ? { next: 'That is a majority: it becomes leader' } : {});
}

export function voteIgnored(r: RecordOf<'voteIgnored'>): Explanation {
  const what = `${r.voter}'s ${r.granted ? 'vote' : 'refusal'} for term ${r.term} reached ${r.node} too late to matter`;
  return r.role === 'leader'
    ? because('majority-wins', `${what}: ${r.node} already leads term ${r.term}, since a majority was enough`)
    : because('majority-wins', `${what}: ${r.node} is no longer a candidate (it stepped down), so votes count for nothing now`);
}

export function quorumChecked(r: RecordOf<'quorumChecked'>): Explanation {
  const cite = 'CheckQuorum, thesis §6.2';
  return r.heard >= r.needed
    ? because('check-quorum', `${r.node} checked its quorum: ${r.heard} nodes, itself included, answered since the last check, and ${r.needed} are needed`, {
        next: 'It stays leader',
        cite,
      })
    : because('check-quorum', `${r.node} checked its quorum: only ${r.heard} answered since the last check, itself included, and ${r.needed} are needed`, {
        next: 'It steps down',
        cite,
      });
}
