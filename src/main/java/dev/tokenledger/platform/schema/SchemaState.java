package dev.tokenledger.platform.schema;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the database is migrated and usable. Requests are refused with 503 until it is, and
 * health reports why not.
 */
@ApplicationScoped
public class SchemaState {

    private volatile String version;
    private volatile String problem = "The database has not been checked yet.";

    void ready(String migratedVersion) {
        version = migratedVersion;
        problem = null;
    }

    void failed(String reason) {
        problem = reason;
    }

    public boolean isReady() {
        return problem == null;
    }

    public String version() {
        return version;
    }

    public String problem() {
        return problem;
    }
}
