import { type ChainNodeState, chainStates } from '@contract/chain-nodes';
import type { CheckId, CheckResult } from '@contract/types';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, type MouseEvent, useId } from 'react';
import { CHAIN, chainLayout, labelOffset, type NodeBox } from '../lib/chain-layout';
import { textWidth } from '../lib/text-width';
import { useElementWidth } from '../lib/use-element-width';
import { STATUS_LABEL, verdictKind } from '../lib/words';
import { useChecklistViewStore } from '../state/checklist-view-store';
import { useRunStore } from '../state/run-store';
import { StatusIcon } from './status-icon';
import { useStatusColors } from './status-styles';

const LABEL_FONT_SIZE = 12;

const useStyles = makeStyles({
  // Narrower than the chain needs, it scrolls sideways rather than cutting the labels.
  box: { minWidth: 0, overflowX: 'auto', overflowY: 'hidden' },
  drawing: { position: 'relative' },
  arrows: { position: 'absolute', inset: 0, display: 'block' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  // Each node is a link over its own drawing; the drawing shows the status, the link's name says it.
  link: {
    position: 'absolute',
    top: 0,
    display: 'block',
    color: 'inherit',
    borderRadius: tokens.borderRadiusLarge,
    outlineStyle: 'none',
    ':focus-visible [data-focus-ring]': { visibility: 'visible' },
    ':hover [data-node-shape]': { strokeWidth: '2.5px' },
  },
  svg: { display: 'block', overflow: 'visible' },
  ring: { visibility: 'hidden', fill: 'none', stroke: tokens.colorStrokeFocus2, strokeWidth: '2px' },
  shape: { strokeWidth: '1.5px' },
  pass: { fill: tokens.colorStatusSuccessBackground1, stroke: tokens.colorStatusSuccessBorder2 },
  warn: { fill: tokens.colorStatusWarningBackground1, stroke: tokens.colorStatusWarningBorder2 },
  fail: { fill: tokens.colorStatusDangerBackground1, stroke: tokens.colorStatusDangerBorder2 },
  blocked: {
    fill: tokens.colorNeutralBackground3,
    stroke: tokens.colorNeutralStroke1,
    strokeDasharray: '5 3',
  },
  unknown: {
    fill: tokens.colorNeutralBackground3,
    stroke: tokens.colorPaletteLavenderBorderActive,
    strokeDasharray: '2 3',
  },
  skip: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralStroke2, strokeDasharray: '2 3' },
  // The root cause: a thicker edge and a second ring, and its name under it (not colour alone).
  rootShape: { strokeWidth: '3px' },
  rootRing: { fill: 'none', stroke: tokens.colorNeutralForeground1, strokeWidth: '1.5px' },
  caption: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '11px',
    fontWeight: tokens.fontWeightBold,
    letterSpacing: '0.04em',
    textTransform: 'uppercase',
  },
  label: { fill: tokens.colorNeutralForeground1, fontSize: `${LABEL_FONT_SIZE}px`, fontWeight: 600 },
  icon: { '--status-icon-contrast': tokens.colorNeutralBackground1 },
  arrow: { fill: 'none', stroke: tokens.colorNeutralStroke1, strokeWidth: '1.5px' },
  arrowHead: { fill: tokens.colorNeutralStroke1 },
  // The link into a failed node is drawn broken.
  brokenArrow: { stroke: tokens.colorStatusDangerBorder2, strokeDasharray: '3 3' },
});

/** The step a node opens: the root cause when it is there, else the check that gave the node its status. */
function stepOf(node: ChainNodeState, checks: readonly CheckResult[], rootCause: CheckId | null): CheckId {
  if (node.root && rootCause) return rootCause;
  const status = new Map(checks.map((c) => [c.id, c.status]));
  if (status.get(node.id) === node.status) return node.id;
  return node.checks.find((id) => status.get(id) === node.status) ?? node.id;
}

