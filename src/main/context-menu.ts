import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/** What the context menu's own items do; the shell passes the real actions, the tests record them. */
export interface ContextMenuActions {
  replaceMisspelling(suggestion: string): void;
  addToDictionary(word: string): void;
  /** Copies the `reelnotes://` link of the place the page shows (its film, view, scene or note). */
  copyPlaceLink(): void;
}

type Params = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'>;

/**
 * The right-click menu of the page: in a text field, the spelling suggestions for a misspelled word
 * and "Add to Dictionary" (the fields are spell-checked), then Cut, Copy, Paste and Select All as the
 * field allows; elsewhere Copy for selected text, and the link to the place shown (a note, a scene, a
 * film), which opens it again from a document, a browser or another app.
 */
export function contextMenuTemplate(params: Params, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const spelling: MenuItemConstructorOptions[] =
    params.isEditable && params.misspelledWord
      ? [
          ...(params.dictionarySuggestions.length > 0
            ? params.dictionarySuggestions
                .slice(0, 6)
                .map((suggestion) => ({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) }))
            : [{ label: 'No Guesses Found', enabled: false }]),
          { type: 'separator' },
          { label: `Add “${params.misspelledWord}” to Dictionary`, click: () => actions.addToDictionary(params.misspelledWord) },
          { type: 'separator' }
        ]
      : [];
  if (params.isEditable) {
    const can = params.editFlags;
    return [
      ...spelling,
      { role: 'cut', enabled: can.canCut },
      { role: 'copy', enabled: can.canCopy },
      { role: 'paste', enabled: can.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: can.canSelectAll }
    ];
  }
  const placeLink: MenuItemConstructorOptions = { label: 'Copy Link to This Place', click: actions.copyPlaceLink };
  return params.selectionText.trim() ? [{ role: 'copy' }, { type: 'separator' }, placeLink] : [placeLink];
}

/**
 * The menu of a note or a scene the person right-clicked (outside a text field): Copy for selected
 * text, then its `reelnotes://` link and its citation, as the Cite button makes it.
 */
export function itemMenuTemplate(
  kind: 'scene' | 'note',
  hasSelection: boolean,
  choose: (what: 'link' | 'citation') => void
): MenuItemConstructorOptions[] {
  const item = kind === 'note' ? 'Note' : 'Scene';
  return [
    ...(hasSelection ? [{ role: 'copy' } as const, { type: 'separator' } as const] : []),
    { label: `Copy Link to This ${item}`, click: () => choose('link') },
    { label: `Copy Citation of This ${item}`, click: () => choose('citation') }
  ];
}
