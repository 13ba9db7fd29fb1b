/**
 * lz-string's `decompressFromEncodedURIComponent`, with a ceiling on the output.
 *
 * LZ-string is an LZW variant: every code read may stand for a dictionary entry
 * one character longer than the last, so a crafted input of n characters can
 * expand to about n² characters and hang the tab. This is the same algorithm
 * (lz-string 1.5.0, `_decompress`, MIT licence, © pieroxy) that stops as soon as
 * the output passes `maxChars`, so its cost is bounded by the input's length
 * plus `maxChars`. It also checks the alphabet first and tells a truncated input
 * from an invalid one, where lz-string returns "" or null for both.
 */

/** The alphabet of `compressToEncodedURIComponent`: 6 bits per character. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE: ReadonlyMap<string, number> = new Map([...ALPHABET].map((ch, i) => [ch, i]));
const BITS_PER_CHAR = 6;

export type Inflated =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'bad-character' | 'truncated' | 'invalid' | 'too-large' };

/** Reads the input's bits as lz-string writes them: each character's 6 bits high to low, each number low bit first. */
class BitReader {
  private value: number;
  private mask = 1 << (BITS_PER_CHAR - 1);
  /** The next character to read. */
  index = 1;

  constructor(private readonly input: string) {
    this.value = this.char(0);
  }

  /** Past the end, lz-string reads zeros; so does this. */
  private char(i: number): number {
    return i < this.input.length ? VALUE.get(this.input[i])! : 0;
  }

  read(bits: number): number {
    let n = 0;
    for (let i = 0; i < bits; i++) {
      if ((this.value & this.mask) !== 0) n += 2 ** i;
      this.mask >>= 1;
      if (this.mask === 0) {
        this.mask = 1 << (BITS_PER_CHAR - 1);
        this.value = this.char(this.index++);
      }
    }
    return n;
  }
}

/** The codes with a meaning of their own; dictionary entries start after them. */
const CHAR8 = 0;
const CHAR16 = 1;
const END = 2;
const FIRST_ENTRY = 3;

export function inflate(input: string, maxChars: number): Inflated {
  for (const ch of input) if (!VALUE.has(ch)) return { ok: false, reason: 'bad-character' };
  if (input === '') return { ok: false, reason: 'truncated' };
  const bits = new BitReader(input);
  // Index FIRST_ENTRY onwards: the entries. Below: unused, the codes above.
  const dictionary: string[] = ['', '', ''];
  let numBits = 3;
  let enlargeIn = 4;

  const first = bits.read(2);
  if (first === END) return { ok: true, text: '' };
  if (first !== CHAR8 && first !== CHAR16) return { ok: false, reason: 'invalid' };
  let w = String.fromCharCode(bits.read(first === CHAR8 ? 8 : 16));
  dictionary.push(w);
  const out: string[] = [w];
  let length = w.length;

  for (;;) {
    if (bits.index > input.length) return { ok: false, reason: 'truncated' };
    let code = bits.read(numBits);
    if (code === END) return { ok: true, text: out.join('') };
    if (code === CHAR8 || code === CHAR16) {
      dictionary.push(String.fromCharCode(bits.read(code === CHAR8 ? 8 : 16)));
      code = dictionary.length - 1;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    }
    let entry: string;
    if (code >= FIRST_ENTRY && code < dictionary.length) entry = dictionary[code];
    else if (code === dictionary.length) entry = w + w[0];
    else return { ok: false, reason: 'invalid' };
    length += entry.length;
    if (length > maxChars) return { ok: false, reason: 'too-large' };
    out.push(entry);
    dictionary.push(w + entry[0]);
    w = entry;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
