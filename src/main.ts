// STUB: the GitHub Action entry point.
console.log('parallel-plan-check action: not written yet');
