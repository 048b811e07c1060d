package dev.tokenledger.requestlog.entity;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.platform.time.IsoTimes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the next page of a newest-first listing starts: just after the row (created_at, id). Opaque
 * to clients: URL-safe base64 of the pair.
 */
public record PageCursor(Instant createdAt, UUID id) {

    public static PageCursor after(RequestLogRecord last) {
        return new PageCursor(last.createdAt(), last.id());
    }

    public String encode() {
        String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code cursor} query parameter: absent, or a cursor this server issued, else 422. */
    public static Optional<PageCursor> parameter(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                decode(cursor)
                        .orElseThrow(
                                () ->
                                        ProblemException.invalid(
                                                Violation.atParameter(
                                                        "cursor",
                                                        "is not a cursor this server issued."))));
    }

    /** Empty for anything that is not a cursor this server issued. */
    public static Optional<PageCursor> decode(String encoded) {
        try {
            String[] parts =
                    new String(
                                    Base64.getUrlDecoder().decode(encoded.trim()),
                                    StandardCharsets.UTF_8)
                            .split("\\.", 3);
            long nanos = Long.parseLong(parts[1]);
            Instant time = Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
            boolean issued = nanos >= 0 && nanos < 1_000_000_000 && IsoTimes.inRange(time);
            return issued
                    ? Optional.of(new PageCursor(time, UUID.fromString(parts[2])))
                    : Optional.empty();
        } catch (RuntimeException notACursor) {
            return Optional.empty();
        }
    }
}
