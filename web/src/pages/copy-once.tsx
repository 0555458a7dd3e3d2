import { useState } from 'react';

/** A secret the server shows once (an invitation link, an API token): selectable text and a copy button. */
export function CopyOnce({ label, value, intro, warning }: { label: string; value: string; intro: string; warning?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // no clipboard permission: select the text so Ctrl+C works
      const el = document.getElementById('copy-once-value');
      if (el) window.getSelection()?.selectAllChildren(el);
      setCopied('no');
    }
  };
  return (
    <div className="copy-once banner ok" role="region" aria-label={label}>
      <p>{intro}</p>
      {warning ? <p className="copy-warning">{warning}</p> : null}
      <div className="copy-row">
        <code id="copy-once-value" className="copy-value" data-testid="copy-once-value">
          {value}
        </code>
        <button type="button" className="small primary" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied ✓' : 'Copy'}
        </button>
      </div>
      {copied === 'no' ? <p className="small">The browser did not allow copying: the text is selected, press Ctrl+C.</p> : null}
    </div>
  );
}
