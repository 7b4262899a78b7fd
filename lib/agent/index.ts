/** Answers for AI agents: one customer in, a compact answer with its reason out. */
export * from './compactLifecycleAnswer';
export * from './toolModeRefusal';
