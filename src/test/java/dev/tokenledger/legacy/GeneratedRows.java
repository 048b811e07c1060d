package dev.tokenledger.legacy;

import dev.tokenledger.testing.TestDatabase;

/**
 * An oracle for generated tables, written apart from the migration's own SQL: each legacy row
 * checked against its request_logs row by other means than the migration uses. The cost must be the
 * same double and its shortest decimal (one digit fewer no longer reads back as that double, so no
 * binary artefacts trail it); the time turned back into UTC wall time must be the legacy one; every
 * details key is checked on its own, with no JSON nulls and no extra keys.
 */
final class GeneratedRows {

    private static final String MISMATCHES =
            """
            select count(*) from %s.usage_logs u
            left join request_logs r on r.id = u.id
            where r.id is null
               or r.end_user is distinct from u.user_id
               or r.model is distinct from u.model_name
               or (r.total_cost is null) <> (u.cost is null)
               or r.total_cost::float8 <> u.cost
               or (scale(r.total_cost) > 0
                   and round(r.total_cost, scale(r.total_cost) - 1)::float8 = u.cost)
               or (r.created_at at time zone 'UTC') <> u.created_at
               or r.additional_details ->> 'session_id' is distinct from u.session_id
               or r.additional_details ->> 'auth_method' is distinct from u.auth_method
               or (r.additional_details -> 'input_tokens')::bigint
                  is distinct from u.input_tokens
               or (r.additional_details -> 'output_tokens')::bigint
                  is distinct from u.output_tokens
               or (r.additional_details -> 'total_tokens')::bigint
                  is distinct from coalesce(u.total_tokens, u.input_tokens + u.output_tokens)
               or (select count(*) from jsonb_each(r.additional_details) e
                   where e.value = 'null'::jsonb) > 0
               or (select count(*) from jsonb_object_keys(r.additional_details))
                  <> (u.session_id is not null)::int + (u.auth_method is not null)::int
                     + (u.input_tokens is not null)::int + (u.output_tokens is not null)::int
                     + (coalesce(u.total_tokens, u.input_tokens + u.output_tokens)
                        is not null)::int
            """;

    private GeneratedRows() {}

    /** Legacy rows missing from request_logs or stored with any value other than expected. */
    static long mismatches(String schema) {
        return TestDatabase.count(MISMATCHES.formatted(schema));
    }
}
