import type { HandlersOf } from '../handler-types';
import { MAX_RECORDING_BYTES } from '../../shared/limits';
import { checkFileByPath } from '../library/file-by-path';
import {
  attachFile,
  beginUpload,
  cancelUpload,
  finishUpload,
  getPeaks,
  getPeakRange,
  getSpectrogram,
  getRecording,
  listRecordings,
  receiveChunk,
  removeRecording,
  uploadStatus
} from './recordings';

/** recordings.*: a track's recordings, their upload and their waveform peaks. */
export const recordingHandlers: HandlersOf<'recordings'> = {
  'recordings.list': ({ filmId }, library) => listRecordings(library, filmId),
  'recordings.get': ({ recordingId }, library) => getRecording(library, recordingId),
  'recordings.peaks': ({ recordingId }, library) => getPeaks(library, recordingId),
  'recordings.peakRange': (input, library) => getPeakRange(library, input),
  'recordings.spectrogram': (input, library) => getSpectrogram(library, input),
  'recordings.remove': ({ recordingId }, library) => removeRecording(library, recordingId),
  'recordings.beginUpload': (input, library) => beginUpload(library, input),
  'recordings.attachPath': ({ trackId, path }, library) => {
    checkFileByPath(path, MAX_RECORDING_BYTES, 'larger than 1 GB.');
    return attachFile(library, trackId, path);
  },
  'recordings.uploadChunk': ({ uploadId, offset, data }, library) => receiveChunk(library, uploadId, offset, Buffer.from(data, 'base64')),
  'recordings.finishUpload': ({ uploadId }, library) => finishUpload(library, uploadId),
  'recordings.uploadStatus': ({ uploadId }, library) => uploadStatus(library, uploadId),
  'recordings.cancelUpload': ({ uploadId }, library) => cancelUpload(library, uploadId)
};
