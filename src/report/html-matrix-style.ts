/**
 * The compatibility matrix page's stylesheet, inlined into the page so it renders offline. System font
 * stacks only (no web fonts); verdict colours: conformant green, deviates red, unsupported grey, inconclusive
 * amber. Styles come from classes only: the page's Content-Security-Policy allows this one `<style>` element
 * by hash and no `style` attributes.
 */
export const MATRIX_CSS = `
:root {
  color-scheme: light;
  --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --bg: #ffffff; --bg-subtle: #f6f8fa; --code-bg: #eff2f5;
  --accent: #0969da;
  --ok: #1a7f37; --ok-bg: #dafbe1;
  --bad: #cf222e; --bad-bg: #ffebe9;
  --na: #59636e; --na-bg: #eaeef2;
  --warn: #9a6700; --warn-bg: #fff8c5;
}
* { box-sizing: border-box; }
html, body { height: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif;
}
code, pre, .mono {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
  font-size: 12px;
}
.layout { display: grid; grid-template-columns: minmax(0, 1fr); height: 100vh; }
.layout.has-details { grid-template-columns: minmax(0, 1fr) minmax(380px, 40%); }
main { overflow: auto; padding: 0 24px 32px; }
header.page { padding: 20px 0 12px; border-bottom: 1px solid var(--border); margin-bottom: 8px; }
h1 { font-size: 20px; margin: 0 0 2px; }
h2 { font-size: 15px; margin: 20px 0 8px; }
h3 { font-size: 13px; margin: 16px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
h4 { font-size: 12px; margin: 10px 0 4px; color: var(--muted); }
.subtitle { color: var(--muted); margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 16px; list-style: none; padding: 0; margin: 10px 0 0; }
.legend li { display: flex; align-items: center; gap: 6px; font-size: 12px; color: var(--muted); }
.swatch { width: 14px; height: 14px; border-radius: 3px; border: 1px solid; border-left-width: 4px; }
.note { color: var(--muted); font-size: 13px; }

table.matrix { border-collapse: separate; border-spacing: 0; }
.matrix th, .matrix td { padding: 5px 6px; text-align: left; vertical-align: middle; border-bottom: 1px solid var(--border); }
.matrix thead th {
  position: sticky; top: 0; z-index: 2; background: var(--bg-subtle); vertical-align: bottom;
  border-bottom: 2px solid var(--border);
}
/* Same column widths in both tables, so a target's operations and changes line up. */
.matrix tr > :first-child { width: 320px; min-width: 320px; }
.matrix tr > :not(:first-child) { width: 260px; min-width: 260px; max-width: 260px; }
.matrix th[scope=row] { position: sticky; left: 0; z-index: 1; background: var(--bg); font-weight: 600; white-space: nowrap; padding-right: 16px; }
.matrix thead th:first-child { left: 0; z-index: 3; }
.matrix tfoot th, .matrix tfoot td { border-bottom: 0; border-top: 2px solid var(--border); color: var(--muted); font-size: 12px; }
.target-name { font-weight: 600; }
.target-meta { display: block; color: var(--muted); font-weight: 400; font-size: 11px; overflow-wrap: anywhere; }
.matrix th.change { white-space: normal; }
.change-path { display: block; font-weight: 400; margin-top: 2px; }
.change-path code { overflow-wrap: anywhere; }
.change-value { color: var(--muted); font-weight: 400; white-space: nowrap; }

.badge {
  display: inline-block; padding: 0 7px; border-radius: 999px; font-size: 11px; font-weight: 600; line-height: 18px;
  border: 1px solid var(--border); color: var(--muted); background: var(--bg); margin-left: 6px; vertical-align: 1px;
  white-space: nowrap;
}
.badge:first-child { margin-left: 0; }

.cell {
  display: flex; flex-direction: column; justify-content: center; width: 100%; min-height: 44px;
  text-align: left; font: inherit; color: var(--fg);
  border: 1px solid transparent; border-left-width: 5px; border-radius: 6px; padding: 4px 9px; cursor: pointer;
}
button.cell:hover { filter: brightness(.96); }
button.cell:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
button.cell[aria-expanded=true] { box-shadow: 0 0 0 2px var(--accent); }
.verdict { display: block; font-weight: 600; font-size: 13px; }
.counts { display: block; font-size: 11px; color: var(--muted); }
.v-conformant { background: var(--ok-bg); border-color: var(--ok); }
.v-conformant .verdict, .badge.v-conformant, .chip.v-conformant { color: var(--ok); }
.v-deviates { background: var(--bad-bg); border-color: var(--bad); }
.v-deviates .verdict, .badge.v-deviates, .chip.v-deviates { color: var(--bad); }
.v-unsupported { background: var(--na-bg); border-color: var(--na); }
.v-unsupported .verdict, .badge.v-unsupported, .chip.v-unsupported { color: var(--na); }
.v-inconclusive { background: var(--warn-bg); border-color: var(--warn); }
.v-inconclusive .verdict, .badge.v-inconclusive, .chip.v-inconclusive { color: var(--warn); }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 3px; }
.chip { font-size: 11px; font-weight: 600; line-height: 18px; padding: 0 7px; border-radius: 999px; border: 1px solid; }
.v-missing { background: transparent; border: 1px dashed var(--border); color: var(--muted); cursor: default; }
.v-missing .verdict { font-weight: 400; }
.v-coverage { background: var(--bg-subtle); border-color: var(--border); cursor: default; }
.v-coverage .chips { margin: 3px 0 0; }
.sev-error { color: var(--bad); }
.sev-warning { color: var(--warn); }
.sev-info { color: var(--muted); }

aside.details { overflow: auto; padding: 16px 20px 32px; background: var(--bg-subtle); border-left: 1px solid var(--border); }
aside.details[hidden] { display: none; }
aside.details:focus { outline: none; }
.details-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 12px; }
.details-head h2 { margin: 0; font-size: 17px; word-break: break-word; }
.details-head h2:focus { outline: none; }
.details-sub { margin: 2px 0 6px; color: var(--muted); font-size: 12px; word-break: break-all; }
.checks { border-collapse: collapse; font-size: 12px; }
.checks th, .checks td { padding: 2px 12px 2px 0; text-align: left; border-bottom: 1px solid var(--border); }
.checks td.num { text-align: right; }
.deviation { background: var(--bg); border: 1px solid var(--border); border-left: 5px solid var(--muted); border-radius: 8px; padding: 10px 12px; margin: 10px 0; }
.deviation.sev-error { border-left-color: var(--bad); }
.deviation.sev-warning { border-left-color: var(--warn); }
.deviation.sev-info { border-left-color: var(--na); }
.deviation, .deviation .message { color: var(--fg); }
.dev-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.dev-head .badge { margin-left: 0; }
.badge.sev-error { color: var(--bad); border-color: var(--bad); }
.badge.sev-warning { color: var(--warn); border-color: var(--warn); }
.badge.sev-info { color: var(--na); }
.message { margin: 8px 0; font-weight: 500; word-break: break-word; }
.fields { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; margin: 8px 0; }
.fields dt { color: var(--muted); font-size: 12px; }
.fields dd { margin: 0; min-width: 0; }
pre {
  margin: 0; padding: 6px 8px; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px;
  white-space: pre-wrap; word-break: break-word; max-height: 260px; overflow: auto;
}
code.inline { background: var(--code-bg); border-radius: 4px; padding: 1px 4px; word-break: break-all; }
.command { display: flex; gap: 6px; align-items: flex-start; }
.command pre { flex: 1; min-width: 0; }
button.tool {
  font: inherit; font-size: 12px; color: var(--fg); background: var(--bg); border: 1px solid var(--border);
  border-radius: 6px; padding: 3px 10px; cursor: pointer; white-space: nowrap;
}
button.tool:hover { background: var(--bg-subtle); }
button.tool:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.offscreen { position: fixed; left: -10000px; top: 0; width: 1px; height: 1px; opacity: 0; }
@media (max-width: 900px) {
  .layout, .layout.has-details { grid-template-columns: minmax(0, 1fr); height: auto; }
  main { overflow: visible; }
  aside.details { border-left: 0; border-top: 1px solid var(--border); }
}
`;
