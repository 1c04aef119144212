// Types of run-folders.mjs.
export function runFolder(): string;
export function removeRunFolders(): void;
