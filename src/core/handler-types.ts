import type { MethodName, MethodResult, ParsedInput } from '../shared/contract';
import type { Library } from './library/library';

/**
 * The shape of a handler, in a module of its own: every domain imports it, and only the registry
 * (handlers.ts) imports the domains, so no domain reaches the others through the registry.
 */
export type Handler<M extends MethodName> = (input: ParsedInput<M>, library: Library) => MethodResult<M> | Promise<MethodResult<M>>;

/** The handlers of one domain's methods, kept beside the SQL of that domain. */
export type DomainHandlers<K extends MethodName> = { [M in K]: Handler<M> };

/** The handlers of every method whose name starts with `prefix.`: the prefix names the folder. */
export type HandlersOf<Prefix extends string> = DomainHandlers<Extract<MethodName, `${Prefix}.${string}`>>;
