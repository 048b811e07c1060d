package dev.tokenledger.platform.problem;

import java.sql.SQLException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads a PostgreSQL error out of an exception chain and, where it is the caller's doing (bad data,
 * a broken constraint, a row-level-security refusal, a cancelled statement), turns it into the
 * matching client error. The SQLSTATE classes are PostgreSQL's (Appendix A of its manual).
 */
public final class DatabaseRefusal {

    private static final Logger LOG = Logger.getLogger(DatabaseRefusal.class);

    private DatabaseRefusal() {}

    /**
     * The client error for a database refusal in the chain, logged once as a warning: the
     * application's own checks should have refused the request first.
     */
    public static Optional<ProblemException> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<ProblemException> refusal =
                        classify(sql.getSQLState(), firstLine(sql.getMessage()));
                refusal.ifPresent(
                        problem ->
                                LOG.warnf(
                                        "database refused a request (SQLSTATE %s):" + " %s",
                                        sql.getSQLState(), firstLine(sql.getMessage())));
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<ProblemException> classify(String state, String message) {
        if (state.equals("42501")) {
            return Optional.of(
                    ProblemException.forbidden(
                            "The database's access rules refuse this operation for the caller."));
        }
        if (state.equals("57014")) {
            return Optional.of(
                    new ProblemException(
                            422,
                            "/problems/query-timeout",
                            "Query took too long",
                            "The query ran past its statement timeout and was cancelled."));
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return Optional.of(
                    new ProblemException(
                            422,
                            "/problems/refused-by-database",
                            "Refused by the database",
                            message));
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "The database refused the values.";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
