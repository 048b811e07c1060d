package dev.tokenledger.requestlog.control;

import dev.tokenledger.platform.problem.DatabaseRefusal;
import dev.tokenledger.requestlog.control.GroupCommit.Submission;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.security.control.DatabaseIdentity;
import dev.tokenledger.security.entity.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Writes one group of submissions in one transaction. Row-level security still judges every row by
 * its own caller: the rows are written caller by caller, each after setting that caller's database
 * identity, which like every identity ends with the transaction. If the transaction fails, each
 * submission is retried alone, so one bad row fails only its own request.
 */
@ApplicationScoped
public class GroupWrite {

    private static final Logger LOG = Logger.getLogger(GroupWrite.class);

    @Resource(lookup = "java:jboss/datasources/TokenLedgerWriteDS")
    DataSource dataSource;

    @Inject RequestLogWriter writer;

    void commit(List<Submission> group) {
        Map<Submission, WriteOutcome> outcomes;
        try {
            outcomes = write(group);
        } catch (SQLException | RuntimeException failed) {
            if (group.size() > 1) {
                LOG.debugf(
                        "a group of %d failed (%s); writing each alone",
                        group.size(), failed.getMessage());
                group.forEach(submission -> commit(List.of(submission)));
            } else {
                group.get(0).result().completeExceptionally(refusalOrFault(failed));
            }
            return;
        }
        outcomes.forEach((submission, outcome) -> submission.result().complete(outcome));
    }

    private Map<Submission, WriteOutcome> write(List<Submission> group) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<Submission, WriteOutcome> outcomes = new LinkedHashMap<>();
                for (Map.Entry<Caller, List<Submission>> byCaller : byCaller(group).entrySet()) {
                    DatabaseIdentity.assume(connection, byCaller.getKey());
                    writeRows(connection, byCaller.getValue(), outcomes);
                }
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void writeRows(
            Connection connection,
            List<Submission> submissions,
            Map<Submission, WriteOutcome> outcomes)
            throws SQLException {
        // Concurrent retries of one request may share a group, some with other content: the
        // writer answers each against the stored row, not against the group's first.
        List<RequestLogRow> rows = submissions.stream().map(Submission::row).toList();
        List<WriteOutcome> written = writer.insert(connection, rows);
        for (int i = 0; i < submissions.size(); i++) {
            outcomes.put(submissions.get(i), written.get(i));
        }
    }

    private static Map<Caller, List<Submission>> byCaller(List<Submission> group) {
        Map<Caller, List<Submission>> byCaller = new LinkedHashMap<>();
        for (Submission submission : group) {
            byCaller.computeIfAbsent(submission.caller(), caller -> new ArrayList<>())
                    .add(submission);
        }
        return byCaller;
    }

    private static RuntimeException refusalOrFault(Exception failed) {
        return DatabaseRefusal.of(failed)
                .map(RuntimeException.class::cast)
                .orElseGet(
                        () ->
                                failed instanceof RuntimeException runtime
                                        ? runtime
                                        : new IllegalStateException(
                                                "writing a request log failed", failed));
    }
}
