"""EvalGate's PromptFlow worker: runs Python tool nodes and flex flows without PromptFlow installed."""
