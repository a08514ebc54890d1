import { useState } from 'react';
import { TEMPLATE_IDS, TEMPLATE_LABELS, type TemplateId } from '../../../shared/model/templates.ts';

export function NewWorkshopDialog({ onCreate, onCancel }: { onCreate(name: string, template: TemplateId): void; onCancel(): void }) {
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<TemplateId>('b2b-buying');
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
          if (valid) onCreate(name.trim(), template);
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2>New workshop</h2>
        <label>
          Workshop name
          <input autoFocus value={name} maxLength={200} placeholder="e.g. Onboarding journey 2026" onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset className="templates">
          <legend>Start from</legend>
          {TEMPLATE_IDS.map((id) => (
            <label key={id} className={template === id ? 'template selected' : 'template'}>
              <input type="radio" name="template" value={id} checked={template === id} onChange={() => setTemplate(id)} />
              <strong>{TEMPLATE_LABELS[id].title}</strong>
              <span>{TEMPLATE_LABELS[id].description}</span>
            </label>
          ))}
        </fieldset>
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
