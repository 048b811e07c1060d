package dev.tokenledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The test server's log file, to check what an operator would read. */
public final class ServerLog {

    private ServerLog() {}

    /** The lines that mention every one of the given texts. */
    public static List<String> linesWith(String... texts) {
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> List.of(texts).stream().allMatch(line::contains))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
