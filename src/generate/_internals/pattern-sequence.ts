import fc from 'fast-check';
import { printableMembers, sanitisePattern, stripAnchors } from './generation-regex.ts';

/**
 * A fast, length-aware generator for the regex subset AWS model patterns use: sequences of literal
 * characters, one-character atoms (classes, escapes, `.`) and groups with alternatives, each with a
 * quantifier. Every atom draws from its printable members (so shrinking heads for `a`), and quantifier
 * caps are chosen up front so the total length fits the schema's bounds without rejection sampling.
 * Anything outside the subset (lookarounds, backreferences, inner anchors) yields `undefined`, and the
 * caller falls back to `fc.stringMatching`.
 */

interface Quantifier {
  readonly min: number;
  readonly max: number;
}

type Piece =
  | { readonly kind: 'atom'; readonly members: readonly string[]; readonly q: Quantifier }
  | { readonly kind: 'group'; readonly alternatives: readonly Sequence[]; readonly q: Quantifier };

type Sequence = readonly Piece[];

/** Why the parser gave up; always caught by {@link parsePatternSequence}. */
function unsupported(what: string): Error {
  return new Error(`parsePatternSequence: unsupported ${what}`);
}

class Parser {
  private index = 0;
  constructor(private readonly source: string) {}

  parse(): Sequence {
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.index++;
      alternatives.push(this.sequence());
    }
    if (this.index !== this.source.length) throw unsupported('unbalanced parenthesis');
    return alternatives.length === 1
      ? (alternatives[0] as Sequence)
      : [{ kind: 'group', alternatives, q: { min: 1, max: 1 } }];
  }

  private peek(offset = 0): string | undefined {
    return this.source[this.index + offset];
  }

  private sequence(): Sequence {
    const pieces: Piece[] = [];
    for (let c = this.peek(); c !== undefined && c !== ')' && c !== '|'; c = this.peek())
      pieces.push(this.piece());
    return pieces;
  }

  private piece(): Piece {
    if (this.peek() === '(') {
      const alternatives = this.group();
      return { kind: 'group', alternatives, q: this.quantifier() };
    }
    const unit = this.atom();
    const literal = !unit.startsWith('[') && !unit.startsWith('\\') && unit !== '.';
    const members = literal ? [unit] : printableMembers(unit);
    if (members.length === 0) throw unsupported(`no printable member for ${unit}`);
    return { kind: 'atom', members, q: this.quantifier() };
  }

  private group(): Sequence[] {
    if (this.source.startsWith('(?:', this.index)) this.index += 3;
    else if (this.peek(1) === '?') throw unsupported('lookaround or named group');
    else this.index += 1;
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.index++;
      alternatives.push(this.sequence());
    }
    if (this.peek() !== ')') throw unsupported('unclosed group');
    this.index++;
    return alternatives;
  }

  /** One-character atom source: a class, an escape, `.` or a literal character. */
  private atom(): string {
    const start = this.index;
    const c = this.peek() as string;
    if (c === '[') {
      this.index++;
      while (this.peek() !== ']') {
        if (this.peek() === undefined) throw unsupported('unclosed class');
        this.index += this.peek() === '\\' ? 2 : 1;
      }
      this.index++;
    } else if (c === '\\') {
      const escape = /^\\(?:[pP]\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[^1-9bBk])/u.exec(
        this.source.slice(start),
      );
      if (escape === null) throw unsupported('backreference or word boundary');
      this.index += escape[0].length;
    } else if ('^$*+?{}'.includes(c)) {
      throw unsupported(`unexpected ${c}`);
    } else {
      this.index += String.fromCodePoint(this.source.codePointAt(start) as number).length;
    }
    return this.source.slice(start, this.index);
  }

  private quantifier(): Quantifier {
    const rest = this.source.slice(this.index);
    const match = /^(?:(\*)|(\+)|(\?)|\{(\d+)(?:(,)(\d*))?\})\??/u.exec(rest);
    if (match === null) return { min: 1, max: 1 };
    this.index += match[0].length;
    if (match[1] !== undefined) return { min: 0, max: Number.POSITIVE_INFINITY };
    if (match[2] !== undefined) return { min: 1, max: Number.POSITIVE_INFINITY };
    if (match[3] !== undefined) return { min: 0, max: 1 };
    const min = Number(match[4]);
    if (match[5] === undefined) return { min, max: min };
    return { min, max: match[6] === '' ? Number.POSITIVE_INFINITY : Number(match[6]) };
  }
}

