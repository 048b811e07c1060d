package dev.tokenledger.legacy.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tokenledger.legacy.control.MigrationConnections;
import dev.tokenledger.legacy.control.UsageLogsMigration;
import dev.tokenledger.legacy.control.UsageLogsRetirer;
import dev.tokenledger.legacy.control.UsageLogsRun;
import dev.tokenledger.legacy.entity.UsageLogsComparison;
import dev.tokenledger.legacy.entity.UsageLogsDryRun;
import dev.tokenledger.legacy.entity.UsageLogsMigrationException;
import dev.tokenledger.legacy.entity.UsageLogsMigrationOptions;
import dev.tokenledger.legacy.entity.UsageLogsRunReport;
import dev.tokenledger.legacy.entity.UsageLogsVerification;
import dev.tokenledger.platform.json.Json;
import java.io.PrintStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import sun.misc.Signal;

/**
 * The usage_logs migration from the command line, for operators without a running server. It drives
 * the same control classes as the REST resource, over a JDBC connection as the schema owner,
 * configured by the server's own environment variables. The report goes to standard output as JSON
 * (the API's document), progress to standard error.
 */
public final class UsageLogsMigrationCommand {

    static final int DONE = 0;
    static final int NEEDS_ATTENTION = 1;
    static final int USAGE = 2;
    static final int REFUSED = 3;
    static final int FAILED = 4;

    private static final String USAGE_TEXT =
            """
            Usage: usage-logs-migration <command> [options]

            Commands:
              status       where the migration stands
              dry-run      what a run would do, without writing
              run          copy every row (or resume an interrupted run), then verify
              verify       check every legacy id against request_logs, value by value
              finish       verify under a lock, then rename usage_logs to usage_logs_retired_<time>
              drop         drop the retired table; needs --confirm <its name>
              create-view  create the read-only usage_logs view over request_logs
              stop         end the migration step running now, wherever it runs

            Options:
              --schema NAME      schema of the usage_logs table (default public)
              --time-zone ZONE   zone the times without zone were written in (default UTC)
              --batch-size N     rows per transaction, 1 to 50000 (default 5000)
              --pause-ms N       pause between batches, 0 to 60000 (default 0)
              --list-limit N     rows listed per kind in reports, 1 to 10000 (default 100)
              --confirm TABLE    the retired table's name, for drop
              --url JDBC_URL     overrides TOKENLEDGER_DB_URL
              --user ROLE        overrides TOKENLEDGER_DB_OWNER_USER

            The password is read from TOKENLEDGER_DB_OWNER_PASSWORD.
            Exit status: 0 done, 1 verification failed or rows need attention, 2 usage,
            3 refused, 4 interrupted or database failure.
            """;

    private static final Set<String> COMMANDS =
            Set.of("status", "dry-run", "run", "verify", "finish", "drop", "create-view", "stop");
    private static final Set<String> OPTIONS =
            Set.of(
                    "--schema",
                    "--time-zone",
                    "--batch-size",
                    "--pause-ms",
                    "--list-limit",
                    "--confirm",
                    "--url",
                    "--user");

