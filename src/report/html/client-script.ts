/**
 * The report's only script (inline; the page's CSP allows exactly this one by its hash). It reads
 * the case data from the JSON block and builds the case list with textContent — never innerHTML —
 * so no case text is ever parsed as markup. Filters: suite, metric (cases where it moved), status,
 * free text; sort by change; a click expands a case (input, both outputs, word-level diff, each
 * metric's reason — a judge's explanation — on both sides). The selected cases download as CSV
 * or JSON (a Blob; nothing leaves the page).
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('evalgate-data').textContent);
  var cases = data.cases;
  var controls = { suite: byId('f-suite'), metric: byId('f-metric'), status: byId('f-status'), text: byId('f-text'), sort: byId('f-sort') };
  var rows = byId('case-rows');
  var count = byId('case-count');
  var PAGE = 200;
  var shown = PAGE;
  function byId(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function points(change) {
    if (change === null || change === undefined) return '';
    var value = change * 100;
    return (value > 0 ? '+' : value < 0 ? '\\u2212' : '\\u00b1') + Math.abs(value).toFixed(1);
  }
  function metricOf(item, name) {
    for (var i = 0; i < item.metrics.length; i += 1) if (item.metrics[i].name === name) return item.metrics[i];
    return null;
  }
  function changeOf(item, metric) {
    if (!metric) return item.change;
    var found = metricOf(item, metric);
    return found && found.change !== null ? found.change : 0;
  }
  function matches(item, filter) {
    if (filter.suite && item.suite !== filter.suite) return false;
    if (filter.status && item.status !== filter.status) return false;
    if (filter.metric) {
      var found = metricOf(item, filter.metric);
      var moved = found && (found.change !== null ? found.change !== 0 : found.baseline !== '\\u2014' && found.pr !== '\\u2014' && found.baseline !== found.pr);
      if (!moved) return false;
    }
    if (filter.text) {
      var haystack = [item.id, item.input, item.baselineOutput || '', item.prOutput || '', item.error || ''].join('\\n').toLowerCase();
      if (haystack.indexOf(filter.text) < 0) return false;
    }
    return true;
  }
  function block(title, text, className) {
    var box = el('div', 'panel ' + (className || ''));
    box.appendChild(el('h4', '', title));
    box.appendChild(el('pre', '', text === null ? '(no output)' : text));
    return box;
  }
  function diffBlock(diff) {
    var box = el('div', 'panel diff');
    box.appendChild(el('h4', '', 'word-level diff (baseline \\u2192 this run)'));
    var pre = el('pre');
    diff.forEach(function (part) { pre.appendChild(el(part[0] === 1 ? 'ins' : part[0] === -1 ? 'del' : 'span', '', part[1])); });
    box.appendChild(pre);
    return box;
  }
  function details(item) {
    var cell = el('td');
    cell.colSpan = 5;
    var wrap = el('div', 'case-detail');
    wrap.appendChild(block('input', item.input, 'input'));
    if (item.error) wrap.appendChild(block('error', item.error, 'error-text'));
    var sides = el('div', 'sides');
    sides.appendChild(block('baseline output', item.baselineOutput));
    sides.appendChild(block('this run', item.prOutput));
    wrap.appendChild(sides);
    if (item.diff) wrap.appendChild(diffBlock(item.diff));
    if (item.metrics.length) {
      var table = el('table', 'case-metrics');
      var head = el('tr');
      var reasons = item.metrics.some(function (metric) { return metric.prReason || metric.baselineReason; });
      ['metric', 'baseline', 'this run', 'change (pts)'].concat(reasons ? ['why (this run)', 'why (baseline)'] : []).forEach(function (name) { head.appendChild(el('th', '', name)); });
      table.appendChild(head);
      item.metrics.forEach(function (metric) {
        var row = el('tr', metric.change < 0 ? 'worse' : metric.change > 0 ? 'better' : '');
        [metric.name, metric.baseline, metric.pr, points(metric.change)].forEach(function (text) { row.appendChild(el('td', '', text)); });
        if (reasons) {
          row.appendChild(el('td', 'reason', metric.prReason || ''));
          row.appendChild(el('td', 'reason', metric.baselineReason || ''));
        }
        table.appendChild(row);
      });
      wrap.appendChild(table);
    }
    cell.appendChild(wrap);
    var row = el('tr', 'detail-row');
    row.appendChild(cell);
    return row;
  }
  function caseRow(item, metric) {
    var row = el('tr', 'case ' + item.status);
    row.appendChild(el('td', 'suite-name', item.suite));
    var idCell = el('td');
    var toggle = el('button', 'toggle', item.id);
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') === 'true';
      if (open) row.parentNode.removeChild(row.nextSibling);
      else row.parentNode.insertBefore(details(item), row.nextSibling);
      toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
    });
    idCell.appendChild(toggle);
    row.appendChild(idCell);
    var status = el('td');
    status.appendChild(el('span', 'pill ' + item.status, item.status));
    row.appendChild(status);
    var change = changeOf(item, metric);
    row.appendChild(el('td', 'num ' + (change < 0 ? 'worse' : change > 0 ? 'better' : ''), item.status === 'removed' || item.status === 'added' ? '' : points(change)));
    var moved = item.metrics.filter(function (m) { return m.change !== null && m.change !== 0; }).map(function (m) { return m.name + ' ' + points(m.change); });
    row.appendChild(el('td', 'moved', moved.join(', ')));
    return row;
  }
  function currentFilter() {
    return { suite: controls.suite.value, metric: controls.metric.value, status: controls.status.value, text: controls.text.value.trim().toLowerCase() };
  }
  function selected(filter) {
    var sort = controls.sort.value;
    var list = cases.filter(function (item) { return matches(item, filter); });
    list.sort(function (a, b) {
      if (sort === 'id') return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      var difference = changeOf(a, filter.metric) - changeOf(b, filter.metric);
      return (sort === 'change' ? difference : -difference) || (a.id < b.id ? -1 : 1);
    });
    return list;
  }
  // Export: the cases the filters select, in the table's order. A CSV text cell that a
  // spreadsheet would run as a formula (= + - @, tab, carriage return) is prefixed with '.
  function csvCell(value, numeric) {
    if (value === null || value === undefined) return '';
    var text = String(value);
    if (!numeric && /^[=+\\-@\\t\\r]/.test(text)) text = "'" + text;
    return /[",\\n\\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function metricNames(list) {
    var names = [];
    list.forEach(function (item) { item.metrics.forEach(function (metric) { if (names.indexOf(metric.name) < 0) names.push(metric.name); }); });
    return names;
  }
  function exportRows(list) {
    return list.map(function (item) {
      var metrics = {};
      item.metrics.forEach(function (metric) { metrics[metric.name] = { baseline: metric.baseline, pr: metric.pr, change: metric.change === null ? null : Math.round(metric.change * 10000) / 100, reason: metric.prReason || null, baselineReason: metric.baselineReason || null }; });
      return { suite: item.suite, id: item.id, status: item.status, change: Math.round(item.change * 10000) / 100, metrics: metrics, input: item.input, baselineOutput: item.baselineOutput, output: item.prOutput, error: item.error };
    });
  }
  function toCsv(list) {
    var names = metricNames(list);
    var header = ['suite', 'case', 'status', 'change (pts)'];
    names.forEach(function (name) { header.push(name + ' baseline', name + ' this run', name + ' change (pts)', name + ' why'); });
    header.push('input', 'baseline output', 'this run output', 'error');
    var lines = [header.map(function (text) { return csvCell(text); }).join(',')];
    exportRows(list).forEach(function (row) {
      var cells = [csvCell(row.suite), csvCell(row.id), csvCell(row.status), csvCell(row.change, true)];
      names.forEach(function (name) {
        var metric = row.metrics[name] || {};
        cells.push(csvCell(metric.baseline), csvCell(metric.pr), csvCell(metric.change, true), csvCell(metric.reason));
      });
      cells.push(csvCell(row.input), csvCell(row.baselineOutput), csvCell(row.output), csvCell(row.error));
      lines.push(cells.join(','));
    });
    return lines.join('\\r\\n') + '\\r\\n';
  }
  function download(name, type, text) {
    var link = el('a');
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
  }
  byId('export-csv').addEventListener('click', function () { download('evalgate-cases.csv', 'text/csv;charset=utf-8', '\\ufeff' + toCsv(selected(currentFilter()))); });
  byId('export-json').addEventListener('click', function () { download('evalgate-cases.json', 'application/json', JSON.stringify({ format: 'evalgate-cases', version: 1, cases: exportRows(selected(currentFilter())) }, null, 2)); });
  function render() {
    var filter = currentFilter();
    var list = selected(filter);
    while (rows.firstChild) rows.removeChild(rows.firstChild);
    list.slice(0, shown).forEach(function (item) { rows.appendChild(caseRow(item, filter.metric)); });
    count.textContent = list.length + ' of ' + cases.length + ' cases' + (list.length > shown ? ', first ' + shown + ' shown' : '');
    if (list.length > shown) {
      var more = el('button', 'more', 'show ' + Math.min(PAGE, list.length - shown) + ' more');
      more.type = 'button';
      more.addEventListener('click', function () { shown += PAGE; render(); });
      var cell = el('td');
      cell.colSpan = 5;
      cell.appendChild(more);
      var row = el('tr');
      row.appendChild(cell);
      rows.appendChild(row);
    }
  }
  ['suite', 'metric', 'status', 'sort'].forEach(function (name) { controls[name].addEventListener('change', function () { shown = PAGE; render(); }); });
  controls.text.addEventListener('input', function () { shown = PAGE; render(); });
  render();
})();`;
