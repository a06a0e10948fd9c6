/** The report's stylesheet (inline: the page loads nothing). */
export const STYLES = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --pass: #1a7f37; --warn: #9a6700; --fail: #cf222e; --error: #82071e;
  --base: #8c959f; --pr: #8250df; --add: #dafbe1; --del: #ffebe9; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font-size: 14px; line-height: 1.45; }
main { max-width: 1280px; margin: 0 auto; padding: 0 24px 48px; }
h1 { font-size: 22px; margin: 0; }
h2 { font-size: 17px; margin: 28px 0 8px; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
h2 small, figcaption small { color: var(--muted); font-weight: normal; font-size: 12px; }
h4 { margin: 0 0 4px; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.top { border-bottom: 1px solid var(--line); padding: 20px 24px 12px; background: var(--soft); border-top: 5px solid var(--pass); }
.top.warn { border-top-color: var(--warn); } .top.fail { border-top-color: var(--fail); } .top.error { border-top-color: var(--error); }
.top > * { max-width: 1232px; margin-left: auto; margin-right: auto; }
.verdict { display: flex; align-items: center; gap: 12px; }
.headline { font-size: 15px; margin: 8px auto; overflow-wrap: anywhere; }
.meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 8px auto 0; }
.meta div { display: flex; gap: 6px; } .meta dt { color: var(--muted); } .meta dd { margin: 0; font-weight: 600; }
.pill { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px; font-weight: 600; color: #fff; background: var(--muted); white-space: nowrap; }
.pill.pass, .pill.improved { background: var(--pass); } .pill.warn { background: var(--warn); } .pill.fail, .pill.regressed { background: var(--fail); }
.pill.error, .pill.errored { background: var(--error); } .pill.skipped, .pill.unchanged, .pill.removed { background: var(--base); } .pill.added { background: var(--pr); }
.note { color: var(--muted); margin: 2px 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
table.metrics td:first-child { white-space: nowrap; color: var(--muted); } table.metrics td:last-child, .moved { overflow-wrap: anywhere; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--soft); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.metrics tr.fail td { background: #fff5f5; } table.metrics tr.warn td { background: #fff8e5; }
.legend { color: var(--muted); font-size: 12px; margin-top: 6px; display: flex; align-items: center; gap: 6px; }
.key { display: inline-block; width: 12px; height: 10px; border-radius: 2px; margin-left: 10px; }
.key.base { background: var(--base); } .key.pr { background: var(--pr); } .key.line { height: 3px; background: #0969da; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 10px; margin-top: 6px; }
.card { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; background: #fff; }
.card figcaption { margin-bottom: 4px; overflow-wrap: anywhere; }
.trend-label { font-size: 11px; color: var(--muted); margin-top: 6px; }
.chart { display: block; max-width: 100%; height: auto; overflow: visible; }
.chart text { font-size: 10px; fill: var(--muted); } .chart .axis { stroke: var(--line); }
.bar-base { fill: var(--base); } .bar-pr { fill: var(--pr); }
.trend polyline { fill: none; stroke: #0969da; stroke-width: 2; } .trend circle { fill: #0969da; }
.errors ul { padding-left: 20px; } .error-text { color: var(--error); white-space: pre-wrap; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; padding: 10px; background: var(--soft); border: 1px solid var(--line); border-radius: 8px; }
.controls label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 3px; }
.controls .grow { flex: 1; min-width: 200px; }
select, input { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
.case-list td.suite-name { color: var(--muted); max-width: 180px; }
button.toggle { all: unset; cursor: pointer; color: #0969da; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
button.toggle::before { content: "▸ "; color: var(--muted); } button.toggle[aria-expanded="true"]::before { content: "▾ "; }
button.more { font: inherit; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--line); background: var(--soft); cursor: pointer; }
td.worse { color: var(--fail); font-weight: 600; } td.better { color: var(--pass); font-weight: 600; }
.moved { color: var(--muted); font-size: 12.5px; }
tr.detail-row > td { background: var(--soft); padding: 10px 12px; }
.case-detail { display: flex; flex-direction: column; gap: 8px; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.panel pre { margin: 0; padding: 8px 10px; background: #fff; border: 1px solid var(--line); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 320px; overflow: auto; font-size: 12.5px; }
.diff ins { background: var(--add); color: #116329; text-decoration: none; } .diff del { background: var(--del); color: #82071e; }
.case-metrics { width: auto; min-width: 360px; } .case-metrics tr.worse td:last-child { color: var(--fail); } .case-metrics tr.better td:last-child { color: var(--pass); }
footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); margin-top: 32px; padding-top: 10px; }
.case-metrics td.reason { max-width: 420px; color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.exports { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; } .exports .note { flex: 1; }
.matrix-wrap { overflow-x: auto; } table.matrix td { vertical-align: top; } table.matrix pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 160px; overflow: auto; font-size: 12px; }
table.matrix td.variant { min-width: 220px; } table.matrix td.missing { color: var(--muted); font-style: italic; } .scores .score { margin-right: 8px; font-size: 12px; color: var(--muted); }
`;
