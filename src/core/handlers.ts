import type { MethodName, MethodResult, ParsedInput } from '../shared/contract';
import type { Library } from './library';
import { filmHandlers } from './films';
import { safetyHandlers } from './backups';
import { exchangeHandlers } from './exchange';
import { noteHandlers } from './annotations';
import { searchHandlers } from './search';
import { tagHandlers } from './tags';
import { cueHandlers } from './cues';
import { recordingHandlers } from './recordings';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  library: Library
) => MethodResult<M> | Promise<MethodResult<M>>;

/** The handlers of one domain's methods, kept beside the SQL of that domain. */
export type DomainHandlers<K extends MethodName> = { [M in K]: Handler<M> };

/** Every contract method has exactly one handler: TypeScript refuses a missing or misspelt one. */
export const handlers: DomainHandlers<MethodName> = {
  ...filmHandlers,
  ...safetyHandlers,
  ...exchangeHandlers,
  ...noteHandlers,
  ...tagHandlers,
  ...searchHandlers,
  ...recordingHandlers,
  ...cueHandlers
};
