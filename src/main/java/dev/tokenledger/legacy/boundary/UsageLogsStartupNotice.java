package dev.tokenledger.legacy.boundary;

import dev.tokenledger.platform.schema.ReadinessCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Tells the operator, once, that a legacy usage_logs table is present, and that nothing moves it
 * but an explicit migration step. Never holds up readiness: a legacy table is no reason not to
 * serve.
 */
@ApplicationScoped
public class UsageLogsStartupNotice implements ReadinessCheck {

    private static final Logger LOG = Logger.getLogger(UsageLogsStartupNotice.class);

    private static final String LEGACY_TABLES =
            """
            select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relname = 'usage_logs' and c.relkind in ('r', 'p')
            order by n.nspname
            """;

    private volatile boolean told;

    @Override
    public Optional<String> problem(DataSource runtimeDataSource) {
        if (!told) {
            told = true;
            List<String> schemas = legacySchemas(runtimeDataSource);
            if (!schemas.isEmpty()) {
                LOG.infof(
                        "legacy usage_logs table found in schema %s; it is not migrated"
                            + " automatically: see the README, \"Migrating a usage_logs table\"",
                        String.join(", ", schemas));
            }
        }
        return Optional.empty();
    }

    private static List<String> legacySchemas(DataSource dataSource) {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(LEGACY_TABLES);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        } catch (SQLException unreadable) {
            LOG.debugf("could not look for a legacy usage_logs table: %s", unreadable.getMessage());
        }
        return schemas;
    }
}
