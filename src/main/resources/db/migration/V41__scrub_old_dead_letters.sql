-- Dead letters kept before redaction (ingest.control.Redaction) may hold credentials: LiteLLM's
-- parameters and hidden parameters, key hashes, headers, and api_base URLs with a user part or
-- a query. New letters are redacted in the application; this clears the same fields from the
-- letters already stored, as far as SQL can name them (top level and metadata), and drops the
-- raw text of lines that were not JSON, which is no longer kept at all.

update ingest_dead_letters
set payload_text = null,
    payload = (payload - array['litellm_params', 'hidden_params', 'model_parameters',
                               'optional_params', 'cache_key', 'requester_ip_address',
                               'user_agent', 'guardrail_information', 'api_key', 'headers',
                               'authorization'])
              || case
                     when jsonb_typeof(payload -> 'metadata') = 'object'
                     then jsonb_build_object('metadata', (payload -> 'metadata')
                          - array['user_api_key', 'user_api_key_hash',
                                  'user_api_key_auth_metadata', 'user_api_key_user_email',
                                  'requester_ip_address', 'user_agent', 'headers',
                                  'mcp_tool_call_metadata', 'vector_store_request_metadata',
                                  'prompt_management_metadata', 'cold_storage_object_key'])
                     else '{}'::jsonb
                 end
where jsonb_typeof(payload) = 'object' or payload_text is not null;

-- api_base keeps scheme, host, port and path only: a user part or a query may hold a key.
update ingest_dead_letters
set payload = jsonb_set(payload, '{api_base}', to_jsonb(regexp_replace(payload ->> 'api_base',
        '^([a-z][a-z0-9+.-]*://)?(?:[^@/?#]*@)?([^/?#]*)([^?#]*).*$', '\1\2\3', 'i')))
where jsonb_typeof(payload -> 'api_base') = 'string';

comment on column ingest_dead_letters.payload_text is
    'No longer written: a line that was not JSON cannot be searched for credentials.';
