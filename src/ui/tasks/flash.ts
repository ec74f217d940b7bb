/** A one-time notice carried from the task page to the list it returns to ("已提交…"). */
let pending: string | null = null;

export function setFlash(text: string): void {
  pending = text;
}

export function takeFlash(): string | null {
  const text = pending;
  pending = null;
  return text;
}
