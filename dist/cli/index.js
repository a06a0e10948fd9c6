#!/usr/bin/env node
import nodeModule from 'node:module';
nodeModule.enableCompileCache?.();
await import('./evalgate.js');
