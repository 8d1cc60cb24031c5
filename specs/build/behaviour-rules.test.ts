import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECS_DIR } from './test-support/committed-model-specs.ts';
import { itWithDocuments, lazy, SOURCE_DOCUMENTS } from './test-support/source-documents.ts';

/**
 * The behaviour rule catalogue (`specs/behaviour-rules.json`) asserts only what the documents state: each rule cites
 * shapes whose documentation holds its terms, involves operations the model has, and copies no prose.
 */
interface Source {
  readonly shape: string;
  readonly terms: readonly string[];
  readonly document?: string;
}
interface Rule {
  readonly name: string;
  readonly area: string;
  readonly operations: readonly string[];
  readonly prediction: string;
  readonly source: readonly Source[];
}
const CATALOGUE = JSON.parse(readFileSync(join(dirname(SPECS_DIR), 'behaviour-rules.json'), 'utf8')) as {
  readonly areas: readonly { readonly area: string }[];
  readonly rules: readonly Rule[];
};

/** Documentation as the rules' terms are matched: tags dropped, whitespace collapsed, lower case, plain quotes. */
function plain(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const smithy = lazy(
  () =>
    (
      JSON.parse(readFileSync(SOURCE_DOCUMENTS.referencePath, 'utf8')) as {
        shapes: Record<
          string,
          { traits?: Record<string, unknown>; members?: Record<string, { traits?: Record<string, unknown> }> }
        >;
      }
    ).shapes,
);
const service2018 = lazy(
  () =>
    (
      JSON.parse(readFileSync(SOURCE_DOCUMENTS.modelPath, 'utf8')) as {
        operations: Record<string, { documentation?: string }>;
      }
    ).operations,
);

/** The documentation of a cited shape (a member with `$`), or undefined when the document has no such shape. */
function documentationOf(source: Source): string | undefined {
  if (source.document === 'service-2-2018') {
    const operation = source.shape.slice(source.shape.indexOf('#') + 1);
    return service2018()[operation]?.documentation;
  }
  const [shapeId, member] = source.shape.split('$') as [string, string | undefined];
  const shape = smithy()[shapeId];
  const traits = member === undefined ? shape?.traits : shape?.members?.[member]?.traits;
  const documentation = traits?.['smithy.api#documentation'];
  return typeof documentation === 'string' ? documentation : undefined;
}

describe('specs/behaviour-rules.json', () => {
  it('names each rule once, in kebab case, in an area the file lists, and every area has a rule', () => {
    const names = CATALOGUE.rules.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const areas = CATALOGUE.areas.map((area) => area.area);
    expect(CATALOGUE.rules.filter((rule) => !areas.includes(rule.area))).toEqual([]);
    expect(areas.filter((area) => !CATALOGUE.rules.some((rule) => rule.area === area))).toEqual([]);
  });

  it('involves only operations the committed specs have', () => {
    const unknown = CATALOGUE.rules.flatMap((rule) =>
      rule.operations.filter((operation) => !existsSync(join(SPECS_DIR, `${operation}.json`))),
    );
    expect(unknown).toEqual([]);
  });

  itWithDocuments('cites shapes whose documentation holds every term the rule names', () => {
    const missing: string[] = [];
    for (const rule of CATALOGUE.rules)
      for (const source of rule.source) {
        const documentation = documentationOf(source);
        if (documentation === undefined) missing.push(`${rule.name}: ${source.shape} has no documentation`);
        else
          for (const term of source.terms)
            if (!plain(documentation).includes(plain(term)))
              missing.push(`${rule.name}: ${source.shape} lacks "${term}"`);
      }
    expect(missing).toEqual([]);
  });

  itWithDocuments('copies no run of 8 words of the documentation into a prediction', () => {
    const prose = [
      ...Object.values(smithy()).flatMap((shape) => [
        shape.traits?.['smithy.api#documentation'],
        ...Object.values(shape.members ?? {}).map((member) => member.traits?.['smithy.api#documentation']),
      ]),
      ...Object.values(service2018()).map((operation) => operation.documentation),
    ]
      .filter((text): text is string => typeof text === 'string')
      .map(plain)
      .join('\n');
    const copied = CATALOGUE.rules.filter((rule) => {
      const words = plain(rule.prediction).split(' ');
      return words.some(
        (_, index) => index + 8 <= words.length && prose.includes(words.slice(index, index + 8).join(' ')),
      );
    });
    expect(copied.map((rule) => rule.name)).toEqual([]);
  });

  it('keeps every term short: a fact to find, not prose', () => {
    const long = CATALOGUE.rules.flatMap((rule) =>
      rule.source.flatMap((source) => source.terms.filter((term) => term.split(' ').length > 5)),
    );
    expect(long).toEqual([]);
  });
});
