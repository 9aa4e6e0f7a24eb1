import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { NodeSummary } from '../../../shared/models';
import { useTheme } from '../../theme/theme-context';
import { drawHeatmap, timedDraw } from './heatmap-draw';
import { buildHeatmapModel, computeLayout, heatmapPalette, hitTest, moveHighlight, stateSummary, cellOrigin } from './heatmap-model';
import { HeatmapLegend } from './HeatmapLegend';
import { nodeStateLabel } from './node-states';

const useStyles = makeStyles({
  wrap: { position: 'relative', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  canvas: {
    display: 'block',
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusSmall,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  tip: {
    position: 'absolute',
    pointerEvents: 'none',
    zIndex: 2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow8,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
  },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
});

/** Props of NodeHeatmap. */
export interface NodeHeatmapProps {
  nodes: readonly NodeSummary[];
  taskSlotsPerNode: number | undefined;
  onOpen(nodeId: string): void;
}

function describe(node: NodeSummary, slots: number | undefined): string {
  const tasks = node.runningTasksCount ?? 0;
  const used = node.runningTaskSlotsCount ?? 0;
  return `${node.id}: ${nodeStateLabel(node.state)}, ${tasks} running task${tasks === 1 ? '' : 's'}, ${used} of ${slots ?? 1} slots in use`;
}

/**
 * One cell per node on a single canvas, coloured by state (running nodes shaded by slots in use). Hover shows the
 * node, click or Enter opens it, arrow keys move the highlight. `data-node-count` and `data-states` expose the model.
 */
export function NodeHeatmap({ nodes, taskSlotsPerNode, onOpen }: NodeHeatmapProps) {
  const styles = useStyles();
  const { active: theme } = useTheme();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | undefined>();
  const [highlightId, setHighlightId] = useState<string | undefined>();

  const model = useMemo(() => buildHeatmapModel(nodes, taskSlotsPerNode), [nodes, taskSlotsPerNode]);
  const layout = useMemo(() => computeLayout(nodes.length, width), [nodes.length, width]);
  const palette = useMemo(() => heatmapPalette(theme), [theme]);
  // The highlight follows the node, not the position, as nodes come and go between polls.
  const highlight = highlightId === undefined ? -1 : nodes.findIndex((n) => n.id === highlightId);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => setWidth(Math.floor(entries[0]?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const cssHeight = Math.max(layout.height, 1);
    const pixelWidth = Math.round(layout.width * ratio);
    const pixelHeight = Math.round(cssHeight * ratio);
    // Resizing a canvas reallocates and clears its bitmap; a poll that keeps the layout only redraws it.
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
      canvas.style.width = `${layout.width}px`;
      canvas.style.height = `${cssHeight}px`;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const outline = highlight >= 0 ? { index: highlight, color: theme === 'light' ? '#000000' : '#ffffff' } : undefined;
    timedDraw(() => drawHeatmap(ctx, model, layout, palette, outline));
  }, [model, layout, palette, highlight, theme, width]);

  const pointAt = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    return { index: hitTest(layout, x, y), x, y };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      const node = nodes[highlight];
      if (node) {
        event.preventDefault();
        onOpen(node.id);
      }
      return;
    }
    const next = moveHighlight(highlight, event.key, layout);
    if (next === undefined) return;
    event.preventDefault();
    setHighlightId(nodes[next]?.id);
  };

  const hovered = hover && hover.index >= 0 ? nodes[hover.index] : undefined;
  const highlighted = highlight >= 0 ? nodes[highlight] : undefined;
  const keyTip = !hovered && highlighted ? { node: highlighted, ...cellOrigin(layout, highlight) } : undefined;
  const tip = hovered ? { node: hovered, x: hover!.x, y: hover!.y } : keyTip ? { node: keyTip.node, x: keyTip.x + layout.cell, y: keyTip.y + layout.cell } : undefined;
  const summary = stateSummary(model.byState);

  return (
    <div className={styles.wrap} ref={wrapRef}>
      {nodes.length === 0 ? <Caption1>This pool has no nodes.</Caption1> : null}
      <canvas
        ref={canvasRef}
        className={styles.canvas}
        tabIndex={0}
        role="application"
        aria-roledescription="node heatmap"
        aria-label={`Node heatmap: ${nodes.length} nodes. ${summary.replaceAll(',', ', ')}. Arrow keys move, Enter opens a node.`}
        data-testid="node-heatmap"
        data-node-count={model.count}
        data-states={summary}
        data-highlight={highlighted?.id}
        onMouseMove={(e) => setHover(pointAt(e))}
        onMouseLeave={() => setHover(undefined)}
        onClick={(e) => {
          const { index } = pointAt(e);
          const node = nodes[index];
          if (node) onOpen(node.id);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setHighlightId(undefined)}
      />
      {tip ? (
        <div className={styles.tip} style={{ left: Math.min(tip.x + 12, Math.max(0, layout.width - 220)), top: tip.y + 12 }} data-testid="heatmap-tip">
          <strong>{tip.node.id}</strong>
          <br />
          {nodeStateLabel(tip.node.state)} · {tip.node.runningTasksCount ?? 0} running tasks · {tip.node.runningTaskSlotsCount ?? 0}/
          {taskSlotsPerNode ?? 1} slots
        </div>
      ) : null}
      <span className={styles.live} aria-live="polite">
        {highlighted ? describe(highlighted, taskSlotsPerNode) : ''}
      </span>
      <HeatmapLegend byState={model.byState} theme={theme} palette={palette} />
    </div>
  );
}
