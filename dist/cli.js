#!/usr/bin/env node
var __webpack_exports__ = {};
// STUB: the command line (parallel-plan-check verify ...).
console.log('parallel-plan-check: not written yet');


