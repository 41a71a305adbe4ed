// Everything disclosure-svc's worker runs. Workflow code only: deterministic, no Node built-ins (lint-fenced).
// The publication workflow (SPEC D2–D8) is added here by its own change; until then the worker polls an empty set.
export {};
