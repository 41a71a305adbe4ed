// Everything review-svc's worker runs. Workflow code only: deterministic, no Node built-ins (lint-fenced).
// The legal-review workflow (SPEC L2–L12) is added here by its own change; until then the worker polls an empty set.
export {};
