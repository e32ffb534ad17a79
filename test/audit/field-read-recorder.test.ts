import type { ResponsePath } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FieldReadRecorder } from '../../src/audit/field-read-recorder.js';

/** A response path as graphql-js builds it, from the root down. */
const pathOf = (...keys: Array<string | number>): ResponsePath | undefined =>
  keys.reduce<ResponsePath | undefined>((prev, key) => ({ prev, key, typename: undefined }), undefined);

describe('the paths a read is kept at', () => {
  it('writes a response path as the response reads: names by dots, list indexes in brackets, lists in lists too', () => {
    const recorder = new FieldReadRecorder();
    const at = (...keys: Array<string | number>) => recorder.readAt('Cell.value', 'pii', 'masked', { id: 'c1' }, pathOf(...keys), undefined);
    at('me', 'phone');
    at('account', 'users', 3, 'notificationSettings', 'smsAlerts');
    at('matrix', 0, 1, 'value');
    at('first');
    const [group] = recorder.groups();
    expect(group?.paths).toEqual(['me.phone', 'account.users[3].notificationSettings.smsAlerts', 'matrix[0][1].value', 'first']);
  });
});
