import { call } from '../api';
import { useNotify } from '../notices/notify';
import { saveTextFile } from '../ui/save-file';

/**
 * The film's study as an essay: one HTML file to read, hand in or print. The desktop app prints it
 * to PDF itself (Chromium's print path, in the shell); in a browser the person opens the saved file
 * and prints it there, and the essay's print stylesheet makes the pages.
 */
export function EssayPrint({ filmId }: { filmId: number }) {
  const notify = useNotify();
  const desktop = window.reelnotesDesktop;

  const saveEssay = async () => {
    try {
      const essay = await call('exchange.exportEssay', { filmId });
      if (await saveTextFile(essay.fileName, essay.text, 'text/html')) notify.success(`Saved the essay ${essay.fileName}.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  const printEssay = async () => {
    if (!desktop) return;
    try {
      const essay = await call('exchange.exportEssay', { filmId });
      const saved = await desktop.printToPdf(essay.fileName.replace(/\.html$/, '.pdf'), essay.text);
      if (saved) notify.success(`Printed the essay to ${saved.fileName}.`);
    } catch (error) {
      notify.failed(error);
    }
  };

  return (
    <section className="exchange-section" aria-labelledby="essay-heading">
      <h3 id="essay-heading" className="section-label">
        Essay to print
      </h3>
      <div className="exchange-line">
        <button type="button" className="button subtle" onClick={() => void saveEssay()}>
          Save the essay (HTML)
        </button>
        {desktop ? (
          <button type="button" className="button subtle" onClick={() => void printEssay()}>
            Print to PDF…
          </button>
        ) : null}
      </div>
      <p className="muted">
        The scenes with their spans, your notes with their times, tags, cues, frame grabs and citations, in one file.{' '}
        {desktop
          ? 'A4, each scene on a new page.'
          : 'Open the saved file in your browser and print it (Ctrl+P) for a PDF: A4, each scene on a new page.'}
      </p>
    </section>
  );
}
