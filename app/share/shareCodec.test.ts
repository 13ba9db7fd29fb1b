import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { inflate } from './boundedInflate.ts';
import { decodeShare, describeShareError, encodeShare, MAX_FRAGMENT_CHARS, MAX_SCRIPT_CHARS, type Decoded, type SharedRun } from './shareCodec.ts';

/** mulberry32: a fixed-seed PRNG, so every run of these tests tries the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const run: SharedRun = {
  script: 'cluster nodes=5 seed=7\nrun 412ms\ncrash n3\ncut n1 n2\npropose leader "a value with spaces"\nstep 3',
  cursor: { time: 412, event: 180 },
};

const fragmentOf = (r: SharedRun): string => {
  const e = encodeShare(r);
  if (!e.ok) throw new Error(`cannot encode: ${JSON.stringify(e.error)}`);
  return e.fragment;
};

/** Writes codes as lz-string does, to build inputs its compressor never makes. */
function writeCodes(codes: readonly { value: number; bits: number }[]): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  let out = '';
  let acc = 0;
  let n = 0;
  for (const { value, bits } of codes) {
    for (let i = 0; i < bits; i++) {
      acc = (acc << 1) | ((value >> i) & 1);
      if (++n === 6) {
        out += ALPHABET[acc];
        acc = 0;
        n = 0;
      }
    }
  }
  if (n > 0) out += ALPHABET[acc << (6 - n)];
  return out;
}

