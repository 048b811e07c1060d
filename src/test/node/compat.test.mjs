// Every request of shared/cases/legacy/postgrest_queries.md, sent by the real Supabase client
// (@supabase/postgrest-js) to a running Token Ledger, and each answer compared with the same
// question asked in SQL on request_logs. The SQL below restates the usage_logs mapping by hand
// on purpose: it checks the server's mapping rather than reusing it.
//
// Environment (set by PostgrestClientIT): BASE_URL, SERVICE_TOKEN, USER_TOKEN and USER_ID (the
// run's "user-123"), SOLO_TOKEN and SOLO_ID (a user with exactly one row before 2025-05-02),
// UNICODE_ID (the user whose only row has 2 tokens), ANON_TOKEN, RUN (prefix of the run's ids),
// and PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PostgrestClient } from '@supabase/postgrest-js';
import pg from 'pg';

const env = process.env;
const REST = `${env.BASE_URL.replace(/\/+$/, '')}/rest/v1`;
const USER = env.USER_ID;

const client = (token) => new PostgrestClient(REST, {
  headers: token ? { apikey: token, Authorization: `Bearer ${token}` } : {},
});
const asService = client(env.SERVICE_TOKEN);
const asUser = client(env.USER_TOKEN);

// usage_logs computed from request_logs, independently of the server's mapping.
const USAGE_LOGS = `(select id, end_user as user_id, additional_details ->> 'session_id' as
  session_id, model as model_name, (additional_details ->> 'input_tokens')::bigint as
  input_tokens, (additional_details ->> 'output_tokens')::bigint as output_tokens,
  (additional_details ->> 'total_tokens')::bigint as total_tokens, total_cost as cost,
  created_at, additional_details ->> 'auth_method' as auth_method from request_logs)`;

let db;
before(async () => {
  db = new pg.Client();
  await db.connect();
  await db.query("set time zone 'UTC'");
});
after(async () => db.end());

/** The rows of a query over usage_logs, as PostgreSQL writes them in JSON (as PostgREST does). */
async function sql(columns, where, params = [], order = 'id') {
  const { rows } = await db.query(`select coalesce(json_agg(t), '[]')::text as rows from
    (select ${columns} from ${USAGE_LOGS} u where ${where} order by ${order}) t`, params);
  return JSON.parse(rows[0].rows);
}

async function count(where, params = []) {
  const { rows } = await db.query(`select count(*)::int as n from ${USAGE_LOGS} u
    where ${where}`, params);
  return rows[0].n;
}

const byId = (rows) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

function ok(result) {
  assert.equal(result.error, null, JSON.stringify(result.error));
  return result.data;
}

test('1. select=* for one user, as that user and as the service role', async () => {
  const expected = await sql('*', 'user_id = $1', [USER]);
  assert.equal(expected.length, 4);
  assert.deepEqual(byId(ok(await asUser.from('usage_logs').select('*').eq('user_id', USER))),
    byId(expected));
  assert.deepEqual(byId(ok(await asService.from('usage_logs').select('*').eq('user_id', USER))),
    byId(expected));
});

test('2. a column list, a time filter, newest first, limit 10', async () => {
  const data = ok(await asUser.from('usage_logs').select('model_name,total_tokens,cost')
    .eq('user_id', USER).gte('created_at', '2025-05-01T00:00:00+00:00')
    .order('created_at', { ascending: false }).limit(10));
  const expected = await sql('model_name, total_tokens, cost',
    "user_id = $1 and created_at >= '2025-05-01T00:00:00+00:00'", [USER],
    'created_at desc, id limit 10');
  assert.equal(expected.length, 4);
  assert.deepEqual(data, expected);
  assert.equal(data[0].total_tokens, 2147483647, 'numbers are JSON numbers');
  assert.equal(data[0].cost, 12345.6789012345);
});

// The service role sees the whole shared test database, other tests' rows too; its questions
// are narrowed to this run's users so that both sides count the same rows.
const OURS = `${env.RUN}%`;

