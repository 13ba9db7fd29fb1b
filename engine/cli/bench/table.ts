/** The benchmark report as a readable table: each measure, its figure, its target, and whether it is met. */

interface Row {
  readonly measure: string;
  readonly figure: string;
  readonly target: string;
  readonly met: boolean | null;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a report read back by key

const ms = (x: unknown): string => (typeof x === 'number' ? `${x} ms` : '—');

export function reportRows(r: Json): Row[] {
  const rows: Row[] = [];
  const e = r.engine;
  rows.push({ measure: 'engine: 100 s workload (median wall)', figure: `${ms(e.medianMs)} (${e.eventsPerSecond.toLocaleString('en')} events/s, heap +${e.heapGrowthMB} MB)`, target: '≤ 100 ms', met: e.met });
  const mb = r.membership;
  if (mb !== undefined) {
    const took = mb.changes.map((c: Json) => `${c.asked} ${c.simulatedMs ?? '—'} ms`).join(', ');
    rows.push({
      measure: 'membership: 3 → 5 → 3 servers under the engine workload (median wall, against no change)',
      figure: `${ms(mb.medianMs)} against ${ms(mb.withoutChangesMs)}: ×${mb.ratio} for ×${mb.eventRatio} the events; simulated ${took}`,
      target: '≤ 1.25 × the event ratio',
      met: mb.met,
    });
  }
  const rec = r.recording;
  rows.push({ measure: 'seek in the recording (median / p95)', figure: `${rec.seekMedianMs} / ${rec.seekP95Ms} ms (${rec.recordingHeapMB} MB kept)`, target: '≤ 16 ms median', met: rec.met });
  const g = r.growth;
  for (const p of g.points) {
    rows.push({ measure: `growth: ${p.simSeconds} s simulated`, figure: `engine ${ms(p.engineMs)}, recording ${p.recordingMB} MB (${p.events.toLocaleString('en')} events)`, target: 'linear', met: null });
  }
  for (const st of g.steps) {
    rows.push({
      measure: `growth: cost per simulated second, ${st.from} s → ${st.to} s`,
      figure: `engine ×${st.engine}, recording memory ×${st.recordingMemory}`,
      target: '≈ ×1',
      met: st.engine <= 1.5 && st.recordingMemory <= 1.5,
    });
  }
  const lr = r.longRun;
  if (lr !== undefined) {
    const t = lr.thinned;
    const a = lr.everyCheckpoint;
    rows.push({
      measure: `long session: ${lr.workload.simulatedMinutes} simulated min, 9 nodes (${lr.events.toLocaleString('en')} events), recording kept`,
      figure: `${t.recordingMB} MB, ${t.checkpoints} checkpoints, ${t.MBPerSimMinute} MB/sim min (every checkpoint: ${a.recordingMB} MB, ${a.checkpoints}, ${a.MBPerSimMinute} MB/sim min)`,
      target: 'O(log n) checkpoints',
      met: t.checkpoints < a.checkpoints,
    });
    rows.push({
      measure: 'long session: seek far back (first tenth), median / p95',
      figure: `${t.seekFarBack.medianMs} / ${t.seekFarBack.p95Ms} ms (every checkpoint: ${a.seekFarBack.medianMs} / ${a.seekFarBack.p95Ms} ms)`,
      target: '',
      met: null,
    });
    rows.push({
      measure: 'long session: seek near the head (last tenth), median / p95',
      figure: `${t.seekNearHead.medianMs} / ${t.seekNearHead.p95Ms} ms (every checkpoint: ${a.seekNearHead.medianMs} / ${a.seekNearHead.p95Ms} ms)`,
      target: '≤ 16 ms median',
      met: t.seekNearHead.medianMs <= 16,
    });
  }
  const cl = r.clients;
  if (cl !== undefined) {
    rows.push({
      measure: `engine with ${cl.workload.clients} clients, ${cl.workload.opsPerSecond} ops/s for ${cl.workload.simulatedSeconds} s: run + linearizability check (median)`,
      figure: `${ms(cl.medianMs)} (check ${ms(cl.checkMedianMs)}; ${cl.operations.toLocaleString('en')} ops, ${cl.events.toLocaleString('en')} events) = ×${cl.ratio} the no-client workload run alongside (${ms(cl.noClientMedianMs)})`,
      target: '≤ ×3',
      met: cl.met,
    });
  }
  const k = r.compaction;
  if (k !== undefined) {
    const w = k.workload;
    const at = `${w.clients} clients, ${w.opsPerSecond} ops/s for ${w.simulatedSeconds} s, snapshot=${w.snapshot}`;
    rows.push({
      measure: `log compaction, ${at}: longest log held`,
      figure: `${k.straight.longestLogHeld.toLocaleString('en')} entries (${k.straight.snapshotsTaken} snapshots, ${k.straight.installSnapshotsSent} InstallSnapshot; run ${ms(k.straight.wallMs)}, ${k.straight.events.toLocaleString('en')} events)`,
      target: `about ${w.snapshot.toLocaleString('en')} + in flight`,
      met: k.straight.longestLogHeld <= w.snapshot * 1.2,
    });
    rows.push({
      measure: 'log compaction: recording memory, second half / first half per simulated second',
      figure: `${k.recording.MB} MB, ${k.recording.MBPerSimSecond} MB/s, ×${k.recording.growthRatioSecondHalfToFirst} (${k.recording.checkpoints} checkpoints)`,
      target: 'linear',
      met: k.recording.growthRatioSecondHalfToFirst <= 1.5,
    });
    rows.push({ measure: 'log compaction: seek anywhere (median / p95)', figure: `${k.seek.medianMs} / ${k.seek.p95Ms} ms`, target: '≤ 16 ms median', met: k.seek.medianMs <= 16 });
  }
  const f = r.fuzz;
  rows.push({ measure: 'fuzzer: checked events per second', figure: f.eventsPerSecond.toLocaleString('en'), target: '≥ 200,000', met: f.met });
  const lin = r.linearize;
  if (lin !== undefined) {
    const w = lin.workload;
    rows.push({ measure: `linearizability check, ${w.ops.toLocaleString('en')} ops, ${w.clients} clients, ${w.keys} keys: median`, figure: ms(lin.medianMs), target: '≤ 200 ms', met: lin.met });
  }
  const b = r.browser;
  if ('skipped' in b) rows.push({ measure: 'browser', figure: `skipped: ${b.skipped}`, target: '', met: null });
  else {
    const c = b.cluster9;
    rows.push({
      measure: '9 nodes at 10× under load: frame interval p50 / p95 / max',
      figure: `${c.frameMs.p50} / ${c.frameMs.p95} / ${c.frameMs.max} ms`,
      target: 'p95 ≤ 20 ms',
      met: c.frameMs.p95 <= 20,
    });
    rows.push({ measure: '9 nodes at 10×: long tasks > 50 ms; main thread busy', figure: `${c.longTasks.count} (max ${c.longTasks.maxMs} ms); ${Math.round(c.mainThreadBusy * 100)}%`, target: 'none', met: c.longTasks.count === 0 });
    const l = b.longLog;
    const opening = l.openLongTasks === undefined ? '' : `; long tasks ${l.openLongTasks.count}${l.openLongTasks.count > 0 ? ` (max ${l.openLongTasks.maxMs} ms)` : ''}`;
    rows.push({ measure: `${l.entries.toLocaleString('en')}-entry log: open, first paint`, figure: `${ms(l.openMs)}, ${ms(l.firstPaintMs)}${opening}`, target: '', met: null });
    rows.push({
      measure: `${l.entries.toLocaleString('en')}-entry log: scroll frames p50 / p95 / max; long tasks`,
      figure: `${l.scroll.frameMs.p50} / ${l.scroll.frameMs.p95} / ${l.scroll.frameMs.max} ms; ${l.scroll.longTasks}`,
      target: 'p95 ≤ 20 ms, none',
      met: l.scroll.frameMs.p95 <= 20 && l.scroll.longTasks === 0,
    });
    rows.push({ measure: `${l.entries.toLocaleString('en')}-entry log: playing, frames p50 / p95 / max`, figure: `${l.playFrameMs.p50} / ${l.playFrameMs.p95} / ${l.playFrameMs.max} ms`, target: 'p95 ≤ 20 ms', met: l.playFrameMs.p95 <= 20 });
    rows.push({ measure: 'first drawn cluster (median of fresh loads)', figure: ms(b.firstCluster.medianMs), target: '≤ 1 s', met: b.firstCluster.medianMs <= 1000 });
    const k = b.soak;
    if (k !== undefined) {
      const heap = (h: Json): string => `${h.startMB} → ${h.endMB} MB, ${h.MBPerSimMinute} MB/sim min, an hour at 10×: ${h.hourAt10xMB} MB`;
      rows.push({ measure: `soak, ${k.simulatedMinutes} sim min at 10× (${k.wallSeconds} s): worker heap after GC`, figure: heap(k.worker), target: '< 64 MB in an hour', met: k.worker.hourAt10xMB < 64 });
      rows.push({ measure: 'soak: page heap after GC', figure: heap(k.page), target: '< 32 MB in an hour', met: k.page.hourAt10xMB < 32 });
    }
  }
  const load = r.load;
  if ('skipped' in load) rows.push({ measure: 'initial JS', figure: `skipped: ${load.skipped}`, target: '', met: null });
  else {
    rows.push({ measure: 'initial JS (entry script), gzip / raw', figure: `${load.initialJs.gzipKB} KB / ${load.initialJs.rawKB} KB`, target: '≤ 120 KB gzip', met: load.met });
    rows.push({ measure: 'plus the simulation worker, gzip / raw', figure: `${load.withWorker.gzipKB} KB / ${load.withWorker.rawKB} KB`, target: '', met: null });
  }
  return rows;
}

export function formatTable(r: Json): string {
  const rows = reportRows(r);
  const cells = rows.map((x) => [x.measure, x.figure, x.target, x.met === null ? '' : x.met ? 'yes' : 'NO']);
  const head = ['measure', 'figure', 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  const m = r.machine;
  return [`machine: ${m.cpus} × ${m.model}, Node ${m.node}${r.browser?.chromium ? `, ${r.browser.chromium}` : ''}`, '', line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
