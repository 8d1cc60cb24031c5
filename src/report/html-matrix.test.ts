import { NOT_REACHED_REASON } from './behaviour-verdicts.ts';
import { describe, expect, it } from 'vitest';
import {
  COGNITO_LOCAL_REPORT,
  HOSTILE_ACTUAL,
  HOSTILE_MESSAGE,
  HOSTILE_PATH,
  MOTO_REPORT,
} from './html-matrix.fixture.ts';
import { MATRIX_SCRIPT } from './html-matrix-client.ts';
import { renderCompatibilityMatrix } from './html-matrix.ts';
import { displayValue, type MatrixModel } from './matrix-model.ts';
import type { Report } from '../deviations/index.ts';
import { RESOURCE_GROUPS } from '../spec/index.ts';
import { validateReport } from './report-schema.ts';

const REPORTS: readonly Report[] = [COGNITO_LOCAL_REPORT, MOTO_REPORT];
const DATA_BLOCK = /<script type="application\/json" id="matrix-data">([^<]*)<\/script>/;

function render(reports: readonly Report[] = REPORTS): { html: string; markup: string; model: MatrixModel } {
  const html = renderCompatibilityMatrix(reports);
  const match = DATA_BLOCK.exec(html);
  if (match?.[1] === undefined) throw new Error('no matrix-data block');
  return { html, markup: html.replace(match[0], ''), model: JSON.parse(match[1]) as MatrixModel };
}

