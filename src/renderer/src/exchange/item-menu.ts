import { useEffect } from 'react';
import { deskLinkOf, type DeskLink } from '../../../shared/place-address';
import { ApiError } from '../api';
import { isTyping } from '../keymap/keymap';
import { useNotify } from '../notices/notify';
import { citationCopied } from './clipboard';

type ItemKind = 'scene' | 'note';

/**
 * Marks an element as a note's or a scene's for the desktop app's context menu: right-clicked, it
 * offers the item's `reelnotes://` link (its place, and its film time where it has one) and its citation.
 */
export function itemMenuAttributes(kind: ItemKind, id: number, link: DeskLink) {
  return { 'data-item-kind': kind, 'data-item-id': id, 'data-item-link': deskLinkOf(link) };
}

/**
 * In the desktop app, a right-click on a marked note or scene (outside a text field, which keeps its
 * spelling and edit menu) shows that item's menu; the shell copies what is chosen, and the page says
 * what was copied, as the Cite button does. The browser host keeps the browser's own menu.
 */
export function useItemMenu(): void {
  const notify = useNotify();
  useEffect(() => {
    const desktop = window.reelnotesDesktop;
    if (!desktop) return;
    const onContextMenu = (event: MouseEvent) => {
      if (!(event.target instanceof Element) || isTyping(event.target)) return;
      const item = event.target.closest<HTMLElement>('[data-item-kind]');
      const kind = item?.dataset.itemKind;
      if (!item || (kind !== 'scene' && kind !== 'note')) return;
      event.preventDefault();
      const hasSelection = (window.getSelection()?.toString().trim() ?? '') !== '';
      desktop
        .showItemMenu({ target: { kind, id: Number(item.dataset.itemId) }, link: item.dataset.itemLink ?? '', hasSelection })
        .then((choice) => {
          if (choice.copied === 'link') notify.success(`Copied the link to this ${kind}: ${choice.link}`);
          else if (choice.copied === 'citation') {
            const { outcome } = choice;
            if (outcome.ok) notify.success(citationCopied(outcome.result));
            else notify.failed(new ApiError(outcome.error.code, outcome.error.message));
          }
        }, notify.failed);
    };
    document.addEventListener('contextmenu', onContextMenu);
    return () => document.removeEventListener('contextmenu', onContextMenu);
  }, [notify]);
}
