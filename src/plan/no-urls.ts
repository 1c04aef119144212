// A reference in a plan names a file in the repository. One that is a URL is never fetched (a pull
// request's plan must not make the action reach out), and saying "does not exist" would mislead.
import type { ReadReference } from '../core/types.js';

// scheme://anything, or a scheme people write without slashes (file:/etc/x, hf:org/model)
const URL_SHAPE = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|(?:file|hf|https?|s3|gs|data|ftp):)/i;

/** The reader, refusing URLs with what to do instead; every other reference goes to `read`. */
export function refusingUrls(read: ReadReference): ReadReference {
  return (planFile, ref) =>
    URL_SHAPE.test(ref.trim())
      ? { error: 'it is a URL, and references are never fetched: save the file in the repository and give its path relative to the plan' }
      : read(planFile, ref);
}
