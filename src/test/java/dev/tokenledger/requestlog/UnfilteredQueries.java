package dev.tokenledger.requestlog;

import dev.tokenledger.requestlog.entity.AdditionalDetails;
import dev.tokenledger.requestlog.entity.RequestLog;
import dev.tokenledger.security.boundary.CallerTransaction;
import dev.tokenledger.security.entity.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Test-only queries with the bugs row-level security must survive: no end_user filter at all,
 * through JPA and through the raw datasource, inside a caller's transaction.
 */
@Stateless
@CallerTransaction
public class UnfilteredQueries {

    @PersistenceContext(unitName = "tokenledger")
    EntityManager entityManager;

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    @SuppressWarnings("unchecked")
    public List<String> everyEndUserThroughJpa(Caller caller) {
        return entityManager.createNativeQuery("select end_user from request_logs").getResultList();
    }

    public List<String> everyEndUserThroughJdbc(Caller caller) throws SQLException {
        List<String> users = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("select end_user from request_logs")) {
            while (rows.next()) {
                users.add(rows.getString(1));
            }
        }
        return users;
    }

    /** The backend process JPA and JDBC use in one transaction: they must be one and the same. */
    public List<Integer> backendsSeenByJpaAndJdbc(Caller caller) throws SQLException {
        Number jpa =
                (Number)
                        entityManager
                                .createNativeQuery("select pg_backend_pid()")
                                .getSingleResult();
        try (Connection connection = dataSource.getConnection();
                Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("select pg_backend_pid()")) {
            row.next();
            return List.of(jpa.intValue(), row.getInt(1));
        }
    }

    /** Loads a row as an ordinary managed entity and reads its details, changing nothing. */
    public void readManaged(Caller caller, UUID id) {
        entityManager.find(RequestLog.class, id).getAdditionalDetails().toJson();
    }

    /** Changes a loaded row's details behind JPA's back, to show that dirty checking notices. */
    public void changeDetailsOfLoadedRow(Caller caller, UUID id)
            throws ReflectiveOperationException {
        RequestLog log = entityManager.find(RequestLog.class, id);
        Field details = RequestLog.class.getDeclaredField("additionalDetails");
        details.setAccessible(true);
        details.set(log, ((AdditionalDetails) details.get(log)).with("changed", "yes"));
    }
}
