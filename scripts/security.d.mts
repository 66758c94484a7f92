export function securityFindings(folder: string): Promise<{
  findings: { severity: string; confidence: string; id: string; where: string; url: string }[];
  unreadable: string[];
}>;
