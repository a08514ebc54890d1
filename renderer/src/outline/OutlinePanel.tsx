import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { countNodes, journeyOutline, visibleItems, type OutlineNode } from './outline-model.ts';
import { showOnBoard } from './show-on-board.ts';

/** Beyond this many items the stages start closed: a screen reader reads them first. */
const OPEN_ALL_UP_TO = 400;

/**
 * The outline: the journey as a tree a screen reader can read and a keyboard can walk
 * (the WAI-ARIA tree pattern: one item in the tab order, arrows move, → and ← open and
 * close). Enter shows the item on the board: it takes the board's focus, and the board
 * moves to it.
 */
export function OutlinePanel({ editor }: { editor: Editor }) {
  const records = useStore(editor.store, (s) => s.records);
  const journeyId = useStore(editor.store, (s) => s.journeyId);
  const journeyName = useStore(editor.store, (s) => {
    const journey = s.journeyId ? s.records[s.journeyId] : undefined;
    return journey?.type === 'journey' ? journey.name : '';
  });
  const tree = useMemo(() => (journeyId ? journeyOutline(records, journeyId) : []), [records, journeyId]);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set(countNodes(tree) > OPEN_ALL_UP_TO ? tree.map((n) => n.id) : []));
  const items = useMemo(() => visibleItems(tree, collapsed), [tree, collapsed]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = items.find((i) => i.node.id === activeId) ?? items[0];
  const list = useRef<HTMLUListElement>(null);

  const moveTo = (id: string | undefined) => {
    if (!id) return;
    setActiveId(id);
    list.current?.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(id)}"]`)?.focus();
  };
  const setOpen = (id: string, open: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });

  const activate = (node: OutlineNode) => {
    setActiveId(node.id);
    showOnBoard(editor, node.target);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!active || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = items.indexOf(active);
    const { node, parent } = active;
    const open = node.children.length > 0 && !collapsed.has(node.id);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(items[index + 1]?.node.id);
        break;
      case 'ArrowUp':
        moveTo(items[index - 1]?.node.id);
        break;
      case 'Home':
        moveTo(items[0]?.node.id);
        break;
      case 'End':
        moveTo(items.at(-1)?.node.id);
        break;
      case 'ArrowRight':
        if (node.children.length === 0) return;
        if (open) moveTo(node.children[0]!.id);
        else setOpen(node.id, true);
        break;
      case 'ArrowLeft':
        if (open) setOpen(node.id, false);
        else moveTo(parent?.id);
        break;
      case 'Enter':
      case ' ':
        activate(node);
        break;
      default:
        return;
    }
    // Handled here: the workshop's own keys (the board's arrows, Esc) stay out of it.
    event.preventDefault();
  };

  if (!journeyId) return null;
  return (
    <div className="outline">
      <h3 id="outline-title">Outline: {journeyName || 'journey'}</h3>
      <p className="muted small" id="outline-keys">
        ↑ ↓ move, → ← open and close, Enter shows it on the board, F6 goes to the board.
      </p>
      {tree.length === 0 ? (
        <p className="muted small">No stages yet: press S on the board to add the first.</p>
      ) : (
        <ul ref={list} className="outline-tree" role="tree" aria-labelledby="outline-title" aria-describedby="outline-keys" onKeyDown={onKeyDown}
          // Focus that arrives by a click or by Tab makes that item the one the arrows move from.
          onFocus={(event) => {
            const id = (event.target as HTMLElement).dataset.outlineId;
            if (id && id !== activeId) setActiveId(id);
          }}
        >
          {tree.map((node, i) => (
            <Item key={node.id} node={node} level={1} position={i + 1} size={tree.length} collapsed={collapsed} activeId={active?.node.id} onActivate={activate} onToggle={setOpen} />
          ))}
        </ul>
      )}
    </div>
  );
}

interface ItemProps {
  node: OutlineNode;
  level: number;
  position: number;
  size: number;
  collapsed: ReadonlySet<string>;
  activeId: string | undefined;
  onActivate(node: OutlineNode): void;
  onToggle(id: string, open: boolean): void;
}

const KIND_WORD: Record<OutlineNode['kind'], string> = { stage: 'Stage', step: 'Step', lane: '', card: '', emotion: '' };

function Item({ node, level, position, size, collapsed, activeId, onActivate, onToggle }: ItemProps) {
  const parent = node.children.length > 0;
  const open = parent && !collapsed.has(node.id);
  const groupId = `outline-group-${node.id}`;
  // The item is its own row, named by its words; its branch is a sibling it owns, so
  // the name a screen reader reads is the item, not the item and all below it.
  return (
    <li role="none">
      <div
        role="treeitem"
        data-outline-id={node.id}
        className={`outline-item outline-${node.kind}`}
        aria-level={level}
        aria-posinset={position}
        aria-setsize={size}
        aria-expanded={parent ? open : undefined}
        aria-owns={open ? groupId : undefined}
        aria-selected={node.id === activeId}
        tabIndex={node.id === activeId ? 0 : -1}
        onClick={() => onActivate(node)}
      >
        <span
          className="outline-twisty"
          aria-hidden
          onClick={(event) => {
            if (!parent) return;
            event.stopPropagation();
            onToggle(node.id, !open);
          }}
        >
          {parent ? (open ? '▾' : '▸') : ''}
        </span>
        <span>
          {KIND_WORD[node.kind] && <span className="visually-hidden">{KIND_WORD[node.kind]} </span>}
          <span className="outline-label">{node.label}</span>
          {node.detail && <span className="outline-detail"> — {node.detail}</span>}
        </span>
      </div>
      {open && (
        <ul role="group" id={groupId}>
          {node.children.map((child, i) => (
            <Item key={child.id} node={child} level={level + 1} position={i + 1} size={node.children.length} collapsed={collapsed} activeId={activeId} onActivate={onActivate} onToggle={onToggle} />
          ))}
        </ul>
      )}
    </li>
  );
}
