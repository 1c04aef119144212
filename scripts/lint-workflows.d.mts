// Types of lint-workflows.mjs.
export function workflowBlocks(markdown: string): Array<{ line: number; text: string }>;
export function lintWorkflow(text: string, label: string): Promise<Array<{ line: number; column: number; message: string; kind: string }>>;
