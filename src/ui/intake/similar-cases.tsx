/**
 * 相似案例: while the dispatcher types the content, the published guiding cases most like it
 * (GET /api/guiding-cases/similar, best first) — "has this been solved before, and how?".
 * Asked once the typing pauses, and only for enough text to mean something.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorBanner } from '../shared/components.js';

export const SIMILAR_DEBOUNCE_MS = 400;
export const SIMILAR_MIN_LENGTH = 4;

interface GuidingCase {
  id: string;
  title: string;
  category: string;
  summary: string;
  handling: string;
  basis: string;
  workOrderNumber: string;
  score: number;
}

export function SimilarCases({ content, category }: { content: string; category: string }) {
  const [cases, setCases] = useState<GuidingCase[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const text = content.trim();

  useEffect(() => {
    if (text.length < SIMILAR_MIN_LENGTH) {
      setCases(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api<GuidingCase[]>('/api/guiding-cases/similar', { query: { text: text.slice(0, 5000), category: category || undefined, maxResults: 5 } })
        .then((found) => live && (setCases(found), setError(null)))
        .catch((err: unknown) => live && setError(err));
    }, SIMILAR_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, category]);

  return (
    <aside class="panel similar-cases" aria-label="相似案例">
      <h2>相似案例</h2>
      <ErrorBanner error={error} />
      {cases === null ? (
        <p class="muted">输入诉求内容后，这里列出已发布的相似指导案例，供分办参考。</p>
      ) : cases.length === 0 ? (
        <p class="muted">暂无相似的指导案例。</p>
      ) : (
        <ol class="case-list">
          {cases.map((c) => (
            <li key={c.id}>
              <div class="case-head">
                <strong class="case-title">{c.title}</strong>
                <span class="tag">{c.category}</span>
                <span class="tag ok" title="与诉求内容共有的检索词数（标题中的计两次）">相似度 {c.score}</span>
              </div>
              <p class="case-summary">{c.summary}</p>
              <details>
                <summary>办理过程与依据</summary>
                <p>{c.handling}</p>
                <p class="muted">依据：{c.basis}</p>
              </details>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
