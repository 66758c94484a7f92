import type { Recording, UploadStatus } from '../../../shared/score';
import { call, isDesktop } from '../api';
import { sendAsStream, sendInChunks } from '../data/send-file';
import { pathOfFile } from '../data/file-path';

export interface AttachProgress {
  phase: 'sending' | 'analysing';
  /** 0..1 */
  fraction: number;
}

/**
 * Sends a chosen file to the library (see send-file.ts) and waits until it is analysed and
 * attached. While the library decodes the file, its progress is polled.
 */
export async function attachRecording(trackId: number, file: File, onProgress: (p: AttachProgress) => void): Promise<Recording> {
  // The desktop app hands the library the file's path: nothing to send, only the analysis to wait for.
  const path = pathOfFile(file);
  if (path !== null) {
    onProgress({ phase: 'analysing', fraction: 0 });
    return call('recordings.attachPath', { trackId, path });
  }
  const begun = await call('recordings.beginUpload', { trackId, fileName: file.name, byteSize: file.size });
  let polling = true;
  const poll = async () => {
    while (polling) {
      await new Promise((resolve) => window.setTimeout(resolve, 200));
      if (!polling) break;
      const status: UploadStatus = await call('recordings.uploadStatus', { uploadId: begun.uploadId }).catch(() => begun);
      if (status.phase === 'analysing') onProgress({ phase: 'analysing', fraction: status.progress });
    }
  };
  try {
    const sending = (fraction: number) => onProgress({ phase: 'sending', fraction });
    if (isDesktop) {
      await sendInChunks(file, (offset, data) => call('recordings.uploadChunk', { uploadId: begun.uploadId, offset, data }), sending);
      void poll();
      return await call('recordings.finishUpload', { uploadId: begun.uploadId });
    }
    return await sendAsStream<Recording>(`/upload/recording?uploadId=${encodeURIComponent(begun.uploadId)}`, file, sending, () => {
      onProgress({ phase: 'analysing', fraction: 0 });
      void poll();
    });
  } catch (error) {
    await call('recordings.cancelUpload', { uploadId: begun.uploadId }).catch(() => undefined);
    throw error;
  } finally {
    polling = false;
  }
}
