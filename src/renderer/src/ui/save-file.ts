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
 * Hands a file the page made to the person. In the desktop app the system's save dialog asks where, and
 * the shell writes it there (resolves false when the person cancels); in the browser host it goes to the
 * browser's downloads. Each side is asked for its own form of the contents only when it is the one saving.
 */
async function handOver(fileName: string, forDesktop: () => Promise<string | Uint8Array>, forBrowser: () => Blob): Promise<boolean> {
  const desktop = window.reelnotesDesktop;
  if (desktop) return (await desktop.saveFile(fileName, await forDesktop())) !== null;
  download(fileName, forBrowser());
  return true;
}

/** A text document (Markdown, SVG, a cue file): see `handOver`. */
export function saveTextFile(fileName: string, text: string, type: string): Promise<boolean> {
  return handOver(
    fileName,
    () => Promise.resolve(text),
    () => new Blob([text], { type: `${type};charset=utf-8` })
  );
}

/** A picture the page drew (the timeline's PNG): its bytes cross to the shell as they are. See `handOver`. */
export function saveBinaryFile(fileName: string, blob: Blob): Promise<boolean> {
  return handOver(
    fileName,
    async () => new Uint8Array(await blob.arrayBuffer()),
    () => blob
  );
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
