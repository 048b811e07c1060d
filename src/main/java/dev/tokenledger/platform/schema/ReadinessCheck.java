package dev.tokenledger.platform.schema;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * A component's own condition for serving, checked once the schema is migrated (and again on every
 * retry until all pass). Implementations are CDI beans.
 */
public interface ReadinessCheck {

    /** What is wrong and what an operator should do about it, or empty when ready. */
    Optional<String> problem(DataSource runtimeDataSource);
}