describe('renderCompatibilityMatrix', () => {
  it('is tested on schema-valid reports', () => {
    for (const report of REPORTS)
      expect(validateReport(JSON.parse(JSON.stringify(report)))).toEqual({ valid: true, errors: [] });
  });

  it('references no network resource', () => {
    const { html, markup } = render();
    // Endpoints under test appear in the data; nothing outside it names a URL.
    expect(markup).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(
      /\b(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i,
    );
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(markup).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/,
    );
  });

  it('has exactly one executable script, the inline one, and the data block', () => {
    const { markup } = render();
    expect(markup.match(/<script\b/g)).toHaveLength(1);
    expect(MATRIX_SCRIPT).not.toMatch(
      /<\/script|`|\$\{|innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/i,
    );
  });

  it('escapes hostile strings in the embedded data', () => {
    const { html, model } = render();
    for (const hostile of [HOSTILE_MESSAGE, HOSTILE_PATH, HOSTILE_ACTUAL])
      expect(html).not.toContain(hostile);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    const deviations = model.operations.flatMap((row) => row.cells.flatMap((cell) => cell?.deviations ?? []));
    expect(deviations.map((d) => d.message)).toContain(HOSTILE_MESSAGE);
    expect(deviations.map((d) => d.path)).toContain(HOSTILE_PATH);
  });

  it('survives a target name and operation built to break out of the data block', () => {
    const hostile: Report = {
      ...MOTO_REPORT,
      target: { ...MOTO_REPORT.target, name: '</script><script>alert("name")</script>' },
      operations: [{ operation: '__proto__<!--', verdict: 'conformant', checks: [], deviations: [] }],
    };
    const { markup, model } = render([COGNITO_LOCAL_REPORT, hostile]);
    expect(markup).not.toContain('alert');
    expect(markup).not.toContain('<!--');
    expect(model.targets.map((t) => t.name)).toContain(hostile.target.name);
    expect(model.operations.map((row) => row.operation)).toContain('__proto__<!--');
  });

  it('includes every operation, sorted, and every target in report order', () => {
    const { model } = render();
    expect(model.operations.map((row) => row.operation)).toEqual([
      'AdminCreateUser',
      'AdminSetUserMFAPreference',
      'InitiateAuth',
      'ListUsers',
      'SetRiskConfiguration',
    ]);
    expect(model.targets.map((t) => [t.id, t.kind])).toEqual([
      ['cognito-local', 'embedded'],
      ['moto', 'container'],
    ]);
  });

  it('marks an operation a target did not run, and counts deviations by severity', () => {
    const { model } = render();
    const row = (name: string) => model.operations.find((r) => r.operation === name);
    expect(row('AdminSetUserMFAPreference')?.cells[0]).toBeNull();
    const created = row('AdminCreateUser')?.cells[0];
    expect(created?.counts).toEqual({ error: 2, warning: 1, info: 1 });
    expect(created?.deviations.map((d) => d.severity)).toEqual(['error', 'error', 'warning', 'info']);
    expect(created?.deviations[0]?.request).toContain('\n  "UserPoolId": "us-east-1_conform1"');
  });

  it("counts each target's coverage of the model by resource group, then the total", () => {
    const { model } = render();
    expect(model.coverage.map((row) => row.group)).toEqual([...RESOURCE_GROUPS, null]);
    const users = model.coverage.find((row) => row.group === 'users');
    expect(
      users?.cells.map((c) => [c?.operations, c?.implemented, c?.conformant, c?.deviating, c?.inconclusive]),
    ).toEqual([
      [16, 2, 0, 1, 1],
      [16, 2, 2, 0, 0],
    ]);
    expect(users?.cells[0]?.detail.split('\n').slice(0, 3)).toEqual([
      'users: 2 of 16 implemented',
      'deviates: AdminCreateUser',
      'inconclusive: ListUsers',
    ]);
    expect(users?.cells[0]?.detail).toMatch(/\nnot run: AdminDeleteUser, .*VerifyUserAttribute$/);
    const total = model.coverage.at(-1);
    expect(total?.cells.map((c) => [c?.operations, c?.implemented, c?.unsupported, c?.notRun])).toEqual([
      [113, 3, 1, 109],
      [113, 5, 0, 108],
    ]);
  });

  it('leaves the coverage table out when no report has coverage, and a cell empty where one lacks it', () => {
    const { coverage: _coverage, ...older } = MOTO_REPORT;
    expect(render([older]).model.coverage).toEqual([]);
    const mixed = render([COGNITO_LOCAL_REPORT, older]).model.coverage;
    expect(mixed.map((row) => row.cells[1])).toEqual(mixed.map(() => null));
  });

  it('lists each announced change once, with a cell per target', () => {
    const { model } = render();
    expect(model.changes.map((c) => [c.operation, c.direction, c.path, c.value])).toEqual([
      ['AdminSetUserMFAPreference', 'operation', '', undefined],
      ['CreateUserPool', 'request', '/UserPoolAddOns/AdvancedSecurityMode', 'AUDIT'],
      ['InitiateAuth', 'response', '/AvailableChallenges', undefined],
    ]);
    expect(model.changes.map((c) => c.cells.map((cell) => cell?.supported))).toEqual([
      [undefined, true],
      [false, true],
      [null, true],
    ]);
  });

  it('lists each behaviour rule once, grouped in the catalogue area order, with a cell per target', () => {
    const { model } = render();
    expect(model.behaviour.map((row) => [row.rule, row.area, row.areaTitle])).toEqual([
      ['sign-up-gives-unconfirmed', 'status', 'user status lifecycle'],
      ['unconfirmed-user-cannot-sign-in', 'status', 'user status lifecycle'],
      ['disabled-user-cannot-sign-in', 'enabled', 'enabled and disabled'],
      ['disabled-user-still-listed', 'enabled', 'enabled and disabled'],
    ]);
    expect(model.behaviour.map((row) => row.cells.map((cell) => cell?.verdict))).toEqual([
      ['holds', 'not-judged'],
      ['holds', 'holds'],
      ['holds', 'broken'],
      ['holds', 'holds'],
    ]);
    const disabled = model.behaviour[2];
    expect(disabled?.cells[1]).toEqual({ verdict: 'broken', runs: 8, failed: 3, brokenAt: ['InitiateAuth'] });
    expect(disabled?.source).toEqual(['AdminDisableUser']);
    expect(model.behaviour[0]?.cells[1]?.reason).toBe(NOT_REACHED_REASON);
    // The deviation that breaks it names its rule in its operation's cell.
    const initiateAuth = model.operations.find((row) => row.operation === 'InitiateAuth')?.cells[1];
    expect(initiateAuth?.deviations.map((d) => [d.check, d.rule])).toEqual([
      ['behaviour', 'disabled-user-cannot-sign-in'],
      ['error-shape', undefined],
    ]);
  });

  it('groups rules by area even when a report lists them otherwise, and leaves the table out when none judged any', () => {
    const reversed: Report = { ...MOTO_REPORT, behaviour: [...(MOTO_REPORT.behaviour ?? [])].reverse() };
    expect(render([reversed]).model.behaviour.map((row) => row.area)).toEqual([
      'status',
      'status',
      'enabled',
      'enabled',
    ]);
    const { behaviour: _behaviour, ...older } = MOTO_REPORT;
    expect(render([older]).model.behaviour).toEqual([]);
    const mixed = render([COGNITO_LOCAL_REPORT, older]).model.behaviour;
    expect(mixed.map((row) => row.cells[1])).toEqual(mixed.map(() => null));
  });

  it('shows values as pretty JSON, and an in-memory absent member as (absent)', () => {
    expect(displayValue(undefined)).toBe('(absent)');
    expect(displayValue(null)).toBe('null');
    expect(displayValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(displayValue(10n)).toBe('10');
  });

  it('gives duplicate target names distinct column ids', () => {
    const { model } = render([MOTO_REPORT, MOTO_REPORT]);
    expect(model.targets.map((t) => t.id)).toEqual(['moto', 'moto #2']);
  });
});
