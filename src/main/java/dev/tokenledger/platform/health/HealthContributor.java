package dev.tokenledger.platform.health;

import java.util.Optional;

/**
 * A component's part of the health answer: something that can stop the service from working while
 * the database is fine (a writer thread gone, say). Implementations are CDI beans.
 */
public interface HealthContributor {

    /** What is wrong, or empty when all is well. */
    Optional<String> problem();
}
