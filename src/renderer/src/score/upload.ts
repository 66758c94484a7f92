import { UPLOAD_CHUNK_BYTES, type Recording, type UploadStatus } from '../../../shared/score';
import { ApiError, call, hostToken, isDesktop } from '../api';

export interface AttachProgress {
  phase: 'sending' | 'analysing';
  /** 0..1 */
  fraction: number;
}

/**
 * Sends a chosen file to the library and waits until it is analysed and attached. The browser host
 * takes the body as one stream (XHR, for upload progress); the desktop app's sandboxed page
 * cannot hand over a path, so it sends the same bytes in 1 MB chunks through the contract.
 * While the library decodes the file, its progress is polled.
 */
export async function attachRecording(trackId: number, file: File, onProgress: (p: AttachProgress) => void): Promise<Recording> {
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
    if (isDesktop) {
      await sendInChunks(begun.uploadId, file, onProgress);
      void poll();
      return await call('recordings.finishUpload', { uploadId: begun.uploadId });
    }
    return await sendAsStream(begun.uploadId, file, onProgress, () => void poll());
  } catch (error) {
    await call('recordings.cancelUpload', { uploadId: begun.uploadId }).catch(() => undefined);
    throw error;
  } finally {
    polling = false;
  }
}

async function sendInChunks(uploadId: string, file: File, onProgress: (p: AttachProgress) => void): Promise<void> {
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    const data = await base64(file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
    await call('recordings.uploadChunk', { uploadId, offset, data });
    onProgress({ phase: 'sending', fraction: Math.min(1, (offset + UPLOAD_CHUNK_BYTES) / file.size) });
  }
}

function base64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new ApiError('INVALID_INPUT', 'The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

function sendAsStream(uploadId: string, file: File, onProgress: (p: AttachProgress) => void, onSent: () => void): Promise<Recording> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/upload/recording?uploadId=${encodeURIComponent(uploadId)}`);
    xhr.setRequestHeader('Authorization', `Bearer ${hostToken()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'sending', fraction: event.loaded / event.total });
    };
    xhr.upload.onload = () => {
      onProgress({ phase: 'analysing', fraction: 0 });
      onSent();
    };
    xhr.onload = () => {
      try {
        const outcome = JSON.parse(xhr.responseText) as { ok: true; result: Recording } | { ok: false; error: { code: ApiError['code']; message: string } };
        if (outcome.ok) resolve(outcome.result);
        else reject(new ApiError(outcome.error.code, outcome.error.message));
      } catch {
        reject(new ApiError('INTERNAL', 'Reelnotes sent an answer it could not read.'));
      }
    };
    xhr.onerror = () => reject(new ApiError('INTERNAL', 'The file could not be sent: is Reelnotes still running?'));
    xhr.send(file);
  });
}
