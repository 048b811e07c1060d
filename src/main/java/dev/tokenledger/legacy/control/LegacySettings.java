package dev.tokenledger.legacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the legacy compatibility (README, configuration): the largest page a read returns,
 * the statement timeout of translated SQL, and the dates announced in the Deprecation and Sunset
 * headers.
 */
@ApplicationScoped
public class LegacySettings {

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

    public int maxRows() {
        return Math.max(1, maxRows);
    }

    public int sqlTimeoutMillis() {
        return Math.max(100, sqlTimeoutMillis);
    }

    /** RFC 9745: the moment the legacy interface was deprecated, as {@code @epoch-seconds}. */
    public String deprecationHeader() {
        return "@" + LocalDate.parse(deprecatedSince.trim()).atStartOfDay(ZoneOffset.UTC)
                .toEpochSecond();
    }

    /** RFC 8594: when the legacy interface goes away, as an HTTP date; empty when not set. */
    public Optional<String> sunsetHeader() {
        return sunset.filter(date -> !date.isBlank())
                .map(date -> DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        LocalDate.parse(date.trim()).atStartOfDay(ZoneOffset.UTC)));
    }
}
