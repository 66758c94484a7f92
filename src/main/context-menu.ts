import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/** What the context menu's own items do; the shell passes the real actions, the tests record them. */
export interface ContextMenuActions {
  replaceMisspelling(suggestion: string): void;
  addToDictionary(word: string): void;
}

type Params = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'>;

/**
 * The right-click menu of the page: in a text field, the spelling suggestions for a misspelled word
 * and "Add to Dictionary" (the fields are spell-checked), then Cut, Copy, Paste and Select All as the
 * field allows; on selected text elsewhere, Copy. Nothing at all where there is nothing to do.
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
  return params.selectionText.trim() ? [{ role: 'copy' }] : [];
}
