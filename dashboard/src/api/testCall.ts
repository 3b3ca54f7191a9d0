// The browser test call's two API calls: can one start, and its ticket.
import { TestCallStatus, TestCallTicket } from '../../../api/src/contract/test-call.ts';
import { request, rpath } from './client.ts';

export const testCallApi = {
  status: (rid: string) => request(rpath(rid, '/test-call'), TestCallStatus),
  ticket: (rid: string) => request(rpath(rid, '/test-call/tickets'), TestCallTicket, { method: 'POST' }),
};
