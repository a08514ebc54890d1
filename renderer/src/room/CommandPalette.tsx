import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { roomStore } from './room-store.ts';
import { matchCommands, paletteCommands } from './room-commands.ts';

/** Ctrl/Cmd+K: every action by name, with its shortcut; type to filter, Enter to run. */
export function CommandPalette({ editor }: { editor: Editor }) {
  const open = useStore(roomStore, (s) => s.paletteOpen);
  if (!open) return null;
  return <Palette editor={editor} />;
}

function Palette({ editor }: { editor: Editor }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const all = useMemo(() => paletteCommands(editor), [editor]);
  const matches = matchCommands(all, query);
  const close = () => roomStore.setState({ paletteOpen: false });
  const run = (i: number) => {
    const command = matches[i];
    if (!command) return;
    close();
    command.run(editor);
  };
  return (
    <div className="modal-backdrop palette-backdrop" onMouseDown={close}>
      <div className="palette" role="dialog" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          aria-label="Type a command"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-commands"
          aria-activedescendant={matches[index] ? `palette-${matches[index]!.name}` : undefined}
          placeholder="Type a command…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') setIndex((i) => Math.min(matches.length - 1, i + 1));
            else if (e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
            else if (e.key === 'Enter') {
              e.preventDefault();
              run(index);
            } else return;
            e.preventDefault();
          }}
        />
        {/* A combobox: the input keeps focus and the arrows move the active option, so the
            options are not buttons of their own (nested controls confuse screen readers). */}
        <ul role="listbox" id="palette-commands" aria-label="Commands">
          {matches.map((command, i) => (
            <li key={command.name} id={`palette-${command.name}`} role="option" aria-selected={i === index} onMouseEnter={() => setIndex(i)} onClick={() => run(i)}>
              <span>{command.label}</span>
              {command.shortcut && <kbd>{command.shortcut}</kbd>}
            </li>
          ))}
          {matches.length === 0 && <li className="muted small">No command matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  );
}
