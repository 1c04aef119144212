// An imported file's own words never reach a warning verbatim: flags the importer does not know, dotted
// keys of one it does and names a manifest gives are shown as keyLabel shows a key (plain and short) or
// described by their length (an attacker's review of the importers).
import { describe, expect, it } from 'vitest';
import { CANARY, ECHO_INPUTS } from './fixtures/hostile/echo-inputs.js';
import { importText, ok } from './import-helpers.js';

describe('imported words are not echoed', () => {
  for (const input of ECHO_INPUTS) {
    it(input.name, () => {
      const r = ok(importText(input.file, input.text, input.engine ? { engine: input.engine } : {}, input.files ?? {}));
      const said = r.warnings.join('\n');
      expect(said).toMatch(input.expect);
      expect(said).not.toMatch(/zqxCanary/i);
      expect(said).not.toContain(CANARY.slice(0, 20));
    });
  }
});
