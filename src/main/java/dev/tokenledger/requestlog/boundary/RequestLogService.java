package dev.tokenledger.requestlog.boundary;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.BatchKeys;
import dev.tokenledger.requestlog.control.RequestLogFinder;
import dev.tokenledger.requestlog.control.RequestLogWriter;
import dev.tokenledger.requestlog.control.WritePolicy;
import dev.tokenledger.requestlog.entity.PageCursor;
import dev.tokenledger.requestlog.entity.RequestLog;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import dev.tokenledger.requestlog.entity.RequestLogFilter;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.requestlog.entity.WriteOutcome.Result;
import dev.tokenledger.security.boundary.CallerTransaction;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.security.entity.CallerRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records and reads request logs, each call one transaction run as the caller, so PostgreSQL's
 * row-level security checks every statement as well as this code does.
 */
@Stateless
@CallerTransaction
public class RequestLogService {

    private static final Logger LOG = Logger.getLogger(RequestLogService.class);

    @Inject
    WritePolicy policy;

    @Inject
    RequestLogWriter writer;

    @Inject
    RequestLogFinder finder;

    /**
     * Stores the drafts all together or not at all. A request_id already stored with the same
     * content is a duplicate (nothing written, the stored id returned); with different content
     * it is a conflict, and the whole batch is refused.
     *
     * @param single whether the drafts came as one object, for error pointers
     */
    public List<WriteOutcome> record(Caller caller, List<RequestLogDraft> drafts, boolean single) {
        List<RequestLogRow> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            rows.add(policy.stamp(caller, drafts.get(i), single ? "" : "/" + i));
        }

        BatchKeys keys = BatchKeys.of(rows, single);
        List<WriteOutcome> written = writer.insert(keys.distinctRows());
        List<WriteOutcome> outcomes = keys.expand(written);
        refuseConflicts(outcomes, single);

        long created = outcomes.stream().filter(o -> o.result() == Result.CREATED).count();
        if (drafts.size() > 1) {
            LOG.infof("request logs recorded: %d created, %d duplicates, caller role %s",
                    created, outcomes.size() - created, caller.role().claim());
        } else {
            LOG.debugf("request log %s: %s", outcomes.get(0).id(), outcomes.get(0).result());
        }
        return outcomes;
    }

    public Optional<RequestLog> find(Caller caller, UUID id) {
        caller.requireReader();
        return finder.find(id).filter(row -> visibleTo(caller, row));
    }

    /** A page of the caller's rows (any rows, for the service role), newest first. */
    public List<RequestLog> list(Caller caller, RequestLogFilter filter,
            Optional<PageCursor> after, int limit) {
        caller.requireReader();
        RequestLogFilter scoped = filter;
        if (caller.is(CallerRole.AUTHENTICATED)) {
            if (filter.endUser().filter(user -> !user.equals(caller.userId())).isPresent()) {
                throw ProblemException.forbidden("Users can only list their own request logs.");
            }
            scoped = filter.withEndUser(caller.userId());
        }
        return finder.list(scoped, after, limit);
    }

    private static boolean visibleTo(Caller caller, RequestLog row) {
        return caller.is(CallerRole.SERVICE) || caller.userId().equals(row.getEndUser());
    }

    private static void refuseConflicts(List<WriteOutcome> outcomes, boolean single) {
        List<Violation> conflicts = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).result() == Result.CONFLICT) {
                conflicts.add(Violation.atPointer((single ? "" : "/" + i) + "/request_id",
                        "was already used for a request log with different content."));
            }
        }
        if (!conflicts.isEmpty()) {
            LOG.warnf("refused %d request logs reusing a request_id with different content",
                    conflicts.size());
            throw ProblemException.conflict("A request_id was reused with different content;"
                    + " nothing was stored.", conflicts);
        }
    }
}
