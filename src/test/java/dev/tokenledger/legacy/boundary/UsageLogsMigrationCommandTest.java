package dev.tokenledger.legacy.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's own rules; nothing here reaches a database. */
class UsageLogsMigrationCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void optionsAreTakenWithASpaceOrAnEqualsSignUnderTheApisNames() {
        Map<String, String> options = new HashMap<>();

        String command =
                UsageLogsMigrationCommand.parse(
                        new String[] {
                            "run",
                            "--batch-size",
                            "100",
                            "--time-zone=Europe/Berlin",
                            "--schema",
                            "legacy"
                        },
                        options);

        assertThat(command).isEqualTo("run");
        assertThat(options)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "batch_size",
                                "100",
                                "time_zone",
                                "Europe/Berlin",
                                "schema",
                                "legacy"));
    }

    @Test
    void aMissingOrUnknownCommandOrOptionIsAUsageErrorWithTheUsage() {
        assertThat(run()).isEqualTo(UsageLogsMigrationCommand.USAGE);
        assertThat(run("migrate-everything")).isEqualTo(UsageLogsMigrationCommand.USAGE);
        assertThat(run("run", "--force")).isEqualTo(UsageLogsMigrationCommand.USAGE);
        assertThat(run("drop", "--confirm")).isEqualTo(UsageLogsMigrationCommand.USAGE);
        assertThat(text(err))
                .contains("Option --confirm needs a value.")
                .contains("Usage: usage-logs-migration <command> [options]");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void aBadOptionValueIsRefusedNamingTheOptionBeforeAnyConnection() {
        int status = run("run", "--batch-size", "0", "--url", "jdbc:postgresql://192.0.2.1/x");

        assertThat(status).isEqualTo(UsageLogsMigrationCommand.USAGE);
        assertThat(text(err))
                .isEqualTo(
                        "--batch-size: must be a whole number from 1 to 50000."
                                + System.lineSeparator());
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(text(out)).contains("dry-run").contains("TOKENLEDGER_DB_OWNER_PASSWORD");
    }

    @Test
    void parsingRefusesAValuelessOption() {
        assertThatThrownBy(
                        () ->
                                UsageLogsMigrationCommand.parse(
                                        new String[] {"run", "--schema"}, new HashMap<>()))
                .hasMessage("Option --schema needs a value.");
    }

    private int run(String... args) {
        return UsageLogsMigrationCommand.run(args, Map.of(), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
