package dev.tokenledger.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's choices for gateway ingestion (environment variables, see the README). */
@ApplicationScoped
public class IngestSettings {

    /**
     * Whether prompts and responses (LiteLLM's messages and response) are stored with the rows and
     * dead letters. Off by default: the ledger records costs, not conversations.
     */
    @Inject
    @ConfigProperty(name = "tokenledger.ingest.store-prompts", defaultValue = "false")
    boolean storePrompts;

    public boolean storePrompts() {
        return storePrompts;
    }
}
