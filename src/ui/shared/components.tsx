/** The few pieces every page uses: a page frame, messages, a confirmation dialog. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from './api.js';

export function Page({ title, actions, children }: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · 诉求`;
  }, [title]);
  return (
    <section class="page">
      <header class="page-header">
        <h1>{title}</h1>
        {actions && <div class="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** The service's message as it is (it names the field); a 403 says so plainly. */
export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? error.status === 403
        ? `无权操作：${error.message}`
        : error.message
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <div class="banner banner-error" role="alert">
      {text}
    </div>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <div class="banner banner-info" role="status">
      {children}
    </div>
  );
}

export function Loading() {
  return <div class="loading">加载中…</div>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

/**
 * A modal confirmation (native <dialog>): region activations, rollbacks and other changes that
 * are recorded ask first. `onConfirm` gets the reason typed in, when `reasonLabel` asks for one.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ComponentChildren;
  confirmLabel?: string;
  reasonLabel?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog ref={ref} class="confirm" onCancel={(e) => (e.preventDefault(), props.onCancel())}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          props.onConfirm(reasonRef.current?.value.trim() ?? '');
        }}
      >
        <h2>{props.title}</h2>
        <div class="confirm-body">{props.children}</div>
        {props.reasonLabel && (
          <label class="field">
            <span>{props.reasonLabel}</span>
            <textarea ref={reasonRef} name="reason" rows={3} required />
          </label>
        )}
        <div class="confirm-actions">
          <button type="button" onClick={props.onCancel}>
            取消
          </button>
          <button type="submit" class="primary">
            {props.confirmLabel ?? '确定'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
