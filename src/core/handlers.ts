import type { MethodName } from '../shared/contract';
import type { DomainHandlers } from './handler-types';
import { backupHandlers } from './backups/handlers';
import { cueHandlers } from './cues/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { filmHandlers } from './films/handlers';
import { frameHandlers } from './frames/handlers';
import { libraryHandlers } from './library/handlers';
import { noteHandlers } from './notes/handlers';
import { placementHandlers } from './placements/handlers';
import { recordingHandlers } from './recordings/handlers';
import { sceneHandlers } from './scenes/handlers';
import { searchHandlers } from './search/handlers';
import { soundtrackHandlers } from './soundtrack/handlers';
import { subtitleHandlers } from './subtitles/handlers';
import { tagHandlers } from './tags/handlers';
import { timelineHandlers } from './timeline/handlers';
import { trackHandlers } from './tracks/handlers';
import { videoHandlers } from './video/handlers';

/**
 * Every contract method has exactly one handler: TypeScript refuses a missing or misspelt one.
 * A method `cues.importFile` is handled in cues/handlers.ts, beside the cues' SQL.
 */
export const handlers: DomainHandlers<MethodName> = {
  ...backupHandlers,
  ...cueHandlers,
  ...exchangeHandlers,
  ...filmHandlers,
  ...frameHandlers,
  ...libraryHandlers,
  ...noteHandlers,
  ...placementHandlers,
  ...recordingHandlers,
  ...sceneHandlers,
  ...searchHandlers,
  ...soundtrackHandlers,
  ...subtitleHandlers,
  ...tagHandlers,
  ...timelineHandlers,
  ...trackHandlers,
  ...videoHandlers
};
