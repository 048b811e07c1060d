package dev.tokenledger.requestlog.boundary;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.BatchKeys;
import dev.tokenledger.requestlog.control.GroupCommit;
import dev.tokenledger.requestlog.control.RequestLogFinder;
import dev.tokenledger.requestlog.control.RequestLogWriter;
import dev.tokenledger.requestlog.control.WritePolicy;
import dev.tokenledger.requestlog.entity.PageCursor;
import dev.tokenledger.requestlog.entity.RequestLog;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import dev.tokenledger.requestlog.entity.RequestLogFilter;
import dev.tokenledger.requestlog.entity.RequestLogRecord;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.requestlog.entity.WriteOutcome.Result;
import dev.tokenledger.security.boundary.CallerTransaction;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.security.entity.CallerRole;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Records and reads request logs. Every statement runs as the caller, so PostgreSQL's row-level
 * security checks it as well as this code does: batches and reads in a transaction of their own,
 * single rows in a group commit that sets each caller's identity for its rows.
 */
@Stateless
public class RequestLogService {

    private static final Logger LOG = Logger.getLogger(RequestLogService.class);
    private static final long COMMIT_WAIT_SECONDS = 30;

    @Resource SessionContext context;

    /** This bean through the container, so that a call gets its transaction and identity. */
    RequestLogService self;

    @PostConstruct
    void lookUpSelf() {
        self = context.getBusinessObject(RequestLogService.class);
    }

    @Inject WritePolicy policy;

    @Inject RequestLogWriter writer;

    @Inject RequestLogFinder finder;

    @Inject GroupCommit groupCommit;

    @Inject
    @ConfigProperty(name = "tokenledger.write.group-commit", defaultValue = "true")
    boolean groupCommitEnabled;

    /**
     * Stores one request log, sharing a commit with other requests' rows written at the same moment
     * (see {@link GroupCommit}); answers once that commit is durable.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public WriteOutcome recordOne(Caller caller, RequestLogDraft draft) {
        if (!groupCommitEnabled) {
            return self.record(caller, List.of(draft), true).get(0);
        }
        RequestLogRow row = policy.stamp(caller, draft, "");

        WriteOutcome outcome = awaitCommit(groupCommit.submit(caller, row));

        refuseConflicts(List.of(outcome), true);
        LOG.debugf("request log %s: %s", outcome.id(), outcome.result());
        return outcome;
    }

    private static WriteOutcome awaitCommit(CompletableFuture<WriteOutcome> commit) {
        try {
            return commit.get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("writing a request log failed", failed.getCause());
        } catch (TimeoutException slow) {
            throw ProblemException.unavailable(
                    "The write was not confirmed in "
                            + COMMIT_WAIT_SECONDS
                            + " s; send it again with the same request_id.");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("The server is shutting down; send it again.");
        }
    }

    /**
     * Stores the drafts all together or not at all. A request_id already stored with the same
     * content is a duplicate (nothing written, the stored id returned); with different content it
     * is a conflict, and the whole batch is refused.
     *
     * @param single whether the drafts came as one object, for error pointers
     */
    @CallerTransaction
    public List<WriteOutcome> record(Caller caller, List<RequestLogDraft> drafts, boolean single) {
        List<RequestLogRow> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            rows.add(policy.stamp(caller, drafts.get(i), single ? "" : "/" + i));
        }

        BatchKeys.refuseRepeatsWithOtherContent(rows, single);
        List<WriteOutcome> outcomes = writer.insert(rows);
        refuseConflicts(outcomes, single);

        long created = outcomes.stream().filter(o -> o.result() == Result.CREATED).count();
        if (drafts.size() > 1) {
            LOG.infof(
                    "request logs recorded: %d created, %d duplicates, caller role %s",
                    created, outcomes.size() - created, caller.role().claim());
        } else {
            LOG.debugf("request log %s: %s", outcomes.get(0).id(), outcomes.get(0).result());
        }
        return outcomes;
    }

    @CallerTransaction
    public Optional<RequestLog> find(Caller caller, UUID id) {
        caller.requireReader();
        return finder.find(id).filter(row -> visibleTo(caller, row));
    }

    /** A page of the caller's rows (any rows, for the service role), newest first. */
    @CallerTransaction
    public List<RequestLogRecord> list(
            Caller caller, RequestLogFilter filter, Optional<PageCursor> after, int limit) {
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
                conflicts.add(
                        Violation.atPointer(
                                (single ? "" : "/" + i) + "/request_id",
                                "was already used for a request log with different content."));
            }
        }
        if (!conflicts.isEmpty()) {
            LOG.warnf(
                    "refused %d request logs reusing a request_id with different content",
                    conflicts.size());
            throw ProblemException.conflict(
                    "A request_id was reused with different content;" + " nothing was stored.",
                    conflicts);
        }
    }
}
