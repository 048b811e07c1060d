package dev.tokenledger.legacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Settings of the legacy compatibility (README, configuration): the largest page a read returns,
 * the statement timeout of translated SQL, and the dates announced in the Deprecation and Sunset
 * headers.
 */
@ApplicationScoped
public class LegacySettings {

    private static final Logger LOG = Logger.getLogger(LegacySettings.class);

    @Inject
    @ConfigProperty(name = "tokenledger.legacy.max-rows", defaultValue = "1000")
    int maxRows;

    @Inject
    @ConfigProperty(name = "tokenledger.legacy.sql-timeout-ms", defaultValue = "5000")
    int sqlTimeoutMillis;

    @Inject
    @ConfigProperty(name = "tokenledger.legacy.deprecated-since", defaultValue = "2026-12-01")
    String deprecatedSince;

    @Inject
    @ConfigProperty(name = "tokenledger.legacy.sunset")
    Optional<String> sunset;

    /** A date that does not parse stops the deployment with one clear line, not each request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            deprecationHeader();
            sunsetHeader();
        } catch (DateTimeParseException invalid) {
            LOG.errorf(
                    "refusing to start: TOKENLEDGER_LEGACY_DEPRECATED_SINCE and"
                            + " TOKENLEDGER_LEGACY_SUNSET must be dates such as 2026-12-01 (%s)",
                    invalid.getParsedString());
            throw new IllegalStateException("invalid legacy deprecation dates", invalid);
        }
    }

    public int maxRows() {
        return Math.max(1, maxRows);
    }

    public int sqlTimeoutMillis() {
        return Math.max(100, sqlTimeoutMillis);
    }

    /** RFC 9745: the moment the legacy interface was deprecated, as {@code @epoch-seconds}. */
    public String deprecationHeader() {
        return "@"
                + LocalDate.parse(deprecatedSince.trim())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toEpochSecond();
    }

    /** RFC 8594: when the legacy interface goes away, as an HTTP date; empty when not set. */
    public Optional<String> sunsetHeader() {
        return sunset.filter(date -> !date.isBlank())
                .map(
                        date ->
                                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                        LocalDate.parse(date.trim()).atStartOfDay(ZoneOffset.UTC)));
    }
}