test('3. in.(...) with order, offset 1 and limit 2', async () => {
  const data = ok(await asService.from('usage_logs').select('*')
    .in('model_name', ['gpt-4o', 'gpt-4o-mini']).like('user_id', OURS)
    .order('created_at', { ascending: true }).range(1, 2));
  const expected = await sql('*', "model_name in ('gpt-4o', 'gpt-4o-mini') and user_id like $1",
    [OURS], 'created_at, id offset 1 limit 2');
  assert.equal(data.length, 2);
  assert.deepEqual(data, expected);
});

test('4. session_id=is.null', async () => {
  const data = ok(await asService.from('usage_logs').select('*').is('session_id', null)
    .like('user_id', OURS));
  assert.deepEqual(byId(data), byId(await sql('*', 'session_id is null and user_id like $1',
    [OURS])));
  assert.ok(data.some((row) => row.user_id === USER), 'the seeded row without a session');
});

test('5. total_tokens=gte.10 compares numbers, not text', async () => {
  const data = ok(await asService.from('usage_logs').select('id,total_tokens')
    .gte('total_tokens', 10).like('user_id', OURS));
  assert.deepEqual(byId(data), byId(await sql('id, total_tokens',
    'total_tokens >= 10 and user_id like $1', [OURS])));
  assert.ok(data.every((row) => row.total_tokens >= 10));
  const [small] = await sql('id', 'user_id = $1', [env.UNICODE_ID]);
  assert.ok(!data.some((row) => row.id === small.id),
    "2 >= 10 as text ('2' > '1') but not as numbers");
});

test('6. Range and Prefer: count=exact headers answer 206 with Content-Range', async () => {
  const response = await fetch(`${REST}/usage_logs?select=*&user_id=eq.${encodeURIComponent(USER)}`,
    { headers: { apikey: env.USER_TOKEN, 'Range-Unit': 'items', Range: '0-1',
      Prefer: 'count=exact' } });
  const total = await count('user_id = $1', [USER]);
  assert.equal(response.status, 206);
  assert.equal(response.headers.get('content-range'), `0-1/${total}`);
  assert.equal((await response.json()).length, 2);
  const viaClient = await asUser.from('usage_logs').select('*', { count: 'exact' })
    .eq('user_id', USER).range(0, 1);
  assert.equal(viaClient.count, total);
  assert.equal(viaClient.status, 206);
});

test('7. HEAD with count=exact answers the count only', async () => {
  const result = await asUser.from('usage_logs').select('*', { count: 'exact', head: true })
    .eq('user_id', USER);
  assert.equal(result.error, null);
  assert.equal(result.data, null);
  assert.equal(result.count, await count('user_id = $1', [USER]));
});

test('8. or=(model_name.eq.gpt-4o,total_tokens.gt.5000)', async () => {
  const data = ok(await asService.from('usage_logs').select('*')
    .or('model_name.eq.gpt-4o,total_tokens.gt.5000').like('user_id', OURS));
  assert.deepEqual(byId(data), byId(await sql('*',
    "(model_name = 'gpt-4o' or total_tokens > 5000) and user_id like $1", [OURS])));
});

test('9. eq, neq and lt together; neq leaves rows without a value out, as SQL does', async () => {
  const data = ok(await asUser.from('usage_logs').select('*').eq('user_id', USER)
    .neq('auth_method', 'anon').lt('cost', 0.01));
  const expected = await sql('*', "user_id = $1 and auth_method <> 'anon' and cost < 0.01",
    [USER]);
  assert.equal(expected.length, 2);
  assert.deepEqual(byId(data), byId(expected));
});

test('10. created_at=lt.2025-05-02, cost.desc.nullslast, as a single object', async () => {
  const solo = client(env.SOLO_TOKEN);
  const single = await solo.from('usage_logs').select('*').lt('created_at', '2025-05-02')
    .order('cost', { ascending: false, nullsFirst: false }).single();
  const [expected] = await sql('*', "created_at < '2025-05-02' and user_id = $1",
    [env.SOLO_ID]);
  assert.deepEqual(ok(single), expected);

  const two = await asUser.from('usage_logs').select('*').lt('created_at', '2025-05-02')
    .order('cost', { ascending: false, nullsFirst: false }).single();
  assert.equal(two.status, 406);
  assert.equal(two.error.code, 'PGRST116');
  assert.equal(two.error.details, 'The result contains 2 rows');
});

