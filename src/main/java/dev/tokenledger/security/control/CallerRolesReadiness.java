package dev.tokenledger.security.control;

import dev.tokenledger.platform.schema.ReadinessCheck;
import dev.tokenledger.security.entity.CallerRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Row-level security is only a wall if the role the application logs in as is no superuser, has no
 * BYPASSRLS, and can switch to every caller role. This check refuses to serve otherwise.
 */
@ApplicationScoped
public class CallerRolesReadiness implements ReadinessCheck {

    @Override
    public Optional<String> problem(DataSource runtime) {
        try (Connection connection = runtime.getConnection()) {
            return privileged(connection).or(() -> missingMemberships(connection));
        } catch (SQLException unreachable) {
            return Optional.of("cannot check the runtime role: " + unreachable.getMessage());
        }
    }

    private static Optional<String> privileged(Connection connection) throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement(
                                "select rolname, rolsuper or rolbypassrls from pg_roles"
                                        + " where rolname = current_user");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getBoolean(2)
                    ? Optional.of(
                            "the runtime role "
                                    + row.getString(1)
                                    + " is a superuser or has BYPASSRLS, so row-level security"
                                    + " would not apply; set TOKENLEDGER_DB_USER to an ordinary"
                                    + " role (config/db/roles.sql)")
                    : Optional.empty();
        }
    }

    private static Optional<String> missingMemberships(Connection connection) {
        String[] roles =
                Arrays.stream(CallerRole.values())
                        .map(CallerRole::databaseRole)
                        .toArray(String[]::new);
        List<String> missing = new ArrayList<>();
        try (PreparedStatement query =
                connection.prepareStatement(
                        "select r from unnest(?::text[]) r where case when exists (select 1 from"
                            + " pg_roles where rolname = r) then not pg_has_role(current_user, r,"
                            + " 'MEMBER') else true end")) {
            query.setArray(1, connection.createArrayOf("text", roles));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    missing.add(rows.getString(1));
                }
            }
        } catch (SQLException failed) {
            return Optional.of(
                    "cannot check the runtime role's memberships: " + failed.getMessage());
        }
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        "the runtime role cannot act as "
                                + String.join(", ", missing)
                                + "; run config/db/roles.sql as a database administrator");
    }
}
