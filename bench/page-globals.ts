/**
 * The little of the DOM that the functions run inside the page use. The benchmark is type-checked
 * for Node, without the DOM library, and such a function is sent to the page as its source text:
 * it may use only what the page has, reached through `globalThis` as one of these.
 */
export interface PageElement {
  readonly id: string;
  readonly clientHeight: number;
  readonly offsetHeight: number;
  readonly textContent: string | null;
  scrollTop: number;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  click(): void;
  dispatchEvent(event: object): boolean;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
}

export interface PageAudio {
  currentTime: number;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: 'canplaythrough' | 'error', listener: () => void, options: { once: boolean }): void;
}

export interface PageWindow {
  document: {
    getElementById(id: string): PageElement | null;
    querySelector(selector: string): PageElement | null;
  };
  requestAnimationFrame(callback: () => void): number;
  performance: { getEntriesByType(type: 'navigation'): { responseEnd: number }[] };
  Audio: new (src: string) => PageAudio;
  WheelEvent: new (
    type: 'wheel',
    init: { deltaY: number; shiftKey?: boolean; clientX: number; clientY: number; bubbles: boolean; cancelable: boolean }
  ) => object;
  MutationObserver: new (callback: () => void) => {
    observe(target: PageElement, options: { attributeFilter: string[] }): void;
    disconnect(): void;
  };
}