test('11. POST one usage_logs row stores a request_logs row', async () => {
  const body = { user_id: USER, session_id: `${env.RUN}-s1`, model_name: 'gpt-4o',
    input_tokens: 10, output_tokens: 5, total_tokens: 15, cost: 0.0001, auth_method: 'api_key' };
  const result = await asUser.from('usage_logs').insert(body);
  assert.equal(result.error, null, JSON.stringify(result.error));
  assert.equal(result.status, 201);
  const { rows } = await db.query(`select end_user, model, total_cost::text as cost,
    additional_details as details from request_logs
    where additional_details ->> 'session_id' = $1`, [`${env.RUN}-s1`]);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].end_user, USER);
  assert.equal(rows[0].model, 'gpt-4o');
  assert.equal(rows[0].cost, '0.0001');
  assert.deepEqual(rows[0].details, { session_id: `${env.RUN}-s1`, input_tokens: 10,
    output_tokens: 5, total_tokens: 15, auth_method: 'jwt' });
});

test('12. POST an array with return=representation answers the stored rows', async () => {
  const session = `${env.RUN}-bulk`;
  const result = await asUser.from('usage_logs').insert([
    { session_id: session, model_name: 'gpt-4o-mini', input_tokens: 1, output_tokens: 2,
      cost: 0.5 },
    { session_id: session, model_name: 'gpt-4o', input_tokens: 3, output_tokens: 4 },
  ]).select();
  const data = ok(result);
  assert.equal(result.status, 201);
  assert.equal(data.length, 2);
  assert.deepEqual(byId(data), byId(await sql('*', 'session_id = $1', [session])));
  assert.equal(data.find((row) => row.model_name === 'gpt-4o').total_tokens, 7);
});

test('13. PATCH and DELETE are refused to everyone but the service role', async () => {
  const before = await count('user_id = $1', [USER]);
  for (const [caller, status] of [[asUser, 403], [client(env.ANON_TOKEN), 403],
    [client(null), 401]]) {
    const update = await caller.from('usage_logs').update({ cost: 99 }).eq('user_id', USER);
    assert.equal(update.status, status);
    assert.equal(update.error.code, '42501');
    const removal = await caller.from('usage_logs').delete().eq('user_id', USER);
    assert.equal(removal.status, status);
    assert.equal(removal.error.code, '42501');
  }
  assert.equal(await count('user_id = $1', [USER]), before);
  assert.equal(await count('user_id = $1 and cost = 99', [USER]), 0);

  const session = `${env.RUN}-bulk`;
  const updated = await asService.from('usage_logs').update({ cost: 1.25 })
    .eq('session_id', session).select('id,cost');
  assert.deepEqual(ok(updated).map((row) => row.cost), [1.25, 1.25]);
  const removed = await asService.from('usage_logs').delete().eq('session_id', session)
    .select('id');
  assert.equal(ok(removed).length, 2);
  assert.equal(await count('session_id = $1', [session]), 0);
});

test('14. an unknown column is a PostgREST error, not a crash', async () => {
  const result = await asUser.from('usage_logs').select('*').eq('userid', 'x');
  assert.equal(result.status, 400);
  assert.equal(result.error.code, '42703');
  assert.match(result.error.message, /usage_logs\.userid does not exist/);
});

test('15. an unknown operator is a PostgREST parse error', async () => {
  const result = await asUser.from('usage_logs').select('*').filter('user_id', 'regex', 'x');
  assert.equal(result.status, 400);
  assert.equal(result.error.code, 'PGRST100');
});

test('16. a malformed number is the error PostgreSQL would give', async () => {
  const result = await asUser.from('usage_logs').select('*').gte('total_tokens', 'abc');
  assert.equal(result.status, 400);
  assert.equal(result.error.code, '22P02');
  assert.equal(result.data, null);
});
