import type { Ref } from 'react';

interface Props {
  ref: Ref<HTMLInputElement>;
  accept: string;
  label: string;
  testId: string;
  onFile: (file: File) => void;
}

/**
 * The hidden file input behind an "Open…" button: the button (or a shortcut) clicks it. The value
 * is cleared after each choice, so choosing the same file twice still reports it.
 */
export function FilePicker({ ref, accept, label, testId, onFile }: Props) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className="visually-hidden"
      tabIndex={-1}
      aria-label={label}
      data-testid={testId}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
