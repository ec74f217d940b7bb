// The only ways an expression touches JavaScript objects: own data properties of plain
// objects/arrays, a fixed table of string/array methods, whitelisted functions and two
// read-only views. Nothing found in data is ever called.
import type { Problem } from './coerce.js';
import { toText } from './coerce.js';
import { isPlainObject, isRecord, type Scope } from './scope.js';

const BLOCKED = new Set(['__proto__', 'constructor', 'prototype']);
// Module-private markers: no expression can name a symbol, so data cannot fake a view.
const EXECUTION = Symbol('execution');
const SERVICES = Symbol('services');

/**
 * Own data property, or undefined. Getters are not run and functions are not handed out, so
 * a value read from variables can never be invoked later (not by us, not by our caller).
 */
export function ownData(obj: object, key: string): { found: boolean; value: unknown } {
  if (BLOCKED.has(key)) return { found: false, value: undefined };
  const desc = Object.getOwnPropertyDescriptor(obj, key);
  if (!desc || !('value' in desc)) return { found: false, value: undefined };
  return { found: true, value: typeof desc.value === 'function' ? undefined : desc.value };
}

/** `obj.key` / `obj[key]`. The caller has already rejected null/undefined `obj`. */
export function readProperty(obj: unknown, key: unknown): unknown {
  if (typeof key !== 'string' && typeof key !== 'number') return undefined;
  const name = String(key);
  if (typeof obj === 'string') return name === 'length' ? obj.length : undefined;
  if (Array.isArray(obj)) {
    if (name === 'length') return obj.length;
    const index = typeof key === 'number' ? key : /^-?\d+$/.test(name) ? Number(name) : NaN;
    if (!Number.isInteger(index)) return undefined;
    // Negative indexes count from the end, as bpmn-elements' own resolver does.
    return ownData(obj, String(index < 0 ? obj.length + index : index)).value;
  }
  return isPlainObject(obj) ? ownData(obj, name).value : undefined;
}

export function environmentView(scope: Scope): object {
  return Object.freeze(Object.assign(Object.create(null) as object, {
    variables: scope.variables,
    settings: scope.settings,
    services: Object.freeze(Object.assign(Object.create(null) as object, { [SERVICES]: true })),
  }));
}

export function executionView(scope: Scope): object {
  return Object.freeze(Object.assign(Object.create(null) as object, {
    processInstanceId: ownData(scope.variables, 'processInstanceId').value,
    businessKey: ownData(scope.variables, 'businessKey').value,
    [EXECUTION]: true,
  }));
}

/** Variable lookup shared by bare identifiers and `execution.getVariable`. */
export function lookupVariable(scope: Scope, name: string): { found: boolean; value: unknown } {
  if (scope.input) {
    const local = ownData(scope.input, name);
    if (local.found) return local;
  }
  return ownData(scope.variables, name);
}

export function callFunction(scope: Scope, name: string, args: unknown[], problem: Problem): unknown {
  const fn = Object.hasOwn(scope.functions, name) ? scope.functions[name] : undefined;
  if (typeof fn !== 'function') return problem(`Unknown function '${name}', only whitelisted functions can be called`);
  const variables = { ...scope.variables, ...scope.input };
  const settings = Object.freeze(isPlainObject(scope.settings) ? { ...scope.settings } : {});
  try {
    return fn.apply({ variables, settings }, args);
  } catch (err) {
    return problem(`Function '${name}' failed: ${err instanceof Error ? err.message : String(err)}`, err);
  }
}

// Maps keyed by the method name the diagram wrote: a plain object would answer 'constructor'.
const STRING_METHODS = new Map<string, (s: string, args: unknown[]) => unknown>(Object.entries({
  startsWith: (s: string, [x]: unknown[]) => s.startsWith(toText(x)),
  endsWith: (s: string, [x]: unknown[]) => s.endsWith(toText(x)),
  contains: (s: string, [x]: unknown[]) => s.includes(toText(x)),
  includes: (s: string, [x]: unknown[]) => s.includes(toText(x)),
  toLowerCase: (s: string) => s.toLowerCase(),
  toUpperCase: (s: string) => s.toUpperCase(),
  trim: (s: string) => s.trim(),
  length: (s: string) => s.length,
  size: (s: string) => s.length,
}));
const ONE_ARGUMENT = new Set(['startsWith', 'endsWith', 'contains', 'includes', 'getVariable', 'hasVariable']);

export function callMethod(scope: Scope, target: unknown, name: string, args: unknown[], problem: Problem): unknown {
  if (target === null || target === undefined) return problem(`Cannot call '${name}()' on ${String(target)}`);
  const arity = ONE_ARGUMENT.has(name) ? 1 : 0;
  const checkArity = (): void => {
    if (args.length !== arity) problem(`'${name}()' expects ${arity} argument${arity === 1 ? '' : 's'}`);
  };
  if (isRecord(target) && Object.hasOwn(target, SERVICES)) return callFunction(scope, name, args, problem);
  if (isRecord(target) && Object.hasOwn(target, EXECUTION) && (name === 'getVariable' || name === 'hasVariable')) {
    checkArity();
    const found = lookupVariable(scope, toText(args[0]));
    return name === 'getVariable' ? found.value : found.found;
  }
  const stringMethod = typeof target === 'string' ? STRING_METHODS.get(name) : undefined;
  if (typeof target === 'string' && stringMethod) {
    checkArity();
    return stringMethod(target, args);
  }
  if (Array.isArray(target) && name === 'size') {
    checkArity();
    return target.length;
  }
  return problem(`Method '${name}()' is not allowed here`);
}