describe('share links', () => {
  it('round-trips a run', () => {
    const f = fragmentOf(run);
    expect(f).toMatch(/^v1\.[A-Za-z0-9+\-$]+$/);
    expect(decodeShare(f)).toEqual({ ok: true, run });
    expect(decodeShare(`#${f}`)).toEqual({ ok: true, run });
  });

  it('round-trips unusual text: non-Latin characters, quotes, an empty script', () => {
    for (const script of ['propose n1 "ünïcødé ✓ 漢字 😀"\n"\\"', '', 'x'.repeat(10_000)]) {
      expect(decodeShare(fragmentOf({ script, cursor: { time: 0, event: 0 } }))).toEqual({ ok: true, run: { script, cursor: { time: 0, event: 0 } } });
    }
  });

  it('survives percent-encoding and spaces for pluses, as chat apps mangle links', () => {
    const f = fragmentOf(run);
    expect(decodeShare(encodeURIComponent(f))).toEqual({ ok: true, run });
    expect(decodeShare(f.replace(/\+/g, ' '))).toEqual({ ok: true, run });
  });

  it('reads the version before anything else', () => {
    const data = fragmentOf(run).slice(3);
    expect(decodeShare(`v2.${data}`)).toEqual({ ok: false, error: { kind: 'future-version', version: 2 } });
    expect(decodeShare(`v99.garbage!`)).toEqual({ ok: false, error: { kind: 'future-version', version: 99 } });
    for (const bad of ['v0.' + data, 'v01.' + data, 'V1.' + data, 'v1' + data, data, 'v.' + data, 'v1e3.' + data]) {
      expect(decodeShare(bad), bad.slice(0, 8)).toEqual({ ok: false, error: { kind: 'not-a-link' } });
    }
  });

  it('turns down bad input with a typed error', () => {
    const f = fragmentOf(run);
    expect(decodeShare('')).toEqual({ ok: false, error: { kind: 'not-a-link' } });
    expect(decodeShare('#top')).toEqual({ ok: false, error: { kind: 'not-a-link' } });
    expect(decodeShare('v1.')).toMatchObject({ ok: false, error: { kind: 'damaged' } });
    expect(decodeShare('v1.abc!def')).toMatchObject({ ok: false, error: { kind: 'damaged', detail: 'a character that cannot be in a link' } });
    expect(decodeShare('v1.%E0%A4%A')).toMatchObject({ ok: false, error: { kind: 'damaged', detail: 'bad percent-encoding' } });
    // (The last character may hold only padding after the end mark: losing it loses nothing.)
    for (const cut of [5, 20, f.length - 4]) expect(decodeShare(f.slice(0, cut)), `cut at ${cut}`).toMatchObject({ ok: false, error: { kind: 'damaged' } });
  });

  it('checks every field of the decoded run (a forged link)', () => {
    const forged = (payload: string): Decoded => decodeShare(`v1.${compressToEncodedURIComponent(payload)}`);
    expect(forged('not json')).toMatchObject({ ok: false, error: { kind: 'damaged', detail: 'the data is not valid' } });
    expect(forged('[1,2]')).toMatchObject({ ok: false, error: { kind: 'damaged', detail: 'no script in it' } });
    expect(forged('null')).toMatchObject({ ok: false, error: { kind: 'damaged', detail: 'no run in it' } });
    expect(forged('{"script":5,"cursor":{"time":0,"event":0}}')).toMatchObject({ ok: false, error: { detail: 'no script in it' } });
    expect(forged('{"script":"run 1s"}')).toMatchObject({ ok: false, error: { detail: 'no cursor in it' } });
    for (const cursor of ['{"time":-1,"event":0}', '{"time":1.5,"event":0}', '{"time":"1","event":0}', '{"time":0}', '{"time":0,"event":1e300}']) {
      expect(forged(`{"script":"x","cursor":${cursor}}`), cursor).toMatchObject({ ok: false, error: { detail: 'a bad cursor' } });
    }
    // Unknown fields are ignored: a later v1 writer may add some.
    expect(forged('{"script":"x","cursor":{"time":1,"event":2},"note":"hi"}')).toEqual({ ok: true, run: { script: 'x', cursor: { time: 1, event: 2 } } });
  });

  it('caps the script and the link', () => {
    expect(encodeShare({ script: 'a'.repeat(MAX_SCRIPT_CHARS + 1), cursor: { time: 0, event: 0 } })).toEqual({ ok: false, error: { kind: 'too-large', what: 'script' } });
    expect(decodeShare(`v1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`)).toEqual({ ok: false, error: { kind: 'too-large', what: 'link' } });
    // A script over the cap that compresses to a short link.
    const big = `v1.${compressToEncodedURIComponent(JSON.stringify({ script: 'run 1s\n'.repeat(MAX_SCRIPT_CHARS / 7 + 1), cursor: { time: 0, event: 0 } }))}`;
    expect(big.length).toBeLessThan(50_000);
    // (No time limit here: most of this test's time is compressing the big script, and a shared machine makes any limit flaky.)
    expect(decodeShare(big)).toEqual({ ok: false, error: { kind: 'too-large', what: 'script' } });
  });

  it('stops a decompression bomb at the cap, quickly', () => {
    // One literal, then 40,000 codes that each name the entry being made
    // (w + w[0]): entries of length 2, 3, 4, ... about 800 million characters
    // in all, from a link of about 80 kB.
    const codes: { value: number; bits: number }[] = [{ value: 0, bits: 2 }, { value: 97, bits: 8 }];
    let dictSize = 4;
    let numBits = 3;
    let enlargeIn = 4;
    for (let i = 0; i < 40_000; i++) {
      codes.push({ value: dictSize, bits: numBits });
      dictSize++;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    }
    codes.push({ value: 2, bits: numBits });
    const bomb = writeCodes(codes);
    expect(bomb.length).toBeLessThan(100_000);
    // The same input decompresses the same way with both, while it is small.
    const small = writeCodes([...codes.slice(0, 50), { value: 2, bits: 8 }]);
    const reference = decompressFromEncodedURIComponent(small);
    expect(reference.length).toBeGreaterThan(1000);
    expect(inflate(small, 1e9)).toEqual({ ok: true, text: reference });

    const start = performance.now();
    expect(decodeShare(`v1.${bomb}`)).toEqual({ ok: false, error: { kind: 'too-large', what: 'script' } });
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('decompresses exactly as lz-string does, on what lz-string compresses', () => {
    const random = rng(7);
    const pieces = ['run ', 'step ', 'crash n', 'propose leader v', '\n', 'ms', ' ', 'é', '漢', '😀', '"', '\\'];
    for (let i = 0; i < 300; i++) {
      let s = '';
      const n = Math.floor(random() ** 2 * 400);
      for (let j = 0; j < n; j++) s += random() < 0.7 ? pieces[Math.floor(random() * pieces.length)] : String(Math.floor(random() * 1000));
      const c = compressToEncodedURIComponent(s);
      expect(inflate(c, 1e6)).toEqual({ ok: true, text: s });
    }
  });

  it('never throws: thousands of random and mutated fragments give a run or a typed error', () => {
    const random = rng(20240611);
    const pick = <T,>(xs: ArrayLike<T>): T => xs[Math.floor(random() * xs.length)];
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    const junk = ALPHABET + '%#!. ~/\\"\'{}[]:,é漢😀\u0000\n';
    const valid = [fragmentOf(run), fragmentOf({ script: 'preset figure7\ncampaign n1\nstabilize', cursor: { time: 30, event: 12 } })];
    const mutate = (f: string): string => {
      const i = Math.floor(random() * (f.length + 1));
      switch (Math.floor(random() * 6)) {
        case 0: // change one character
          return f.slice(0, i) + pick(ALPHABET) + f.slice(i + 1);
        case 1: // delete a run of characters
          return f.slice(0, i) + f.slice(i + 1 + Math.floor(random() * 8));
        case 2: // insert junk
          return f.slice(0, i) + pick(junk) + f.slice(i);
        case 3: // truncate
          return f.slice(0, i);
        case 4: // repeat a piece
          return f.slice(0, i) + f.slice(i, i + 20).repeat(1 + Math.floor(random() * 5)) + f.slice(i);
        default: // another version
          return `v${Math.floor(random() * 4)}${f.slice(2)}`;
      }
    };
    const kinds = new Set(['not-a-link', 'future-version', 'too-large', 'damaged']);
    const seen = { ok: 0, error: 0 };
    for (let i = 0; i < 4000; i++) {
      let f: string;
      if (i % 4 === 0) {
        f = 'v1.';
        const n = Math.floor(random() * 300);
        for (let j = 0; j < n; j++) f += pick(i % 8 === 0 ? junk : ALPHABET);
      } else {
        f = pick(valid);
        for (let k = 1 + Math.floor(random() * 3); k > 0; k--) f = mutate(f);
      }
      let d: Decoded;
      try {
        d = decodeShare(f);
      } catch (e) {
        throw new Error(`decodeShare threw on ${JSON.stringify(f)}: ${String(e)}`, { cause: e });
      }
      if (d.ok) {
        seen.ok++;
        expect(typeof d.run.script).toBe('string');
        expect(Number.isSafeInteger(d.run.cursor.time) && d.run.cursor.time >= 0).toBe(true);
        expect(Number.isSafeInteger(d.run.cursor.event) && d.run.cursor.event >= 0).toBe(true);
      } else {
        seen.error++;
        expect(kinds.has(d.error.kind)).toBe(true);
        expect(describeShareError(d.error)).not.toBe('');
      }
    }
    expect(seen.error).toBeGreaterThan(1000);
  });
});
