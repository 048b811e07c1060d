package dev.tokenledger.legacy.control;

import dev.tokenledger.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * A client error of the usage_logs compatibility, in PostgREST's terms: a {@code code} (a PostgREST
 * {@code PGRST...} code or the SQLSTATE PostgreSQL would have raised), a message, and optional
 * details and hint. Being a {@link ProblemException}, it rolls back any transaction it passes
 * through.
 */
public class PostgrestError extends ProblemException {

    private final String code;
    private final String details;
    private final String hint;

    public PostgrestError(int status, String code, String message, String details, String hint) {
        this(status, code, message, details, hint, Map.of());
    }

    public PostgrestError(
            int status,
            String code,
            String message,
            String details,
            String hint,
            Map<String, String> headers) {
        super(
                status,
                "/problems/postgrest/" + code,
                "PostgREST error " + code,
                message,
                List.of(),
                headers);
        this.code = code;
        this.details = details;
        this.hint = hint;
    }

    public String code() {
        return code;
    }

    public String details() {
        return details;
    }

    public String hint() {
        return hint;
    }

    /** PGRST100: a query parameter that does not parse. */
    public static PostgrestError parse(String message, String details) {
        return new PostgrestError(400, "PGRST100", message, details, null);
    }

    /** 42703: a column usage_logs does not have, with a hint when one is close. */
    public static PostgrestError unknownColumn(String name) {
        String hint =
                ColumnNames.closest(name)
                        .map(
                                c ->
                                        "Perhaps you meant to reference the column \"usage_logs."
                                                + c
                                                + "\".")
                        .orElse(null);
        return new PostgrestError(
                400, "42703", "column usage_logs." + name + " does not exist", null, hint);
    }

    /** PGRST204: a body or columns key that names no usage_logs column. */
    public static PostgrestError missingColumn(String name) {
        return new PostgrestError(
                400,
                "PGRST204",
                "Could not find the '" + name + "' column of 'usage_logs' in the schema cache",
                null,
                null);
    }

    /** 22P02 and friends: a value that cannot be read as the column's type. */
    public static PostgrestError invalidValue(String sqlState, String message) {
        return new PostgrestError(400, sqlState, message, null, null);
    }

    /** 42501, answered 401 without a token and 403 with one, as PostgREST does. */
    public static PostgrestError permission(
            boolean presentedToken, String message, String details) {
        return new PostgrestError(presentedToken ? 403 : 401, "42501", message, details, null);
    }
}
