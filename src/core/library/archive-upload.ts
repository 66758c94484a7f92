import { ReelnotesError } from '../../shared/errors';
import {
  appendToIncomingFile,
  completeIncomingFile,
  discardIncomingFile,
  openIncomingFile,
  uploadsInProgress,
  type IncomingFile
} from './incoming';
import { assertWritable, type Library } from './library';

/**
 * A file on its way in to be read where it lands (a library file to restore, a study pack to open):
 * received into incoming/ like a recording, then read from there (archive.ts row by row, a pack
 * entry by entry) and removed, whether reading it succeeds or not.
 */
const uploads = uploadsInProgress<IncomingFile>();

function upload(library: Library, uploadId: string): IncomingFile {
  const found = uploads(library).get(uploadId);
  if (!found) throw new ReelnotesError('NOT_FOUND', 'This file is unknown or has already been read; choose the file again.');
  return found;
}

export function beginArchiveUpload(library: Library, input: { fileName: string; byteSize: number }): { uploadId: string } {
  assertWritable(library);
  const file = openIncomingFile(library, input.fileName, input.byteSize);
  uploads(library).set(file.id, file);
  return { uploadId: file.id };
}

export function receiveArchiveChunk(library: Library, uploadId: string, offset: number, bytes: Uint8Array): { receivedBytes: number } {
  const file = upload(library, uploadId);
  try {
    appendToIncomingFile(file, offset, bytes);
  } catch (error) {
    // A file that outgrew its announced size has been discarded: its upload is over.
    if (file.fd === undefined) uploads(library).delete(uploadId);
    throw error;
  }
  return { receivedBytes: file.received };
}

export function cancelArchiveUpload(library: Library, uploadId: string): { uploadId: string } {
  discardIncomingFile(upload(library, uploadId));
  uploads(library).delete(uploadId);
  return { uploadId };
}

/** The whole received file, handed to the restore, which removes it when done (discardIncomingFile). */
export function takeArchiveUpload(library: Library, uploadId: string): IncomingFile {
  const file = upload(library, uploadId);
  uploads(library).delete(uploadId);
  completeIncomingFile(file);
  return file;
}