/** Left/Right (and Home/End) move between the nodes, as along the chain. */
function moveAlongChain(event: KeyboardEvent<HTMLOListElement>) {
  const keys = ['ArrowRight', 'ArrowLeft', 'Home', 'End'];
  const target = event.target as Element;
  if (!keys.includes(event.key) || !target.matches('[data-chain-node]')) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('[data-chain-node]')];
  const at = links.indexOf(target as HTMLAnchorElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? links.length - 1
        : Math.min(links.length - 1, Math.max(0, at + (event.key === 'ArrowRight' ? 1 : -1)));
  event.preventDefault();
  links[next]?.focus();
}

interface Geometry {
  /** The drawing's height (taller when a node carries the root-cause caption). */
  height: number;
  /** The vertical middle of the nodes, where the arrows run. */
  centre: number;
}

/** The arrows between the nodes; the one into a failed node drawn broken. */
function ChainArrows({
  boxes,
  nodes,
  drawn,
  geometry,
}: {
  boxes: readonly NodeBox[];
  nodes: readonly ChainNodeState[];
  drawn: number;
  geometry: Geometry;
}) {
  const styles = useStyles();
  const { height, centre } = geometry;
  return (
    <svg className={styles.arrows} width={drawn} height={height} aria-hidden="true" focusable="false">
      {boxes.slice(1).map((to, index) => {
        const from = boxes[index] as NodeBox;
        const start = from.x + from.width + 3;
        const end = to.x - 3;
        const broken = nodes[index + 1]?.status === 'fail';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the chain's links never move.
          <g key={index}>
            <path
              className={mergeClasses(styles.arrow, broken && styles.brokenArrow)}
              d={`M${start} ${centre}H${end - 5}`}
            />
            <path className={styles.arrowHead} d={`M${end} ${centre}l-6 -4v8z`} />
          </g>
        );
      })}
    </svg>
  );
}

/** Room around a node's shape, in its own drawing, for the focus and root-cause rings. */
const NODE_MARGIN = 4;

