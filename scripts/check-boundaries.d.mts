export function boundaryViolations(baseDir?: string): Promise<{ rule: string; from: string; to: string }[]>;
