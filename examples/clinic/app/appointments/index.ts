export { defineAppointmentTypes } from './appointment.schema.js';
