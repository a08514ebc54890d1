import { useState } from 'react';

export function NewWorkshopDialog({ onCreate, onCancel }: { onCreate(name: string): void; onCancel(): void }) {
  const [name, setName] = useState('');
  const valid = name.trim().length > 0;
  return (
    <div className="modal-backdrop" onMouseDown={onCancel}>
      <form
        className="modal"
        role="dialog"
        aria-label="New workshop"
        onMouseDown={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onCreate(name.trim());
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2>New workshop</h2>
        <label>
          Workshop name
          <input autoFocus value={name} maxLength={200} placeholder="e.g. Onboarding journey 2026" onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            Create…
          </button>
        </div>
      </form>
    </div>
  );
}
