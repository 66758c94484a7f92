import { ApiError, hostToken } from '../api';

/** Puts `blob` in the browser's downloads under `fileName`. */
function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download synchronously; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Hands a document to the person. In the desktop app the system's save dialog asks where, and the
 * shell writes it there (resolves false when the person cancels); in the browser host it goes to the
 * browser's downloads.
 */
export async function saveTextFile(fileName: string, text: string, type: string): Promise<boolean> {
  const desktop = window.reelnotesDesktop;
  if (desktop) return (await desktop.saveFile(fileName, text)) !== null;
  download(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
  return true;
}

/**
 * Puts a file the browser host makes (an /export/… address) in the browser's downloads, under the
 * name the host gives it; a refusal comes back as the library's error, for a notice.
 */
export async function saveHostFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${hostToken()}` } });
  } catch {
    throw new ApiError('INTERNAL', 'Reelnotes is not running: start it again with npm run web.');
  }
  if (!response.ok) {
    const outcome = (await response.json().catch(() => null)) as { error?: { code: ApiError['code']; message: string } } | null;
    throw new ApiError(outcome?.error?.code ?? 'INTERNAL', outcome?.error?.message ?? `The host answered ${response.status}.`);
  }
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
  download(named ?? fallbackName, await response.blob());
}

/**
 * Hands a picture (a PNG) to the person: to the browser's downloads in the browser host, and through the
 * page's download in the desktop app, whose shell asks where (the save dialog's bridge carries text only).
 */
export function saveBinaryFile(fileName: string, blob: Blob): void {
  download(fileName, blob);
}
