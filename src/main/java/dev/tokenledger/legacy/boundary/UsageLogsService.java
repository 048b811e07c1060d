package dev.tokenledger.legacy.boundary;

import dev.tokenledger.legacy.control.PostgrestError;
import dev.tokenledger.legacy.control.ResponseShape;
import dev.tokenledger.legacy.control.UsageLogChanges;
import dev.tokenledger.legacy.control.UsageLogSql;
import dev.tokenledger.legacy.control.UsageLogStore;
import dev.tokenledger.legacy.entity.Condition;
import dev.tokenledger.legacy.entity.Condition.Comparison;
import dev.tokenledger.legacy.entity.Operator;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.legacy.entity.UsageLogPage;
import dev.tokenledger.legacy.entity.UsageLogQuery;
import dev.tokenledger.legacy.entity.UsageLogRow;
import dev.tokenledger.requestlog.boundary.RequestLogService;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.security.boundary.CallerTransaction;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.security.entity.CallerRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * usage_logs reads and writes, each one transaction run as the caller: row-level security filters
 * every statement, and users are also scoped to their own rows here. Inserts go through {@link
 * RequestLogService}, so they obey the ledger's write rules exactly.
 */
@Stateless
@CallerTransaction
public class UsageLogsService {

    private static final Logger LOG = Logger.getLogger(UsageLogsService.class);

    @Inject UsageLogStore store;

    @Inject RequestLogService requestLogs;

    public UsageLogPage read(Caller caller, UsageLogQuery query) {
        caller.requireReader();
        List<Condition> filters = scoped(caller, query.filters());
        UsageLogQuery scoped =
                new UsageLogQuery(
                        filters, query.order(), query.offset(), query.limit(), query.count());

        UsageLogPage page = store.page(scoped);

        LOG.debugf(
                "usage_logs read: %d rows, caller role %s",
                page.rows().size(), caller.role().claim());
        return page;
    }

    /** Stores the drafts; the stored rows come back only when {@code representation}. */
    public List<UsageLogRow> insert(
            Caller caller, List<RequestLogDraft> drafts, boolean single, boolean representation) {
        if (representation) {
            caller.requireReader();
        }
        requireOwnRows(caller, drafts);
        List<WriteOutcome> outcomes = requestLogs.record(caller, drafts, single);
        if (!representation) {
            return List.of();
        }
        return store.byIds(outcomes.stream().map(WriteOutcome::id).toList());
    }

    /**
     * Service role only; rolls back unless exactly one row changed ({@code requireOne}) and at most
     * {@code maxAffected}.
     */
    public List<UsageLogRow> update(
            Caller caller,
            List<Condition> filters,
            UsageLogChanges changes,
            boolean requireOne,
            OptionalLong maxAffected) {
        caller.requireService();
        List<UsageLogRow> rows =
                changes.isEmpty()
                        ? List.of()
                        : store.rows(
                                UsageLogSql.update(
                                        changes.assignments(), changes.values(), filters));
        UsageLogChanges.requireConsistent(rows);
        return checked("updated", rows, requireOne, maxAffected);
    }

    /** Service role only; rolls back as {@link #update} does. */
    public List<UsageLogRow> delete(
            Caller caller, List<Condition> filters, boolean requireOne, OptionalLong maxAffected) {
        caller.requireService();
        List<UsageLogRow> rows = store.rows(UsageLogSql.delete(filters));
        return checked("deleted", rows, requireOne, maxAffected);
    }

    private static List<UsageLogRow> checked(
            String change, List<UsageLogRow> rows, boolean requireOne, OptionalLong maxAffected) {
        if (requireOne && rows.size() != 1) {
            throw ResponseShape.notSingular(rows.size());
        }
        if (maxAffected.isPresent() && rows.size() > maxAffected.getAsLong()) {
            throw new PostgrestError(
                    400,
                    "PGRST124",
                    "Query result exceeds max-affected preference constraint",
                    "The query affects " + rows.size() + " rows",
                    null);
        }
        LOG.infof(
                "usage_logs compatibility: %s %d request logs as the service role",
                change, rows.size());
        return rows;
    }

    private static List<Condition> scoped(Caller caller, List<Condition> filters) {
        if (!caller.is(CallerRole.AUTHENTICATED)) {
            return filters;
        }
        List<Condition> scoped = new ArrayList<>(filters);
        scoped.add(
                new Comparison(UsageLogColumn.USER_ID, Operator.EQ, false, caller.userId(), null));
        return scoped;
    }

    /** Users write only as themselves; said here in usage_logs terms before the write. */
    private static void requireOwnRows(Caller caller, List<RequestLogDraft> drafts) {
        if (!caller.is(CallerRole.AUTHENTICATED)) {
            return;
        }
        for (RequestLogDraft draft : drafts) {
            if (draft.endUser() != null && !draft.endUser().equals(caller.userId())) {
                throw new PostgrestError(
                        403,
                        "42501",
                        "new row violates row-level security" + " policy for table \"usage_logs\"",
                        "An authenticated user can only record usage as themselves: leave user_id"
                                + " out or send your own id.",
                        null);
            }
        }
    }
}
