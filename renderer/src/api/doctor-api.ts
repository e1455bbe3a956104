import type { DoctorApi } from '../../../electron/api-contract';
import { createHttpDoctorApi } from './http-doctor-api';
import './window-doctor';

let api: DoctorApi | null = null;

/** The desktop app's preload API when present, else the browser preview's HTTP transport. */
export function doctorApi(): DoctorApi {
  api ??= window.doctor ?? createHttpDoctorApi();
  return api;
}
