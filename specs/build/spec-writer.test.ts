import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serialiseSpec, writeFilesAtomically } from './spec-writer.ts';
import type { OperationSpec } from '../format/index.ts';

describe('writeFilesAtomically', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spec-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file', () => {
    writeFilesAtomically(
      dir,
      new Map([
        ['A.json', 'a\n'],
        ['B.json', 'b\n'],
      ]),
    );
    expect(readdirSync(dir).sort()).toEqual(['A.json', 'B.json']);
    expect(readFileSync(join(dir, 'B.json'), 'utf8')).toBe('b\n');
  });

  it('writes nothing, and leaves no temporary file, when one file cannot be written', () => {
    // Arrange
    writeFileSync(join(dir, 'A.json'), 'old\n');

    // Act
    const write = () =>
      writeFilesAtomically(
        dir,
        new Map([
          ['A.json', 'new\n'],
          ['missing-dir/B.json', 'b\n'],
        ]),
      );

    // Assert
    expect(write).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(['A.json']);
    expect(readFileSync(join(dir, 'A.json'), 'utf8')).toBe('old\n');
  });
});

describe('serialiseSpec', () => {
  it('keeps key order, indents by two and ends with a newline', () => {
    const spec = { specVersion: 1, operation: 'Op', errors: [] } as unknown as OperationSpec;
    expect(serialiseSpec(spec)).toBe('{\n  "specVersion": 1,\n  "operation": "Op",\n  "errors": []\n}\n');
  });
});
