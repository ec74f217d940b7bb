/** 1-based line and column, columns counted in UTF-16 code units like saxen and moddle do. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Maps character offsets of a text to lines and back. Line breaks are `\r\n`, `\r` or `\n`,
 * matching saxen, so positions agree with the ones bpmn-moddle prints in its messages.
 */
export class SourceText {
  readonly #lineStarts: number[] = [0];

  constructor(readonly text: string) {
    const breaks = /\r\n|\r|\n/g;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) this.#lineStarts.push(m.index + m[0].length);
  }

  positionAt(offset: number): SourcePosition {
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** Offset of a 0-based line/column pair, as bpmn-moddle reports them. */
  offsetOfZeroBased(line: number, column: number): number {
    const start = this.#lineStarts[Math.min(Math.max(line, 0), this.#lineStarts.length - 1)]!;
    return Math.min(start + Math.max(column, 0), this.text.length);
  }
}
