export { definePatientTypes } from './patient.schema.js';
export { findPatient } from './patient.repository.js';
