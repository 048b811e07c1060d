package dev.tokenledger.legacy.control;

import java.util.UUID;

/**
 * What one batch did: legacy rows read, rows refused by request_logs' rules, rows inserted (of
 * which {@code filled} had total_tokens filled in), and the last legacy id read (null when the
 * batch read nothing). Rows read but neither rejected nor inserted were already present.
 */
record CopiedBatch(long read, long rejected, long inserted, long filled, UUID lastId) {

    long alreadyPresent() {
        return read - rejected - inserted;
    }
}
