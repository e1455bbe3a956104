// The HTML report's only style sheet, inline: light and dark follow the reader's system, and
// print always uses the light colours on white. Status colours keep 4.5:1 contrast on their
// own background in both schemes.
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1b1b; --muted: #505050; --border: #c8c8c8; --code-bg: #f3f3f3; --link: #0f5ea8;
  --pass: #0b6a0b; --pass-bg: #e6f4e3; --warn: #7a4d00; --warn-bg: #fff3cc; --fail: #a4262c; --fail-bg: #fde7e9;
  --blocked: #474747; --blocked-bg: #ebebeb; --unknown: #5c2e91; --unknown-bg: #efe6f7; --skip: #555555; --skip-bg: #f3f3f3;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #1c1c1c; --fg: #f0f0f0; --muted: #c2c2c2; --border: #4a4a4a; --code-bg: #2a2a2a; --link: #8cc4ff;
    --pass: #86d986; --pass-bg: #15301a; --warn: #f2c94c; --warn-bg: #3a2e0a; --fail: #ff9ea2; --fail-bg: #44171b;
    --blocked: #cccccc; --blocked-bg: #303030; --unknown: #d6b8f6; --unknown-bg: #2f2140; --skip: #bdbdbd; --skip-bg: #282828;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 "Segoe UI", system-ui, -apple-system, sans-serif; }
header, main, footer { max-width: 1040px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
footer { padding-bottom: 32px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 32px 0 8px; border-bottom: 1px solid var(--border); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 0 0 6px; }
h4 { font-size: 0.95rem; margin: 12px 0 4px; }
p { margin: 6px 0; }
a { color: var(--link); }
.meta { color: var(--muted); margin: 0; }
.verdict { margin: 16px 0; padding: 12px 16px; border-left: 6px solid var(--border); border-radius: 6px; background: var(--blocked-bg); }
.verdict p { margin: 0; font-size: 1.1rem; font-weight: 600; }
.verdict.status-pass { border-color: var(--pass); background: var(--pass-bg); }
.verdict.status-warn { border-color: var(--warn); background: var(--warn-bg); }
.verdict.status-fail { border-color: var(--fail); background: var(--fail-bg); }
.verdict.status-unknown { border-color: var(--unknown); background: var(--unknown-bg); }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-weight: 600; white-space: nowrap; }
.badge.status-pass { color: var(--pass); background: var(--pass-bg); }
.badge.status-warn { color: var(--warn); background: var(--warn-bg); }
.badge.status-fail { color: var(--fail); background: var(--fail-bg); }
.badge.status-blocked { color: var(--blocked); background: var(--blocked-bg); }
.badge.status-unknown { color: var(--unknown); background: var(--unknown-bg); }
.badge.status-skip { color: var(--skip); background: var(--skip-bg); }
.verdict .badge { background: var(--bg); margin-right: 8px; }
.action { padding: 4px 16px 8px; border: 1px solid var(--border); border-radius: 6px; }
.action h2 { margin-top: 12px; }
.chain { margin: 16px 0; }
.chain figcaption { color: var(--muted); font-size: 0.9rem; }
.chain-svg { display: block; width: 100%; height: auto; max-width: 960px; }
.chain-node rect { fill: var(--skip-bg); stroke: var(--border); stroke-width: 2; }
.chain-node.status-pass rect { fill: var(--pass-bg); stroke: var(--pass); }
.chain-node.status-warn rect { fill: var(--warn-bg); stroke: var(--warn); }
.chain-node.status-fail rect { fill: var(--fail-bg); stroke: var(--fail); }
.chain-node.status-blocked rect { fill: var(--blocked-bg); stroke: var(--blocked); stroke-dasharray: 6 4; }
.chain-node.status-unknown rect { fill: var(--unknown-bg); stroke: var(--unknown); }
.chain-node-root rect { stroke-width: 5; }
.chain-node text { text-anchor: middle; fill: var(--fg); font-size: 13px; }
.chain-label { font-weight: 600; }
.chain-status { font-size: 12px; }
.chain-root { font-weight: 700; fill: var(--fail) !important; }
.chain-arrow { fill: var(--muted); stroke: var(--muted); stroke-width: 2; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--border); overflow-wrap: anywhere; }
th { font-weight: 600; }
.check { margin: 16px 0; padding: 12px 16px; border: 1px solid var(--border); border-radius: 6px; }
.check .label { font-weight: 600; }
pre, code { font-family: Consolas, "Cascadia Mono", ui-monospace, monospace; font-size: 0.88rem; }
pre { background: var(--code-bg); padding: 8px 10px; border-radius: 4px; margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
.note { color: var(--muted); }
footer { margin-top: 32px; color: var(--muted); font-size: 0.9rem; }
footer dl.facts { border-top: 1px solid var(--border); padding-top: 12px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #404040; --border: #9a9a9a; --code-bg: #f3f3f3; --link: #000000;
    --pass: #0b6a0b; --pass-bg: #e6f4e3; --warn: #7a4d00; --warn-bg: #fff3cc; --fail: #a4262c; --fail-bg: #fde7e9;
    --blocked: #474747; --blocked-bg: #ebebeb; --unknown: #5c2e91; --unknown-bg: #efe6f7; --skip: #555555; --skip-bg: #f3f3f3;
  }
  @page { margin: 14mm; }
  body { font-size: 11pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .verdict, .action, .chain, tr, pre { break-inside: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
}
`;
