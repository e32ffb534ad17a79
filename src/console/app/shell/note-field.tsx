import { useId } from 'react';

export interface NoteFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the note, and tied to it for screen readers; null when there is none. */
  error: string | null;
}

/** The note a decision carries (approve, deny, reject, withdraw), with its refusal under it. */
export function NoteField(props: NoteFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-note`}>{props.label}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      {props.error ? (
        <p id={`${id}-error`} className="field-error">
          {props.error}
        </p>
      ) : null}
    </>
  );
}
