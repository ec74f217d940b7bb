/** The slice of bpmnlint's rule API (lib/types.d.ts) the console's own rules use. */
export interface LintNode {
  $type: string;
  id?: string;
  $parent?: LintNode;
  $instanceOf(type: string): boolean;
  get(property: string): unknown;
}
export interface Reporter {
  report(id: string, message: string, path?: string[]): void;
}
export interface Rule {
  check: (node: LintNode, reporter: Reporter) => void | boolean;
}
export type RuleFactory = (config?: unknown) => Rule;