    private UsageLogsMigrationCommand() {}

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "jdk");
        System.setProperty(
                "java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT%1$tz %4$s %5$s%6$s%n");
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command; returns the exit status. */
    static int run(
            String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        String command;
        try {
            command = parse(args, options);
        } catch (IllegalArgumentException usage) {
            err.println(usage.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (command.equals("help")) {
            out.print(USAGE_TEXT);
            return DONE;
        }
        MigrationConnections connections = connections(options, environment);
        try {
            return execute(
                    command,
                    UsageLogsMigrationOptions.from(options::get),
                    options,
                    connections,
                    out);
        } catch (UsageLogsMigrationException refused) {
            String option =
                    refused.option() == null
                            ? ""
                            : "--" + refused.option().replace('_', '-') + ": ";
            err.println(option + refused.getMessage());
            return switch (refused.kind()) {
                case INVALID -> USAGE;
                case INTERRUPTED -> FAILED;
                default -> REFUSED;
            };
        } catch (SQLException failed) {
            if (UsageLogsMigrationException.isPrivilegeMissing(failed.getSQLState())) {
                err.println(
                        UsageLogsMigrationException.privilegeMissing(failed.getMessage())
                                .getMessage());
                return REFUSED;
            }
            err.println(
                    "database failure (SQLSTATE "
                            + failed.getSQLState()
                            + "): "
                            + failed.getMessage());
            return FAILED;
        }
    }

    private static int execute(
            String command,
            UsageLogsMigrationOptions options,
            Map<String, String> given,
            MigrationConnections connections,
            PrintStream out)
            throws SQLException {
        UsageLogsMigration migration = new UsageLogsMigration(connections);
        UsageLogsRetirer retirer = new UsageLogsRetirer(connections);
        switch (command) {
            case "status" -> print(out, migration.status(options.schema()));
            case "dry-run" -> {
                UsageLogsDryRun dryRun = migration.dryRun(options);
                print(out, dryRun);
                return dryRun.readyToRun() && clean(dryRun.comparison()) ? DONE : NEEDS_ATTENTION;
            }
            case "run" -> {
                UsageLogsRunReport report = runStoppably(migration.begin(options));
                print(out, report);
                if (!report.completed()) {
                    return FAILED;
                }
                return report.verification().passed() ? DONE : NEEDS_ATTENTION;
            }
            case "verify" -> {
                UsageLogsVerification verification = migration.verify(options);
                print(out, verification);
                return verification.passed() ? DONE : NEEDS_ATTENTION;
            }
            case "finish" -> print(out, retirer.finish(options));
            case "drop" -> print(out, retirer.drop(options, given.get("confirm")));
            case "create-view" -> print(out, retirer.createView(options));
            case "stop" -> {
                boolean stopped = retirer.stop();
                print(out, Map.of("stopped", stopped));
                return stopped ? DONE : NEEDS_ATTENTION;
            }
            default -> throw new IllegalStateException("unhandled command " + command);
        }
        return DONE;
    }

    /**
     * Ctrl+C or a TERM signal stops the run after its current batch, which it commits; the report
     * is still printed and the exit status says interrupted. Handled as signals rather than in a
     * shutdown hook: once the JVM shuts down, the report could no longer be printed.
     */
    private static UsageLogsRunReport runStoppably(UsageLogsRun run) {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), received -> run.stop());
            } catch (IllegalArgumentException notOnThisSystem) {
                // the run is then stopped as any process is
            }
        }
        return run.execute();
    }

    private static boolean clean(UsageLogsComparison comparison) {
        return comparison != null && comparison.rejected() == 0 && comparison.conflicts() == 0;
    }

    static String parse(String[] args, Map<String, String> options) {
        if (args.length == 0) {
            throw new IllegalArgumentException("No command given.");
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h")) {
            return "help";
        }
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("Unknown command: " + command);
        }
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("Unknown option: " + name);
            }
            String value =
                    equals >= 0
                            ? arg.substring(equals + 1)
                            : (i + 1 < args.length ? args[++i] : null);
            if (value == null) {
                throw new IllegalArgumentException("Option " + name + " needs a value.");
            }
            options.put(name.substring(2).replace('-', '_'), value);
        }
        return command;
    }

    private static MigrationConnections connections(
            Map<String, String> options, Map<String, String> environment) {
        String url =
                options.getOrDefault(
                        "url",
                        environment.getOrDefault(
                                "TOKENLEDGER_DB_URL",
                                "jdbc:postgresql://localhost:5432/tokenledger"));
        Properties login = new Properties();
        login.setProperty(
                "user",
                options.getOrDefault(
                        "user",
                        environment.getOrDefault(
                                "TOKENLEDGER_DB_OWNER_USER", "tokenledger_owner")));
        login.setProperty(
                "password",
                environment.getOrDefault("TOKENLEDGER_DB_OWNER_PASSWORD", "tokenledger_owner"));
        login.setProperty("ApplicationName", "token-ledger usage_logs migration");
        return () -> DriverManager.getConnection(url, login);
    }

    private static void print(PrintStream out, Object report) {
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a report always serialises", impossible);
        }
    }
}
