/**
 * The compatibility matrix page's script, inlined into the page. It reads the `MatrixModel` from the
 * `#matrix-data` JSON element and builds the tables and the details panel with DOM APIs only: report-derived
 * strings (which come from targets under test and may be hostile) reach the page through `textContent` and
 * `setAttribute` on fixed, non-URL attributes, never through `innerHTML` or a URL.
 *
 * Plain browser JavaScript kept as a string (the project compiles without DOM types); it must contain no
 * backtick, no `${` and no `</script`. The page's Content-Security-Policy allows it by hash.
 */
export const MATRIX_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('matrix-data').textContent);
  var layout = document.getElementById('layout');
  var panel = document.getElementById('details');
  var SEVERITIES = ['error', 'warning', 'info'];
  var activeCell = null;

  /** Creates an element: attrs.text becomes textContent, other attrs are set with setAttribute. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null) return;
      if (name === 'text') node.textContent = String(value);
      else node.setAttribute(name, String(value));
    });
    (children || []).forEach(function (child) { if (child) node.append(child); });
    return node;
  }

  function countsText(counts) {
    var parts = SEVERITIES.filter(function (s) { return counts[s] > 0; })
      .map(function (s) { return counts[s] + ' ' + s; });
    return parts.length > 0 ? parts.join(' \u00b7 ') : 'no deviations';
  }

  function countsView(counts) {
    var span = el('span', { class: 'counts', 'data-testid': 'cell-counts' });
    var shown = SEVERITIES.filter(function (s) { return counts[s] > 0; });
    if (shown.length === 0) span.textContent = 'no deviations';
    shown.forEach(function (s, i) {
      if (i > 0) span.append(' \u00b7 ');
      span.append(el('span', { class: 'sev-' + s, text: counts[s] + ' ' + s }));
    });
    return span;
  }

  function formatDuration(ms) {
    return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
  }

  function targetTooltip(t) {
    return [
      t.name + ' (' + t.kind + ')',
      'endpoint: ' + t.endpoint,
      t.version ? 'version: ' + t.version : '',
      t.image ? 'image: ' + t.image : '',
      'AWS SDK: ' + t.sdkVersion,
      'cognito-conformance ' + t.toolVersion + ', profile ' + t.profile + ', seed ' + t.seed,
      'started ' + t.startedAt + ', took ' + formatDuration(t.durationMs),
    ].filter(Boolean).join('\n');
  }

  function targetBuild(t) {
    return [t.version ? 'version ' + t.version : '', t.image || ''].filter(Boolean).join(' \u00b7 ');
  }

  function targetHeader(t) {
    return el('th', { scope: 'col', 'data-testid': 'target-header', 'data-target': t.id, title: targetTooltip(t) }, [
      el('span', { class: 'target-name', text: t.name }),
      el('span', { class: 'badge', 'data-testid': 'target-kind', text: t.kind }),
      el('span', { class: 'target-meta mono', 'data-testid': 'target-endpoint', text: t.endpoint }),
      targetBuild(t) ? el('span', { class: 'target-meta', 'data-testid': 'target-build', text: targetBuild(t) }) : null,
      el('span', { class: 'target-meta', 'data-testid': 'target-sdk', text: 'AWS SDK ' + t.sdkVersion }),
    ]);
  }

  function headRow(firstLabel) {
    return el('thead', {}, [el('tr', {}, [el('th', { scope: 'col', text: firstLabel })].concat(data.targets.map(targetHeader)))]);
  }

  function missingCell(testid, attrs, label) {
    var all = Object.assign({ class: 'cell v-missing', 'data-testid': testid }, attrs);
    return el('span', all, [el('span', { class: 'verdict', 'data-testid': 'cell-verdict', text: label })]);
  }

  function cellButton(attrs, children, buildDetails) {
    var button = el('button', Object.assign({ type: 'button', 'aria-expanded': 'false', 'aria-controls': 'details' }, attrs), children);
    button.addEventListener('click', function () {
      if (activeCell === button) closeDetails(); else openDetails(button, buildDetails());
    });
    return button;
  }

  function operationCell(row, cell, target) {
    var ids = { 'data-operation': row.operation, 'data-target': target.id };
    if (!cell) return missingCell('cell', Object.assign({ 'data-verdict': 'not-run' }, ids), 'not run');
    return cellButton(Object.assign({
      class: 'cell v-' + cell.verdict,
      'data-testid': 'cell',
      'data-verdict': cell.verdict,
      'data-errors': cell.counts.error,
      'data-warnings': cell.counts.warning,
      'data-infos': cell.counts.info,
      'aria-label': row.operation + ' on ' + target.name + ': ' + cell.verdict + ', ' + countsText(cell.counts),
    }, ids), [
      el('span', { class: 'verdict', 'data-testid': 'cell-verdict', text: cell.verdict }),
      countsView(cell.counts),
    ], function () { return operationDetails(row, cell, target); });
  }

  function summaryCell(t) {
    var s = t.summary;
    var tallies = [['conformant', s.conformant], ['deviates', s.deviating], ['unsupported', s.unsupported], ['inconclusive', s.inconclusive]];
    return el('td', { 'data-testid': 'target-summary', 'data-target': t.id }, [
      el('div', { class: 'chips' }, tallies.filter(function (tally) { return tally[1] > 0; }).map(function (tally) {
        return el('span', { class: 'chip v-' + tally[0], text: tally[1] + ' ' + tally[0] });
      })),
      el('span', { class: 'counts', text: s.operations + ' operations run \u00b7 ' + s.deviations + (s.deviations === 1 ? ' deviation' : ' deviations') }),
    ]);
  }

  function operationsSection() {
    var body = el('tbody', {}, data.operations.map(function (row) {
      return el('tr', { 'data-testid': 'operation-row', 'data-operation': row.operation }, [
        el('th', { scope: 'row', text: row.operation }),
      ].concat(row.cells.map(function (cell, i) { return el('td', {}, [operationCell(row, cell, data.targets[i])]); })));
    }));
    var foot = el('tfoot', {}, [el('tr', {}, [el('th', { scope: 'row', text: 'Summary' })].concat(data.targets.map(summaryCell)))]);
    var table = el('table', { class: 'matrix', 'data-testid': 'matrix-table', 'aria-describedby': 'subtitle' }, [headRow('Operation'), body, foot]);
    return el('section', { 'aria-labelledby': 'operations-heading' }, [
      el('h2', { id: 'operations-heading', text: 'Operations' }), table,
    ]);
  }

  var COVERAGE_PARTS = [
    ['conformant', 'conformant', 'conformant'], ['deviating', 'deviates', 'deviating'],
    ['unsupported', 'unsupported', 'unsupported'], ['inconclusive', 'inconclusive', 'inconclusive'],
    ['notRun', 'missing', 'not run'],
  ];

  function coverageCell(row, cell, target) {
    var ids = { 'data-group': row.group === null ? 'total' : row.group, 'data-target': target.id };
    if (!cell) return missingCell('coverage-cell', ids, 'no coverage');
    return el('span', Object.assign({
      class: 'cell v-coverage',
      'data-testid': 'coverage-cell',
      'data-implemented': cell.implemented,
      'data-operations': cell.operations,
      title: cell.detail,
    }, ids), [
      el('span', { class: 'verdict', 'data-testid': 'cell-verdict', text: cell.implemented + ' of ' + cell.operations + ' implemented' }),
      el('div', { class: 'chips', 'data-testid': 'coverage-counts' }, COVERAGE_PARTS.filter(function (part) { return cell[part[0]] > 0; }).map(function (part) {
        return el('span', { class: 'chip v-' + part[1], text: cell[part[0]] + ' ' + part[2] });
      })),
    ]);
  }

  function coverageRow(row) {
    return el('tr', { 'data-testid': 'coverage-row', 'data-group': row.group === null ? 'total' : row.group }, [
      el('th', { scope: 'row', text: row.group === null ? 'Total' : row.group }),
    ].concat(row.cells.map(function (cell, i) { return el('td', {}, [coverageCell(row, cell, data.targets[i])]); })));
  }

  function coverageSection() {
    if (data.coverage.length === 0) return null;
    var groups = data.coverage.filter(function (row) { return row.group !== null; });
    var totals = data.coverage.filter(function (row) { return row.group === null; });
    var table = el('table', { class: 'matrix', 'data-testid': 'coverage-table' }, [
      headRow('Resource group'), el('tbody', {}, groups.map(coverageRow)), el('tfoot', {}, totals.map(coverageRow)),
    ]);
    return el('section', { 'aria-labelledby': 'coverage-heading' }, [
      el('h2', { id: 'coverage-heading', text: 'Coverage of the model' }),
      el('p', { class: 'note', text: 'Every operation of the current model (specs/operations/), by resource group. Implemented: judged and not unsupported. Not run: no verdict in that run (no spec for it yet, or left out by --ops or a shard). Hover a cell for its operations.' }),
      table,
    ]);
  }

  function changeStatus(supported, withdrawn) {
    if (withdrawn !== undefined) return { label: 'withdrawn by the current reference', verdict: 'inconclusive' };
    if (supported === true) return { label: 'supported', verdict: 'conformant' };
    if (supported === false) return { label: 'not supported', verdict: 'deviates' };
    return { label: 'undetermined', verdict: 'inconclusive' };
  }

  function changeLabel(row) {
    return row.direction + ' ' + row.path + (row.value === undefined ? '' : ' = ' + row.value);
  }

  function changeCell(row, cell, target) {
    var ids = { 'data-change': row.key, 'data-operation': row.operation, 'data-target': target.id };
    if (!cell) return missingCell('change-cell', Object.assign({ 'data-supported': 'unchecked' }, ids), 'not checked');
    var status = changeStatus(cell.supported, cell.withdrawn);
    return cellButton(Object.assign({
      class: 'cell v-' + status.verdict,
      'data-testid': 'change-cell',
      'data-supported': String(cell.supported),
      'aria-label': row.operation + ' ' + changeLabel(row) + ' on ' + target.name + ': ' + status.label,
    }, ids), [
      el('span', { class: 'verdict', 'data-testid': 'cell-verdict', text: status.label }),
    ], function () { return changeDetails(row, cell, target); });
  }

  function changeRowHeader(row) {
    return el('th', { scope: 'row', class: 'change' }, [
      el('span', { text: row.operation }),
      el('span', { class: 'badge', text: row.direction }),
      el('span', { class: 'change-path' }, [
        row.path === '' ? null : el('code', { text: row.path }),
        row.value === undefined ? null : el('span', { class: 'change-value', text: ' = ' + row.value }),
      ]),
    ]);
  }

  function changesSection() {
    var heading = el('h2', { id: 'changes-heading', text: 'Document changes' });
    if (data.changes.length === 0) {
      return el('section', { 'aria-labelledby': 'changes-heading' }, [
        heading, el('p', { class: 'note', 'data-testid': 'no-changes', text: 'No report includes the changes check.' }),
      ]);
    }
    var body = el('tbody', {}, data.changes.map(function (row) {
      return el('tr', { 'data-testid': 'change-row', 'data-change': row.key, 'data-operation': row.operation }, [changeRowHeader(row)]
        .concat(row.cells.map(function (cell, i) { return el('td', {}, [changeCell(row, cell, data.targets[i])]); })));
    }));
    return el('section', { 'aria-labelledby': 'changes-heading' }, [
      heading, el('table', { class: 'matrix', 'data-testid': 'changes-table' }, [headRow('Change'), body]),
    ]);
  }

  function ruleStatus(verdict) {
    if (verdict === 'holds') return { label: 'holds', verdict: 'conformant' };
    if (verdict === 'broken') return { label: 'broken', verdict: 'deviates' };
    return { label: 'not judged', verdict: 'inconclusive' };
  }

  function runsText(cell) {
    return cell.runs + (cell.runs === 1 ? ' run' : ' runs') + (cell.failed > 0 ? ' \u00b7 ' + cell.failed + ' failed' : '');
  }

  function ruleCell(row, cell, target) {
    var ids = { 'data-rule': row.rule, 'data-target': target.id };
    if (!cell) return missingCell('rule-cell', Object.assign({ 'data-rule-verdict': 'unchecked' }, ids), 'not checked');
    var status = ruleStatus(cell.verdict);
    return cellButton(Object.assign({
      class: 'cell v-' + status.verdict,
      'data-testid': 'rule-cell',
      'data-rule-verdict': cell.verdict,
      'data-runs': cell.runs,
      'data-failed': cell.failed,
      'aria-label': row.rule + ' on ' + target.name + ': ' + status.label + ', ' + runsText(cell),
    }, ids), [
      el('span', { class: 'verdict', 'data-testid': 'cell-verdict', text: status.label }),
      el('span', { class: 'counts', 'data-testid': 'cell-runs', text: runsText(cell) }),
    ], function () { return ruleDetails(row, cell, target); });
  }

  function ruleRowHeader(row) {
    return el('th', { scope: 'row', class: 'change' }, [
      el('span', { text: row.rule }),
      el('span', { class: 'badge', 'data-testid': 'rule-area', text: row.areaTitle }),
    ]);
  }

  function behaviourSection() {
    if (!data.behaviour || data.behaviour.length === 0) return null;
    var body = el('tbody', {}, data.behaviour.map(function (row) {
      return el('tr', { 'data-testid': 'rule-row', 'data-rule': row.rule, 'data-area': row.area }, [ruleRowHeader(row)]
        .concat(row.cells.map(function (cell, i) { return el('td', {}, [ruleCell(row, cell, data.targets[i])]); })));
    }));
    return el('section', { 'aria-labelledby': 'behaviour-heading' }, [
      el('h2', { id: 'behaviour-heading', text: 'Behaviour rules' }),
      el('p', { class: 'note', text: 'The documented behaviour rules of specs/behaviour-rules.json, by area. Runs: the command sequences that reached the rule. A rule is broken when a deviation of severity error or warning carries it. Select a cell for where it broke and its sources.' }),
      el('table', { class: 'matrix', 'data-testid': 'behaviour-table' }, [headRow('Rule'), body]),
    ]);
  }

  function closeButton() {
    var button = el('button', { type: 'button', class: 'tool', 'data-testid': 'details-close', 'aria-label': 'Close details', text: 'Close' });
    button.addEventListener('click', closeDetails);
    return button;
  }

  function detailsHead(title, subtitle, badge) {
    return el('div', { class: 'details-head' }, [
      el('div', {}, [
        el('h2', { id: 'details-title', 'data-testid': 'details-title', tabindex: '-1', text: title }),
        el('p', { class: 'details-sub', 'data-testid': 'details-target', text: subtitle }),
        badge,
      ]),
      closeButton(),
    ]);
  }

  function targetLine(target) {
    return target.name + ' (' + target.kind + ') \u00b7 ' + target.endpoint;
  }

  function copyWithSelection(text) {
    var area = el('textarea', { readonly: '', class: 'offscreen', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (error) { copied = false; }
    area.remove();
    return copied;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return copyWithSelection(text); });
    }
    return Promise.resolve(copyWithSelection(text));
  }

  function copyButton(text) {
    var button = el('button', { type: 'button', class: 'tool', 'data-testid': 'copy-command', 'aria-label': 'Copy reproduction command', text: 'Copy' });
    button.addEventListener('click', function () {
      copyText(text).then(function (copied) {
        button.focus();
        button.textContent = copied ? 'Copied' : 'Copy failed';
        setTimeout(function () { button.textContent = 'Copy'; }, 1500);
      });
    });
    return button;
  }

  function field(label, value) {
    return [el('dt', { text: label }), el('dd', {}, [value])];
  }

  function deviationFields(d) {
    var rows = [
      field('Path', el('code', { class: 'inline', 'data-testid': 'deviation-path', text: d.path === '' ? '(whole body)' : d.path })),
      field('Expected', el('pre', { 'data-testid': 'deviation-expected', text: d.expected })),
      field('Actual', el('pre', { 'data-testid': 'deviation-actual', text: d.actual })),
    ];
    if (d.seed !== undefined) rows.push(field('Seed', el('code', { class: 'inline', 'data-testid': 'deviation-seed', text: d.seed })));
    if (d.propertyPath !== undefined) rows.push(field('Shrink path', el('code', { class: 'inline', text: d.propertyPath })));
    if (d.occurrences > 1) rows.push(field('Seen', el('span', { 'data-testid': 'deviation-occurrences', text: d.occurrences + ' times' })));
    if (d.rule !== undefined) rows.push(field('Rule', el('code', { class: 'inline', 'data-testid': 'deviation-rule', text: d.rule })));
    return el('dl', { class: 'fields' }, rows.flat());
  }

  function deviationView(d) {
    return el('article', { class: 'deviation sev-' + d.severity, 'data-testid': 'deviation', 'data-severity': d.severity, 'data-check': d.check }, [
      el('div', { class: 'dev-head' }, [
        el('span', { class: 'badge sev-' + d.severity, 'data-testid': 'deviation-severity', text: d.severity }),
        el('span', { class: 'badge', 'data-testid': 'deviation-kind', text: d.kind }),
        el('code', { class: 'inline', 'data-testid': 'deviation-check', text: d.check }),
      ]),
      el('p', { class: 'message', 'data-testid': 'deviation-message', text: d.message }),
      deviationFields(d),
      el('h4', { text: 'Minimal request' }),
      el('pre', { 'data-testid': 'deviation-request', text: d.request }),
      el('h4', { text: 'Reproduce' }),
      el('div', { class: 'command' }, [el('pre', { 'data-testid': 'deviation-command', text: d.command }), copyButton(d.command)]),
    ]);
  }

  function checksTable(checks) {
    if (checks.length === 0) return el('p', { class: 'note', text: 'No checks recorded.' });
    return el('table', { class: 'checks', 'data-testid': 'details-checks' }, [
      el('thead', {}, [el('tr', {}, [el('th', { text: 'Check' }), el('th', { text: 'Runs' }), el('th', { text: 'Failed' })])]),
      el('tbody', {}, checks.map(function (c) {
        return el('tr', {}, [el('td', {}, [el('code', { text: c.check })]), el('td', { class: 'num', text: c.runs }), el('td', { class: 'num', text: c.failed })]);
      })),
    ]);
  }

  function operationDetails(row, cell, target) {
    var badge = el('span', { class: 'badge v-' + cell.verdict, 'data-testid': 'details-verdict', text: cell.verdict + ' \u00b7 ' + countsText(cell.counts) });
    var list = cell.deviations.length === 0
      ? el('p', { class: 'note', 'data-testid': 'no-deviations', text: 'No deviations recorded.' })
      : el('div', { 'data-testid': 'deviation-list' }, cell.deviations.map(deviationView));
    return [
      detailsHead(row.operation, targetLine(target), badge),
      el('h3', { text: 'Checks' }), checksTable(cell.checks),
      el('h3', { text: 'Deviations (' + cell.deviations.length + ')' }), list,
    ];
  }

  function changeDetails(row, cell, target) {
    var status = changeStatus(cell.supported, cell.withdrawn);
    return [
      detailsHead(row.operation, targetLine(target), el('span', { class: 'badge v-' + status.verdict, 'data-testid': 'details-verdict', text: status.label })),
      el('h3', { text: 'Change' }),
      el('pre', { 'data-testid': 'change-description', text: changeLabel(row) }),
      el('h3', { text: 'Evidence' }),
      el('pre', { 'data-testid': 'change-evidence', text: cell.evidence }),
    ];
  }

  function ruleDetails(row, cell, target) {
    var status = ruleStatus(cell.verdict);
    var parts = [
      detailsHead(row.rule, targetLine(target), el('span', { class: 'badge v-' + status.verdict, 'data-testid': 'details-verdict', text: status.label + ' \u00b7 ' + runsText(cell) })),
      el('h3', { text: 'Area' }),
      el('p', { 'data-testid': 'rule-area-title', text: row.areaTitle }),
      el('h3', { text: 'Operations' }),
      el('pre', { 'data-testid': 'rule-operations', text: row.operations.join(', ') }),
    ];
    if (cell.brokenAt.length > 0) {
      parts.push(el('h3', { text: 'Where broken' }), el('pre', { 'data-testid': 'rule-broken-at', text: cell.brokenAt.join(', ') }));
      parts.push(el('p', { class: 'note', text: 'Each deviation that breaks it is listed in the cell of its operation, with the rule named.' }));
    }
    if (cell.reason !== undefined) parts.push(el('h3', { text: 'Why not judged' }), el('pre', { 'data-testid': 'rule-reason', text: cell.reason }));
    parts.push(el('h3', { text: 'Source' }), el('pre', { 'data-testid': 'rule-source', text: row.source.join('\n') }));
    return parts;
  }

  function openDetails(cell, content) {
    if (activeCell) activeCell.setAttribute('aria-expanded', 'false');
    activeCell = cell;
    cell.setAttribute('aria-expanded', 'true');
    panel.replaceChildren.apply(panel, content);
    panel.hidden = false;
    layout.classList.add('has-details');
    document.getElementById('details-title').focus();
  }

  function closeDetails() {
    panel.hidden = true;
    panel.replaceChildren();
    layout.classList.remove('has-details');
    if (!activeCell) return;
    var cell = activeCell;
    activeCell = null;
    cell.setAttribute('aria-expanded', 'false');
    cell.focus();
  }

  var ARROWS = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

  /** Arrow keys move focus between cells of the same table, like a grid. */
  function onArrowKey(event) {
    var move = Object.prototype.hasOwnProperty.call(ARROWS, event.key) ? ARROWS[event.key] : null;
    var current = move && event.target.closest ? event.target.closest('button.cell') : null;
    if (!current) return;
    var td = current.closest('td');
    var rows = Array.prototype.slice.call(td.parentElement.parentElement.rows);
    var row = rows[rows.indexOf(td.parentElement) + move[0]];
    var target = row && row.cells[td.cellIndex + move[1]];
    var next = target && target.querySelector('button.cell');
    if (next) { event.preventDefault(); next.focus(); }
  }

  function renderSubtitle() {
    var text = data.operations.length + ' operations \u00d7 ' + data.targets.length + ' targets';
    if (data.behaviour && data.behaviour.length > 0) text += ' \u00b7 ' + data.behaviour.length + ' behaviour rules';
    if (data.changes.length > 0) text += ' \u00b7 ' + data.changes.length + ' document changes';
    document.getElementById('subtitle').textContent = text + '. Select a cell for its deviations.';
  }

  renderSubtitle();
  var content = document.getElementById('matrix-content');
  content.replaceChildren.apply(content, [operationsSection(), behaviourSection(), coverageSection(), changesSection()].filter(Boolean));
  content.addEventListener('keydown', onArrowKey);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) closeDetails();
  });
  document.body.setAttribute('data-ready', 'true');
})();
`;
