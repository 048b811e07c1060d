-- Rows a gateway sent without a usable cost and the catalog could not price yet. Kept small by
-- the predicate, so listing unpriced models and recomputing them never scans the whole ledger.
create index request_logs_unpriced_model on request_logs (model, created_at)
    where total_cost is null and (additional_details ->> 'cost_source') = 'unpriced';
