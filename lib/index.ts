/**
 * n8n-nodes-lifecycle's pure library: the only door the nodes use. No n8n imports, no I/O;
 * time and randomness are always parameters. The demo shop simulator (./simulate) is deliberately not exported
 * here: the nodes load this file, and the simulator is imported by its own path by the demo and tests only.
 */
export * from './errors';
export * from './fieldValues';
export * from './channelVocabulary';
export * from './stats';
export * from './profile';
export * from './channel';
export * from './lifecycle';
export * from './churn';
export * from './uplift';
export * from './recommend';
export * from './agent';
