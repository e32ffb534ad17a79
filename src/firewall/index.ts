export { applyOperationFirewall, FIREWALL_RULES } from './operation-firewall.js';