/** The pattern as a sequence, or `undefined` when it is outside the subset. */
export function parsePatternSequence(pattern: string): Sequence | undefined {
  try {
    return new Parser(stripAnchors(sanitisePattern(pattern))).parse();
  } catch {
    return undefined; // outside the subset (or not a valid u-mode regex): the caller falls back
  }
}

/** Per-piece repetition bounds once caps and raised minimums are decided. */
interface Plan {
  /** Extra repetitions allowed above the minimum of unbounded (or wide) quantifiers. */
  readonly cap: number;
  /** Raised minimums for top-level atoms, by index. */
  readonly raised: ReadonlyMap<Piece, number>;
}

function repetitions(piece: Piece, plan: Plan): Quantifier {
  const min = plan.raised.get(piece) ?? piece.q.min;
  return { min, max: Math.min(piece.q.max, min + plan.cap) };
}

function longest(sequence: Sequence, plan: Plan): number {
  return sequence.reduce((total, piece) => {
    const { max } = repetitions(piece, plan);
    const each =
      piece.kind === 'atom'
        ? 1
        : Math.max(0, ...piece.alternatives.map((alternative) => longest(alternative, plan)));
    return total + max * each;
  }, 0);
}

function shortest(sequence: Sequence, plan: Plan): number {
  return sequence.reduce((total, piece) => {
    const { min } = repetitions(piece, plan);
    const each =
      piece.kind === 'atom'
        ? 1
        : Math.min(...piece.alternatives.map((alternative) => shortest(alternative, plan)));
    return total + min * each;
  }, 0);
}

/** Raises top-level atom minimums so the shortest string reaches `minLength`; `undefined` if it cannot. */
function raiseMinimums(sequence: Sequence, minLength: number): Map<Piece, number> | undefined {
  const raised = new Map<Piece, number>();
  let need = minLength - shortest(sequence, { cap: 0, raised });
  const growable = sequence.filter((piece) => piece.kind === 'atom' && piece.q.max > piece.q.min);
  for (let round = 0; need > 0 && growable.length > 0 && round < minLength; round++) {
    for (const piece of growable) {
      const current = raised.get(piece) ?? piece.q.min;
      if (need > 0 && current < piece.q.max) {
        raised.set(piece, current + 1);
        need--;
      }
    }
  }
  return need > 0 ? undefined : raised;
}

function join(parts: readonly string[]): string {
  return parts.join('');
}

function pieceArbitrary(piece: Piece, plan: Plan): fc.Arbitrary<string> {
  const { min, max } = repetitions(piece, plan);
  if (piece.kind === 'atom') {
    const unit = fc.constantFrom(...piece.members);
    return min === 1 && max === 1 ? unit : fc.string({ unit, minLength: min, maxLength: max });
  }
  const alternatives = piece.alternatives.map((alternative) => sequenceArbitrary(alternative, plan));
  const once =
    alternatives.length === 1
      ? (alternatives[0] as fc.Arbitrary<string>)
      : fc.oneof({ withCrossShrink: true }, ...alternatives);
  if (min === 1 && max === 1) return once;
  if (min === 0 && max === 1) return fc.oneof({ withCrossShrink: true }, fc.constant(''), once);
  return fc.array(once, { minLength: min, maxLength: max }).map(join);
}

function sequenceArbitrary(sequence: Sequence, plan: Plan): fc.Arbitrary<string> {
  const pieces = sequence.map((piece) => pieceArbitrary(piece, plan));
  if (pieces.length === 0) return fc.constant('');
  if (pieces.length === 1) return pieces[0] as fc.Arbitrary<string>;
  return fc.tuple(...pieces).map(join);
}

/**
 * Strings matching the sequence whose length lies in `[minLength, maxLength]`, about `extra` characters
 * above the shortest possible; `undefined` when no quantifier caps can guarantee the bounds.
 */
export function sequenceStringArbitrary(
  sequence: Sequence,
  minLength: number,
  maxLength: number,
  extra: number,
): fc.Arbitrary<string> | undefined {
  const raised = raiseMinimums(sequence, minLength);
  if (raised === undefined) return undefined;
  const floor = shortest(sequence, { cap: 0, raised });
  const target = Math.min(maxLength, floor + extra);
  for (let cap = extra; cap >= 0; cap--) {
    const plan = { cap, raised };
    if (longest(sequence, plan) <= target || (cap === 0 && longest(sequence, plan) <= maxLength)) {
      return sequenceArbitrary(sequence, plan);
    }
  }
  return undefined;
}
