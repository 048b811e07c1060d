package dev.tokenledger.platform.schema;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the application can serve: the database migrated and usable, and no configuration
 * refused. Requests are refused with 503 until it can, and health reports why not.
 */
@ApplicationScoped
public class SchemaState {

    private volatile String version;
    private volatile String problem = "The database has not been checked yet.";
    private volatile String refusal;

    void ready(String migratedVersion) {
        version = migratedVersion;
        problem = null;
    }

    void failed(String reason) {
        problem = reason;
    }

    /**
     * Refuses to serve for good (until a restart), for a configuration that must not run, such as a
     * short token secret in production.
     */
    public void refuse(String reason) {
        refusal = reason;
    }

    public boolean isReady() {
        return refusal == null && problem == null;
    }

    public String version() {
        return version;
    }

    public String problem() {
        return refusal != null ? refusal : problem;
    }
}
