/**
 * Words of a Chinese request text. Chinese has no spaces, so we let ICU's dictionary-based
 * word segmentation (`Intl.Segmenter('zh', { granularity: 'word' })`, built into Node 20)
 * cut the text, keep word-like segments of at least two characters (single characters are
 * mostly particles: 的, 了, 不) and drop the stop words below: pronouns and conjunctions,
 * and the words nearly every hotline request contains (反映, 诉求, 问题, 希望, 解决…), which
 * would otherwise top every list. Numbers are dropped (house numbers, dates).
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export const STOP_WORDS: ReadonlySet<string> = new Set([
  // pronouns, conjunctions, adverbs
  '我们', '你们', '他们', '她们', '自己', '这个', '那个', '这些', '那些', '这里', '那里', '一个', '一些', '什么', '怎么', '如何',
  '为什么', '因为', '所以', '但是', '而且', '并且', '或者', '还是', '就是', '可以', '已经', '现在', '目前', '一直', '没有', '不是',
  '还有', '以及', '其中', '对于', '关于', '由于', '如果', '虽然', '然后', '需要', '能够', '是否', '多次', '多少', '时候', '今天', '昨天',
  // words every hotline request uses
  '反映', '诉求', '问题', '情况', '希望', '要求', '请求', '解决', '处理', '相关', '部门', '单位', '进行', '市民', '群众', '来电',
  '咨询', '投诉', '举报', '建议', '求助', '请问', '表示', '称', '协调', '尽快', '帮助', '答复', '回复',
]);

/** The distinct words of one text, in first-seen order. */
export function wordsOf(text: string): string[] {
  const seen = new Set<string>();
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    const word = s.segment.toLowerCase();
    if ([...word].length < 2 || STOP_WORDS.has(word) || /^[\d.,%]+$/.test(word)) continue;
    seen.add(word);
  }
  return [...seen];
}
