import type { FlowKind } from '../../src/flows/types.js';
import { FLOW_KINDS } from '../../src/flows/registry.js';
import { testAllFlowKinds } from '../support/contracts/flow-kinds.js';

testAllFlowKinds(FLOW_KINDS as unknown as readonly FlowKind[]);
