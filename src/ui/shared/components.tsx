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

/**
 * The service answers in English, naming the field at fault; a Chinese word for the kind of
 * refusal in front of it tells the user at once whether to fix the input or ask for rights.
 */
function STATUS_PREFIX(status: number): string {
  if (status === 400 || status === 422) return '输入有误：';
  if (status === 403) return '无权操作：';
  if (status === 404) return '未找到：';
  if (status === 409) return '操作冲突：';
  if (status === 413) return '内容过大：';
  if (status === 429) return '连续输错密码次数过多，账号暂时锁定：';
  if (status >= 500) return '服务出错，请稍后重试：';
  return '';
}

/** The service's message as it is, after the kind of refusal in Chinese. */
export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  const text = error instanceof ApiError ? `${STATUS_PREFIX(error.status)}${error.message}` : error instanceof Error ? error.message : String(error);
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
