// The chain as a picture for the HTML report: one box per link, coloured and labelled by
// status, the root cause outlined; beside it a list with the same statuses for screen readers.
import { chainStates } from '@contract/chain-nodes';
import type { Report } from '@contract/report-types';
import { STATUS_SYMBOLS, STATUS_WORDS } from '@contract/report-words';
import { escapeHtml } from './html-escape';

const BOX_WIDTH = 100;
const BOX_HEIGHT = 60;
const GAP = 22;
const TOP = 4;

/** The SVG (hidden from assistive technology) and the list that says the same in words. */
export function chainPictureHtml(report: Report): string {
  const states = chainStates(report.checks, report.headline.checkId);
  const width = states.length * BOX_WIDTH + (states.length - 1) * GAP + 4;
  const nodes = states.map((node, index) => {
    const x = 2 + index * (BOX_WIDTH + GAP);
    const mid = x + BOX_WIDTH / 2;
    const lines = labelLines(node.label);
    const firstY = lines.length === 1 ? TOP + 26 : TOP + 19;
    const label = lines
      .map(
        (line, i) => `<text class="chain-label" x="${mid}" y="${firstY + i * 15}">${escapeHtml(line)}</text>`,
      )
      .join('');
    const status = `<text class="chain-status" x="${mid}" y="${TOP + BOX_HEIGHT - 10}">${escapeHtml(
      `${STATUS_SYMBOLS[node.status]} ${STATUS_WORDS[node.status]}`,
    )}</text>`;
    const root = node.root
      ? `<text class="chain-root" x="${mid}" y="${TOP + BOX_HEIGHT + 18}">Root cause</text>`
      : '';
    const arrow =
      index === states.length - 1
        ? ''
        : `<path class="chain-arrow" d="M${x + BOX_WIDTH + 3} ${TOP + BOX_HEIGHT / 2}h${GAP - 9}m0 -4l5 4l-5 4z"/>`;
    return (
      `<g class="chain-node status-${escapeHtml(node.status)}${node.root ? ' chain-node-root' : ''}" data-chain-node="${escapeHtml(node.id)}" data-status="${escapeHtml(node.status)}">` +
      `<rect x="${x}" y="${TOP}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="8"/>${label}${status}${root}</g>${arrow}`
    );
  });
  const svg =
    `<svg class="chain-svg" viewBox="0 0 ${width} ${TOP + BOX_HEIGHT + 26}" aria-hidden="true" focusable="false">` +
    `${nodes.join('')}</svg>`;
  const items = states.map((node) => {
    const root = node.root ? ' (root cause)' : '';
    return `<li>${escapeHtml(node.label)}: ${escapeHtml(STATUS_WORDS[node.status])}${root}</li>`;
  });
  return `<figure class="chain"><figcaption>The chain, from the device to the file share</figcaption>${svg}<ol class="visually-hidden">${items.join('')}</ol></figure>`;
}

/** One line, or two split at a space when the label is too wide for its box. */
function labelLines(label: string): string[] {
  if (label.length <= 12) return [label];
  const space = label.lastIndexOf(' ', Math.ceil(label.length / 2) + 2);
  return space > 0 ? [label.slice(0, space), label.slice(space + 1)] : [label];
}
