import { createHash } from 'node:crypto';
import { MATRIX_SCRIPT } from './html-matrix-client.ts';
import { MATRIX_CSS } from './html-matrix-style.ts';
import { buildMatrixModel } from './matrix-model.ts';
import type { Report } from '../deviations/index.ts';
import { jsonForScriptElement } from './script-json.ts';

/**
 * Renders reports from several targets as one self-contained HTML page: a compatibility matrix of verdicts
 * (operations × targets, then the documented behaviour rules × targets when any report judged them, then each
 * target's coverage of the current model by resource group, then the document's changes), where selecting an
 * operation's cell lists its deviations with the minimal request and the reproduction command, and a rule's cell
 * where it broke and its sources. Use it to compare emulators side by side, or to attach one
 * artefact to a CI run that opens anywhere, offline.
 *
 * The page loads nothing from the network: CSS and script are inline, and its Content-Security-Policy
 * (`default-src 'none'`, the style and script allowed by hash) would block anything else. Report data, which
 * comes from targets under test and may be hostile, is embedded only as escaped JSON and rendered as text.
 */
export function renderCompatibilityMatrix(reports: readonly Report[]): string {
  const data = jsonForScriptElement(buildMatrixModel(reports));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<title>Cognito IDP compatibility matrix</title>
<link rel="icon" href="data:,">
<style>${MATRIX_CSS}</style>
</head>
<body>
<div id="layout" class="layout">
<main id="matrix" data-testid="matrix">
<header class="page">
<h1>Cognito IDP compatibility matrix</h1>
<p id="subtitle" class="subtitle" data-testid="subtitle"></p>
${LEGEND}
</header>
<noscript><p class="note">This page renders with JavaScript; the data is in the <code>matrix-data</code> element.</p></noscript>
<div id="matrix-content"></div>
</main>
<aside id="details" class="details" data-testid="details-panel" aria-labelledby="details-title" hidden></aside>
</div>
<script type="application/json" id="matrix-data">${data}</script>
<script>${MATRIX_SCRIPT}</script>
</body>
</html>
`;
}

const LEGEND = `<ul class="legend" aria-label="Legend">
<li><span class="swatch v-conformant"></span>conformant</li>
<li><span class="swatch v-deviates"></span>deviates</li>
<li><span class="swatch v-unsupported"></span>unsupported</li>
<li><span class="swatch v-inconclusive"></span>inconclusive</li>
<li><span class="swatch v-missing"></span>not run</li>
</ul>`;

/** Nothing from anywhere, except this page's own style and script (by hash) and the empty `data:` favicon. */
function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src '${sha256(MATRIX_SCRIPT)}'`,
    `style-src '${sha256(MATRIX_CSS)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
