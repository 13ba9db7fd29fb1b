import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../engine/config.ts';
import { parseScript } from '../../engine/scenario/parse.ts';
import { emptyRecording, record, recordAll, type Recording } from './recording.ts';

const commands = (text: string) => {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error('does not parse');
  return parsed.script.commands;
};

const SCRIPT = [
  'cluster nodes=3 seed=4 prevote=on',
  'run 10ms',
  'run 20ms',
  'step',
  'step 2',
  'propose leader x',
  'expect safe',
  'crash n2',
  'preset figure7',
  'run 5ms',
  'run 7ms',
].join('\n');

describe('the recording, built in one batch', () => {
  it('is what recording the commands one at a time gives, and so is the recording before the last one', () => {
    const cmds = commands(SCRIPT);
    const oneByOne: Recording[] = [emptyRecording];
    let config = DEFAULT_CONFIG;
    for (const c of cmds) {
      oneByOne.push(record(oneByOne.at(-1)!, c, config));
      if (c.kind === 'cluster') config = c.config;
    }
    const batch = recordAll(emptyRecording, cmds, DEFAULT_CONFIG);
    expect(batch.recording).toEqual(oneByOne.at(-1));
    expect(batch.beforeLast).toEqual(oneByOne.at(-2));
    expect(batch.recording.lines.at(-1)).toBe('run 12ms');
    expect(batch.config).toEqual(config);
  });

  it('never changes a recording it was given or handed out', () => {
    const cmds = commands(SCRIPT);
    const first = recordAll(emptyRecording, cmds.slice(0, 3), DEFAULT_CONFIG);
    const frozen = JSON.stringify(first.recording);
    const before = JSON.stringify(first.beforeLast);
    recordAll(first.recording, cmds.slice(3), first.config);
    recordAll(first.beforeLast, cmds.slice(2), first.configBeforeLast);
    expect(JSON.stringify(first.recording)).toBe(frozen);
    expect(JSON.stringify(first.beforeLast)).toBe(before);
  });
});
