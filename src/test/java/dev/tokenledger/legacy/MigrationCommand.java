package dev.tokenledger.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenledger.legacy.boundary.UsageLogsMigrationCommand;
import dev.tokenledger.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The migration command run as an operator runs it: a JVM of its own, configured by the server's
 * environment variables, so a test can kill it like any process.
 */
final class MigrationCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A finished command: its exit status, its report (stdout) and its log (stderr). */
    record Result(int exitCode, String out, String err) {

        JsonNode report() {
            try {
                return JSON.readTree(out);
            } catch (IOException notJson) {
                throw new AssertionError("no JSON report (exit " + exitCode + "): " + out + err);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out + err;
        }
    }

    /** A started command, whose output goes to files so a killed process cannot block. */
    record Running(Process process, Path folder) {

        Result await() {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("the migration command did not end in 5 minutes");
                }
                return new Result(process.exitValue(), read("out"), read("err"));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }

        /** SIGTERM, as a service manager stops a process (Ctrl+C's SIGINT is handled alike). */
        void terminate() {
            process.destroy();
        }

        /** SIGKILL: no shutdown hook, no last commit. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        String read(String stream) {
            try {
                return Files.readString(folder.resolve(stream), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    private MigrationCommand() {}

    static Result run(String... args) {
        return start(args).await();
    }

    /** The command against another database than the test database. */
    static Result runOn(String databaseUrl, String... args) {
        return start(databaseUrl, args).await();
    }

    static Running start(String... args) {
        return start(System.getProperty("test.db.url"), args);
    }

    private static Running start(String databaseUrl, String... args) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                UsageLogsMigrationCommand.class.getName()));
        command.addAll(List.of(args));
        try {
            Path folder = Files.createTempDirectory("usage-logs-migration");
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectOutput(folder.resolve("out").toFile())
                            .redirectError(folder.resolve("err").toFile());
            builder.environment().put("TOKENLEDGER_DB_URL", databaseUrl);
            builder.environment().put("TOKENLEDGER_DB_OWNER_USER", TestDatabase.OWNER);
            builder.environment().put("TOKENLEDGER_DB_OWNER_PASSWORD", TestDatabase.OWNER_PASSWORD);
            return new Running(builder.start(), folder);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
