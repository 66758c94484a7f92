/**
 * Hands a document to the person. In the desktop app the system's save dialog asks where, and the
 * shell writes it there (resolves false when the person cancels); in the browser host it goes to the
 * browser's downloads.
 */
export async function saveTextFile(fileName: string, text: string, type: string): Promise<boolean> {
  const desktop = window.reelnotesDesktop;
  if (desktop) return (await desktop.saveFile(fileName, text)) !== null;
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download synchronously; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return true;
}
