import { UPLOAD_CHUNK_BYTES } from '../../../shared/limits';
import { ApiError, hostToken } from '../api';

/**
 * Sending a file to the library without reading it whole into the page. The browser host takes
 * the file as one streamed request body (XHR, for upload progress). The desktop app names a file by
 * its path (file-path.ts); one that has no path (dropped from another app's memory) goes in 1 MB
 * chunks through the contract.
 */

/** Sends `file` in chunks through `sendChunk` (a contract call), reporting the fraction sent. */
export async function sendInChunks(
  file: File,
  sendChunk: (offset: number, data: string) => Promise<unknown>,
  onProgress: (fraction: number) => void
): Promise<void> {
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    await sendChunk(offset, await base64(file.slice(offset, offset + UPLOAD_CHUNK_BYTES)));
    onProgress(Math.min(1, (offset + UPLOAD_CHUNK_BYTES) / file.size));
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

/**
 * Streams `file` as the body of a POST to the browser host's `path` (an /upload/… address with its
 * upload id) and resolves with the host's answer. `onSent` runs once the last byte has left.
 */
export function sendAsStream<T>(path: string, file: File, onProgress: (fraction: number) => void, onSent: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Authorization', `Bearer ${hostToken()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = onSent;
    xhr.onload = () => {
      try {
        const outcome = JSON.parse(xhr.responseText) as
          { ok: true; result: T } | { ok: false; error: { code: ApiError['code']; message: string } };
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
