package dev.tokenledger.legacy.control;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import java.util.List;
import java.util.Map;

/** Legacy SQL the translator will not translate or run, with the reason as a sentence. */
public class SqlRefusal extends ProblemException {

    public SqlRefusal(String reason) {
        this("/problems/sql-refused", "SQL refused", reason);
    }

    private SqlRefusal(String type, String title, String reason) {
        super(422, type, title, reason, List.of(Violation.atParameter("sql", reason)), Map.of());
    }

    /** The text is not SQL that the parser understands. */
    public static SqlRefusal unparsable(String reason) {
        return new SqlRefusal("/problems/sql-not-parsed", "SQL not parsed", reason);
    }

    /** PostgreSQL refused the translated statement (a type mismatch, a grouping error...). */
    public static SqlRefusal failed(String reason) {
        return new SqlRefusal("/problems/sql-failed", "SQL failed", reason);
    }
}
