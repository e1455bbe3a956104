import type { DoctorApi } from '@contract/api-contract';
import { unwrapTransport } from './api-call-error';
import { createHttpTransport } from './http-doctor-api';
import './window-doctor';

let api: DoctorApi | null = null;

/** The desktop app's preload API when present, else the browser preview's HTTP transport; unwrapped once. */
export function doctorApi(): DoctorApi {
  api ??= unwrapTransport(window.doctor ?? createHttpTransport());
  return api;
}
