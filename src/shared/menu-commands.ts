/** Commands the application menu sends to the renderer; the preload forwards only these. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export const menuCommands = ['import-film-page', 'focus-search'] as const;
export type MenuCommand = (typeof menuCommands)[number];
export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
