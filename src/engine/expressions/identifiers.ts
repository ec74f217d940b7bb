// Static walk for `listIdentifiers`: which variables a template reads, so the deployment
// validator and the modeler UI can show them without running anything.
import type { Node } from './parser.js';

const BUILT_INS = new Set(['environment', 'execution', 'content']);

export function collectIdentifiers(node: Node, into: Set<string>): void {
  const literalKey = (n: Node): string | undefined =>
    n.type === 'literal' && (typeof n.value === 'string' || typeof n.value === 'number') ? String(n.value) : undefined;
  switch (node.type) {
    case 'literal':
      return;
    case 'identifier':
      // The built-in names are not variables, though a variable of that name would shadow them.
      if (!BUILT_INS.has(node.name)) into.add(node.name);
      return;
    case 'member':
    case 'index': {
      // `environment.variables.x` and `environment.variables['x']` read variable x.
      const o = node.object;
      if (o.type === 'member' && o.property === 'variables' && o.object.type === 'identifier' && o.object.name === 'environment') {
        const key = node.type === 'member' ? node.property : literalKey(node.index);
        if (key !== undefined) { into.add(key); return; }
      }
      collectIdentifiers(node.object, into);
      if (node.type === 'index') collectIdentifiers(node.index, into);
      return;
    }
    case 'method': {
      const first = node.args[0];
      const key = first && literalKey(first);
      if (node.object.type === 'identifier' && node.object.name === 'execution' && key !== undefined
        && (node.name === 'getVariable' || node.name === 'hasVariable')) {
        into.add(key);
        return;
      }
      collectIdentifiers(node.object, into);
      node.args.forEach((a) => collectIdentifiers(a, into));
      return;
    }
    case 'function':
      node.args.forEach((a) => collectIdentifiers(a, into));
      return;
    case 'unary':
      collectIdentifiers(node.operand, into);
      return;
    case 'binary':
    case 'logical':
      collectIdentifiers(node.left, into);
      collectIdentifiers(node.right, into);
      return;
    case 'conditional':
      collectIdentifiers(node.test, into);
      collectIdentifiers(node.consequent, into);
      collectIdentifiers(node.alternate, into);
  }
}
