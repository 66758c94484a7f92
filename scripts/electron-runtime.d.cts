export function electronExecutable(): string | undefined;
export function electronVersion(): string;