/** One node's own drawing, in its own coordinates: rings, shape, status icon, label, caption. */
function NodeDrawing({
  node,
  place,
  caption,
  geometry,
}: {
  node: ChainNodeState;
  place: NodeBox;
  caption: string;
  geometry: Geometry;
}) {
  const styles = useStyles();
  const colors = useStatusColors();
  const { height, centre } = geometry;
  const { width: w, lines } = place;
  const left = NODE_MARGIN;
  const firstBaseline = centre + 4 - ((lines.length - 1) * CHAIN.lineHeight) / 2;
  return (
    <svg className={styles.svg} width={w + 2 * left} height={height} aria-hidden="true" focusable="false">
      <rect
        data-focus-ring=""
        className={styles.ring}
        x={left - 4}
        y={CHAIN.nodeTop - 4}
        width={w + 8}
        height={CHAIN.nodeHeight + 8}
        rx={10}
      />
      {node.root && (
        <rect
          className={styles.rootRing}
          x={left - 2.5}
          y={CHAIN.nodeTop - 2.5}
          width={w + 5}
          height={CHAIN.nodeHeight + 5}
          rx={9}
        />
      )}
      <rect
        data-node-shape=""
        className={mergeClasses(styles.shape, styles[node.status], node.root && styles.rootShape)}
        x={left}
        y={CHAIN.nodeTop}
        width={w}
        height={CHAIN.nodeHeight}
        rx={7}
      />
      <g
        className={mergeClasses(styles.icon, colors[node.status])}
        transform={`translate(${left + CHAIN.padding} ${centre - CHAIN.icon / 2})`}
      >
        <StatusIcon status={node.status} size={CHAIN.icon} />
      </g>
      <text className={styles.label} x={left + labelOffset()} y={firstBaseline}>
        {lines.map((line, lineIndex) => (
          <tspan key={line} x={left + labelOffset()} dy={lineIndex === 0 ? 0 : CHAIN.lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
      {node.root && (
        <text className={styles.caption} x={left + w / 2} y={CHAIN.captionBaseline} textAnchor="middle">
          {caption}
        </text>
      )}
    </svg>
  );
}

/** A node as a link to its step, named for screen readers ("Policy: Fail, root cause"). */
function ChainNodeLink({
  node,
  place,
  step,
  caption,
  geometry,
  onOpen,
}: {
  node: ChainNodeState;
  place: NodeBox;
  step: CheckId;
  caption: string;
  geometry: Geometry;
  onOpen: (event: MouseEvent, step: CheckId) => void;
}) {
  const styles = useStyles();
  const name = `${node.label}: ${STATUS_LABEL[node.status]}${node.root ? `, ${caption.toLowerCase()}` : ''}`;
  return (
    <li>
      <a
        href={`#step-${step}`}
        className={styles.link}
        style={{ left: place.x - NODE_MARGIN, width: place.width + 2 * NODE_MARGIN, height: geometry.height }}
        data-chain-node={node.id}
        data-status={node.status}
        data-root={node.root ? 'true' : undefined}
        data-opens={step}
        onClick={(event) => onOpen(event, step)}
      >
        <span className="visually-hidden">{name}</span>
        <NodeDrawing node={node} place={place} caption={caption} geometry={geometry} />
      </a>
    </li>
  );
}

/**
 * The chain as people draw it — device, policy, Hello, Entra ID, partial TGT, domain controller,
 * full TGT, file share — each node coloured and shaped by its status, the root cause ringed and
 * named. Screen readers get it as a list of links ("Policy: Fail, root cause"); each opens its step.
 */
export function ChainPicture() {
  const styles = useStyles();
  const headingId = useId();
  const [boxRef, width, box] = useElementWidth<HTMLDivElement>();
  const report = useRunStore((s) => s.report);
  const reveal = useChecklistViewStore((s) => s.reveal);
  if (!report) return null;
  const { headline, checks } = report;
  const rootCause = headline.status === 'fail' ? headline.checkId : null;
  const nodes = chainStates(checks, rootCause);
  const font = `600 ${LABEL_FONT_SIZE}px ${box ? getComputedStyle(box).fontFamily : 'sans-serif'}`;
  const drawn = Math.max(width, CHAIN.minWidth);
  const gap = drawn >= 900 ? 20 : 14;
  const boxes =
    width > 0
      ? chainLayout(
          nodes.map((n) => n.label),
          drawn,
          gap,
          (t) => textWidth(t, font),
        )
      : [];
  const caption = verdictKind(headline) === 'cannot-judge' ? 'Cannot judge' : 'Root cause';
  const height = nodes.some((n) => n.root) ? CHAIN.heightWithCaption : CHAIN.height;
  const geometry: Geometry = { height, centre: CHAIN.nodeTop + CHAIN.nodeHeight / 2 };

  const open = (event: MouseEvent, step: CheckId) => {
    event.preventDefault();
    reveal(step);
  };

  return (
    <section aria-labelledby={headingId} data-testid="chain-picture">
      <h2 id={headingId} className="visually-hidden">
        The chain, from this device to the file share
      </h2>
      <div ref={boxRef} className={styles.box}>
        <div className={styles.drawing} style={{ width: width > 0 ? drawn : undefined, height }}>
          {width > 0 && (
            <>
              <ChainArrows boxes={boxes} nodes={nodes} drawn={drawn} geometry={geometry} />
              <ol className={styles.list} aria-labelledby={headingId} onKeyDown={moveAlongChain}>
                {nodes.map((node, index) => {
                  const place = boxes[index];
                  if (!place) return null;
                  return (
                    <ChainNodeLink
                      key={node.id}
                      node={node}
                      place={place}
                      step={stepOf(node, checks, rootCause)}
                      caption={caption}
                      geometry={geometry}
                      onOpen={open}
                    />
                  );
                })}
              </ol>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
