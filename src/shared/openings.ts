/**
 * What the system asks the desktop app to open (a file double-clicked, given on the command line or
 * to a second launch, a `reelnotes://` link), as the shell hands it to the page. A link goes as its
 * text, read again by the page with the same parser (src/shared/place-address.ts); a file goes by its
 * path, which the page gives back to a by-path method of the contract, never holding its bytes.
 */
export type Opening = { kind: 'link'; url: string } | { kind: 'film-page'; path: string } | { kind: 'study-pack'; path: string };

export const OPENING_CHANNEL = 'desktop:open';

/** The MIME type the installed app declares for `.reelfilm` film pages (electron-builder.yml). */
export const FILM_PAGE_MIME_TYPE = 'application/x-reelnotes-film-page';

/** Film pages by name: `.reelfilm` is the app's own (the desktop entry opens it), `.txt` what a page is saved as. */
export const isFilmPagePath = (path: string): boolean => /\.(reelfilm|txt)$/i.test(path);

/** The MIME type the installed app declares for `.reelstudy` study packs (a ZIP: the exchange issue's format). */
export const STUDY_PACK_MIME_TYPE = 'application/x-reelnotes-study';

/** A study pack by name: one `.reelstudy` file holding a film's whole study. */
export const isStudyPackPath = (path: string): boolean => /\.reelstudy$/i.test(path);
