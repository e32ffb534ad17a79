export { applyOperationFirewall, firewallRulesOf } from './operation-firewall.js';
export { admits } from './admits.js';
