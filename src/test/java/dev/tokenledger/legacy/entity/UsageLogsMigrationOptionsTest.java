package dev.tokenledger.legacy.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageLogsMigrationOptionsTest {

    @Test
    void withoutOptionsThePublicSchemaIsCopiedInBatchesOfFiveThousand() {
        UsageLogsMigrationOptions options = UsageLogsMigrationOptions.defaults();

        assertThat(options.schema()).isEqualTo("public");
        assertThat(options.timeZone()).isEmpty();
        assertThat(options.batchSize()).isEqualTo(5_000);
        assertThat(options.pauseMillis()).isZero();
        assertThat(options.listLimit()).isEqualTo(100);
    }

    @Test
    void numbersAreAcceptedUpToTheirBoundsAndRefusedBeyondThemNamingTheOption() {
        assertThat(
                        options(
                                        Map.of(
                                                "batch_size",
                                                "1",
                                                "pause_ms",
                                                "60000",
                                                "list_limit",
                                                "10000"))
                                .batchSize())
                .isEqualTo(1);
        assertThat(options(Map.of("batch_size", " 50000 ")).batchSize()).isEqualTo(50_000);

        refused(Map.of("batch_size", "0"), "batch_size", "from 1 to 50000");
        refused(Map.of("batch_size", "50001"), "batch_size", "from 1 to 50000");
        refused(Map.of("batch_size", "1e3"), "batch_size", "whole number");
        refused(Map.of("pause_ms", "-1"), "pause_ms", "from 0 to 60000");
        refused(Map.of("list_limit", "0"), "list_limit", "from 1 to 10000");
    }

    @Test
    void schemasAreLowerCaseNamesThatNeedNoQuoting() {
        assertThat(options(Map.of("schema", "legacy_2024")).schema()).isEqualTo("legacy_2024");

        refused(Map.of("schema", "Legacy"), "schema", "lower-case");
        refused(Map.of("schema", "public;drop"), "schema", "lower-case");
        refused(Map.of("schema", "a\"b"), "schema", "lower-case");
    }

    @Test
    void timeZonesAreIanaNamesNotOffsetsOrAbbreviations() {
        assertThat(options(Map.of("time_zone", "Europe/Berlin")).timeZone())
                .contains(ZoneId.of("Europe/Berlin"));

        refused(Map.of("time_zone", "+02:00"), "time_zone", "IANA");
        refused(Map.of("time_zone", "CEST"), "time_zone", "IANA");
        refused(Map.of("time_zone", "Mars/Olympus"), "time_zone", "IANA");
    }

    @Test
    void aNamedZoneWinsThenTheZoneTheMigrationStartedWithThenUtc() {
        UsageLogsMigrationOptions named = options(Map.of("time_zone", "Asia/Tokyo"));
        UsageLogsMigrationOptions unnamed = UsageLogsMigrationOptions.defaults();

        assertThat(named.zoneOr(Optional.of("Europe/Berlin"))).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(unnamed.zoneOr(Optional.of("Europe/Berlin")))
                .isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(unnamed.zoneOr(Optional.empty())).isEqualTo(ZoneId.of("UTC"));
    }

    private static UsageLogsMigrationOptions options(Map<String, String> given) {
        return UsageLogsMigrationOptions.from(given::get);
    }

    private static void refused(Map<String, String> given, String option, String words) {
        assertThatThrownBy(() -> options(given))
                .isInstanceOfSatisfying(
                        UsageLogsMigrationException.class,
                        refusal -> {
                            assertThat(refusal.kind())
                                    .isEqualTo(UsageLogsMigrationException.Kind.INVALID);
                            assertThat(refusal.option()).isEqualTo(option);
                            assertThat(refusal.getMessage()).contains(words);
                        });
    }
}
