package dev.tokenledger.legacy.boundary;

import dev.tokenledger.legacy.control.LegacySettings;
import dev.tokenledger.legacy.control.LegacySqlRunner;
import dev.tokenledger.legacy.entity.SqlResult;
import dev.tokenledger.legacy.entity.TranslatedQuery;
import dev.tokenledger.security.boundary.CallerTransaction;
import dev.tokenledger.security.entity.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Runs translated legacy SQL as the caller, one transaction each: row-level security decides which
 * rows the query sees, exactly as for the ledger's own API.
 */
@Stateless
@CallerTransaction
public class LegacySqlService {

    private static final Logger LOG = Logger.getLogger(LegacySqlService.class);

    @Inject LegacySqlRunner runner;

    @Inject LegacySettings settings;

    public SqlResult run(Caller caller, TranslatedQuery query) {
        caller.requireReader();

        SqlResult result = runner.run(query, settings.maxRows(), settings.sqlTimeoutMillis());

        LOG.infof(
                "legacy SQL executed: %d rows%s, caller role %s",
                result.rows().size(),
                result.truncated() ? " (truncated)" : "",
                caller.role().claim());
        return result;
    }
}
