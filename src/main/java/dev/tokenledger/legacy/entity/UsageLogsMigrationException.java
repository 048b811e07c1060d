package dev.tokenledger.legacy.entity;

/**
 * Why a usage_logs migration step was refused, in words an operator can act on. The REST boundary
 * turns the kind into a status code, the command line into an exit code.
 */
public class UsageLogsMigrationException extends RuntimeException {

    /** What kind of refusal this is. */
    public enum Kind {
        /** An option is malformed; {@link #option()} names it. */
        INVALID,
        /** There is no legacy table (or no migration) to act on. */
        NOT_FOUND,
        /** The step does not fit the migration's state: not verified, wrong phase, busy. */
        CONFLICT,
        /** A run stopped before reading every row; running again resumes it. */
        INTERRUPTED
    }

    private final Kind kind;
    private final String option;

    public UsageLogsMigrationException(Kind kind, String message) {
        this(kind, null, message);
    }

    private UsageLogsMigrationException(Kind kind, String option, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.option = option;
    }

    public static UsageLogsMigrationException invalid(String option, String message) {
        return new UsageLogsMigrationException(Kind.INVALID, option, message);
    }

    public static UsageLogsMigrationException conflict(String message) {
        return new UsageLogsMigrationException(Kind.CONFLICT, message);
    }

    public static UsageLogsMigrationException notFound(String message) {
        return new UsageLogsMigrationException(Kind.NOT_FOUND, message);
    }

    /**
     * A privilege the migrating role lacks on the legacy table or its schema (SQLSTATE 42501): the
     * operator's setup to fix, not the caller's request.
     */
    public static UsageLogsMigrationException privilegeMissing(String databaseMessage) {
        return conflict(
                "The database refused the migrating role: "
                        + databaseMessage
                        + ". A dry run lists the GRANT and ALTER TABLE ... OWNER TO statements the"
                        + " legacy table needs.");
    }

    public static boolean isPrivilegeMissing(String sqlState) {
        return "42501".equals(sqlState);
    }

    public Kind kind() {
        return kind;
    }

    /** The option at fault (snake_case, as the API names it), for {@link Kind#INVALID}. */
    public String option() {
        return option;
    }
}
