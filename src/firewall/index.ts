export { applyOperationFirewall, firewallRulesOf } from './operation-firewall.js';
