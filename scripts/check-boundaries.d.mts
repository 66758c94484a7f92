export interface BoundaryViolation {
  rule: string;
  from: string;
  to: string;
}
export function boundaryViolations(baseDir?: string): Promise<BoundaryViolation[]>;
export function rendererFolderCycles(modules: { source: string; dependencies: { resolved: string }[] }[]): BoundaryViolation[];
