import { z } from 'zod';
import type { Citation } from './contract/exchange';
import { id } from './contract/fields';
import type { CallOutcome } from './errors';
import type { MenuCommand } from './menu-commands';
import type { Opening } from './openings';
import { parseDeskLink } from './place-address';

/**
 * What the desktop app's page can ask of the shell besides the library's contract: a native save
 * dialog, and the path of a file the person picked or dropped. (Picking needs nothing more: a file
 * input in Electron opens the system's own open dialog, and `pathForFile` gives the chosen file's
 * path to the contract's by-path methods.) The save channel's input is parsed in the main process,
 * and its sender checked, as the contract's are.
 */
export const SAVE_FILE_CHANNEL = 'desktop:save-file';

export const saveFileInput = z
  .object({
    /** The name the save dialog suggests (a name only: the person chooses the folder). */
    fileName: z
      .string()
      .min(1)
      .max(255)
      .refine((name) => !/[/\\\0]/.test(name), 'A file name, not a path'),
    /** Text is written as UTF-8; bytes (a picture the page drew: the timeline's PNG) as they are. */
    contents: z.union([
      z.string().max(512 * 1024 * 1024),
      z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= 512 * 1024 * 1024, 'At most 512 MB')
    ])
  })
  .strict();

/** The essay to print to PDF: the HTML the library wrote (exchange.exportEssay) and the PDF's suggested name. */
export const PRINT_PDF_CHANNEL = 'desktop:print-pdf';

export const printPdfInput = z
  .object({
    fileName: z
      .string()
      .min(1)
      .max(255)
      .refine((name) => !/[/\\\0]/.test(name) && name.toLowerCase().endsWith('.pdf'), 'A PDF file name, not a path'),
    html: z.string().max(512 * 1024 * 1024)
  })
  .strict();

/** The shell's answer to a save: where the file went, or null when the person cancelled. */
export type SavedFile = { fileName: string } | null;

/**
 * The context menu of a note or a scene (right-clicked outside a text field): the page names the item
 * and its `reelnotes://` link, the shell shows a native menu and copies what the person chose (the
 * link, or the citation the library makes for the item, as the Cite button copies it). Parsed in the
 * main process, and its sender checked, as the contract's calls are.
 */
export const ITEM_MENU_CHANNEL = 'desktop:item-menu';

export const itemMenuInput = z
  .object({
    target: z.object({ kind: z.enum(['scene', 'note']), id }).strict(),
    link: z
      .string()
      .max(2048)
      .refine((link) => parseDeskLink(link) !== undefined, 'A reelnotes:// link to a place on the desk'),
    /** Text is selected in the page: the menu offers Copy first. */
    hasSelection: z.boolean()
  })
  .strict();
export type ItemMenuInput = z.input<typeof itemMenuInput>;

/** What the person chose in an item's menu: nothing, its link (copied), or its citation (copied when the library made one). */
export type ItemMenuChoice = { copied: null } | { copied: 'link'; link: string } | { copied: 'citation'; outcome: CallOutcome<Citation> };

/**
 * The film's study saved with its frame grabs: the shell asks where the Markdown goes and writes the
 * grabs into a frames/ folder beside it (the page could hand over only text). Only the film's id
 * crosses: the shell reads the study and the grabs from the library itself.
 */
export const SAVE_STUDY_CHANNEL = 'desktop:save-study';

export const saveStudyInput = z.object({ filmId: z.number().int().positive() }).strict();

/** Where the study went and how many frames went beside it, or null when the person cancelled. */
export type SavedStudy = { fileName: string; frames: number } | null;

/** The film's study pack saved where the person says: the shell writes it from the library, streamed (recordings may be large). */
export const SAVE_STUDY_PACK_CHANNEL = 'desktop:save-study-pack';

export const saveStudyPackInput = z.object({ filmId: z.number().int().positive(), withRecordings: z.boolean() }).strict();

/** The page's desktop-only functions (window.reelnotesDesktop), absent in the browser host. */
export interface DesktopBridge {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Files and links the system asks the app to open; those that came before a listener are handed to the first. */
  onOpen(listener: (opening: Opening) => void): () => void;
  /** The path of a file dropped on or picked in the page (Electron's webUtils.getPathForFile), or '' for none. */
  pathForFile(file: File): string;
  /** A native save dialog, then the text or the bytes written where the person said. */
  saveFile(fileName: string, contents: string | Uint8Array): Promise<SavedFile>;
  /** The native context menu of a note or a scene; resolves when the person has chosen or closed it. */
  showItemMenu(input: ItemMenuInput): Promise<ItemMenuChoice>;
  /** A native save dialog, then the film's study written there with its frames/ beside it. */
  saveStudy(filmId: number): Promise<SavedStudy>;
  /** A native save dialog, then the film's study pack (.reelstudy) written there. */
  saveStudyPack(filmId: number, withRecordings: boolean): Promise<SavedFile>;
  /** A native save dialog, then the essay printed to PDF there by Chromium's own print path. */
  printToPdf(fileName: string, html: string): Promise<SavedFile>;
}
