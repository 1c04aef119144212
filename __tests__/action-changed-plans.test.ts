// Sorting a pull request's files into plans to verify, plans removed, and the 3,000-file cap.
import { describe, expect, it } from 'vitest';
import { classifyChangedFiles, truncationWarning, PR_FILE_LIST_CAP } from '../src/action/changed-plans.js';
import { listedCommits, movedHeadFailure } from '../src/action/listed-commit.js';
import { planMatcher } from '../src/action/plan-globs.js';
import { DEFAULT_PLAN_GLOBS } from '../src/action/inputs.js';

const isPlan = planMatcher(DEFAULT_PLAN_GLOBS);

describe('classifyChangedFiles', () => {
  it('verifies added and modified plans, renamed ones by their new name, and skips removed ones and non-plans', () => {
    const result = classifyChangedFiles(
      [
        { filename: 'b.plan.yaml', status: 'modified' },
        { filename: 'a.plan.yaml', status: 'added' },
        { filename: 'new.plan.yaml', status: 'renamed', previous_filename: 'old.plan.yaml' },
        { filename: 'gone.plan.yaml', status: 'removed' },
        { filename: 'README.md', status: 'modified' },
        { filename: 'same.plan.yaml', status: 'unchanged' },
      ],
      isPlan,
    );
    expect(result.plans).toEqual([
      { path: 'a.plan.yaml', basePath: null },
      { path: 'b.plan.yaml', basePath: 'b.plan.yaml' },
      { path: 'new.plan.yaml', basePath: 'old.plan.yaml' },
    ]);
    expect(result.removed).toEqual(['gone.plan.yaml']);
  });

  it('treats a plan renamed to a non-plan name as removed, and a file renamed into a plan as new', () => {
    const result = classifyChangedFiles(
      [
        { filename: 'notes.txt', status: 'renamed', previous_filename: 'x.plan.yaml' },
        { filename: 'y.plan.yaml', status: 'renamed', previous_filename: 'draft.txt' },
      ],
      isPlan,
    );
    expect(result.removed).toEqual(['x.plan.yaml']);
    expect(result.plans).toEqual([{ path: 'y.plan.yaml', basePath: null }]);
  });
});

describe('truncationWarning', () => {
  it('warns when fewer files were listed than the pull request changes', () => {
    expect(truncationWarning(PR_FILE_LIST_CAP, 3500)).toMatch(/3000 of the 3500 files/);
    expect(truncationWarning(250, 250)).toBeNull();
  });

  it('warns at the cap when the payload gave no count', () => {
    expect(truncationWarning(3000, null)).not.toBeNull();
    expect(truncationWarning(2999, null)).toBeNull();
  });
});

describe('listedCommits and movedHeadFailure', () => {
  const at = (sha: string, filename = 'plans/a.plan.yaml', status = 'modified') => ({
    filename,
    status,
    contents_url: `https://api.github.com/repos/o/r/contents/${filename}?ref=${sha}`,
  });
  const X = 'a'.repeat(40);
  const Y = 'b'.repeat(40);

  it("reads the head commit from the listed files' contents_url, skipping removed files and files without one", () => {
    expect(listedCommits([at(X), at(X, 'b.yaml'), at(Y, 'gone.yaml', 'removed'), { filename: 'c', status: 'added' }])).toEqual([X]);
    expect(listedCommits([at(X), at(Y, 'b.yaml')])).toEqual([X, Y]);
    expect(listedCommits([{ filename: 'c', status: 'added', contents_url: 'https://api.github.com/repos/o/r/contents/c?ref=main' }])).toEqual([]);
  });

  it('fails the job when GitHub listed another head than the one read; says nothing when it cannot tell', () => {
    expect(movedHeadFailure([X], X)).toBeNull();
    expect(movedHeadFailure([], X)).toBeNull();
    expect(movedHeadFailure([Y], X)).toMatch(/^GitHub listed the changed files of commit bbbbbbb, not of aaaaaaa, the commit this run verifies/);
    expect(movedHeadFailure([X, Y], X)).toMatch(/commit bbbbbbb, not of aaaaaaa/);
  });
});
