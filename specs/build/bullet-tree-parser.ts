import type { Bullet, ValueExclusion } from './operation-section.ts';

const BULLET = /^( *)•\s+(?:([^\s()]+)\s+)?\(([a-z]+)\)\s+--(\s+\[REQUIRED\])?\s*$/;
const EXCLUSION = /^( *)(\S+) is not a valid value\.\s*$/;

interface MutableBullet {
  readonly name: string | undefined;
  readonly type: string;
  readonly required: boolean;
  readonly line: number;
  readonly indent: number;
  readonly children: MutableBullet[];
}

/** The structural bullets of a block and the value exclusions found between them. */
export interface BulletTree {
  readonly bullets: readonly Bullet[];
  readonly exclusions: readonly ValueExclusion[];
}

/**
 * Reads the nesting of `• Name (type) --` bullets from their indentation, ignoring prose (including prose
 * bullets such as `• OFF - …`). Each `<VALUE> is not a valid value.` line is attached to the innermost
 * bullet it is indented under, or to the block itself.
 */
export function parseBulletTree(lines: readonly string[], firstLine: number): BulletTree {
  const roots: MutableBullet[] = [];
  const exclusions: ValueExclusion[] = [];
  const open: MutableBullet[] = [];
  lines.forEach((text, index) => {
    const line = firstLine + index;
    const bullet = BULLET.exec(text);
    if (bullet) {
      const node = toBullet(bullet, line);
      closeDeeper(open, node.indent);
      (open.at(-1)?.children ?? roots).push(node);
      open.push(node);
      return;
    }
    const exclusion = EXCLUSION.exec(text);
    if (exclusion) {
      closeDeeper(open, exclusion[1]!.length);
      exclusions.push({ value: exclusion[2]!, line, target: open.at(-1) });
    }
  });
  return { bullets: roots, exclusions };
}

function toBullet(match: RegExpExecArray, line: number): MutableBullet {
  return {
    name: match[2],
    type: match[3]!,
    required: match[4] !== undefined,
    line,
    indent: match[1]!.length,
    children: [],
  };
}

function closeDeeper(open: MutableBullet[], indent: number): void {
  while (open.length > 0 && open.at(-1)!.indent >= indent) open.pop();
}
